"""Plays (domain.md §17): for each active stakeholder we do not engage, the one action
that would engage them, and what it would win.

A play is simulated on the account's graph read once: its effect (one KNOWS edge made
fresh or new) is applied to that graph in memory and only what one edge can change is
computed again: engagement and the §3 coverage with §4's backups (cheap, linear), and
§13's reach only for the teams whose door is the stakeholder or whose best way in could
run through the new edge.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from samgraph.analyses import coverage as cov
from samgraph.analyses import reach as reach_mod
from samgraph.analyses.cadence import ENGAGED
from samgraph.analyses.graph import AccountGraph, Knows
from samgraph.analyses.influence import influence_scores
from samgraph.analyses.paths import Link, WarmPath, link_graph, warm_paths
from samgraph.analyses.whitespace import Whitespace
from samgraph.common import EdgeKind, PlayKind

INTRODUCE_STRENGTH = 3
PLAY_HOPS = 4
NO_GAP = len(cov.SEVERITIES)  # "none" after LOW when ordering by the most severe gap closed


@dataclass(frozen=True)
class Play:
    kind: PlayKind
    stakeholder_id: str
    member_id: str
    path: WarmPath | None  # None for RECONNECT
    score_gain: int
    gaps_closed: tuple[cov.Gap, ...]
    reach_gain: float
    influence_rank: int  # §6's rank when it broke a tie, else 0 (not computed)

    @property
    def effort(self) -> int:
        return 0 if self.path is None else self.path.hops

    @property
    def most_severe(self) -> int:
        """The most severe gap closed, as an index (CRITICAL 0 ... LOW 3, none 4)."""
        return min((cov.SEVERITIES.index(g.severity) for g in self.gaps_closed), default=NO_GAP)

    def sort_key(self) -> tuple[Any, ...]:
        return (-self.score_gain, self.most_severe, -self.reach_gain, self.effort,
                self.influence_rank, self.stakeholder_id)  # fmt: skip


def _bar(way_in: WarmPath | None) -> tuple[int, int] | None:
    return None if way_in is None else (way_in.hops, -way_in.weakest_link)


def _when(k: Knows) -> dt.date:
    return k.last_contact or dt.date.min


class Reach:
    """§13's reach of each team, kept to price one new or refreshed KNOWS edge: only the
    teams whose door is within reach of its stakeholder and whose way in the edge could
    beat are priced again, by the best path through the edge (a door never depends on
    KNOWS edges). `links` is the link graph on the play's asOf."""

    def __init__(self, graph: AccountGraph, before: reach_mod.ReachableWhitespace,
                 grid: Whitespace, links: reach_mod.Links) -> None:  # fmt: skip
        self.graph, self.links = graph, links
        self.total = before.reachable_whitespace
        self.reach = {t.team_id: t.reach for t in before.teams}
        self.doors = {t.team_id: t.door for t in before.teams}
        self.best = {t.team_id: t.way_in for t in before.teams}
        self.value = {team: totals.whitespace_estimate for team, totals in grid.by_team.items()}
        # The teams with whitespace to reach, each with its door, its way in before and
        # what a new path must beat on (hops, weakest link) to change it.
        self.open = [(t, door, self.best[t], _bar(self.best[t]))
                     for t, door in self.doors.items() if self.value.get(t)]  # fmt: skip

    def gain(self, member_id: str, stakeholder_id: str, strength: int) -> float:
        """Reachable whitespace after - before, with KNOWS(member, stakeholder) at
        `strength` (effective on asOf)."""
        near = self._near(stakeholder_id, reach_mod.MAX_HOPS_DEFAULT - 1)
        link = Link(strength, EdgeKind.KNOWS, member_id, stakeholder_id)
        # The edge only appears or grows stronger (a play's strength is at least the
        # decayed one), and no other link moves. A path through it starts member,
        # stakeholder (a member is only ever a path's first node), then walks at least
        # the stakeholder's distance to the door. §5 orders by hops, then weakest link:
        # longer than the way in before, such a path cannot win; as long, it raises the
        # reach (weakest link / 5) only if the edge is stronger than the weakest link
        # before. Otherwise that team's reach is unchanged and is not walked again.
        # When it may win, the way in after is the better of the one before and the best
        # path through the edge: every other path is as it was, so no better than the
        # one before; and the one before, if it ran through the edge, is beaten or
        # matched by its stronger self, a path through the edge.
        total = self.total
        for t, door, was, bar in self.open:
            hops = [near[d] for d in door if d in near]
            if not hops:
                continue
            shortest = 1 + min(hops)
            if bar is not None and (shortest, -strength) >= bar:
                continue
            via = min((p for d in door if near.get(d) == shortest - 1
                       for p in self._through(member_id, link, near, d)), key=WarmPath.sort_key)  # fmt: skip
            best = via if was is None else min(was, via, key=WarmPath.sort_key)
            total += (best.weakest_link / 5 - self.reach[t]) * self.value[t]
        return total - self.total

    def _through(
        self, member_id: str, link: Link, near: Mapping[str, int], door: str
    ) -> list[WarmPath]:
        """The shortest paths member, stakeholder (over `link`), ..., `door`: walked back
        from the door, each step one closer to the stakeholder (`near`'s distances)."""
        adj, _ = self.links
        found = []
        stack: list[tuple[str, tuple[str, ...], tuple[Link, ...]]] = [(door, (door,), ())]
        while stack:
            node, trail, links = stack.pop()
            k = near[node]
            if k == 0:  # the stakeholder
                found.append(WarmPath((member_id, *reversed(trail)), (link, *reversed(links))))
                continue
            for nxt, step in adj.get(node, {}).items():
                if near.get(nxt) == k - 1:
                    stack.append((nxt, (*trail, nxt), (*links, step)))
        return found

    def _near(self, source: str, hops: int) -> dict[str, int]:
        """Stakeholders within `hops` links of `source`, through stakeholders (a path's
        inner nodes), `source` included at 0, each with its distance."""
        adj, _ = self.links
        seen, frontier = {source: 0}, [source]
        for hop in range(1, hops + 1):
            frontier = [n for f in frontier for n in adj.get(f, {})
                        if n not in seen and n in self.graph.people]  # fmt: skip
            seen.update(dict.fromkeys(frontier, hop))
        return seen


def plays(
    graph: AccountGraph,
    teams: Sequence[Mapping[str, Any]],
    grid: Whitespace,
    as_of: dt.date,
    cadence: Mapping[str, int],
    reach_before: reach_mod.ReachableWhitespace | None = None,
) -> list[Play]:
    """Every play of the account on `as_of`, in §17's order. `reach_before`: §13 at the
    default depth on the same inputs, when the caller has it."""
    if reach_before is None:
        reach_before = reach_mod.reachable_whitespace(graph, teams, grid, as_of, cadence)
    before = cov.coverage(graph, as_of, cadence)
    eng, tally = before.engagement, before.tally
    assert tally is not None  # computed, not stored
    links = link_graph(graph, as_of, cadence)
    reach = Reach(graph, reach_before, grid, links)
    into: dict[str, list[Knows]] = {}  # each stakeholder's KNOWS edges
    for k in graph.knows:
        into.setdefault(k.stakeholder_id, []).append(k)
    found = []
    for person in graph.people.values():
        if eng.get(person.id, 0) >= ENGAGED:
            continue
        edges = into.get(person.id, [])
        held = [k for k in edges if k.strength >= ENGAGED]
        if held:  # RECONNECT: the strongest decayed edge, latest contact, member id
            edge = min(held, key=lambda k: (-k.strength, -_when(k).toordinal(), k.member_id))
            kind, member, path, strength = PlayKind.RECONNECT, edge.member_id, None, edge.strength
        else:
            best = warm_paths(graph, person.id, as_of=as_of, cadence=cadence,
                              max_hops=PLAY_HOPS, first=1, prebuilt=links)  # fmt: skip
            if not best:
                continue  # nobody can get there warm
            path = best[0]
            kind, member = PlayKind.INTRODUCE, path.nodes[0]
            strength = max(
                [INTRODUCE_STRENGTH] + [k.strength for k in edges if k.member_id == member]
            )
        # The effect: one edge contacted on asOf, at `strength`. KNOWS edges
        # count in §3 and §4 only through engagement, and only s's changes: s's is the
        # edge's strength now (no other edge into s is stronger: s was not engaged).
        after = tally.engaging(graph, person) if strength >= ENGAGED else tally
        # Engagement only grows, and every gap of §3 is one its growth can only close:
        # the gaps closed are those before that no longer hold (in their order).
        closed = tuple(g for g in before.gaps if not cov.holds(after, g))
        found.append(Play(
            kind=kind, stakeholder_id=person.id, member_id=member, path=path,
            score_gain=after.score - before.score, gaps_closed=closed,
            reach_gain=round(reach.gain(member, person.id, strength), 2),
            influence_rank=0,
        ))  # fmt: skip
    return _ranked(graph, found)


def _ranked(graph: AccountGraph, found: list[Play]) -> list[Play]:
    """`found` in §17's order. The influence rank (§6, PageRank) only breaks ties of
    everything before it, so it is computed only when two plays tie that far."""

    def head(p: Play) -> tuple[Any, ...]:
        return p.sort_key()[:4]

    found.sort(key=head)
    if any(head(a) == head(b) for a, b in itertools.pairwise(found)):
        ranks = {s.stakeholder_id: s.rank for s in influence_scores(graph)}
        found = [
            replace(p, influence_rank=ranks.get(p.stakeholder_id, len(ranks) + 1)) for p in found
        ]
    found.sort(key=Play.sort_key)
    return found
