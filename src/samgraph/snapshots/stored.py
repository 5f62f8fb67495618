"""Reading stored snapshots (domain §16): today's, when fresh, and what they hold.

Apart from the service so the analyses can read snapshots without importing it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import orjson

from samgraph.analyses import plays as plays_mod
from samgraph.analyses.coverage import BANDS, GROUPS, SEVERITIES, Cell, Coverage, Gap
from samgraph.analyses.dependency import MemberDependency
from samgraph.analyses.whitespace import Totals
from samgraph.common import Band, FunctionGroup, GapCode, Severity
from samgraph.context import Context, RowLoader
from samgraph.db.queries import queries as q

# The order of `cells` in a stored snapshot: coverage's own (band, then group).
CELLS = [(b, g) for b in BANDS for g in GROUPS]


def gap_row(gap: Gap) -> str:
    """A gap as one stored string (Neo4j keeps no maps in lists): code|severity|band|group|stakeholder."""
    return "|".join(
        str(x or "") for x in (gap.code, gap.severity, gap.band, gap.group, gap.stakeholder_id)
    )


# Enum members by value, looked up directly (an enum's call costs microseconds, and a
# portfolio's snapshots hold some 40,000 gap rows).
_CODES = {str(x.value): x for x in GapCode}
_SEVERITIES = {str(x.value): x for x in Severity}
_BANDS: dict[str, Band | None] = {"": None, **{str(x.value): x for x in Band}}
_GROUPS: dict[str, FunctionGroup | None] = {"": None, **{str(x.value): x for x in FunctionGroup}}


def gap_of(text: str) -> Gap:
    # The stakeholder id comes last: an id may itself hold a "|".
    code, severity, band_, group_, person = text.split("|", 4)
    return Gap(_CODES[code], _SEVERITIES[severity], person or None, _BANDS[band_], _GROUPS[group_])


def gap_key(account_id: str, gap: Any) -> str:
    """A gap is one (account, code, stakeholder or cell) on the date asked: its cursor
    key in portfolioGaps, account|code|stakeholder|band|group."""
    parts = (account_id, gap.code, gap.stakeholder_id, gap.band, gap.group)
    return "|".join(str(x or "") for x in parts)


def gap_entries(account_id: str, rows: Sequence[str]) -> list[dict[str, Any]]:
    """The gap index entries (snapshots/store_snapshots.cypher) of an account's gap rows,
    in its gap order: what a page of portfolioGaps orders, filters and answers with."""
    out = []
    for order, row in enumerate(rows):
        gap = gap_of(row)
        out.append({"order": order, "rank": SEVERITIES.index(gap.severity), "code": str(gap.code),
                    "row": row, "key": gap_key(account_id, gap)})  # fmt: skip
    return out


_RANKS = {str(s): i for i, s in enumerate(SEVERITIES)}


def play_rank(play: dict[str, Any]) -> tuple[int, int, float]:
    """(scoreGain, the most severe gap closed as its index in SEVERITIES, reachGain) of a
    stored play's JSON (`play_row`): what ranks it in the portfolio (§17), with the
    account's strategic score, its id and its own order. A gap row is
    code|severity|band|group|stakeholder."""
    severe = min((_RANKS[g.split("|", 2)[1]] for g in play["c"]), default=plays_mod.NO_GAP)
    return int(play["g"]), severe, float(play["r"])


def play_entries(rows: Sequence[str], score: float) -> list[dict[str, Any]]:
    """The play index entries (snapshots/store_snapshots.cypher) of an account's stored
    plays, in its order, under its strategic score `score`: the portfolio's order key,
    each part negated where it sorts descending (`0.0 - x`, never a negative zero, which
    an index would order apart from zero), the member and the row itself."""
    out = []
    for order, text in enumerate(rows):
        play = orjson.loads(text)
        gain, severe, reach = play_rank(play)
        out.append({"order": order, "ng": -gain, "sev": severe, "nr": 0.0 - reach,
                    "ns": 0.0 - score, "memberId": play["m"], "row": text})  # fmt: skip
    return out


def coverage_of(snap: dict[str, Any]) -> Coverage:
    """The §3 coverage a snapshot holds (its champions are not kept: backups are computed)."""
    cells = tuple(Cell(b, g, int(n)) for (b, g), n in zip(CELLS, snap["cells"], strict=True))
    return Coverage(
        score=int(snap["coverageScore"]), mapped_count=int(snap["mappedCount"]),
        engaged_count=int(snap["engagedCount"]), strong_count=int(snap["strongCount"]),
        cells=cells, gaps=tuple(gap_of(g) for g in snap["gapRows"]), engagement={}, champions=(),
    )  # fmt: skip


def dependency_row(d: MemberDependency, names: Mapping[str, str | None]) -> str:
    """One member's §14 figures as stored (JSON text: ids may hold any separator), with
    the names of the people engaged only through them, in the same order (`names`: by
    id, as the account's graph holds them): a portfolio's report names 40,000 people at
    L without reading them (snapshots stored before they kept names have none)."""
    return orjson.dumps({"member": d.member_id, "name": d.member_name, "through": d.engaged_through,
                         "sole": list(d.sole_engaged), "ifLeaves": d.coverage_if_leaves,
                         "soleNames": [names.get(s) for s in d.sole_engaged]}).decode()  # fmt: skip


def dependency_of(snap: dict[str, Any]) -> list[MemberDependency]:
    """§14 as a snapshot holds it, in its order."""
    return dependency_named(snap)[0]


def dependency_named(snap: dict[str, Any]) -> tuple[list[MemberDependency], dict[str, str | None]]:  # fmt: skip
    """§14 as a snapshot holds it, and the names it keeps of the people engaged only
    through one member, by id (none from a snapshot stored before it kept them)."""
    rows = [orjson.loads(text) for text in snap["dependency"]]
    names: dict[str, str | None] = {}
    for r in rows:
        if "soleNames" in r:
            names.update(zip(r["sole"], r["soleNames"], strict=True))
    return [MemberDependency(member_id=r["member"], member_name=r["name"], engaged_through=r["through"],
                             sole_engaged=tuple(r["sole"]), coverage_if_leaves=r["ifLeaves"])
            for r in rows], names  # fmt: skip


async def today_of(ctx: Context, account_ids: Sequence[str], as_of: dt.date) -> dict[str, dict[str, Any]]:  # fmt: skip
    """Of the accounts, those with a fresh snapshot of `as_of` when it is today (up to
    date with the account's change counter, under the current settings), by account id,
    with what the analysis fields read of it (ENTRY_KEYS, not its plays, people or moves);
    the others must be computed. Sibling fields' calls batch into one read."""
    if as_of != ctx.settings.today() or not account_ids:
        return {}
    found = await _today_loader(ctx, as_of).load_many(list(account_ids))
    out = {}
    for account_id, items in zip(account_ids, found, strict=True):
        snap = dict(zip(ENTRY_KEYS, items[0]["values"], strict=True)) if items else None
        if snap is not None and snap["gapRows"] is not None:
            out[account_id] = snap
    return out


def prime_today(
    ctx: Context, as_of: dt.date, found: Iterable[tuple[str, list[Any] | None]]
) -> None:
    """Hand `today_of` what a page query already read for its accounts: each one's fresh
    snapshot of today as its ENTRY_KEYS' values, or None when it has none (its fields
    compute), so the page's analysis fields make no read of their own."""
    loader = _today_loader(ctx, as_of)
    for key, values in found:
        loader.prime(key, [{"accountId": key, "values": values}] if values is not None else [])


def _today_loader(ctx: Context, as_of: dt.date) -> RowLoader[str, list[dict[str, Any]]]:
    return ctx.loaders.many(q.snapshots.fresh_values, today=as_of,
                            basis=ctx.settings.analysis_basis(), keys=ENTRY_KEYS)  # fmt: skip


async def listed_of(
    ctx: Context, account_ids: Sequence[str], as_of: dt.date, severities: Sequence[str] = ()
) -> dict[str, dict[str, Any]]:
    """As `today_of`, but only what portfolio lists filter and sort on (coverageScore,
    `gaps` as code:severity, reachableWhitespace) and the whole gap rows of the
    `severities` given (`gapRows`): a portfolio of 2,000 reads little."""
    if as_of != ctx.settings.today() or not account_ids:
        return {}
    loader = ctx.loaders.many(q.snapshots.fresh_today, today=as_of, basis=ctx.settings.analysis_basis(),
                              severities=tuple(severities))  # fmt: skip
    found = await loader.load_many(list(account_ids))
    return {a: items[0] for a, items in zip(account_ids, found, strict=True) if items}


async def values_of(
    ctx: Context, account_ids: Sequence[str], as_of: dt.date, keys: Sequence[str]
) -> dict[str, dict[str, Any]]:
    """As `today_of`, but only the properties `keys` of each snapshot (a whole-portfolio
    report reads the figures it shows), in one read of its own; an account whose
    snapshot lacks one of them is left out, to be computed, as `today_of`'s readers do."""
    if as_of != ctx.settings.today() or not account_ids:
        return {}
    # One read, no loader: a report's 2,000 ids need no future each. Its values are read
    # as the driver gives them unless a date is among them: the visit for Neo4j's dates
    # was most of the Python time of reading 2,000 accounts' dependency rows.
    read = ctx.db.read if TEMPORAL.intersection(keys) else ctx.db.read_as_is
    rows = await read(q.snapshots.fresh_values, ids=list(account_ids), today=as_of,
                      keys=list(keys), basis=ctx.settings.analysis_basis())  # fmt: skip
    out = {}
    for row in rows:
        values = row["items"][0]["values"] if row["items"] else None
        if values is not None and all(v is not None for v in values):
            out[row["key"]] = dict(zip(keys, values, strict=True))
    return out


TEMPORAL = frozenset({"date"})
"""An AccountSnapshot's properties that Neo4j holds as dates (the rest are numbers,
strings and lists of them: tests/snapshots/test_snapshots.py checks a stored one)."""
COVERAGE_KEYS = ("coverageScore", "mappedCount", "engagedCount", "strongCount", "cells", "gapRows")
"""What `coverage_of` reads of a snapshot."""
TOTALS_KEYS = ("deployedArr", "pipelineAmount", "weightedPipeline", "whitespaceEstimate")
"""What `totals_of` reads of a snapshot."""
REACH_KEYS = ("reachableWhitespace", "reachablePipeline")
ENTRY_KEYS = ("accountId", *COVERAGE_KEYS, *TOTALS_KEYS, *REACH_KEYS, "dependency")
"""What `today_of` reads of a snapshot (snapshots/fresh_values.cypher, and the account page
queries' `snapshots`): what the analysis fields served from it need."""


def totals_of(snap: dict[str, Any]) -> Totals:
    """The §7 whitespace totals a snapshot holds."""
    return Totals(deployed_arr=snap["deployedArr"], pipeline_amount=snap["pipelineAmount"],
                  weighted_pipeline=snap["weightedPipeline"],
                  whitespace_estimate=snap["whitespaceEstimate"])  # fmt: skip


def gaps_of(snap: dict[str, Any]) -> list[Gap]:
    """The whole gap rows a snapshot read brought, in the account's gap order."""
    return [gap_of(text) for text in snap.get("gapRows") or []]


async def plays_of(ctx: Context, account_ids: Sequence[str], as_of: dt.date) -> dict[str, list[str]]:  # fmt: skip
    """Of the accounts, the plays (§17, as stored rows) of those with a fresh snapshot of
    `as_of` when it is today that keeps them; the others must be computed."""
    heads = await plays_head_of(ctx, account_ids, as_of, needle=None, limit=None)
    return {a: rows for a, (rows, _) in heads.items()}


async def plays_head_of(
    ctx: Context,
    account_ids: Sequence[str],
    as_of: dt.date,
    *,
    needle: str | None,
    limit: int | None,
) -> dict[str, tuple[list[str], int]]:
    """As `plays_of`, but only the plays whose row holds `needle` (a member's), at most
    `limit` of each account's (its first, in its order), with how many there are."""
    if as_of != ctx.settings.today() or not account_ids:
        return {}
    loader = ctx.loaders.many(q.snapshots.fresh_plays, today=as_of, needle=needle, limit=limit,
                              basis=ctx.settings.analysis_basis())  # fmt: skip
    found = await loader.load_many(list(account_ids))
    return {a: (list(items[0]["playRows"]), int(items[0]["count"]))
            for a, items in zip(account_ids, found, strict=True) if items}  # fmt: skip
