"""Outbound webhooks: endpoints, the events an account's snapshots tell, and the outbox.

Account events come from the difference between an account's stored snapshot and the
one the refresher is about to store (`events_between`): a CRITICAL or HIGH gap opened
or closed, the coverage score crossing a multiple of SAMGRAPH_WEBHOOK_COVERAGE_STEP, an
active stakeholder now departed. They are written (`emit_steps`) in the snapshot's own
write transaction, with one pending delivery per endpoint that wants them, so each
change is emitted once, by the one process that stored it, whichever worker made the
write. `webhooks/dispatch.py` sends the deliveries.
"""

from __future__ import annotations

import base64
import ipaddress
import secrets
import socket
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import orjson

from samgraph.analyses.graph import AccountGraph
from samgraph.analyses.moves import Move
from samgraph.auth.principal import Principal
from samgraph.common import BuyingRole, Severity
from samgraph.config import Settings
from samgraph.db.driver import Db, Step
from samgraph.db.queries import queries as q
from samgraph.errors import Forbidden, NotFound, Problem, invalid

_WATCHED = (Severity.CRITICAL.value, Severity.HIGH.value)


def move_row(move: Move) -> str:
    """A champion move into an account (§15) as its snapshot keeps it (JSON text)."""
    return orjson.dumps({
        "formerStakeholderId": move.former["id"], "fromAccountId": move.former.get("accountId"),
        "stakeholderId": move.person["id"], "toAccountId": move.person.get("accountId"),
        "name": move.person.get("name"), "formerEngagement": move.former_engagement,
        "engagementNow": move.engagement_now,
        "departedAt": move.departed_at.isoformat() if move.departed_at else None,
    }).decode()  # fmt: skip


def person_row(graph: AccountGraph, person_id: str) -> str:
    """An active stakeholder as a snapshot keeps them for events (JSON text)."""
    p = graph.people[person_id]
    return orjson.dumps({"id": p.id, "name": p.name, "buyingRole": p.buying_role}).decode()


@dataclass(frozen=True)
class Event:
    type: str
    account_id: str
    data: dict[str, Any]

    def row(self) -> dict[str, Any]:
        return {"id": f"msg_{uuid.uuid4().hex}", "type": self.type, "accountId": self.account_id,
                "payload": orjson.dumps(self.data).decode()}  # fmt: skip


def _gaps(rows: Iterable[str]) -> dict[str, dict[str, Any]]:
    """CRITICAL and HIGH gap rows (code|severity|band|group|stakeholder), by row."""
    out = {}
    for row in rows:
        code, severity, band, group, person = row.split("|", 4)
        if severity in _WATCHED:
            out[row] = {"code": code, "severity": severity, "band": band or None,
                        "group": group or None, "stakeholderId": person or None}  # fmt: skip
    return out


def events_between(
    account_id: str,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any],
    departed: Mapping[str, Mapping[str, Any]],
    step: int,
) -> list[Event]:
    """The events from the stored snapshot `before` (None: the account's first, which
    emits nothing) to `after`; `departed` holds the people of `before` now DEPARTED."""
    if before is None or before.get("gapRows") is None:
        return []
    out = []
    old_people = {p["id"]: p for p in (orjson.loads(r) for r in before.get("peopleRows") or [])}
    new_people = {orjson.loads(r)["id"] for r in after.get("peopleRows") or []}
    for pid in sorted(set(old_people) - new_people):
        if pid in departed:  # gone from the active people, and DEPARTED (not deleted)
            person = old_people[pid]
            role = person.get("buyingRole")
            out.append(Event("stakeholder.departed", account_id, {
                "accountId": account_id, "stakeholderId": pid, "name": person.get("name"),
                "buyingRole": role, "champion": role == BuyingRole.CHAMPION,
                "departedAt": departed[pid].get("departedAt"),
            }))  # fmt: skip
    old_gaps, new_gaps = _gaps(before["gapRows"]), _gaps(after["gapRows"])
    for row in sorted(set(new_gaps) - set(old_gaps)):
        out.append(Event("gap.opened", account_id, {"accountId": account_id, **new_gaps[row]}))
    for row in sorted(set(old_gaps) - set(new_gaps)):
        out.append(Event("gap.closed", account_id, {"accountId": account_id, **old_gaps[row]}))
    # A champion who left another account, now active here (§15): told by the account
    # they moved to, once, when its snapshot first holds the move.
    old_moves = {orjson.loads(r)["formerStakeholderId"] + ">" + orjson.loads(r)["stakeholderId"]
                 for r in before.get("moveRows") or []}  # fmt: skip
    for row in after.get("moveRows") or []:
        move = orjson.loads(row)
        if move["formerStakeholderId"] + ">" + move["stakeholderId"] not in old_moves:
            out.append(Event("champion.moved", account_id, {"accountId": account_id, **move}))
    old, new = int(before["coverageScore"]), int(after["coverageScore"])
    if old // step != new // step:
        out.append(Event("coverage.changed", account_id, {
            "accountId": account_id, "from": old, "to": new, "step": step}))  # fmt: skip
    return out


async def previous(db: Db, account_ids: Sequence[str], today: Any) -> dict[str, dict[str, Any]]:
    """Each account's latest stored snapshot on or before today (what events compare)."""
    rows = await db.read(q.webhooks.previous_snapshots, ids=list(account_ids), today=today)
    return {r["accountId"]: r for r in rows if r["gapRows"] is not None}


async def departed_of(db: Db, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Of these stakeholders, those that exist and are DEPARTED, by id."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = await db.read(q.stakeholders.get_stakeholders, ids=wanted)
    found = [r.get("item") or {} for r in rows]
    return {p["id"]: p for p in found if p.get("status") == "DEPARTED"}


def emit_steps(events: Sequence[Event]) -> list[Step]:
    """The outbox write for `events` (none: nothing to run)."""
    if not events:
        return []
    return [Step(q.webhooks.emit_events, {"events": [e.row() for e in events]})]


# -- endpoints -------------------------------------------------------------------------


def check_url(url: str, settings: Settings) -> None:
    """An endpoint URL: http(s) with a host; https only and no loopback, private,
    link-local or reserved address in production (unless SAMGRAPH_WEBHOOK_ALLOW_PRIVATE):
    a webhook must not reach into the server's own network (SSRF)."""
    parts = urlsplit(url)
    problems = []
    if parts.scheme not in ("http", "https") or not parts.hostname:
        problems.append(Problem("url", "must be an http(s) URL with a host"))
    elif not settings.webhook_allow_private:
        if parts.scheme != "https":
            problems.append(Problem("url", "must be https"))
        elif private_address(parts.hostname):
            problems.append(Problem("url", "must not point at a loopback, private, link-local "
                                    "or reserved address (SAMGRAPH_WEBHOOK_ALLOW_PRIVATE)"))  # fmt: skip
    if problems:
        raise invalid(problems)


def private_address(host: str) -> bool:
    """Whether `host` is, or resolves to, an address a webhook must not reach. Asked
    when an endpoint is registered and again before each send (a name may resolve
    elsewhere later: DNS rebinding)."""
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        try:
            infos = socket.getaddrinfo(host, None)
        except OSError:
            return True  # unresolvable now: refused rather than guessed
        addresses = [ipaddress.ip_address(i[4][0]) for i in infos]
    return any(a.is_loopback or a.is_private or a.is_link_local or a.is_reserved
               or a.is_multicast or a.is_unspecified for a in addresses)  # fmt: skip


def _bound_member(principal: Principal, member_id: str | None) -> str | None:
    """The member an endpoint made by `principal` is bound to: a bound credential only
    makes endpoints of its own member (never an unbound one)."""
    own = principal.member_id
    if own is None:
        return member_id
    if member_id not in (None, own):
        raise Forbidden("a credential bound to a member registers endpoints for that member only")
    return own


def manages(principal: Principal, endpoint: Mapping[str, Any]) -> bool:
    return principal.member_id is None or endpoint.get("memberId") == principal.member_id


async def create_endpoint(db: Db, settings: Settings, principal: Principal, *, url: str,
                          events: Sequence[str], member_id: str | None) -> tuple[dict[str, Any], str]:  # fmt: skip
    """Register an endpoint; returns it and its secret (shown this once)."""
    check_url(url, settings)
    member = _bound_member(principal, member_id)
    if member is not None and not await db.read(q.members.get_members, ids=[member]):
        raise NotFound(f"no member {member!r}", [Problem("memberId", "not found")])
    # Standard Webhooks' form: whsec_ and the base64 of 32 random bytes. Kept as it is
    # (signing needs it); only an ADMIN reads the graph's webhook nodes.
    secret = "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()
    rows = await db.write(q.webhooks.create_endpoint, id=f"wh_{uuid.uuid4().hex[:16]}", url=url,
                          events=sorted(set(events)), member_id=member, secret=secret,
                          created_by=principal.actor)  # fmt: skip
    return rows[0]["endpoint"], secret


async def endpoints(db: Db, principal: Principal) -> list[dict[str, Any]]:
    return [r["item"] for r in await db.read(q.webhooks.list_endpoints)
            if manages(principal, r["item"])]  # fmt: skip


async def endpoint(db: Db, principal: Principal, endpoint_id: str) -> dict[str, Any]:
    found = [e for e in await endpoints(db, principal) if e["id"] == endpoint_id]
    if not found:
        raise NotFound(f"no webhook endpoint {endpoint_id!r}", [Problem("id", "not found")])
    return found[0]


async def delete_endpoint(db: Db, principal: Principal, endpoint_id: str) -> None:
    await endpoint(db, principal, endpoint_id)
    await db.write(q.webhooks.delete_endpoint, id=endpoint_id)


async def deliveries(db: Db, principal: Principal, endpoint_id: str) -> list[dict[str, Any]]:
    await endpoint(db, principal, endpoint_id)
    return [r["item"] for r in await db.read(q.webhooks.deliveries_of_endpoint, id=endpoint_id)]


async def redeliver(db: Db, principal: Principal, delivery_id: str) -> dict[str, Any]:
    owner = await db.read(q.webhooks.endpoint_of_delivery, id=delivery_id)
    if not owner or not manages(principal, owner[0]):
        raise NotFound(f"no webhook delivery {delivery_id!r}", [Problem("id", "not found")])
    rows = await db.write(q.webhooks.redeliver, id=delivery_id)
    return dict(rows[0]["item"])
