"""Inputs of the account mutations and list views."""

from __future__ import annotations

import datetime as dt

import strawberry
from strawberry import UNSET

from samgraph.accounts.service import Filter
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

    def plain(self) -> Filter:
        """The filter as the service takes it."""
        return Filter(
            industry=self.industry, name_contains=self.name_contains,
            member_id=None if self.member_id is None else str(self.member_id),
            min_arr=self.min_arr, max_arr=self.max_arr, tier=self.tier,
            max_coverage_score=self.max_coverage_score, has_gap=self.has_gap,
            renewal_within_days=self.renewal_within_days,
        )  # fmt: skip
