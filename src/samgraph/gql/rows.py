"""One way from a Cypher map projection to a strawberry object.

Queries return rows shaped like the GraphQL type (camelCase keys, `RETURN n {.*}`),
so each output type's plain fields are filled from the row by name: enums are
converted, a missing value takes the field's default. Types call `from_row` in
their classmethod of the same name, adding what is not a plain column.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from enum import Enum
from typing import Any, TypeVar

from pydantic.alias_generators import to_camel
from strawberry.types.base import StrawberryList, StrawberryOptional, has_object_definition
from strawberry.types.enum import StrawberryEnumDefinition as EnumDefinition

T = TypeVar("T")
_MISSING = object()


def _converter(kind: Any) -> Callable[[Any], Any] | None:
    if isinstance(kind, StrawberryOptional):
        kind = kind.of_type
    if isinstance(kind, EnumDefinition):
        wrapped: Callable[[Any], Enum] = kind.wrapped_cls
        return lambda v: None if v is None else wrapped(v)
    if isinstance(kind, StrawberryList):
        return lambda v: list(v or [])
    return None


_Plan = tuple[tuple[str, str, Any, Callable[[Any], Any] | None], ...]
_plans: dict[type[Any], _Plan] = {}


def _plan(cls: type[Any]) -> _Plan:
    """(attribute, row key, default, converter) of each plain field of `cls`."""
    if not has_object_definition(cls):
        raise TypeError(f"{cls.__name__} is not a strawberry type")
    plan = []
    for f in cls.__strawberry_definition__.fields:
        if f.base_resolver is not None:
            continue
        default = _MISSING if f.default is dataclasses.MISSING else f.default
        plan.append((f.python_name, to_camel(f.python_name), default, _converter(f.type)))
    _plans[cls] = tuple(plan)
    return _plans[cls]


def from_row(cls: type[T], row: dict[str, Any], /, **extra: Any) -> T:
    """An instance of the strawberry type `cls` from a row; `extra` sets the rest."""
    values: dict[str, Any] = {}
    for attr, key, default, convert in _plans.get(cls) or _plan(cls):
        if attr in extra:
            continue
        value = row.get(key)
        if value is None and default is not _MISSING:
            value = default
        values[attr] = convert(value) if convert is not None else value
    return cls(**values, **extra)


def column(cls: type[Any], attr: str) -> tuple[str, Callable[[Any], Any]] | None:
    """The row key of `cls`'s plain field `attr` and how `from_row` turns that key's
    value into the attribute (default for a missing value, enum conversion), or None
    when `attr` is not one of its plain fields."""
    for name, key, default, convert in _plans.get(cls) or _plan(cls):
        if name == attr:
            return key, _reader(default, convert)
    return None


def _reader(default: Any, convert: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    def read(value: Any) -> Any:
        if value is None and default is not _MISSING:
            value = default
        return convert(value) if convert is not None else value

    return read
