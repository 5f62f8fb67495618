"""A drawing-ready graph of one account: nodes, edges and team groups with what a graph
explorer shows (influence, engagement, flags), in the ids warm paths use.

Pure: takes the row of `cypher/analyses/account_drawing.cypher` (and, for a past date,
the org chart of that day) and computes with the same functions as the analyses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from samgraph.analyses.cadence import ENGAGED, decay
from samgraph.analyses.coverage import coverage
from samgraph.analyses.graph import AccountGraph
from samgraph.analyses.influence import REPORTS_TO_WEIGHT, influence_scores
from samgraph.common import edge_id


@dataclass(frozen=True)
class Node:
    id: str
    kind: str  # STAKEHOLDER or MEMBER
    label: str
    row: dict[str, Any] = field(default_factory=dict)
    group: str | None = None
    engagement: int | None = None
    influence_score: float | None = None
    influence_rank: int | None = None
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Edge:
    id: str
    source: str
    target: str
    kind: str
    strength: int | None = None
    effective_strength: int | None = None
    overdue: bool | None = None
    last_contact: dt.date | None = None


@dataclass(frozen=True)
class Group:
    id: str
    label: str
    parent: str | None
    function_group: str | None


@dataclass(frozen=True)
class Drawing:
    nodes: list[Node]
    edges: list[Edge]
    groups: list[Group]


def active_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """The part of a drawing row `analyses.account_graphs` returns: active people and
    the edges between them (domain §1: departed people are in no analysis)."""
    active = {p["id"] for p in row.get("people", []) if (p.get("status") or "ACTIVE") == "ACTIVE"}
    return {
        "accountId": row.get("accountId"),
        "people": [p for p in row.get("people", []) if p["id"] in active],
        "knows": [k for k in row.get("knows", []) if k["stakeholderId"] in active],
        "reports": [r for r in row.get("reports", []) if r["from"] in active and r["to"] in active],
        "influences": [
            i for i in row.get("influences", []) if i["from"] in active and i["to"] in active
        ],
    }


def as_of_org(row: Mapping[str, Any], org: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The drawing row with the org of a past day: who was on it, with that day's title,
    team, manager, seniority, buying role, sentiment and status (people added later are
    left out)."""
    teams = {t["id"]: t for t in row.get("teams", [])}
    now = {p["id"]: p for p in row.get("people", [])}
    people = []
    for snap in org:
        team = snap.get("teamId")
        people.append({**now.get(snap["id"], {}), "title": snap.get("title"), "teamId": team,
                       "managerId": snap.get("managerId"), "seniority": snap.get("seniority"),
                       "buyingRole": snap.get("buyingRole"), "sentiment": snap.get("sentiment"),
                       "status": str(snap.get("status")),
                       "functionGroup": teams.get(team, {}).get("functionGroup")})  # fmt: skip
    there = {p["id"] for p in people}
    reports = [
        {"from": p["id"], "to": p["managerId"]} for p in people if p.get("managerId") in there
    ]
    return {**row, "people": people, "reports": reports,
            "knows": [k for k in row.get("knows", []) if k["stakeholderId"] in there],
            "influences": [i for i in row.get("influences", [])
                           if i["from"] in there and i["to"] in there]}  # fmt: skip


def drawing(
    row: Mapping[str, Any],
    as_of: dt.date,
    cadence: Mapping[str, int],
    *,
    members: bool = True,
    departed: bool = False,
    member_of: bool = False,
) -> Drawing:
    """Nodes (stakeholders, then our members), edges (KNOWS, REPORTS_TO, INFLUENCES,
    MEMBER_OF) and team groups of one account on `as_of`."""
    graph = AccountGraph.from_row(str(row.get("accountId") or ""), active_row(row))
    cov = coverage(graph, as_of, cadence)
    eng = cov.engagement
    influence = {s.stakeholder_id: s for s in influence_scores(graph)}
    without_backup = {c.champion.id for c in cov.champions if not c.has_backup}
    detractors = {g.stakeholder_id for g in cov.gaps if g.code == "DETRACTOR_ECONOMIC_BUYER"}
    seniority = {p["id"]: p.get("seniority") for p in row.get("people", [])}
    # Effective strength of every KNOWS edge (§2); who engages each stakeholder (>= 3).
    knows = []
    engaged_by: dict[str, set[str]] = {}
    for k in row.get("knows", []):
        d = decay(int(k.get("strength") or 0), k.get("lastContact"),
                  seniority.get(k["stakeholderId"]), as_of, cadence)  # fmt: skip
        knows.append((k, d))
        if d.effective >= ENGAGED:
            engaged_by.setdefault(k["stakeholderId"], set()).add(k["memberId"])
    overdue_people = {k["stakeholderId"] for k, d in knows if d.overdue}

    shown = {p["id"] for p in row.get("people", [])
             if departed or (p.get("status") or "ACTIVE") == "ACTIVE"}  # fmt: skip
    nodes = []
    for p in row.get("people", []):
        pid = p["id"]
        if pid not in shown:
            continue
        active = (p.get("status") or "ACTIVE") == "ACTIVE"
        flags = []
        if pid in without_backup:
            flags.append("CHAMPION_WITHOUT_BACKUP")
        if pid in detractors:
            flags.append("DETRACTOR_ECONOMIC_BUYER")
        if active and pid in overdue_people:
            flags.append("OVERDUE")
        if not active:
            flags.append("DEPARTED")
        if active and len(engaged_by.get(pid, ())) == 1:
            flags.append("SOLE_ENGAGED_THROUGH_ONE_MEMBER")
        score = influence.get(pid)
        nodes.append(Node(
            id=pid, kind="STAKEHOLDER", label=p.get("name") or pid, row=dict(p),
            group=p.get("teamId"), engagement=eng.get(pid, 0) if active else None,
            influence_score=score.score if score else None,
            influence_rank=score.rank if score else None, flags=tuple(flags),
        ))  # fmt: skip
    edges = []
    member_names = {m["id"]: m.get("name") or m["id"] for m in row.get("accountTeam", [])}
    for k, d in knows:
        if k["stakeholderId"] not in shown:
            continue
        member_names.setdefault(k["memberId"], k.get("memberName") or k["memberId"])
        edges.append(Edge(
            id=edge_id(k["memberId"], k["stakeholderId"]), source=k["memberId"],
            target=k["stakeholderId"], kind="KNOWS", strength=int(k.get("strength") or 0),
            effective_strength=d.effective, overdue=d.overdue, last_contact=k.get("lastContact"),
        ))  # fmt: skip
    if members:
        nodes.extend(Node(id=m, kind="MEMBER", label=name) for m, name in member_names.items())
    else:
        edges = []  # KNOWS edges need their member at the other end
    for r in row.get("reports", []):
        if r["from"] in shown and r["to"] in shown:
            edges.append(Edge(id=edge_id(r["from"], r["to"], "REPORTS_TO"), source=r["from"],
                              target=r["to"], kind="REPORTS_TO", strength=REPORTS_TO_WEIGHT))  # fmt: skip
    for i in row.get("influences", []):
        if i["from"] in shown and i["to"] in shown:
            edges.append(Edge(id=edge_id(i["from"], i["to"]), source=i["from"], target=i["to"],
                              kind="INFLUENCES", strength=int(i.get("weight") or 0)))  # fmt: skip
    teams = row.get("teams", [])
    if member_of:
        edges.extend(Edge(id=f"{n.id}:{n.group}:MEMBER_OF", source=n.id, target=n.group,
                          kind="MEMBER_OF") for n in nodes if n.group)  # fmt: skip
    groups = [Group(t["id"], t.get("name") or t["id"], t.get("parentId"), t.get("functionGroup"))
              for t in teams]  # fmt: skip
    return Drawing(nodes, edges, groups)
