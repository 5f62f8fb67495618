"""API keys: `sgk_<id>_<secret>`, shown once; only SHA-256 of the secret is stored.

The secret is 32 random bytes, so a fast hash is enough (as for GitHub or Stripe
tokens): there is nothing to brute-force, and verification stays a few microseconds.
The public id finds the key with one indexed lookup, which also returns the bound
member's accounts (the scope), so a request costs one round trip to authenticate.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError

from samgraph.auth.principal import Principal
from samgraph.common import Id, Role
from samgraph.db.driver import Db
from samgraph.db.queries import queries
from samgraph.db.scope import EVERYTHING, Scope
from samgraph.errors import Forbidden, NotFound, Problem, invalid

PREFIX = "sgk_"
_ID = TypeAdapter(Id)
_CACHE_LIMIT = 10_000
# SHA-256 of a verified token -> (monotonic expiry, principal); this process only.
_verified: dict[str, tuple[float, Principal]] = {}


@dataclass(frozen=True)
class NewKey:
    token: str
    record: dict[str, Any]


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _split(token: str) -> tuple[str, str] | None:
    if not token.startswith(PREFIX):
        return None
    key_id, sep, secret = token.removeprefix(PREFIX).partition("_")
    if not sep or not key_id or not secret:
        return None
    return key_id, secret


async def create_key(
    db: Db,
    *,
    role: Role | str,
    member_id: str | None = None,
    name: str | None = None,
    development: bool = False,
) -> NewKey:
    """Create and store a key; the returned token is the only copy of the secret."""
    try:
        role = Role(role)
    except ValueError:
        raise invalid([Problem("role", f"one of {', '.join(Role)}")]) from None
    if member_id is not None:
        try:
            _ID.validate_python(member_id)
        except ValidationError:
            raise invalid([Problem("member", "not a valid id")]) from None
        found = await db.read(queries.members.get_members, ids=[member_id])
        if not found:
            raise NotFound(f"no member {member_id!r}", [Problem("member", "not found")])
    if name is not None and len(name) > 200:
        raise invalid([Problem("name", "at most 200 characters")])
    key_id, secret = secrets.token_hex(8), secrets.token_urlsafe(32)
    rows = await db.write(
        queries.auth.create_api_key, id=key_id, name=name, role=role.value, member_id=member_id,
        hash=_hash(secret), development=development,
    )  # fmt: skip
    record = {k: v for k, v in rows[0]["item"].items() if k != "hash"}
    return NewKey(f"{PREFIX}{key_id}_{secret}", record)


def manages(principal: Principal, key: dict[str, Any]) -> bool:
    """Whether a credential may see or revoke a key: an unbound one every key, a key bound
    to a member only the keys bound to the same member."""
    return principal.member_id is None or key.get("memberId") == principal.member_id


def may_create(principal: Principal, role: Role, member_id: str | None) -> str | None:
    """The member a new key is bound to: a key never outranks its maker, so a bound maker
    binds it to its own member (asking for another is refused), and no maker gives a role
    above its own."""
    if not principal.allows(role):
        raise Forbidden(f"a {principal.role.value} credential cannot create a {role.value} key")
    if principal.member_id is None:
        return member_id
    if member_id not in (None, principal.member_id):
        raise Forbidden("a key bound to a member creates only keys bound to that member")
    return principal.member_id


async def list_keys(db: Db) -> list[dict[str, Any]]:
    return [r["item"] for r in await db.read(queries.auth.list_api_keys)]


async def revoke_key(db: Db, key_id: str, principal: Principal | None = None) -> dict[str, Any]:
    missing = NotFound(f"no API key {key_id!r}", [Problem("id", "not found")])
    if principal is not None and principal.member_id is not None:
        # Another member's or an unbound key reads as missing to a bound maker.
        mine = [k for k in await list_keys(db) if k["id"] == key_id and manages(principal, k)]
        if not mine:
            raise missing
    rows = await db.write(queries.auth.revoke_api_key, id=key_id)
    if not rows:
        raise missing
    actor = f"key:{key_id}"
    for digest in [d for d, (_, p) in _verified.items() if p.actor == actor]:
        _verified.pop(digest, None)
    item: dict[str, Any] = rows[0]["item"]
    return item


async def verify_key(db: Db, token: str, *, cache_seconds: float = 0.0) -> Principal | None:
    """The principal of a valid, unrevoked key; None for anything else.

    With `cache_seconds`, a verified key is remembered that long in this process
    (SAMGRAPH_AUTH_CACHE_SECONDS): the read costs as much as a small query. A key
    revoked through this process is forgotten at once; other processes stop
    accepting it within `cache_seconds`. Refusals are never cached.
    """
    parts = _split(token)
    if parts is None:
        return None
    digest = _hash(token)
    if cache_seconds > 0:
        hit = _verified.get(digest)
        if hit is not None and hit[0] > time.monotonic():
            return hit[1]
    principal = await _lookup(db, *parts)
    if principal is not None and cache_seconds > 0:
        if len(_verified) >= _CACHE_LIMIT:
            _verified.clear()
        _verified[digest] = (time.monotonic() + cache_seconds, principal)
    return principal


async def _lookup(db: Db, key_id: str, secret: str) -> Principal | None:
    rows = await db.read(queries.auth.get_api_key, id=key_id)
    if not rows:
        return None
    item, accounts = rows[0]["item"], rows[0]["accounts"]
    if item.get("revokedAt") is not None or not hmac.compare_digest(item["hash"], _hash(secret)):
        return None
    member = item.get("memberId")
    return Principal(
        actor=f"key:{key_id}",
        role=Role(item["role"]),
        member_id=member,
        scope=Scope(frozenset(accounts)) if member else EVERYTHING,
        name=item.get("name") or None,
        development=bool(item.get("development")),
    )
