"""Org-chart file formats, parsed into one record shape.

- CSV (ours): columns id, name, title, email, seniority, team, managerId, and
  optionally buyingRole, sentiment, status, linkedinUrl (header names are case-insensitive;
  `manager_id`, `manager id` work too).
- SCIM 2.0 Users as JSON (a ListResponse with `Resources`, or a list of Users): id,
  displayName (or name.formatted / givenName + familyName), title, emails (primary
  first), active, and the enterprise extension's manager.value, department, division;
  a LinkedIn profile URL from the top-level `x-linkedin` attribute.
- Salesforce Contact export CSV: Id, Name (or FirstName + LastName), Title,
  Department, ReportsToId, Email, AccountId, and the custom field LinkedIn_URL__c.

Seniority comes from a `seniority` column when present, otherwise from the title
(`infer_seniority`).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import orjson
import strawberry

ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
# SCIM has no LinkedIn attribute: we read this top-level extension attribute (a URL).
LINKEDIN = "x-linkedin"
# Salesforce has no standard field: the usual custom field's API name.
SALESFORCE_LINKEDIN = "LinkedIn_URL__c"


@strawberry.enum(description="CSV (ours), SCIM 2.0 Users JSON, Salesforce Contacts CSV.")
class OrgFormat(StrEnum):
    CSV = "CSV"
    SCIM = "SCIM"
    SALESFORCE = "SALESFORCE"


@dataclass
class OrgRecord:
    """One person of the file. `row` is the 1-based line (CSV, header = 1) or item number
    (SCIM); `given` lists the fields the file actually carries."""

    row: int
    id: str
    name: str | None = None
    title: str | None = None
    email: str | None = None
    external_id: str | None = None  # SCIM externalId: the id in the system of record
    linkedin_url: str | None = None
    seniority: str | None = None
    seniority_inferred: bool = False
    team: str | None = None
    parent_team: str | None = None
    manager_id: str | None = None
    active: bool = True
    buying_role: str | None = None
    sentiment: str | None = None
    account_ref: str | None = None
    given: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class FormatProblem:
    row: int
    column: str
    reason: str


class FormatError(Exception):
    def __init__(self, problems: list[FormatProblem]) -> None:
        super().__init__(problems[0].reason)
        self.problems = problems


_TITLE_RULES = (
    (
        "C_LEVEL",
        re.compile(r"\b(chief|c[a-z]{1,2}o|(?<!vice )(?<!vice-)president|founder)\b", re.I),
    ),
    ("VP", re.compile(r"\b(vp|svp|evp|avp|vice[- ]president)\b", re.I)),
    ("DIRECTOR", re.compile(r"\b(director|head of)\b", re.I)),
    ("MANAGER", re.compile(r"\b(manager|lead|supervisor)\b", re.I)),
)


def infer_seniority(title: str | None) -> str:
    """Chief / C-suite (CEO, CFO, CTO...) / President: C_LEVEL; VP, SVP, Vice President:
    VP; Director, Head of: DIRECTOR; Manager, Lead, Supervisor: MANAGER; else IC. The
    first rule that matches wins, so "VP, Head of Data" is VP."""
    for level, pattern in _TITLE_RULES:
        if title and pattern.search(title):
            return level
    return "IC"


def _blank(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _csv_rows(content: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    # newline="" semantics: a bare CR inside a field is data, not a broken file.
    reader = csv.DictReader(io.StringIO(content.lstrip("\ufeff"), newline=""))
    try:
        headers = reader.fieldnames or []
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        raise FormatError(
            [FormatProblem(reader.line_num, "file", f"not readable as CSV: {exc}")]
        ) from None
    return list(headers), rows


_CSV_COLUMNS = {
    "id": "id", "name": "name", "title": "title", "email": "email", "seniority": "seniority",
    "team": "team", "department": "team", "managerid": "managerId", "manager_id": "managerId",
    "manager id": "managerId", "buyingrole": "buyingRole", "buying_role": "buyingRole",
    "sentiment": "sentiment", "status": "status", "linkedinurl": "linkedinUrl",
    "linkedin_url": "linkedinUrl", "linkedin": "linkedinUrl",
}  # fmt: skip


def parse_csv(content: str) -> list[OrgRecord]:
    headers, rows = _csv_rows(content)
    columns = {h: _CSV_COLUMNS.get(h.strip().lower()) for h in headers}
    problems = [FormatProblem(1, h, "unknown column") for h, c in columns.items() if c is None]
    if "id" not in columns.values() or "name" not in columns.values():
        problems.append(FormatProblem(1, "id,name", "the header needs id and name columns"))
    if problems:
        raise FormatError(problems)
    out = []
    for line, raw in rows:
        values: dict[str, str | None] = {
            key: _blank(v) for h, v in raw.items() if h is not None and (key := columns.get(h))
        }
        rec = OrgRecord(row=line, id=values.get("id") or "", given={k for k in values if k != "id"})
        rec.name, rec.title, rec.email = (
            values.get("name"),
            values.get("title"),
            values.get("email"),
        )
        rec.team, rec.manager_id = values.get("team"), values.get("managerId")
        rec.linkedin_url = values.get("linkedinUrl")
        rec.buying_role, rec.sentiment = values.get("buyingRole"), values.get("sentiment")
        status = values.get("status")
        rec.active = status is None or status.upper() != "DEPARTED"
        if status is not None and status.upper() not in ("ACTIVE", "DEPARTED"):
            raise FormatError(
                [FormatProblem(line, "status", f"unknown status {status!r}: ACTIVE or DEPARTED")]
            )
        _seniority(
            rec,
            values.get("seniority") if "seniority" in values else None,
            "seniority" in columns.values(),
        )
        out.append(rec)
    return out


def _seniority(rec: OrgRecord, explicit: str | None, has_column: bool) -> None:
    if has_column and explicit is not None:
        rec.seniority = explicit.strip().upper()
    else:
        rec.seniority, rec.seniority_inferred = infer_seniority(rec.title), True
    rec.given.add("seniority")


def parse_scim(content: str) -> list[OrgRecord]:
    try:
        doc = orjson.loads(content)
    except orjson.JSONDecodeError as exc:
        raise FormatError([FormatProblem(0, "document", f"not valid JSON: {exc}")]) from None
    users = doc.get("Resources") if isinstance(doc, dict) else doc
    if not isinstance(users, list):
        raise FormatError(
            [FormatProblem(0, "document", "expected a SCIM ListResponse or a list of Users")]
        )
    out = []
    for i, user in enumerate(users, start=1):
        if not isinstance(user, dict):
            raise FormatError([FormatProblem(i, "resource", "not a SCIM User object")])
        ext = user.get(ENTERPRISE) or {}
        name = user.get("name") or {}
        full = (
            _blank(user.get("displayName"))
            or _blank(name.get("formatted"))
            or _blank(" ".join(p for p in (name.get("givenName"), name.get("familyName")) if p))
        )
        emails = sorted(
            user.get("emails") or [], key=lambda e: not (isinstance(e, dict) and e.get("primary"))
        )
        manager = ext.get("manager") or {}
        linkedin = user.get(LINKEDIN)
        rec = OrgRecord(
            row=i,
            id=_blank(user.get("id")) or "",
            name=full,
            title=_blank(user.get("title")),
            email=_blank(emails[0].get("value"))
            if emails and isinstance(emails[0], dict)
            else None,
            team=_blank(ext.get("department")),
            parent_team=_blank(ext.get("division")),
            manager_id=_blank(manager.get("value")) if isinstance(manager, dict) else None,
            active=user.get("active", True) is not False,
            linkedin_url=_blank(linkedin) if isinstance(linkedin, str) else None,
            external_id=_blank(user.get("externalId")),
            given={"name", "title", "email", "team", "managerId"}
            | ({"linkedinUrl"} if LINKEDIN in user else set()),
        )
        _seniority(rec, None, False)
        out.append(rec)
    return out


def parse_salesforce(content: str) -> list[OrgRecord]:
    headers, rows = _csv_rows(content)
    if "Id" not in headers or not (
        {"Name"} <= set(headers) or {"FirstName", "LastName"} <= set(headers)
    ):
        raise FormatError(
            [FormatProblem(1, "Id,Name", "a Salesforce Contact export needs Id and Name")]
        )
    out = []
    for line, raw in rows:
        name = _blank(raw.get("Name")) or _blank(
            " ".join(p for p in (raw.get("FirstName"), raw.get("LastName")) if p)
        )
        rec = OrgRecord(
            row=line,
            id=_blank(raw.get("Id")) or "",
            name=name,
            title=_blank(raw.get("Title")),
            email=_blank(raw.get("Email")),
            team=_blank(raw.get("Department")),
            manager_id=_blank(raw.get("ReportsToId")),
            account_ref=_blank(raw.get("AccountId")),
            linkedin_url=_blank(raw.get(SALESFORCE_LINKEDIN)),
            given={"name", "title", "email", "team", "managerId"}
            | ({"linkedinUrl"} if SALESFORCE_LINKEDIN in headers else set()),
        )
        _seniority(rec, None, False)
        out.append(rec)
    return out


def parse(fmt: OrgFormat, content: str) -> list[OrgRecord]:
    """Records in file order; raises FormatError for a file it cannot read at all."""
    return {OrgFormat.CSV: parse_csv, OrgFormat.SCIM: parse_scim,
            OrgFormat.SALESFORCE: parse_salesforce}[fmt](content)  # fmt: skip


def scim_partial_page(content: str) -> str | None:
    """Why a SCIM document is one page of a longer list (None when it is all of it)."""
    try:
        doc = orjson.loads(content)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(doc, dict):
        return None
    resources = doc.get("Resources") or []
    total, start = doc.get("totalResults"), doc.get("startIndex", 1)
    if isinstance(total, int) and total > len(resources):
        return f"totalResults is {total} but the document holds {len(resources)} Resources"
    if isinstance(start, int) and start > 1:
        return f"startIndex is {start}: the document starts after the first page"
    return None
