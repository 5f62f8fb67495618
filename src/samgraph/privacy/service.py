"""Personal data requests about one stakeholder: access (export) and erasure."""

from __future__ import annotations

from typing import Any

from samgraph.context import Context
from samgraph.db.queries import queries
from samgraph.errors import NotFound, Problem

PLACEHOLDER = "[erased]"


def _plain(value: Any) -> Any:
    """Neo4j values -> JSON: ISO dates, nulls dropped, keys sorted."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in sorted(value.items()) if v is not None}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _missing(stakeholder_id: str) -> NotFound:
    return NotFound(f"no stakeholder {stakeholder_id!r}", [Problem("stakeholderId", "not found")])


async def export_person(ctx: Context, stakeholder_id: str) -> dict[str, Any]:
    """Everything held about one person, as one JSON document."""
    # The Db narrows $account_ids to the caller's scope: another account's person is missing.
    rows = await ctx.db.read(queries.privacy.export_person, id=stakeholder_id)
    if not rows:
        raise _missing(stakeholder_id)
    out: dict[str, Any] = _plain(dict(rows[0]))
    return out


async def erase_person(ctx: Context, stakeholder_id: str) -> dict[str, Any]:
    """Remove the person, their edges and history, and their name from interactions;
    returns what was touched (counts and the account, no personal data)."""
    rows = await ctx.db.write(
        queries.privacy.erase_person, id=stakeholder_id, placeholder=PLACEHOLDER
    )
    if not rows:
        raise _missing(stakeholder_id)
    return dict(rows[0])
