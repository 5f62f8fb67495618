"""Who is who in an org-chart file: match incoming people to the account's stakeholders
by id, then by a stored source id or SCIM externalId, then by email (case-insensitive),
so an IdP export with GUIDs or a CRM export under other ids updates the people we hold
instead of adding them twice. Salesforce 15- and 18-character ids of one record are one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from samgraph.sync.formats import FORMATS, OrgFormat, OrgRecord


def canonical(fmt: OrgFormat, record_id: str) -> str:
    """The id every spelling of one record shares in this format (formats.FORMATS)."""
    return FORMATS[fmt].canonical(record_id)


def source_key(fmt: OrgFormat, record_id: str) -> str:
    """How a stakeholder remembers a file's id: `SCIM:<id>`, `SALESFORCE:<15-char id>`."""
    return f"{fmt.value}:{canonical(fmt, record_id)}"


def _name_key(name: str | None) -> str:
    return " ".join((name or "").lower().split())


def _match(
    fmt: OrgFormat,
    rec: OrgRecord,
    key: str,
    existing: Mapping[str, Any],
    by_id: Mapping[str, str],
    by_source: Mapping[str, str],
    emails: Mapping[str, list[str]],
) -> tuple[str, str] | None:
    """(stakeholder id, how) for one record: by id, stored source id, externalId, email."""
    if key in by_id:
        return by_id[key], "id"
    if source_key(fmt, rec.id) in by_source:
        return by_source[source_key(fmt, rec.id)], "sourceId"
    ext = rec.external_id
    if ext and ext in existing:
        return ext, "externalId"
    if ext and f"ext:{ext}" in by_source:
        return by_source[f"ext:{ext}"], "externalId"
    same = emails.get(rec.email.lower(), []) if rec.email else []
    return (same[0], "email") if len(same) == 1 else None


@dataclass
class Resolution:
    # file id -> the stakeholder id it is (only for people already held)
    ids: dict[str, str] = field(default_factory=dict)
    # (file id, stakeholder id, how): how is id, sourceId, externalId or email
    matches: list[tuple[str, str, str]] = field(default_factory=list)
    # stakeholder id -> source keys to remember (the next sync matches exactly)
    source_ids: dict[str, list[str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def resolve(
    fmt: OrgFormat, records: list[OrgRecord], existing: Mapping[str, Mapping[str, Any]]
) -> Resolution:
    """Match each record to a held stakeholder, rewrite its id (and the manager ids that
    point at file ids) to the stakeholder's, and list what to remember and to warn of."""
    out = Resolution()
    by_id = {canonical(fmt, sid): sid for sid in existing}
    by_source = {s: sid for sid, p in existing.items() for s in p.get("sourceIds") or []}
    emails: dict[str, list[str]] = {}
    for sid, p in existing.items():
        if p.get("email"):
            emails.setdefault(str(p["email"]).lower(), []).append(sid)
    taken: set[str] = set()
    for rec in records:
        if not rec.id:
            continue
        key = canonical(fmt, rec.id)
        found = _match(fmt, rec, key, existing, by_id, by_source, emails)
        if found is None:
            continue
        sid, how = found
        if sid in taken:
            continue
        taken.add(sid)
        out.ids[rec.id] = sid
        if how != "id" or rec.id != sid:
            out.matches.append((rec.id, sid, how))
        remember = [source_key(fmt, rec.id)] if fmt != OrgFormat.CSV or rec.id != sid else []
        if rec.external_id:
            remember.append(f"ext:{rec.external_id}")
        new = [s for s in remember if s not in (existing[sid].get("sourceIds") or [])]
        if new:
            out.source_ids[sid] = new
    files = {r.id: r for r in records}
    # The file's ids (canonical: a 15-character ReportsToId finds an 18-character Id)
    # of the people already held -> their stakeholder ids.
    held = {canonical(fmt, f): sid for f, sid in out.ids.items()}
    for rec in records:
        if rec.id in out.ids:
            rec.id = out.ids[rec.id]
        elif rec.id:
            rec.id = canonical(fmt, rec.id)  # new people: one id per record, whatever its spelling
        if rec.manager_id:
            # A manager in the file, one a past sync remembered under this id, or a held one.
            key = canonical(fmt, rec.manager_id)
            rec.manager_id = (
                held.get(key) or by_source.get(source_key(fmt, rec.manager_id))
                or by_id.get(key) or key
            )  # fmt: skip
    held_names = {_name_key(p.get("name")): sid for sid, p in existing.items() if p.get("name")}
    for old_id, rec in files.items():
        if old_id in out.ids or not rec.name:
            continue
        twin = held_names.get(_name_key(rec.name))
        if twin is not None and twin != rec.id:
            out.warnings.append(
                f"row {rec.row}: {rec.name!r} (id {old_id}) may be stakeholder {twin} "
                "(same name, different id and email): added as a new person"
            )
    return out
