"""Input objects to the plain rows the bundle models validate.

A field left out (UNSET) leaves the stored value unchanged; an explicit null clears
it, as in the bundle. `to_row()` turns an input into the dict the bundle models
validate, so mutations and `importBundle` share one validation path.
"""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any

from pydantic.alias_generators import to_camel
from strawberry import UNSET


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
