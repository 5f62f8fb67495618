"""Builders shared by the tests: valid domain rows with only what a test is about
overridden, and the date the writes of a test run are recorded on."""

from __future__ import annotations

import itertools
from typing import Any

from samgraph import clock
from samgraph.bundle import service as bundle_service
from samgraph.bundle.service import ImportSummary
from samgraph.db.driver import Db

TODAY = clock.today()
"""The day the writes of this run are dated (SAMGRAPH_TIMEZONE's default, UTC)."""

_ids = itertools.count(1)


def _id(prefix: str) -> str:
    return f"{prefix}{next(_ids)}"


def account(**over: Any) -> dict[str, Any]:
    row = {"id": _id("acc"), "name": "Account"}
    return {**row, **over}


def stakeholder(account_id: str, **over: Any) -> dict[str, Any]:
    row = {"id": _id("s"), "accountId": account_id, "name": "Person", "seniority": "IC"}
    return {**row, **over}


def member(**over: Any) -> dict[str, Any]:
    return {"id": _id("m"), "name": "Member", **over}


def knows(member_id: str, stakeholder_id: str, **over: Any) -> dict[str, Any]:
    row = {"memberId": member_id, "stakeholderId": stakeholder_id, "strength": 3}
    return {**row, "lastContact": TODAY.isoformat(), **over}


async def load(db: Db, bundle: Any, **kw: Any) -> ImportSummary:
    """Import a bundle (dict, JSON bytes or text) as the tests' writer, dated TODAY."""
    return await bundle_service.import_bundle(db, bundle, changed_on=TODAY, **kw)
