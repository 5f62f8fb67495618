"""Cadence and relationship decay (domain.md §2)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from samgraph.analyses.graph import AccountGraph

ENGAGED = 3
STRONG = 4


def cadence_days(seniority: str | None, cadence: Mapping[str, int]) -> int:
    """Days between touches; a stakeholder without seniority is treated as IC."""
    return cadence[seniority or "IC"]


@dataclass(frozen=True)
class Decay:
    effective: int
    days_since: int | None
    overdue: bool
    next_due: dt.date | None
    cadence_days: int

    @property
    def days_overdue(self) -> int | None:
        """Days past cadence (None when never contacted: the most overdue of all)."""
        return None if self.days_since is None else self.days_since - self.cadence_days


def decay(
    strength: int,
    last_contact: dt.date | None,
    seniority: str | None,
    as_of: dt.date,
    cadence: Mapping[str, int],
) -> Decay:
    """effective = max(0, strength - floor(max(0, days - cadence) / cadence))."""
    days = cadence_days(seniority, cadence)
    if last_contact is None:
        return Decay(strength, None, True, None, days)
    since = (as_of - last_contact).days
    missed = max(0, since - days) // days
    return Decay(
        effective=max(0, strength - missed),
        days_since=since,
        overdue=since > days,
        next_due=last_contact + dt.timedelta(days=days),
        cadence_days=days,
    )


def overdue_by_member(
    graph: AccountGraph, as_of: dt.date, cadence: Mapping[str, int]
) -> dict[str, int]:
    """How many of each member's KNOWS edges into an active stakeholder are past cadence
    on `as_of` (never contacted included): the account's share of the portfolio's
    overdue count, which today's snapshot keeps."""
    out: dict[str, int] = {}
    for k in graph.knows:
        person = graph.people.get(k.stakeholder_id)
        if person is not None and decay(k.strength, k.last_contact, person.seniority, as_of, cadence).overdue:  # fmt: skip
            out[k.member_id] = out.get(k.member_id, 0) + 1
    return out


def effective_strengths(
    graph: AccountGraph, as_of: dt.date, cadence: Mapping[str, int]
) -> tuple[int | None, ...]:
    """Each KNOWS edge's effective strength on `as_of`, in `graph.knows`' order (None for
    an edge into someone not an active stakeholder of the graph): once per graph, day
    and cadence (engagement, the link graph and member dependency all start from it)."""

    def build() -> tuple[int | None, ...]:
        out: list[int | None] = []
        for k in graph.knows:
            person = graph.people.get(k.stakeholder_id)
            out.append(None if person is None else
                       decay(k.strength, k.last_contact, person.seniority, as_of, cadence).effective)  # fmt: skip
        return tuple(out)

    return graph.once(("effective strengths", as_of, tuple(sorted(cadence.items()))), build)


def engagement(graph: AccountGraph, as_of: dt.date, cadence: Mapping[str, int]) -> dict[str, int]:
    """Max effective strength over the KNOWS edges into each active stakeholder (0 if none)."""
    return engagement_from(graph, effective_strengths(graph, as_of, cadence))


def engagement_from(
    graph: AccountGraph, effective: Sequence[int | None], *, without: str | None = None
) -> dict[str, int]:
    """`engagement` from the edges' effective strengths, leaving out member `without`'s
    edges when given (as if that member had left)."""
    out = dict.fromkeys(graph.people, 0)
    for k, eff in zip(graph.knows, effective, strict=True):
        if eff is not None and k.member_id != without and eff > out[k.stakeholder_id]:
            out[k.stakeholder_id] = eff
    return out
