"""Inputs of the account mutations and list views."""

from __future__ import annotations

import datetime as dt
from enum import Enum

import strawberry
from strawberry import UNSET

from samgraph.common import GapCode, Tier


@strawberry.input
class AccountScoresInput:
    current_revenue: float | None = UNSET
    expansion_potential: float | None = UNSET
    strategic_fit: float | None = UNSET
    market_influence: float | None = UNSET
    relationship_strength: float | None = UNSET
    product_adoption: float | None = UNSET
    partnership_potential: float | None = UNSET


@strawberry.input
class AccountInput:
    id: strawberry.ID
    name: str | None = UNSET
    industry: str | None = UNSET
    arr: float | None = UNSET
    renewal_date: dt.date | None = UNSET
    health_score: int | None = UNSET
    scores: AccountScoresInput | None = UNSET


@strawberry.input(description="Filter for `accounts`; every field optional, all must hold.")
class AccountFilter:
    industry: str | None = None
    name_contains: str | None = None
    member_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only accounts this member is on the account team of."
    )
    min_arr: float | None = None
    max_arr: float | None = None
    tier: Tier | None = None
    max_coverage_score: int | None = strawberry.field(
        default=None, description="Only accounts whose coverage score (on asOf) is at most this."
    )
    has_gap: GapCode | None = strawberry.field(
        default=None, description="Only accounts with at least one gap of this code (on asOf)."
    )
    renewal_within_days: int | None = strawberry.field(
        default=None, description="Only accounts renewing between asOf and asOf + this many days."
    )

    @property
    def derived(self) -> bool:
        """Whether a filter is on an analysis value (the others are stored properties)."""
        fields = (self.tier, self.max_coverage_score, self.has_gap, self.renewal_within_days)
        return any(x is not None for x in fields)


@strawberry.enum(description="Orders for `accounts`; ties and nulls: by id, nulls last.")
class AccountSort(Enum):
    ID = "ID"
    NAME = "NAME"
    ARR = "ARR"
    COVERAGE_SCORE = "COVERAGE_SCORE"
    STRATEGIC_SCORE = "STRATEGIC_SCORE"
    DAYS_TO_RENEWAL = "DAYS_TO_RENEWAL"
    REACHABLE_WHITESPACE = "REACHABLE_WHITESPACE"
