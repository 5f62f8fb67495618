"""Strategic score and tier (domain.md §8) and the renewal timeline (§9)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from samgraph.common import SCORE_INPUTS, RenewalMilestone, Tier

MILESTONES = (  # days before renewalDate, in time order
    (180, RenewalMilestone.INTERNAL_REVIEW),
    (150, RenewalMilestone.EXECUTIVE_ALIGNMENT),
    (120, RenewalMilestone.PROPOSAL),
    (90, RenewalMilestone.NEGOTIATION),
    (60, RenewalMilestone.LEGAL_AND_PROCUREMENT),
    (30, RenewalMilestone.SIGNATURE_TARGET),
    (0, RenewalMilestone.RENEWAL),
)


SCORE_PREFIX = "score_"
"""An Account node keeps each input as a property `score_<input>` (the bundle nests them)."""


def strategic_score(scores: Mapping[str, float | None], weights: Mapping[str, float]) -> float:
    """sum(weight x input) / 10 on 0-100; a missing input counts as 0."""
    return sum(w * float(scores.get(k) or 0.0) for k, w in weights.items()) / 10


def tier(score: float, strategic: float, key: float) -> Tier:
    if score >= strategic:
        return Tier.STRATEGIC
    if score >= key:
        return Tier.KEY
    return Tier.STANDARD


def scores_of(account_row: Mapping[str, Any]) -> dict[str, float | None]:
    """The seven inputs from an Account node's `score_<input>` properties."""
    return {k: account_row.get(SCORE_PREFIX + k) for k in SCORE_INPUTS}


@dataclass(frozen=True)
class Milestone:
    name: RenewalMilestone
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
