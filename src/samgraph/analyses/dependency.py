"""§14 Member dependency: key-person risk on our side."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from samgraph.analyses.cadence import ENGAGED, effective_strengths, engagement_from
from samgraph.analyses.coverage import coverage_score
from samgraph.analyses.graph import AccountGraph


@dataclass(frozen=True)
class MemberDependency:
    member_id: str
    member_name: str
    engaged_through: int  # active stakeholders m alone holds at effective strength >= 3
    sole_engaged: tuple[str, ...]  # engaged now, not without m's KNOWS edges (by id)
    coverage_if_leaves: int  # §3 score without m's KNOWS edges


def member_dependency(
    graph: AccountGraph, as_of: dt.date, cadence: Mapping[str, int]
) -> list[MemberDependency]:
    """One row per member with a KNOWS edge into an active stakeholder, ordered by
    coverageIfLeaves ascending, soleEngaged count descending, member id."""
    effective = effective_strengths(graph, as_of, cadence)
    eng = engagement_from(graph, effective)
    names = {k.member_id: k.member_name for k in graph.knows}
    out = []
    for member in sorted(names):
        through = {k.stakeholder_id for k, eff in zip(graph.knows, effective, strict=True)
                   if k.member_id == member and eff is not None and eff >= ENGAGED}  # fmt: skip
        # Without m's KNOWS edges: the same people in the same cells, engaged through
        # the other members' edges alone.
        eng_without = engagement_from(graph, effective, without=member)
        sole = tuple(sorted(s for s in graph.people
                            if eng.get(s, 0) >= ENGAGED > eng_without.get(s, 0)))  # fmt: skip
        out.append(MemberDependency(member, names[member], len(through), sole,
                                    coverage_score(graph, eng_without)))  # fmt: skip
    return sorted(out, key=lambda d: (d.coverage_if_leaves, -len(d.sole_engaged), d.member_id))
