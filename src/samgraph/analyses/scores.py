"""Strategic score and tier (domain.md §8) and the renewal timeline (§9)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

MILESTONES = (  # days before renewalDate, latest first in time order
    (180, "INTERNAL_REVIEW"),
    (150, "EXECUTIVE_ALIGNMENT"),
    (120, "PROPOSAL"),
    (90, "NEGOTIATION"),
    (60, "LEGAL_AND_PROCUREMENT"),
    (30, "SIGNATURE_TARGET"),
    (0, "RENEWAL"),
)


def strategic_score(scores: Mapping[str, float | None], weights: Mapping[str, float]) -> float:
    """sum(weight x input) / 10 on 0-100; a missing input counts as 0."""
    return sum(w * float(scores.get(k) or 0.0) for k, w in weights.items()) / 10


def tier(score: float, strategic: float, key: float) -> str:
    if score >= strategic:
        return "STRATEGIC"
    if score >= key:
        return "KEY"
    return "STANDARD"


def scores_of(account_row: Mapping[str, Any]) -> dict[str, float | None]:
    """The seven inputs from an Account node's `score_<input>` properties."""
    return {k[len("score_") :]: v for k, v in account_row.items() if k.startswith("score_")}


@dataclass(frozen=True)
class Milestone:
    name: str
    date: dt.date


@dataclass(frozen=True)
class Renewal:
    renewal_date: dt.date | None
    milestone: Milestone | None
    next_milestone: Milestone | None
    days_to_renewal: int | None
    milestones: tuple[Milestone, ...]


def renewal(renewal_date: dt.date | None, as_of: dt.date) -> Renewal:
    """The current milestone is the latest one dated on or before `as_of` (none before day
    180); daysToRenewal = renewalDate - asOf, negative once passed; nulls without a date."""
    if renewal_date is None:
        return Renewal(None, None, None, None, ())
    all_ = tuple(Milestone(n, renewal_date - dt.timedelta(days=d)) for d, n in MILESTONES)
    past = [m for m in all_ if m.date <= as_of]
    future = [m for m in all_ if m.date > as_of]
    return Renewal(
        renewal_date=renewal_date,
        milestone=past[-1] if past else None,
        next_milestone=future[0] if future else None,
        days_to_renewal=(renewal_date - as_of).days,
        milestones=all_,
    )
