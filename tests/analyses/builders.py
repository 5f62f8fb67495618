"""Small hand-built account graphs for the analysis tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from samgraph.analyses.graph import AccountGraph

AS_OF = dt.date(2026, 1, 20)


def person(pid: str, seniority: str = "IC", *, team: str | None = None, group: str | None = None,
           role: str = "NONE", sentiment: str = "NEUTRAL", name: str | None = None) -> dict[str, Any]:  # fmt: skip
    return {"id": pid, "name": name or pid, "seniority": seniority, "teamId": team,
            "functionGroup": group, "buyingRole": role, "sentiment": sentiment}  # fmt: skip


def knows(member: str, pid: str, strength: int, days_ago: int | None = 0) -> dict[str, Any]:
    last = None if days_ago is None else AS_OF - dt.timedelta(days=days_ago)
    return {"memberId": member, "memberName": member, "stakeholderId": pid,
            "strength": strength, "lastContact": last}  # fmt: skip


def graph(people: list[dict[str, Any]], knows_: list[dict[str, Any]] = (),  # type: ignore[assignment]
          reports: list[tuple[str, str]] = (), influences: list[tuple[str, str, int]] = ()) -> AccountGraph:  # type: ignore[assignment]  # fmt: skip
    return AccountGraph.from_row("acc", {
        "people": people,
        "knows": list(knows_),
        "reports": [{"from": a, "to": b} for a, b in reports],
        "influences": [{"from": a, "to": b, "weight": w} for a, b, w in influences],
    })  # fmt: skip
