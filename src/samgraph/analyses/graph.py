"""One account's relationship subgraph, as fetched by `cypher/analyses/account_graphs.cypher`.

Only ACTIVE stakeholders are in it, and only the REPORTS_TO and INFLUENCES edges
between them (domain.md §1: departed people are excluded from every analysis).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    seniority: str | None
    sentiment: str | None
    buying_role: str | None
    team_id: str | None
    function_group: str | None
    title: str | None = None
    row: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Knows:
    member_id: str
    member_name: str
    stakeholder_id: str
    strength: int
    last_contact: dt.date | None


@dataclass(frozen=True)
class AccountGraph:
    account_id: str
    people: dict[str, Person] = field(default_factory=dict)
    knows: tuple[Knows, ...] = ()
    reports: tuple[tuple[str, str], ...] = ()  # (report, manager)
    influences: tuple[tuple[str, str, int], ...] = ()  # (from, to, weight)
    # What the analyses computed on this very graph, by (analysis, date, arguments): a
    # graph kept between requests (live/kept.py) answers a repeated question without
    # computing it again. Not copied by `replace` (a changed graph starts empty).
    memo: dict[Any, Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    @classmethod
    def from_row(cls, account_id: str, row: dict[str, Any]) -> AccountGraph:
        people = {
            p["id"]: Person(
                id=p["id"],
                name=p.get("name") or "",
                seniority=p.get("seniority"),
                sentiment=p.get("sentiment"),
                buying_role=p.get("buyingRole"),
                team_id=p.get("teamId"),
                function_group=p.get("functionGroup"),
                title=p.get("title"),
                row=p,
            )
            for p in row.get("people", [])
        }
        knows = tuple(
            Knows(
                k["memberId"],
                k.get("memberName") or "",
                k["stakeholderId"],
                int(k.get("strength") or 0),
                k.get("lastContact"),
            )
            for k in row.get("knows", [])
        )
        reports = tuple((r["from"], r["to"]) for r in row.get("reports", []))
        influences = tuple(
            (i["from"], i["to"], int(i.get("weight") or 0)) for i in row.get("influences", [])
        )
        return cls(account_id, people, knows, reports, influences)

    def once(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        """`compute()` once per graph and `key` (what, date, arguments): a graph kept
        between requests answers the same question again from its memo."""
        if key not in self.memo:
            self.memo[key] = compute()
        found: T = self.memo[key]
        return found

    def without(self, stakeholder_id: str) -> AccountGraph:
        """The graph as if this stakeholder had departed."""
        return replace(
            self,
            people={k: v for k, v in self.people.items() if k != stakeholder_id},
            knows=tuple(k for k in self.knows if k.stakeholder_id != stakeholder_id),
            reports=tuple(r for r in self.reports if stakeholder_id not in r),
            influences=tuple(i for i in self.influences if stakeholder_id not in i[:2]),
        )
