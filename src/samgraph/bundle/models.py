"""Pydantic models of the bundle rows (domain.md §10).

A field left out of a row leaves the stored value unchanged and an explicit null
clears it, so every field defaults to None and `provided()` returns only the
fields the caller actually sent. Fields typed without `| None` (ids, names,
statuses) may be left out but never set to null.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from enum import StrEnum
from typing import Annotated, Any, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic.alias_generators import to_camel

from samgraph.common import (
    BuyingRole,
    Count,
    DeploymentStatus,
    Email,
    FunctionGroup,
    Health,
    Id,
    InteractionType,
    LongText,
    MemberRole,
    Money,
    Name,
    OpportunityStatus,
    Pricing,
    Probability,
    ScoreInput,
    Seniority,
    Sentiment,
    ShortText,
    StakeholderStatus,
    Strength,
    Url,
    Weight,
)

T = TypeVar("T")


def _not_null(value: T | None) -> T:
    if value is None:
        raise ValueError("may be left out (keeps the stored value) but not null")
    return value


NotNull = Annotated[T | None, AfterValidator(_not_null)]
"""A field that may be left out of a row (None: not given) but never set to null."""

MAX_ROWS = 2_000_000
MAX_ATTENDEES = 500


class Row(BaseModel):
    # Enum fields keep their text (use_enum_values): rows are written, not computed with,
    # and a million rows then dump without a pass turning enums into text.
    model_config = ConfigDict(
        extra="forbid", alias_generator=to_camel, populate_by_name=True, frozen=True,
        use_enum_values=True,
    )  # fmt: skip

    def provided(self, *, exclude: Collection[str] = frozenset()) -> dict[str, Any]:
        """The fields sent, by their camelCase names (enums as plain strings)."""
        # exclude_unset is include=model_fields_set, at half the cost (an import dumps a
        # million rows).
        data = self.model_dump(by_alias=True, exclude_unset=True)
        for key in exclude:
            data.pop(key, None)
        return data


class NodeRow(Row):
    """A row of a node section: keyed by its id."""

    id: Id


class Scores(Row):
    current_revenue: ScoreInput | None = None
    expansion_potential: ScoreInput | None = None
    strategic_fit: ScoreInput | None = None
    market_influence: ScoreInput | None = None
    relationship_strength: ScoreInput | None = None
    product_adoption: ScoreInput | None = None
    partnership_potential: ScoreInput | None = None


class AccountRow(NodeRow):
    name: NotNull[Name] = None
    industry: ShortText | None = None
    arr: Money | None = None
    renewal_date: dt.date | None = None
    health_score: Health | None = None
    scores: Scores | None = None


class TeamRow(NodeRow):
    account_id: NotNull[Id] = None
    name: NotNull[Name] = None
    parent_id: Id | None = None
    function_group: FunctionGroup | None = None
    headcount: Count | None = None


class StakeholderRow(NodeRow):
    account_id: NotNull[Id] = None
    name: NotNull[Name] = None
    title: ShortText | None = None
    email: Email | None = None
    # A public profile (domain §15: its identity key follows a person between employers).
    linkedin_url: Url | None = None
    seniority: Seniority | None = None
    team_id: Id | None = None
    manager_id: Id | None = None
    buying_role: BuyingRole | None = None
    sentiment: Sentiment | None = None
    status: NotNull[StakeholderStatus] = None
    departed_at: dt.date | None = None


class MemberRow(NodeRow):
    name: NotNull[Name] = None
    email: Email | None = None
    role: MemberRole | None = None


class ProductRow(NodeRow):
    name: NotNull[Name] = None
    pricing: NotNull[Pricing] = None
    list_price: Money | None = None


class OpportunityRow(NodeRow):
    account_id: NotNull[Id] = None
    team_id: Id | None = None
    product_id: Id | None = None
    name: NotNull[Name] = None
    amount: Money | None = None
    probability: Probability | None = None
    stage: ShortText | None = None
    close_date: dt.date | None = None
    status: NotNull[OpportunityStatus] = None


class InteractionRow(NodeRow):
    account_id: NotNull[Id] = None
    date: NotNull[dt.date] = None
    type: NotNull[InteractionType] = None
    summary: LongText | None = None
    member_ids: NotNull[list[Id]] = Field(default=None, max_length=MAX_ATTENDEES)
    stakeholder_ids: NotNull[list[Id]] = Field(default=None, max_length=MAX_ATTENDEES)


class AccountTeamRow(Row):
    member_id: Id
    account_id: Id
    role: MemberRole | None = None


class RelationshipRow(Row):
    member_id: Id
    stakeholder_id: Id
    strength: Strength
    last_contact: dt.date | None = None


class InfluenceRow(Row):
    from_id: Id
    to_id: Id
    weight: Weight


class DeploymentRow(Row):
    team_id: Id
    product_id: Id
    status: DeploymentStatus
    arr: Money | None = None
    seats: Count | None = None
    since: dt.date | None = None


class HistoryRow(Row):
    """One recorded change of a stakeholder (kept so that export/import is lossless)."""

    stakeholder_id: Id
    date: dt.date
    field: Literal["title", "teamId", "managerId", "seniority", "buyingRole", "sentiment", "status"]
    old: ShortText | None = None
    new: ShortText | None = None
    recorded_at: dt.datetime
    # Who made it (domain §18): an API key's name or id, `import`, `sync:<format>`, `feed`.
    source: ShortText | None = None

    @model_validator(mode="after")
    def _values_fit_the_field(self) -> HistoryRow:
        """Enum fields' old and new values are values of their enum (a past asOf rebuilds
        the org from them)."""
        kinds: dict[str, type[StrEnum]] = {"status": StakeholderStatus, "seniority": Seniority,
                                           "buyingRole": BuyingRole, "sentiment": Sentiment}  # fmt: skip
        kind = kinds.get(self.field)
        for name in ("old", "new"):
            value = getattr(self, name)
            if kind is not None and value is not None and value not in kind.__members__:
                raise ValueError(f"{name}: {value!r} is not a {self.field} "
                                 f"({', '.join(kind.__members__)})")  # fmt: skip
        return self


def _rows() -> Any:
    return Field(default_factory=list, max_length=MAX_ROWS)


class Bundle(BaseModel):
    """One import/export document; every key optional."""

    model_config = ConfigDict(extra="forbid", alias_generator=to_camel, populate_by_name=True)

    accounts: list[AccountRow] = _rows()
    teams: list[TeamRow] = _rows()
    stakeholders: list[StakeholderRow] = _rows()
    members: list[MemberRow] = _rows()
    account_team: list[AccountTeamRow] = _rows()
    relationships: list[RelationshipRow] = _rows()
    influences: list[InfluenceRow] = _rows()
    products: list[ProductRow] = _rows()
    deployments: list[DeploymentRow] = _rows()
    opportunities: list[OpportunityRow] = _rows()
    interactions: list[InteractionRow] = _rows()
    history: list[HistoryRow] = _rows()

    def counts(self) -> dict[str, int]:
        """Rows per section, by its camelCase name."""
        return {info.alias or name: len(getattr(self, name))
                for name, info in type(self).model_fields.items()}  # fmt: skip
