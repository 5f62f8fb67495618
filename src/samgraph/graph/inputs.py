"""Inputs of the graph's upsert mutations: a field left out keeps the stored value,
an explicit null clears it (the bundle's rule; `gql.inputs.to_row`)."""

from __future__ import annotations

import datetime as dt

import strawberry
from strawberry import UNSET

from samgraph.common import (
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


@strawberry.input
class TeamInput:
    id: strawberry.ID
    account_id: strawberry.ID | None = UNSET
    name: str | None = UNSET
    parent_id: strawberry.ID | None = UNSET
    function_group: FunctionGroup | None = UNSET
    headcount: int | None = UNSET


@strawberry.input
class StakeholderInput:
    id: strawberry.ID
    account_id: strawberry.ID | None = UNSET
    name: str | None = UNSET
    title: str | None = UNSET
    email: str | None = UNSET
    linkedin_url: str | None = UNSET
    seniority: Seniority | None = UNSET
    team_id: strawberry.ID | None = UNSET
    manager_id: strawberry.ID | None = UNSET
    buying_role: BuyingRole | None = UNSET
    sentiment: Sentiment | None = UNSET
    status: StakeholderStatus | None = UNSET
    departed_at: dt.date | None = UNSET


@strawberry.input
class MemberInput:
    id: strawberry.ID
    name: str | None = UNSET
    email: str | None = UNSET
    role: MemberRole | None = UNSET


@strawberry.input
class ProductInput:
    id: strawberry.ID
    name: str | None = UNSET
    pricing: Pricing | None = UNSET
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
    status: OpportunityStatus | None = UNSET


@strawberry.input
class InteractionInput:
    id: strawberry.ID
    account_id: strawberry.ID | None = UNSET
    date: dt.date | None = UNSET
    type: InteractionType | None = UNSET
    summary: str | None = UNSET
    member_ids: list[strawberry.ID] | None = UNSET
    stakeholder_ids: list[strawberry.ID] | None = UNSET
