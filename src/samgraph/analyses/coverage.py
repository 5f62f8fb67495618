"""Multi-threading coverage, the 3x3 rule (domain.md §3), and champion backups (§4)."""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from samgraph.analyses.cadence import ENGAGED, STRONG, engagement
from samgraph.analyses.graph import AccountGraph, Person
from samgraph.common import Band, BuyingRole, FunctionGroup, GapCode, Seniority, Sentiment, Severity

BANDS = tuple(Band)
GROUPS = tuple(FunctionGroup)
SEVERITIES = tuple(Severity)  # most severe first
GAP_CODES = tuple(GapCode)  # the order of gaps of equal severity
SEVERITY = {
    GapCode.NO_EXECUTIVE_ENGAGED: Severity.CRITICAL,
    GapCode.NO_CHAMPION: Severity.HIGH,
    GapCode.CHAMPION_WITHOUT_BACKUP: Severity.HIGH,
    GapCode.SINGLE_THREADED: Severity.HIGH,
    GapCode.DETRACTOR_ECONOMIC_BUYER: Severity.HIGH,
    GapCode.BELOW_TARGET: Severity.MEDIUM,
    GapCode.UNCOVERED_CELL: Severity.LOW,
}
TARGET_ENGAGED = 8
SENIORITY_RANK: dict[str, int] = {Seniority.C_LEVEL: 5, Seniority.VP: 4, Seniority.DIRECTOR: 3,
                  Seniority.MANAGER: 2, Seniority.IC: 1}  # fmt: skip
SENTIMENT_RANK: dict[str, int] = {Sentiment.ADVOCATE: 0, Sentiment.NEUTRAL: 1}


def band(seniority: str | None) -> Band:
    """EXECUTIVE = C_LEVEL, VP; DIRECTOR; STAFF = MANAGER, IC (and unknown seniority)."""
    if seniority in (Seniority.C_LEVEL, Seniority.VP):
        return Band.EXECUTIVE
    if seniority == Seniority.DIRECTOR:
        return Band.DIRECTOR
    return Band.STAFF


def group(person: Person) -> FunctionGroup:
    """The team's functionGroup; no team or no functionGroup means ADJACENT."""
    return FunctionGroup(person.function_group or FunctionGroup.ADJACENT)


@dataclass(frozen=True)
class Cell:
    band: Band
    group: FunctionGroup
    engaged_count: int

    @property
    def covered(self) -> bool:
        return self.engaged_count > 0


@dataclass(frozen=True)
class Gap:
    code: GapCode
    severity: Severity
    stakeholder_id: str | None = None
    band: Band | None = None
    group: FunctionGroup | None = None


@dataclass(frozen=True)
class Backup:
    person: Person
    engagement: int
    distance: int


@dataclass(frozen=True)
class ChampionBackups:
    champion: Person
    backups: tuple[Backup, ...]
    score_if_lost: int

    @property
    def has_backup(self) -> bool:
        return bool(self.backups)


@dataclass(frozen=True)
class Coverage:
    score: int
    mapped_count: int
    engaged_count: int
    strong_count: int
    cells: tuple[Cell, ...]
    gaps: tuple[Gap, ...]
    engagement: dict[str, int]
    champions: tuple[ChampionBackups, ...]
    # What the score and gaps were worked out from (None for a stored coverage).
    tally: Tally | None = field(default=None, compare=False, repr=False)

    @property
    def three_by_three(self) -> bool:
        return all(c.covered for c in self.cells)


def score_of(covered_cells: int) -> int:
    """round(100 * covered / 9), half up, in integers: floor((200c + 9) / 18)."""
    return (200 * covered_cells + 9) // 18


def _placed(graph: AccountGraph) -> tuple[tuple[str, tuple[Band, FunctionGroup]], ...]:
    """Each person's cell, placed once per graph (a play simulation asks for the cells
    of the same people under each candidate's engagement)."""
    return graph.once(("cells placed",), lambda: tuple(
        (p.id, (band(p.seniority), group(p))) for p in graph.people.values()))  # fmt: skip


def _counts(graph: AccountGraph, eng: Mapping[str, int]) -> dict[tuple[Band, FunctionGroup], int]:
    """Engaged people per cell, every cell present."""
    counts = {(b, g): 0 for b in BANDS for g in GROUPS}
    for pid, cell in _placed(graph):
        if eng.get(pid, 0) >= ENGAGED:
            counts[cell] += 1
    return counts


def _score(counts: Mapping[tuple[Band, FunctionGroup], int]) -> int:
    """The score of engaged people per cell: the covered cells' share."""
    return score_of(sum(1 for c in counts.values() if c))


def coverage_score(graph: AccountGraph, eng: Mapping[str, int]) -> int:
    return _score(_counts(graph, eng))


def org_distances(graph: AccountGraph, source: str, limit: int = 2) -> dict[str, int]:
    """Org distance from `source` (<= limit): REPORTS_TO hops in either direction between
    active stakeholders; anyone on the source's own team is at distance 1."""
    neighbours: dict[str, set[str]] = {pid: set() for pid in graph.people}
    for report, manager in graph.reports:
        if report in neighbours and manager in neighbours:
            neighbours[report].add(manager)
            neighbours[manager].add(report)
    dist = {source: 0}
    queue = deque([source])
    while queue:
        node = queue.popleft()
        if dist[node] == limit:
            continue
        for nxt in neighbours.get(node, ()):
            if nxt not in dist:
                dist[nxt] = dist[node] + 1
                queue.append(nxt)
    team = graph.people[source].team_id
    if team is not None:
        for person in graph.people.values():
            if person.team_id == team and person.id != source:
                dist[person.id] = min(dist.get(person.id, 1), 1)
    dist.pop(source, None)
    return dist


def _champions(graph: AccountGraph) -> tuple[tuple[Person, dict[str, int]], ...]:
    """Every active CHAMPION by name then id, with the org distances around them: both
    independent of engagement, so worked out once per graph."""

    def build() -> tuple[tuple[Person, dict[str, int]], ...]:
        champions = sorted(
            (p for p in graph.people.values() if p.buying_role == BuyingRole.CHAMPION),
            key=lambda p: (p.name, p.id),
        )
        return tuple((c, org_distances(graph, c.id)) for c in champions)

    return graph.once(("champions",), build)


def champion_backups(
    graph: AccountGraph,
    eng: Mapping[str, int],
    counts: Mapping[tuple[Band, FunctionGroup], int] | None = None,
) -> tuple[ChampionBackups, ...]:
    """§4 for every active CHAMPION, champions by name then id (`counts`: the engaged
    per cell under `eng`, when the caller has them)."""
    out = []
    counts = _counts(graph, eng) if counts is None else counts
    for champ, distances in _champions(graph):
        candidates = [
            Backup(graph.people[pid], eng.get(pid, 0), d)
            for pid, d in distances.items()
            if eng.get(pid, 0) >= ENGAGED and graph.people[pid].sentiment in SENTIMENT_RANK
        ]
        candidates.sort(
            key=lambda b: (
                SENTIMENT_RANK[b.person.sentiment or ""],
                -b.engagement,
                -SENIORITY_RANK.get(b.person.seniority or "", 0),
                b.person.name,
                b.person.id,
            )
        )
        # Coverage if the champion left (graph.without): the same cells, less the
        # champion's own when engaged; nobody else's engagement changes.
        lost = dict(counts)
        if eng.get(champ.id, 0) >= ENGAGED:
            lost[(band(champ.seniority), group(champ))] -= 1
        out.append(ChampionBackups(champ, tuple(candidates), _score(lost)))
    return tuple(out)


def _gap_key(gap: Gap) -> tuple[int, int, str, int, int]:
    return (
        SEVERITIES.index(gap.severity),
        GAP_CODES.index(gap.code),
        gap.stakeholder_id or "",
        BANDS.index(gap.band) if gap.band else -1,
        GROUPS.index(gap.group) if gap.group else -1,
    )


@dataclass(frozen=True)
class Tally:
    """What §3's score and gaps depend on, beside the graph itself."""

    counts: Mapping[tuple[Band, FunctionGroup], int]  # engaged people per cell
    engaged: int
    executive: bool  # a C_LEVEL stakeholder engaged
    champions: int
    without_backup: tuple[str, ...]  # champions with no backup, by name then id

    @property
    def score(self) -> int:
        return _score(self.counts)

    def engaging(self, graph: AccountGraph, person: Person) -> Tally:
        """The tally once `person`, not engaged, is (a play's effect): only their cell,
        the engaged count, the executive check and the champions they back change."""
        counts = dict(self.counts)
        counts[(band(person.seniority), group(person))] += 1
        backed = person.sentiment in SENTIMENT_RANK
        return Tally(
            counts=counts,
            engaged=self.engaged + 1,
            executive=self.executive or person.seniority == Seniority.C_LEVEL,
            champions=self.champions,
            # _champions is in the same order (name, then id) as without_backup.
            without_backup=tuple(
                c.id for c, distances in _champions(graph)
                if c.id in self.without_backup and not (backed and person.id in distances)
            ),
        )  # fmt: skip


def holds(tally: Tally, gap: Gap) -> bool:
    """Whether `gap`, found on this graph under some tally, is still there under `tally`:
    gaps_of's condition for that one gap (a play asks it of each gap before, instead of
    listing the gaps after; tests/analyses/test_properties.py checks both agree)."""
    code = gap.code
    if code == GapCode.NO_EXECUTIVE_ENGAGED:
        return not tally.executive
    if code == GapCode.NO_CHAMPION:
        return not tally.champions
    if code == GapCode.CHAMPION_WITHOUT_BACKUP:
        return gap.stakeholder_id in tally.without_backup
    if code == GapCode.SINGLE_THREADED:
        return tally.engaged <= 2
    if code == GapCode.BELOW_TARGET:
        return tally.engaged < TARGET_ENGAGED
    if code == GapCode.UNCOVERED_CELL:
        return not tally.counts[(gap.band, gap.group)]  # type: ignore[index]
    return True  # DETRACTOR_ECONOMIC_BUYER: the graph's alone


def gaps_of(graph: AccountGraph, tally: Tally) -> tuple[Gap, ...]:
    """§3's gaps, most severe first, then by code, person, cell."""
    gaps: list[Gap] = []

    def add(code: GapCode, **kw: Any) -> None:
        gaps.append(Gap(code, SEVERITY[code], **kw))

    if not tally.executive:
        add(GapCode.NO_EXECUTIVE_ENGAGED)
    if not tally.champions:
        add(GapCode.NO_CHAMPION)
    for champion_id in tally.without_backup:
        add(GapCode.CHAMPION_WITHOUT_BACKUP, stakeholder_id=champion_id)
    if tally.engaged <= 2:
        add(GapCode.SINGLE_THREADED)
    for p in graph.people.values():
        if p.buying_role == BuyingRole.ECONOMIC_BUYER and p.sentiment == Sentiment.DETRACTOR:
            add(GapCode.DETRACTOR_ECONOMIC_BUYER, stakeholder_id=p.id)
    if tally.engaged < TARGET_ENGAGED:
        add(GapCode.BELOW_TARGET)
    for b in BANDS:
        for g in GROUPS:
            if not tally.counts[(b, g)]:
                add(GapCode.UNCOVERED_CELL, band=b, group=g)
    gaps.sort(key=_gap_key)
    return tuple(gaps)


def coverage(
    graph: AccountGraph,
    as_of: dt.date,
    cadence: Mapping[str, int],
    eng: Mapping[str, int] | None = None,
) -> Coverage:
    """§3 for one account on `as_of`; gaps most severe first, then by code, person, cell.
    KNOWS edges count only through engagement: `eng`, when the caller has it, stands
    for them."""
    eng = dict(eng) if eng is not None else engagement(graph, as_of, cadence)
    people = graph.people.values()
    counts = _counts(graph, eng)
    champions = champion_backups(graph, eng, counts)
    tally = Tally(
        counts=counts,
        engaged=sum(1 for p in people if eng[p.id] >= ENGAGED),
        executive=any(p.seniority == Seniority.C_LEVEL and eng[p.id] >= ENGAGED for p in people),
        champions=len(champions),
        without_backup=tuple(ch.champion.id for ch in champions if not ch.has_backup),
    )
    return Coverage(
        score=tally.score,
        mapped_count=len(graph.people),
        engaged_count=tally.engaged,
        strong_count=sum(1 for p in people if eng[p.id] >= STRONG),
        cells=tuple(Cell(b, g, counts[(b, g)]) for b in BANDS for g in GROUPS),
        gaps=gaps_of(graph, tally),
        engagement=eng,
        champions=champions,
        tally=tally,
    )
