"""The graph around accounts: org history, nested team reads, deletes and unlinks.

Writes of new or changed rows go through the bundle import (bundle/service.py), so
one set of validation rules applies everywhere; what is here removes or marks.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import TypeAdapter, ValidationError
from pydantic.alias_generators import to_camel

from samgraph.common import Id, StakeholderStatus
from samgraph.context import Context
from samgraph.db.cypher import CypherQuery
from samgraph.db.queries import queries as q
from samgraph.errors import NotFound, Problem, invalid, message

_ID = TypeAdapter(Id)

DELETE = {
    "accounts": q.accounts.delete_account,
    "teams": q.teams.delete_team,
    "stakeholders": q.stakeholders.delete_stakeholder,
    "members": q.members.delete_member,
    "products": q.products.delete_product,
    "opportunities": q.opportunities.delete_opportunity,
    "interactions": q.interactions.delete_interaction,
}
"""The delete query of each kind of node."""


def check_ids(**ids: str) -> None:
    """Arguments that name nodes must be well-formed ids (named as the client sent them)."""
    problems = []
    for name, value in ids.items():
        try:
            _ID.validate_python(value)
        except ValidationError as exc:
            problems.append(Problem(name, message(exc.errors()[0])))
    if problems:
        raise invalid(problems)


async def delete(ctx: Context, *, kind: str, node_id: str) -> bool:
    """Delete one node and what hangs on it; False when there was nothing to delete
    (another account's node reads as missing)."""
    check_ids(id=node_id)
    if await ctx.db.scope.check_nodes(ctx.db, {kind: [node_id]}):
        return False
    rows = await ctx.db.write(DELETE[kind], id=node_id)
    return bool(rows and rows[0]["existed"])


async def unlink(
    ctx: Context, *, query: CypherQuery, owners: dict[str, list[str]], **ids: str
) -> bool:
    """Remove one edge; `owners` are the (kind: ids) ends that decide its account."""
    check_ids(**{to_camel(k): v for k, v in ids.items()})
    if await ctx.db.scope.check_nodes(ctx.db, owners):
        return False
    rows = await ctx.db.write(query, **ids)
    return bool(rows and rows[0]["existed"])


async def mark_departed(ctx: Context, *, stakeholder_id: str, date: dt.date | None) -> dict[str, Any]:  # fmt: skip
    """Mark a stakeholder DEPARTED on `date` (default today), keeping their history."""
    check_ids(stakeholderId=stakeholder_id)
    missing = NotFound(f"no stakeholder {stakeholder_id!r}", [Problem("stakeholderId", "not found")])  # fmt: skip
    if await ctx.db.scope.check_nodes(ctx.db, {"stakeholders": [stakeholder_id]}):
        raise missing
    rows = await ctx.db.write(
        q.stakeholders.mark_departed,
        id=stakeholder_id,
        date=ctx.today_or(date),
        source=ctx.principal.source,
    )
    if not rows:
        raise missing
    row: dict[str, Any] = rows[0]["stakeholder"]
    return row


TRACKED = ("title", "teamId", "managerId", "seniority", "buyingRole", "sentiment", "status")
"""The fields whose changes a stakeholder's history records (domain §18)."""


def rebuild(now: dict[str, Any], changes: list[dict[str, Any]], date: dt.date) -> dict[str, Any] | None:  # fmt: skip
    """A stakeholder as of `date`: start from today's values and undo, newest first,
    every change dated after `date`. None when they joined the org chart after it. A
    person held as DEPARTED with a departedAt after `date` and no departure recorded on
    or before `date` (an import of someone who had already left) was active that day
    (domain §18)."""
    values: dict[str, Any] = {f: now.get(f) for f in TRACKED}
    values["status"] = StakeholderStatus(now.get("status") or StakeholderStatus.ACTIVE)
    for change in reversed(changes):
        if change["date"] <= date:
            break
        if change["field"] == "status" and change.get("old") is None:
            return None  # added to the org chart after `date`
        if change["field"] in values:
            values[change["field"]] = change.get("old")
    left = now.get("departedAt")
    recorded = any(c["field"] == "status" and c.get("new") == StakeholderStatus.DEPARTED
                   and c["date"] <= date for c in changes)  # fmt: skip
    if (values["status"] == StakeholderStatus.DEPARTED and left is not None and date < left
            and not recorded):  # fmt: skip
        values["status"] = StakeholderStatus.ACTIVE
    return {"id": now["id"], "name": now.get("name") or "", **values,
            "status": StakeholderStatus(values["status"] or StakeholderStatus.ACTIVE)}  # fmt: skip


async def as_of(ctx: Context, *, stakeholder: dict[str, Any], date: dt.date) -> dict[str, Any] | None:  # fmt: skip
    """One stakeholder as of a date, from their recorded history."""
    changes = await ctx.loaders.many(q.stakeholders.history_by_stakeholder).load(stakeholder["id"])
    return rebuild(stakeholder, changes, date)


async def org_chart(ctx: Context, *, account_id: str, date: dt.date) -> list[dict[str, Any]]:
    """The org chart of an account as it was on a date: everyone on it then (departed
    included), with title, team, manager and status of that day."""
    people = await ctx.loaders.many(
        q.stakeholders.stakeholders_by_account, include_departed=True
    ).load(account_id)
    loader = ctx.loaders.many(q.stakeholders.history_by_stakeholder)
    histories = await loader.load_many([p["id"] for p in people])
    snaps = [rebuild(p, h, date) for p, h in zip(people, histories, strict=True)]
    return [s for s in snaps if s is not None]


async def team_trees(
    ctx: Context, *, account_id: str, include_departed: bool, with_relationships: bool
) -> list[dict[str, Any]]:
    """An account's teams for a nested read, in one round trip: the stakeholders of
    each team (and the KNOWS edges into each) come with them and are primed into
    the loaders the nested fields use, which then answer without a query."""
    trees = await ctx.loaders.many(
        q.teams.team_trees, include_departed=include_departed,
        with_relationships=with_relationships,
    ).load(account_id)  # fmt: skip
    members = ctx.loaders.many(q.stakeholders.stakeholders_by_team, include_departed=include_departed)  # fmt: skip
    knows = ctx.loaders.many(q.relationships.knows.by_stakeholder)
    teams = []
    for tree in trees:
        team = {k: v for k, v in tree.items() if k != "stakeholders"}
        people = []
        for row in tree["stakeholders"]:
            # A copy: the rows stay in the DataLoader's cache, and a second
            # `teams` field for the same account reads them again.
            person = {k: v for k, v in row.items() if k != "relationships"}
            people.append(person)
            if with_relationships:
                knows.prime(person["id"], list(row["relationships"]))
        members.prime(team["id"], people)
        teams.append(team)
    ctx.loaders.many(q.teams.teams_by_account).prime(account_id, teams)
    return teams
