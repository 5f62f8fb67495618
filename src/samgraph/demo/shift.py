"""The demo on any day: its dates moved so that today looks like the day it was written.

The demo portfolio tells a story as of 2026-01-20 (Acme well covered, Northwind single
threaded with a departed champion, Global Financial the worked example of the docs,
Contoso a new logo). Relationships decay with time (domain §2), so loaded as written a
year later every contact is stale and the story is gone. `shifted` moves every date of
the bundle by the days between that day and today.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

WRITTEN = dt.date(2026, 1, 20)
"""The day the demo describes."""

DATE_FIELDS = frozenset({"closeDate", "date", "departedAt", "lastContact", "renewalDate", "since"})


def shifted(bundle: Any, today: dt.date, written: dt.date = WRITTEN) -> Any:
    """A copy of `bundle` with every date moved by `today - written` days."""
    delta = today - written

    def move(value: Any, key: str | None) -> Any:
        if isinstance(value, dict):
            return {k: move(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [move(v, key) for v in value]
        if key in DATE_FIELDS and isinstance(value, str):
            return (dt.date.fromisoformat(value) + delta).isoformat()
        return value

    return move(bundle, None)
