"""Strawberry types of the integrations: org-chart sync results."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from samgraph.common import GapCode
from samgraph.sync.orgchart import SyncMode, SyncPlan


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


@strawberry.type(description="A person the sync adds or departs.")
class SyncPerson:
    id: strawberry.ID
    name: str
    title: str | None
    buying_role: str | None


@strawberry.type(description="One field of a stakeholder the sync changes.")
class SyncFieldChange:
    field: str
    old: str | None
    new: str | None


@strawberry.type
class SyncUpdate:
    id: strawberry.ID
    name: str
    changes: list[SyncFieldChange]


@strawberry.type(description="A team the sync creates for a department it does not know.")
class SyncTeam:
    id: strawberry.ID
    name: str
    parent_id: strawberry.ID | None


@strawberry.type(description="What the sync does to the analyses.")
class SyncImpact:
    departing_champions: list[strawberry.ID]
    departing_economic_buyers: list[strawberry.ID]
    coverage_before: int
    coverage_after: int
    gaps_added: list[GapCode]


@strawberry.type(description="A person of the file matched to a stakeholder under another id.")
class SyncMatch:
    file_id: str = strawberry.field(description="The id the file gives (an IdP GUID, a CRM id).")
    stakeholder_id: strawberry.ID
    by: str = strawberry.field(description="How: sourceId, externalId, email (or id, when "
                               "a Salesforce 18-character id names a 15-character one).")  # fmt: skip


@strawberry.type(description="The diff of an org-chart sync; `written` is false for a dry run.")
class SyncResult:
    account_id: strawberry.ID
    mode: SyncMode
    effective_date: dt.date
    rows: int
    written: bool
    added: list[SyncPerson]
    updated: list[SyncUpdate]
    departed: list[SyncPerson]
    teams_added: list[SyncTeam]
    impact: SyncImpact
    matches: list[SyncMatch]
    warnings: list[str] = strawberry.field(
        description="Possible duplicates, and a FULL sync over its departure limit (not written)."
    )

    @classmethod
    def from_plan(cls, p: SyncPlan) -> SyncResult:
        def person(row: dict[str, Any]) -> SyncPerson:
            return SyncPerson(id=strawberry.ID(row["id"]), name=row.get("name") or "",
                              title=row.get("title"), buying_role=row.get("buyingRole"))  # fmt: skip

        return cls(
            account_id=strawberry.ID(p.account_id),
            mode=p.mode,
            effective_date=p.effective,
            rows=p.rows,
            written=p.written,
            added=[person(r) for r in p.added],
            updated=[
                SyncUpdate(
                    id=strawberry.ID(sid),
                    name=name,
                    changes=[
                        SyncFieldChange(field=c.field, old=_text(c.old), new=_text(c.new))
                        for c in changes
                    ],
                )
                for sid, name, changes in p.updated
            ],
            departed=[person(r) for r in p.departed],
            teams_added=[
                SyncTeam(id=strawberry.ID(t["id"]), name=t["name"], parent_id=t.get("parentId"))
                for t in p.teams_added
            ],
            impact=SyncImpact(
                departing_champions=[strawberry.ID(x) for x in p.departing_champions],
                departing_economic_buyers=[strawberry.ID(x) for x in p.departing_economic_buyers],
                coverage_before=p.coverage_before,
                coverage_after=p.coverage_after,
                gaps_added=[GapCode(g) for g in p.gaps_added],
            ),
            matches=[SyncMatch(file_id=f, stakeholder_id=strawberry.ID(s), by=how)
                     for f, s, how in p.matches],
            warnings=list(p.warnings),
        )  # fmt: skip
