"""Personal data requests about one stakeholder: access (export) and erasure."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from samgraph.errors import NotFound, Problem

if TYPE_CHECKING:
    from samgraph.context import Context

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
    rows = await ctx.db.read("privacy.export_person", id=stakeholder_id, account_ids=ctx.scope)
    if not rows:
        raise _missing(stakeholder_id)
    out: dict[str, Any] = _plain(dict(rows[0]))
    return out


async def erase_person(ctx: Context, stakeholder_id: str) -> dict[str, Any]:
    """Remove the person, their edges and history, and their name from interactions;
    returns what was touched (counts and the account, no personal data)."""
    rows = await ctx.db.write(
        "privacy.erase_person", id=stakeholder_id, placeholder=PLACEHOLDER, account_ids=ctx.scope
    )
    if not rows:
        raise _missing(stakeholder_id)
    return dict(rows[0])
