"""Strawberry input types for the upsert and link mutations.

A field left out (UNSET) leaves the stored value unchanged; an explicit null
clears it, as in the bundle. `to_row()` turns an input into the dict the bundle
models validate, so mutations and `importBundle` share one validation path.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import Enum
from typing import Any

import strawberry
from pydantic.alias_generators import to_camel
from strawberry import UNSET

from samgraph.api.analysis_types import GapCode, Tier
from samgraph.api.types import (
    BuyingRole,
    FunctionGroup,
    InteractionType,
    MemberRole,
    OpportunityStatus,
    Pricing,
    Seniority,
    Sentiment,
    StakeholderStatus,
)


def to_row(value: Any) -> Any:
    """Input object -> plain dict without UNSET fields (recursively)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            to_camel(f.name): to_row(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if getattr(value, f.name) is not UNSET
        }
    if isinstance(value, list):
        return [to_row(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    return value


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


@strawberry.input
class TeamInput:
    id: strawberry.ID
    account_id: strawberry.ID | None = UNSET
    name: str | None = UNSET
    parent_id: strawberry.ID | None = UNSET
    function_group: FunctionGroup | None = UNSET  # type: ignore[valid-type]
    headcount: int | None = UNSET


@strawberry.input
class StakeholderInput:
    id: strawberry.ID
    account_id: strawberry.ID | None = UNSET
    name: str | None = UNSET
    title: str | None = UNSET
    email: str | None = UNSET
    seniority: Seniority | None = UNSET  # type: ignore[valid-type]
    team_id: strawberry.ID | None = UNSET
    manager_id: strawberry.ID | None = UNSET
    buying_role: BuyingRole | None = UNSET  # type: ignore[valid-type]
    sentiment: Sentiment | None = UNSET  # type: ignore[valid-type]
    status: StakeholderStatus | None = UNSET  # type: ignore[valid-type]
    departed_at: dt.date | None = UNSET


@strawberry.input
class MemberInput:
    id: strawberry.ID
    name: str | None = UNSET
    email: str | None = UNSET
    role: MemberRole | None = UNSET  # type: ignore[valid-type]


@strawberry.input
class ProductInput:
    id: strawberry.ID
    name: str | None = UNSET
    pricing: Pricing | None = UNSET  # type: ignore[valid-type]
    list_price: float | None = UNSET


@strawberry.input
class OpportunityInput:
    id: strawberry.ID
    account_id: strawberry.ID | None = UNSET
    team_id: strawberry.ID | None = UNSET
    product_id: strawberry.ID | None = UNSET
    name: str | None = UNSET
    amount: float | None = UNSET
    probability: float | None = UNSET
    stage: str | None = UNSET
    close_date: dt.date | None = UNSET
    status: OpportunityStatus | None = UNSET  # type: ignore[valid-type]


@strawberry.input
class InteractionInput:
    id: strawberry.ID
    account_id: strawberry.ID | None = UNSET
    date: dt.date | None = UNSET
    type: InteractionType | None = UNSET  # type: ignore[valid-type]
    summary: str | None = UNSET
    member_ids: list[strawberry.ID] | None = UNSET
    stakeholder_ids: list[strawberry.ID] | None = UNSET


@strawberry.input(description="Filter for `accounts`; every field optional, all must hold.")
class AccountFilter:
    industry: str | None = None
    name_contains: str | None = None
    member_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only accounts this member is on the account team of."
    )
    min_arr: float | None = None
    max_arr: float | None = None
    tier: Tier | None = None  # type: ignore[valid-type]
    max_coverage_score: int | None = strawberry.field(
        default=None, description="Only accounts whose coverage score (on asOf) is at most this."
    )
    has_gap: GapCode | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="Only accounts with at least one gap of this code (on asOf)."
    )
    renewal_within_days: int | None = strawberry.field(
        default=None, description="Only accounts renewing between asOf and asOf + this many days."
    )


@strawberry.enum(description="Orders for `accounts`; ties and nulls: by id, nulls last.")
class AccountSort(Enum):
    ID = "ID"
    NAME = "NAME"
    ARR = "ARR"
    COVERAGE_SCORE = "COVERAGE_SCORE"
    STRATEGIC_SCORE = "STRATEGIC_SCORE"
    DAYS_TO_RENEWAL = "DAYS_TO_RENEWAL"


__all__ = [
    "AccountFilter",
    "AccountInput",
    "AccountScoresInput",
    "AccountSort",
    "InteractionInput",
    "MemberInput",
    "OpportunityInput",
    "ProductInput",
    "StakeholderInput",
    "TeamInput",
    "to_row",
]
