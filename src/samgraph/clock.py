"""The one clock: what "today" is, in the configured time zone (SAMGRAPH_TIMEZONE,
default UTC). Every default `asOf`, change date and sync date comes from here."""

from __future__ import annotations

import datetime as dt
from functools import cache
from zoneinfo import ZoneInfo


@cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def today(timezone: str = "UTC") -> dt.date:
    """Today's date in `timezone` (an IANA name such as `UTC` or `Europe/Berlin`)."""
    return dt.datetime.now(_zone(timezone)).date()


def today_or(as_of: dt.date | None, timezone: str = "UTC") -> dt.date:
    """`asOf` when given, else today."""
    return as_of if as_of is not None else today(timezone)
