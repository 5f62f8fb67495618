"""Each entity's fields are declared once, by its bundle row (bundle/models.py); the
GraphQL input and output types are checked against it here, so they cannot drift:
same names, same kinds (enum, text, number, date, list), inputs all optional."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from enum import Enum
from typing import Any

import pytest
import strawberry
from pydantic import BaseModel
from pydantic.alias_generators import to_camel
from strawberry.types.base import StrawberryList, StrawberryOptional
from strawberry.types.enum import StrawberryEnumDefinition

from samgraph.accounts.inputs import AccountInput, AccountScoresInput
from samgraph.accounts.types import Account, AccountScores
from samgraph.bundle import models
from samgraph.common import SCORE_INPUTS
from samgraph.config import DEFAULT_SCORE_WEIGHTS
from samgraph.graph import inputs
from samgraph.graph import types as out

# (bundle row, GraphQL input or None, GraphQL output type, output-only fields)
ENTITIES: list[tuple[type[BaseModel], Any, Any, set[str]]] = [
    # `row` is private: the stored account, kept for the analysis fields.
    (models.AccountRow, AccountInput, Account, {"row"}),
    (models.Scores, AccountScoresInput, AccountScores, set()),
    (models.TeamRow, inputs.TeamInput, out.Team, set()),
    (models.StakeholderRow, inputs.StakeholderInput, out.Stakeholder, set()),
    (models.MemberRow, inputs.MemberInput, out.Member, set()),
    (models.ProductRow, inputs.ProductInput, out.Product, set()),
    (models.OpportunityRow, inputs.OpportunityInput, out.Opportunity, set()),
    (models.InteractionRow, inputs.InteractionInput, out.Interaction, set()),
    (models.AccountTeamRow, None, out.AccountTeamAssignment, set()),
    # `seniority` is private: the stakeholder's, for the decay fields.
    (models.RelationshipRow, None, out.Relationship, {"seniority"}),
    (models.InfluenceRow, None, out.Influence, set()),
    (models.DeploymentRow, None, out.Deployment, set()),
]


def _row_kind(annotation: Any) -> Any:
    """The base kind of a pydantic field: Annotated and Optional peeled off."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        elif origin is list:
            return ("list", _row_kind(typing.get_args(annotation)[0]))
        else:
            return _plain(annotation)


def _graphql_kind(kind: Any) -> Any:
    if isinstance(kind, StrawberryOptional):
        return _graphql_kind(kind.of_type)
    if isinstance(kind, StrawberryList):
        return ("list", _graphql_kind(kind.of_type))
    if isinstance(kind, StrawberryEnumDefinition):
        return kind.wrapped_cls
    return _plain(kind)


def _plain(kind: Any) -> Any:
    if kind is strawberry.ID:
        return str
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind
    if kind in (int, float, str, bool, dt.date, dt.datetime):
        return kind
    if isinstance(kind, type) and (issubclass(kind, BaseModel) or dataclasses.is_dataclass(kind)):
        return "object"
    if typing.get_origin(kind) is typing.Literal:
        return str
    return kind


def _plain_fields(cls: Any) -> dict[str, Any]:
    """A strawberry type's fields without a resolver, by snake_case name."""
    return {
        f.python_name: _graphql_kind(f.type)
        for f in cls.__strawberry_definition__.fields
        if f.base_resolver is None
    }


@pytest.mark.parametrize(("row", "input_type", "output", "extra"), ENTITIES)
def test_input_and_output_follow_the_row(
    row: type[BaseModel], input_type: Any, output: Any, extra: set[str]
) -> None:
    declared = {name: _row_kind(f.annotation) for name, f in row.model_fields.items()}
    # History rows are bundle-only; everything else a client can read it can send.
    fields_out = _plain_fields(output)
    assert set(declared) <= set(fields_out), f"{output.__name__} lacks {set(declared) - set(fields_out)}"  # fmt: skip
    for name, kind in declared.items():
        assert fields_out[name] == kind, f"{output.__name__}.{name}: {fields_out[name]} != {kind}"
    assert set(fields_out) - set(declared) <= extra
    if input_type is not None:
        fields_in = _plain_fields(input_type)
        assert set(fields_in) == set(declared), input_type.__name__
        for name, kind in declared.items():
            assert fields_in[name] == kind, f"{input_type.__name__}.{name}"
        # Every input field but the id may be left out (UNSET keeps the stored value).
        required = [
            f.python_name
            for f in input_type.__strawberry_definition__.fields
            if f.default is dataclasses.MISSING
        ]
        assert required == (["id"] if "id" in declared else []), input_type.__name__


def test_the_seven_score_inputs_agree_everywhere() -> None:
    assert tuple(to_camel(n) for n in models.Scores.model_fields) == SCORE_INPUTS
    assert tuple(to_camel(n) for n in _plain_fields(AccountScores)) == SCORE_INPUTS
    assert tuple(to_camel(n) for n in _plain_fields(AccountScoresInput)) == SCORE_INPUTS
    assert tuple(DEFAULT_SCORE_WEIGHTS) == SCORE_INPUTS


def test_a_drift_is_caught() -> None:
    # The check can fail: a row with a field the output type lacks.
    class Drifted(models.TeamRow):
        budget: float | None = None

    declared = {name: _row_kind(f.annotation) for name, f in Drifted.model_fields.items()}
    assert not set(declared) <= set(_plain_fields(out.Team))
