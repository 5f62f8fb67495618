"""Org-chart file formats, parsed into one record shape.

- CSV (ours): columns id, name, title, email, seniority, team, managerId, and
  optionally buyingRole, sentiment, status, linkedinUrl (header names are case-insensitive;
  `manager_id`, `manager id` work too).
- SCIM 2.0 Users as JSON (a ListResponse with `Resources`, or a list of Users): id,
  displayName (or name.formatted / givenName + familyName), title, emails (primary
  first), active, and the enterprise extension's manager.value, department, division;
  a LinkedIn profile URL from the top-level `x-linkedin` attribute.
- Salesforce Contact export CSV: Id, Name (or FirstName + LastName), Title,
  Department, ReportsToId, Email, AccountId, and the custom field LinkedIn_URL__c
  (headers in any case, as Data Loader writes them: `ID`, `REPORTSTOID`); the 15- and
  18-character forms of one record id are one id everywhere.

Seniority comes from a `seniority` column when present, otherwise from the title
(`infer_seniority`).

Each format is declared once, in `FORMATS` at the end: its parser, the name its file
gives each field (for error messages), how a file is recognised, and how its ids are
made canonical. A new format is one `SyncFormat` there.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import orjson

from samgraph.config import Settings

ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
# SCIM has no LinkedIn attribute: we read this top-level extension attribute (a URL).
LINKEDIN = "x-linkedin"
# Salesforce has no standard field: the usual custom field's API name.
SALESFORCE_LINKEDIN = "LinkedIn_URL__c"


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


@dataclass(frozen=True)
class Caps:
    """How big a file may be (SAMGRAPH_SYNC_MAX_ROWS, SAMGRAPH_SYNC_MAX_BYTES)."""

    rows: int = 100_000
    bytes: int = 50_000_000

    @classmethod
    def of(cls, settings: Settings) -> Caps:
        return cls(settings.samgraph_sync_max_rows, settings.samgraph_sync_max_bytes)


def check_size(content: str, caps: Caps) -> None:
    """Refuse a file over the byte cap before parsing anything."""
    # A character is 1 to 4 bytes in UTF-8: encode only when the count can be over.
    if len(content) * 4 > caps.bytes and len(content.encode()) > caps.bytes:
        raise FormatError([FormatProblem(0, "file", f"over {caps.bytes} bytes "
                                         "(SAMGRAPH_SYNC_MAX_BYTES): split the file")])  # fmt: skip


def too_many(caps: Caps) -> FormatError:
    return FormatError([FormatProblem(0, "file", f"over {caps.rows} rows "
                                      "(SAMGRAPH_SYNC_MAX_ROWS): split the file")])  # fmt: skip


def csv_rows(content: str, caps: Caps) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]]:
    """The header and the rows with their line numbers (header = 1), read one at a time
    and stopped past the row cap, so a huge file is refused in bounded memory."""
    check_size(content, caps)
    # newline="" semantics: a bare CR inside a field is data, not a broken file.
    reader = csv.DictReader(io.StringIO(content.lstrip("\ufeff"), newline=""))
    try:
        headers = list(reader.fieldnames or [])
    except csv.Error as exc:
        raise FormatError([FormatProblem(1, "file", f"not readable as CSV: {exc}")]) from None

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        count = 0
        try:
            for row in reader:
                count += 1
                if count > caps.rows:
                    raise too_many(caps)
                yield reader.line_num, row
        except csv.Error as exc:
            raise FormatError(
                [FormatProblem(reader.line_num, "file", f"not readable as CSV: {exc}")]
            ) from None

    return headers, rows()


_CSV_COLUMNS = {
    "id": "id", "name": "name", "title": "title", "email": "email", "seniority": "seniority",
    "team": "team", "department": "team", "managerid": "managerId", "manager_id": "managerId",
    "manager id": "managerId", "buyingrole": "buyingRole", "buying_role": "buyingRole",
    "sentiment": "sentiment", "status": "status", "linkedinurl": "linkedinUrl",
    "linkedin_url": "linkedinUrl", "linkedin": "linkedinUrl",
}  # fmt: skip


def parse_csv(content: str, caps: Caps) -> list[OrgRecord]:
    headers, rows = csv_rows(content, caps)
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


def _scim_user(i: int, user: Any, problems: list[FormatProblem]) -> OrgRecord | None:
    """One SCIM User, or None with its problems noted (every malformed shape is a row error)."""
    if not isinstance(user, dict):
        problems.append(FormatProblem(i, "resource", "not a SCIM User object"))
        return None

    def obj(key: str) -> dict[str, Any]:
        value = user.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            problems.append(FormatProblem(i, key, f"must be an object, not {type(value).__name__}"))
            return {}
        return value

    def text(where: Mapping[str, Any], key: str, column: str) -> str | None:
        value = where.get(key)
        if value is None or (isinstance(value, str | int | float) and not isinstance(value, bool)):
            return _blank(value)
        problems.append(FormatProblem(i, column, f"must be a string, not {type(value).__name__}"))
        return None

    before = len(problems)
    ext, name = obj(ENTERPRISE), obj("name")
    full = (
        text(user, "displayName", "displayName")
        or text(name, "formatted", "name.formatted")
        or _blank(" ".join(p for p in (text(name, "givenName", "name.givenName"),
                                       text(name, "familyName", "name.familyName")) if p))
    )  # fmt: skip
    emails = user.get("emails") or []
    if not isinstance(emails, list) or not all(isinstance(e, dict) for e in emails):
        problems.append(FormatProblem(i, "emails", "must be a list of {value, primary} objects"))
        emails = []
    emails = sorted(emails, key=lambda e: not e.get("primary"))
    manager = ext.get("manager") or {}
    if not isinstance(manager, dict):
        problems.append(FormatProblem(i, f"{ENTERPRISE}.manager", "must be an object"))
        manager = {}
    active = user.get("active", True)
    if not isinstance(active, bool):
        problems.append(FormatProblem(i, "active", "must be true or false"))
    rec = OrgRecord(
        row=i,
        id=text(user, "id", "id") or "",
        name=full,
        title=text(user, "title", "title"),
        email=text(emails[0], "value", "emails") if emails else None,
        team=text(ext, "department", "department"),
        parent_team=text(ext, "division", "division"),
        manager_id=text(manager, "value", "manager.value"),
        active=active is not False,
        linkedin_url=text(user, LINKEDIN, LINKEDIN),
        external_id=text(user, "externalId", "externalId"),
        given={"name", "title", "email", "team", "managerId"}
        | ({"linkedinUrl"} if LINKEDIN in user else set()),
    )
    _seniority(rec, None, False)
    return rec if len(problems) == before else None


def parse_scim(content: str, caps: Caps) -> list[OrgRecord]:
    check_size(content, caps)
    try:
        doc = orjson.loads(content)
    except orjson.JSONDecodeError as exc:
        raise FormatError([FormatProblem(0, "document", f"not valid JSON: {exc}")]) from None
    users = doc.get("Resources") if isinstance(doc, dict) else doc
    if not isinstance(users, list):
        raise FormatError(
            [FormatProblem(0, "document", "expected a SCIM ListResponse or a list of Users")]
        )
    if len(users) > caps.rows:
        raise too_many(caps)
    problems: list[FormatProblem] = []
    out = [r for i, user in enumerate(users, start=1) if (r := _scim_user(i, user, problems))]
    if problems:
        raise FormatError(problems)
    return out


# Salesforce field API names, matched in any case; `Name` may come as FirstName + LastName.
_SALESFORCE = {"id": "Id", "name": "Name", "firstname": "FirstName", "lastname": "LastName",
               "title": "Title", "department": "Department", "reportstoid": "ReportsToId",
               "email": "Email", "accountid": "AccountId",
               SALESFORCE_LINKEDIN.lower(): SALESFORCE_LINKEDIN}  # fmt: skip
_SALESFORCE_18 = re.compile(r"^[a-zA-Z0-9]{18}$")


def salesforce_id(record_id: str) -> str:
    """A Salesforce 18-character id is its 15-character id plus a case checksum: one id."""
    return record_id[:15] if _SALESFORCE_18.match(record_id) else record_id


def parse_salesforce(content: str, caps: Caps) -> list[OrgRecord]:
    headers, rows = csv_rows(content, caps)
    # The file's header -> the field's API name (Data Loader writes ID, REPORTSTOID...).
    known = {h: _SALESFORCE[h.strip().lower()] for h in headers if h.strip().lower() in _SALESFORCE}
    has = set(known.values())
    if "Id" not in has or not ({"Name"} <= has or {"FirstName", "LastName"} <= has):
        raise FormatError(
            [FormatProblem(1, "Id,Name", "a Salesforce Contact export needs Id and Name")]
        )
    # Only the fields the export has columns for are given: a missing ReportsToId or
    # Department column keeps the stored managers and teams.
    given = {ours for sf, ours in (("Name", "name"), ("FirstName", "name"), ("Title", "title"),
                                   ("Email", "email"), ("Department", "team"),
                                   ("ReportsToId", "managerId"),
                                   (SALESFORCE_LINKEDIN, "linkedinUrl")) if sf in has}  # fmt: skip
    out = []
    for line, raw in rows:
        v = {known[h]: _blank(value) for h, value in raw.items() if h in known}
        name = v.get("Name") or _blank(
            " ".join(p for p in (v.get("FirstName"), v.get("LastName")) if p)
        )
        rec = OrgRecord(
            row=line,
            id=v.get("Id") or "",
            name=name,
            title=v.get("Title"),
            email=v.get("Email"),
            team=v.get("Department"),
            manager_id=salesforce_id(m) if (m := v.get("ReportsToId")) else None,
            account_ref=salesforce_id(a) if (a := v.get("AccountId")) else None,
            linkedin_url=v.get(SALESFORCE_LINKEDIN),
            given=set(given),
        )
        _seniority(rec, None, False)
        out.append(rec)
    return out


def _salesforce_header(head: str) -> bool:
    """A header naming a Salesforce-only field, in any case (our CSV has none of them;
    an `Id` column alone says nothing: our headers are case-insensitive too)."""
    names = {h.strip().strip('"').lower() for h in head.split(",")}
    return bool(names & {"reportstoid", "accountid", "firstname", "lastname"})


@dataclass(frozen=True)
class SyncFormat:
    """Everything one org-chart format needs, declared once."""

    format: OrgFormat
    parse: Callable[[str, Caps], list[OrgRecord]]
    # Our field -> what the file calls it, for error messages.
    columns: Mapping[str, str]
    # Is a file (its lowercased suffix and its first line) in this format?
    detect: Callable[[str, str], bool]
    # The id two spellings of one record share (Salesforce's 15 and 18 characters).
    canonical: Callable[[str], str] = str
    # A manager id outside the file and the account is a warning (filtered exports)
    # rather than an error (a typo in our own CSV).
    foreign_managers_warn: bool = True

    @property
    def source(self) -> str:
        """The history's source of its changes (domain §18)."""
        return f"sync:{self.format.value.lower()}"


FORMATS: dict[OrgFormat, SyncFormat] = {
    OrgFormat.SCIM: SyncFormat(
        OrgFormat.SCIM, parse_scim,
        {"managerId": "manager.value", "email": "emails", "id": "id", "name": "displayName",
         "linkedinUrl": LINKEDIN},
        detect=lambda suffix, head: suffix == ".json"),
    OrgFormat.SALESFORCE: SyncFormat(
        OrgFormat.SALESFORCE, parse_salesforce,
        {"managerId": "ReportsToId", "email": "Email", "id": "Id", "name": "Name",
         "title": "Title", "team": "Department", "accountRef": "AccountId",
         "linkedinUrl": SALESFORCE_LINKEDIN},
        detect=lambda suffix, head: _salesforce_header(head),
        canonical=salesforce_id),
    # Ours: anything else.
    OrgFormat.CSV: SyncFormat(
        OrgFormat.CSV, parse_csv,
        {"managerId": "managerId", "email": "email", "id": "id", "name": "name"},
        detect=lambda suffix, head: True, foreign_managers_warn=False),
}  # fmt: skip
"""In detection order: the first whose `detect` says yes."""


def detect(filename: str, text: str) -> OrgFormat:
    """The format of a file, from its suffix and first line."""
    suffix = filename[filename.rfind(".") :].lower() if "." in filename else ""
    head = text.lstrip("\ufeff").split("\n", 1)[0]
    return next(f.format for f in FORMATS.values() if f.detect(suffix, head))


def parse(fmt: OrgFormat, content: str, caps: Caps | None = None) -> list[OrgRecord]:
    """Records in file order; raises FormatError for a file it cannot read at all."""
    return FORMATS[fmt].parse(content, caps or Caps())


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
