"""Built-in reports answered straight from the services, without GraphQL execution.

A built-in report's document is ours and fixed, so its answer can be made directly:
the same service calls its GraphQL fields make (the same page of the same list, the
same analysis entries, today's snapshots or computed), shaped into the very dict
`schema.execute` would return for that document, with no resolver dispatch, no
DataLoader future and no GraphQL object per cell. A whole-portfolio report at
2,000 accounts spends its time in Cypher and in the CSV or XLSX writer, not in the
executor (docs/benchmarks.md has the figures).

Each answer here is tied to its document in builtin/: tests/reports/test_direct.py
runs every one through both paths, on several dates, filters and keys, and asserts
the two answers are equal, so a change to either side that is not made to the other
fails there. A report without an entry here (a saved query, a built-in report not
listed) runs through GraphQL as before.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

from graphql import OperationDefinitionNode
from graphql.execution.values import get_variable_values

from samgraph.accounts import service as accounts
from samgraph.analyses import cadence as cadence_mod
from samgraph.analyses import entries
from samgraph.analyses import service as analyses
from samgraph.analyses.coverage import Gap
from samgraph.analyses.dependency import MemberDependency
from samgraph.analyses.reach import MAX_HOPS_DEFAULT
from samgraph.analyses.whitespace import Totals
from samgraph.common import AccountSort, GapCode, MemberRole, Severity
from samgraph.context import Context
from samgraph.db.queries import queries as q
from samgraph.reports.paging import Cut
from samgraph.snapshots import stored

T = TypeVar("T")


@dataclass(frozen=True)
class Listed:
    """A report's answer: its one root list (response key `key`), the rows of its page,
    how many there are in all, and whether its document selects that (`totalCount`)."""

    key: str
    nodes: list[dict[str, Any]]
    total: int
    counted: bool


Answer = Callable[[Context, dict[str, Any]], Awaitable[Listed]]
ANSWERS: dict[str, Answer] = {}

PAGE = 5_000
"""The `first` of the built-in reports' root lists (their documents say so)."""


def answers(name: str) -> Callable[[Answer], Answer]:
    """Register the direct answer of the built-in report `name`."""

    def register(fn: Answer) -> Answer:
        ANSWERS[name] = fn
        return fn

    return register


def has_answer(name: str) -> bool:
    return name in ANSWERS


async def answer(ctx: Context, name: str, operation: OperationDefinitionNode, values: dict[str, Any]) -> tuple[dict[str, Any], list[Cut]] | None:  # fmt: skip
    """The report's data as GraphQL would answer its document's `operation`, with its
    root list's cut (`paging.strip`'s), or None when it has no direct answer or its
    variables do not coerce (GraphQL then says what is wrong)."""
    fn = ANSWERS.get(name)
    if fn is None:
        return None
    found = get_variable_values(ctx.schema._schema, operation.variable_definitions or (), values)
    if isinstance(found, list):  # errors: GraphQL's execution names them
        return None
    listed = await fn(ctx, dict(found.coerced))
    returned = len(listed.nodes)
    counted = {"totalCount": listed.total} if listed.counted else {}
    data = {listed.key: {**counted, "nodes": listed.nodes}}
    return data, [Cut(listed.key, returned, listed.total)] if listed.total > returned else []


# -- values as GraphQL serialises them --------------------------------------------------


def _enum(value: Any) -> Any:
    """An enum by its GraphQL name (strawberry's enums are named by their members)."""
    if value is None:
        return None
    return value.name if isinstance(value, Enum) else str(value)


def _date(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else value


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _text(row: dict[str, Any], key: str) -> str:
    """A non-null String field with the type's default of ""."""
    value = row.get(key)
    return "" if value is None else str(value)


def _day(ctx: Context, values: dict[str, Any]) -> dt.date:
    """The report's asOf (a root field's, inherited by the fields under it), else today."""
    return ctx.today_or(values.get("asOf"))


# The loaders' queries whose items hold strings only (ids, names, titles, seniority):
# their rows need no visit for Neo4j's dates (a report names up to 20,000 people; the
# visit was two thirds of the Python time of reading them).
_STRINGS = frozenset({
    q.stakeholders.stakeholder_names, q.stakeholders.stakeholder_plain_names,
    q.stakeholders.stakeholder_titles, q.accounts.account_names,
})  # fmt: skip


async def _rows(ctx: Context, query: Any, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Nodes by id, in one read of a loader's query (`key, item`), without a loader: a
    report's thousands of ids need no future each."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    read = ctx.db.read_as_is if query in _STRINGS else ctx.db.read
    return {r["key"]: r["item"] for r in await read(query, ids=wanted) if r["item"] is not None}


async def _accounts(ctx: Context, values: dict[str, Any], sort_by: AccountSort, *,
                    descending: bool = False, renewal_within_days: int | None = None,
                    ) -> tuple[list[dict[str, Any]], int]:  # fmt: skip
    """`accounts(filter: {memberId}, sortBy, first: 5000, asOf)`: its rows and total."""
    page = await accounts.list_accounts(
        ctx, account_filter=accounts.Filter(member_id=values.get("memberId"),
                                            renewal_within_days=renewal_within_days),
        first=PAGE, after=None, sort_by=sort_by, descending=descending, as_of=_day(ctx, values),
    )  # fmt: skip
    return page.rows, page.total


async def _each(ids: Sequence[str], fn: Callable[[str], Awaitable[Any]]) -> dict[str, Any]:
    """An entry per account, together (their reads batch in the loaders)."""
    return dict(zip(ids, await asyncio.gather(*(fn(i) for i in ids)), strict=True))


async def _figures(ctx: Context, ids: Sequence[str], day: dt.date, keys: Sequence[str],
                   stored_as: Callable[[dict[str, Any]], T],
                   computed_as: Callable[[str], Awaitable[T]]) -> dict[str, T]:  # fmt: skip
    """Each account's figure as its GraphQL field answers it: from the properties `keys`
    of today's fresh snapshots, in one read for them all, else computed (through the
    analysis entry, whose reads batch in the loaders)."""
    snaps = await stored.values_of(ctx, ids, day, keys)
    computed = await _each([a for a in ids if a not in snaps], computed_as)
    return {a: stored_as(snaps[a]) if a in snaps else computed[a] for a in ids}


@dataclass(frozen=True)
class _Covered:
    """What portfolio-coverage shows of Account.coverage (§3): its counts, whether every
    cell is covered and its gaps' severities."""

    score: int
    mapped_count: int
    engaged_count: int
    strong_count: int
    three_by_three: bool
    severities: list[Severity]


_SUMMARY_KEYS = ("coverageScore", "mappedCount", "engagedCount", "strongCount", "cells", "gaps")
_SEVERITY = {str(s): s for s in Severity}


def _stored_summary(snap: dict[str, Any]) -> _Covered:
    """From a snapshot's counts, cells' engaged counts and `gaps` (`code:severity`): no
    cell or gap object made (2,000 accounts' gap rows parsed were half the report)."""
    return _Covered(
        int(snap["coverageScore"]), int(snap["mappedCount"]), int(snap["engagedCount"]),
        int(snap["strongCount"]), all(int(n) > 0 for n in snap["cells"]),
        [_SEVERITY[g.rpartition(":")[2]] for g in snap["gaps"]],
    )  # fmt: skip


async def _coverage(ctx: Context, ids: Sequence[str], day: dt.date) -> dict[str, _Covered]:
    """Account.coverage (§3), as portfolio-coverage shows it."""

    async def computed(a: str) -> _Covered:
        c = await entries.coverage(ctx, a, day)
        return _Covered(c.score, c.mapped_count, c.engaged_count, c.strong_count,
                        c.three_by_three, [g.severity for g in c.gaps])  # fmt: skip

    return await _figures(ctx, ids, day, _SUMMARY_KEYS, _stored_summary, computed)


async def _totals(ctx: Context, ids: Sequence[str]) -> dict[str, Totals]:
    """Account.whitespace { totals } (§7; its snapshot is always today's)."""

    async def computed(a: str) -> Totals:
        return (await entries.whitespace(ctx, a, totals_only=True)).totals

    return await _figures(ctx, ids, ctx.settings.today(), stored.TOTALS_KEYS, stored.totals_of, computed)  # fmt: skip


async def _reach(ctx: Context, ids: Sequence[str], day: dt.date) -> dict[str, tuple[float, float]]:
    """Account.reachableWhitespace { totals } (§13): (reachableWhitespace, reachablePipeline)."""

    async def computed(a: str) -> tuple[float, float]:
        _, r = await entries.reachable_whitespace(ctx, a, day, max_hops=MAX_HOPS_DEFAULT, totals_only=True)  # fmt: skip
        return r.reachable_whitespace, r.reachable_pipeline

    return await _figures(ctx, ids, day, stored.REACH_KEYS,
                          lambda s: (s["reachableWhitespace"], s["reachablePipeline"]), computed)  # fmt: skip


async def _dependency(ctx: Context, ids: Sequence[str], day: dt.date) -> tuple[dict[str, int], dict[str, tuple[list[MemberDependency], dict[str, dict[str, Any]]]]]:  # fmt: skip
    """Each account's coverage score and §14 figures with the rows of the people they
    name, as `_coverage`: both figures of the fresh snapshots in one read."""
    snaps = await stored.values_of(ctx, ids, day, ("coverageScore", "dependency"))
    found: dict[str, list[MemberDependency]] = {}
    named: dict[str, str | None] = {}  # the people's names the snapshots keep
    for a, snap in snaps.items():
        found[a], names = stored.dependency_named(snap)
        named.update(names)
    missing = [a for a in ids if a not in snaps]

    async def score(a: str) -> int:
        return (await entries.coverage(ctx, a, day)).score

    people, computed, scored = await asyncio.gather(
        _rows(ctx, q.stakeholders.stakeholder_plain_names,  # those stored without names
              (s for held in found.values() for d in held for s in d.sole_engaged
               if s not in named)),
        _each(missing, lambda a: entries.member_dependency(ctx, a, day)),
        _each(missing, score),
    )  # fmt: skip
    # Each kept name is of a person of the snapshot's own account, in the caller's scope
    # as that account is.
    people.update({s: {"id": s, "name": name} for s, name in named.items()})
    scores = {a: int(snaps[a]["coverageScore"]) if a in snaps else scored[a] for a in ids}
    return scores, {a: (found[a], people) if a in found else (computed[a][0], dict(computed[a][1])) for a in ids}  # fmt: skip


# -- the reports --------------------------------------------------------------------------


@answers("overdue-touches-by-member")
async def overdue_touches(ctx: Context, values: dict[str, Any]) -> Listed:
    day, member_id = _day(ctx, values), values.get("memberId")
    cadence = ctx.settings.samgraph_cadence_days

    async def page() -> list[dict[str, Any]]:
        rows = (await analyses.overdue_head(ctx, member_id=member_id, as_of=day, first=PAGE))[:PAGE]
        # The edges carry their member's and stakeholder's names, the stakeholder's title,
        # seniority and account: the accounts' names are read, each account once.
        accounts = await _rows(ctx, q.accounts.account_names, (r["accountId"] for r in rows))

        def node(r: dict[str, Any]) -> dict[str, Any]:
            strength = int(r.get("strength") or 0)
            d = cadence_mod.decay(strength, r.get("lastContact"), r.get("seniority"), day, cadence)
            place = accounts.get(r["accountId"])
            return {
                "member": {"id": r["memberId"], "name": _text(r, "memberName")},
                "stakeholder": {
                    "id": r["stakeholderId"], "name": _text(r, "stakeholderName"),
                    "title": r.get("stakeholderTitle"), "seniority": r.get("seniority"),
                    "account": None if place is None else {"name": _text(place, "name")},
                },
                "strength": strength, "effectiveStrength": d.effective,
                "lastContact": _date(r.get("lastContact")), "daysSinceContact": d.days_since,
                "nextDue": _date(d.next_due),
            }  # fmt: skip

        return [node(r) for r in rows]

    # The count (every overdue edge read) runs beside the page and the rows it shows.
    total, nodes = await asyncio.gather(analyses.overdue_count(ctx, member_id=member_id, as_of=day), page())  # fmt: skip
    return Listed("overdueTouches", nodes, total, counted=True)


def _play(ranked: analyses.RankedPlay) -> tuple[str, str, str, int | None, list[str], int, float, list[str]]:  # fmt: skip
    """(kind, stakeholder, member, path hops, path names, scoreGain, reachGain, codes of
    the gaps closed) of a play: read off a stored play's JSON (`play_row`), without
    making its objects; a computed play's from them."""
    d = ranked.data
    if d is not None:
        path = d["p"]
        return (d["k"], d["s"], d["m"], None if path is None else len(path["l"]),
                [] if path is None else [n[2] for n in path["n"]], int(d["g"]), float(d["r"]),
                [g.split("|", 1)[0] for g in d["c"]])  # fmt: skip
    play, named = ranked.decoded()
    return (_enum(play.kind), play.stakeholder_id, play.member_id,
            None if named is None else named.path.hops,
            [] if named is None else [step.name for step in named.steps], play.score_gain,
            float(play.reach_gain), [_enum(g.code) for g in play.gaps_closed])  # fmt: skip


@answers("plays-by-member")
async def plays_by_member(ctx: Context, values: dict[str, Any]) -> Listed:
    page = await analyses.portfolio_plays(
        ctx, as_of=_day(ctx, values), member_id=values.get("memberId"), first=PAGE, after=None
    )
    plays = [(p, *_play(p)) for p in page.rows]
    # A stored play keeps its stakeholder's name and title (one stored before it kept
    # them, or a play computed now, has its stakeholder read by id).
    kept = {p.data["s"]: {"name": p.data["sn"], "title": p.data.get("st")}
            for p in page.rows if p.data is not None and "sn" in p.data}  # fmt: skip
    members, people = await asyncio.gather(
        _rows(ctx, q.members.get_members, (p[3] for p in plays)),
        _rows(ctx, q.stakeholders.stakeholder_titles, (p[2] for p in plays if p[2] not in kept)),
    )
    people.update(kept)
    out = []
    for ranked, kind, person, member, hops, names, gain, reach, codes in plays:
        m, s = members.get(member), people.get(person)
        out.append({
            "member": None if m is None else {"name": _text(m, "name")},
            "account": {"name": _text(ranked.account, "name")},
            "kind": kind,
            "stakeholder": None if s is None else {"name": _text(s, "name"), "title": s.get("title")},
            "path": None if hops is None else {"hops": hops, "nodes": [{"name": n} for n in names]},
            "scoreGain": gain, "reachGain": reach, "gapsClosed": [{"code": c} for c in codes],
        })  # fmt: skip
    return Listed("plays", out, page.total, counted=True)


async def _owners(ctx: Context, ids: Sequence[str]) -> dict[str, Mapping[str, Any] | None]:
    """Each account's owner (Account.owner), in one read for them all: each account's
    SAMs' member rows, of which `owner_among` chooses as the field does."""
    if not ids:
        return {}
    rows = await ctx.db.read_as_is(q.relationships.account_team.sams_by_account, ids=list(ids),
                                   role=MemberRole.SAM.value)  # fmt: skip
    sams = {r["key"]: r["items"] for r in rows}
    return {a: accounts.owner_among(sams.get(a, [])) for a in ids}


@answers("portfolio-coverage")
async def portfolio_coverage(ctx: Context, values: dict[str, Any]) -> Listed:
    day = _day(ctx, values)
    rows, total = await _accounts(ctx, values, AccountSort.COVERAGE_SCORE)
    ids = [r["id"] for r in rows]
    covered, owners = await asyncio.gather(_coverage(ctx, ids, day), _owners(ctx, ids))

    def node(row: dict[str, Any]) -> dict[str, Any]:
        c, owner = covered[row["id"]], owners[row["id"]]
        severities = c.severities
        return {
            "id": row["id"], "name": _text(row, "name"),
            "tier": _enum(analyses.strategic(ctx, row)[1]), "arr": _float(row.get("arr")),
            "renewalDate": _date(row.get("renewalDate")),
            "owner": None if owner is None else {"name": _text(owner, "name")},
            "coverage": {
                "score": c.score, "mappedCount": c.mapped_count, "engagedCount": c.engaged_count,
                "strongCount": c.strong_count, "threeByThree": c.three_by_three,
                "gapCounts": {"critical": severities.count(Severity.CRITICAL),
                              "high": severities.count(Severity.HIGH),
                              "medium": severities.count(Severity.MEDIUM),
                              "low": severities.count(Severity.LOW)},
            },
        }  # fmt: skip

    return Listed("accounts", [node(r) for r in rows], total, counted=False)


@answers("reachable-whitespace-by-account")
async def reachable_whitespace(ctx: Context, values: dict[str, Any]) -> Listed:
    day = _day(ctx, values)
    rows, total = await _accounts(ctx, values, AccountSort.REACHABLE_WHITESPACE, descending=True)
    ids = [r["id"] for r in rows]
    spaces, reaches = await asyncio.gather(_totals(ctx, ids), _reach(ctx, ids, day))

    def node(row: dict[str, Any]) -> dict[str, Any]:
        w, (reach, pipeline) = spaces[row["id"]], reaches[row["id"]]
        return {
            "id": row["id"], "name": _text(row, "name"),
            "whitespace": {"totals": {"whitespaceEstimate": float(w.whitespace_estimate),
                                      "pipelineAmount": float(w.pipeline_amount)}},
            "reachableWhitespace": {"totals": {"reachableWhitespace": float(reach),
                                               "reachablePipeline": float(pipeline)}},
        }  # fmt: skip

    return Listed("accounts", [node(r) for r in rows], total, counted=False)


@answers("whitespace-by-account")
async def whitespace_by_account(ctx: Context, values: dict[str, Any]) -> Listed:
    rows, total = await _accounts(ctx, values, AccountSort.NAME)
    spaces = await _totals(ctx, [r["id"] for r in rows])

    def node(row: dict[str, Any]) -> dict[str, Any]:
        w = spaces[row["id"]]
        return {
            "id": row["id"], "name": _text(row, "name"),
            "whitespace": {"totals": {
                "deployedArr": float(w.deployed_arr), "pipelineAmount": float(w.pipeline_amount),
                "weightedPipeline": float(w.weighted_pipeline),
                "whitespaceEstimate": float(w.whitespace_estimate)}},
        }  # fmt: skip

    return Listed("accounts", [node(r) for r in rows], total, counted=False)


@answers("member-dependency")
async def member_dependency(ctx: Context, values: dict[str, Any]) -> Listed:
    day = _day(ctx, values)
    rows, total = await _accounts(ctx, values, AccountSort.NAME)
    ids = [r["id"] for r in rows]
    scores, held = await _dependency(ctx, ids, day)
    members = await _rows(ctx, q.members.get_members,
                          (d.member_id for found, _ in held.values() for d in found))  # fmt: skip

    def node(row: dict[str, Any]) -> dict[str, Any]:
        found, people = held[row["id"]]
        out = []
        for d in found:
            m = members.get(d.member_id)
            out.append({
                "member": None if m is None else {"id": m["id"], "name": _text(m, "name")},
                "engagedThrough": d.engaged_through, "coverageIfLeaves": d.coverage_if_leaves,
                "soleEngaged": [{"id": people[s]["id"], "name": _text(people[s], "name")}
                                for s in d.sole_engaged if s in people],
            })  # fmt: skip
        return {"id": row["id"], "name": _text(row, "name"),
                "coverage": {"score": scores[row["id"]]}, "memberDependency": out}  # fmt: skip

    return Listed("accounts", [node(r) for r in rows], total, counted=False)


@answers("champions-without-backup")
async def champions_without_backup(ctx: Context, values: dict[str, Any]) -> Listed:
    day, member_id = _day(ctx, values), values.get("memberId")
    codes = [GapCode.CHAMPION_WITHOUT_BACKUP]
    page = await analyses.portfolio_gap_page(
        ctx, as_of=day, min_severity=Severity.LOW, member_id=member_id, codes=codes,
        after=None, first=PAGE,
    )  # fmt: skip
    if page is not None:  # today, from the snapshots
        found, total = [(row, gap) for row, gap, _ in page.rows], page.total
    else:
        every = await analyses.portfolio_gaps(
            ctx, as_of=day, min_severity=Severity.LOW, member_id=member_id, codes=codes
        )
        found, total = every[:PAGE], len(every)
    people = await _rows(ctx, q.stakeholders.stakeholder_names,
                         (g.stakeholder_id for _, g in found if g.stakeholder_id))  # fmt: skip

    def node(row: dict[str, Any], gap: Gap) -> dict[str, Any]:
        s = people.get(gap.stakeholder_id) if gap.stakeholder_id else None
        return {
            "account": {"id": row["id"], "name": _text(row, "name"), "arr": _float(row.get("arr"))},
            "stakeholder": None if s is None else {"id": s["id"], "name": _text(s, "name"),
                                                   "title": s.get("title")},
        }  # fmt: skip

    return Listed("portfolioGaps", [node(r, g) for r, g in found], total, counted=True)
