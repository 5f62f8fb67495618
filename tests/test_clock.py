"""One clock: "today" is the date in SAMGRAPH_TIMEZONE (default UTC)."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from samgraph import clock
from samgraph.config import Settings


def test_today_is_the_date_in_the_configured_zone() -> None:
    now = dt.datetime.now(dt.UTC)
    # UTC-12 and UTC+14 are 26 hours apart: their dates always differ by one or two days
    # from each other, and each is within a day of UTC's.
    west = clock.today("Etc/GMT+12")
    east = clock.today("Etc/GMT-14")
    assert 1 <= (east - west).days <= 2
    assert abs((clock.today("UTC") - now.date()).days) <= 1
    assert Settings().samgraph_timezone == "UTC"
    assert Settings(samgraph_timezone="Etc/GMT-14").today() == east


def test_an_explicit_as_of_wins() -> None:
    day = dt.date(2026, 1, 20)
    assert Settings().today_or(day) == day
    assert Settings().today_or(None) == clock.today("UTC")


def test_an_unknown_zone_is_refused() -> None:
    with pytest.raises(ValidationError, match="unknown time zone"):
        Settings(samgraph_timezone="Mars/Olympus")
