"""JWT bearer tokens from an identity provider (PyJWT).

Configured by SAMGRAPH_JWT_*: the issuer and audience are checked when set, `exp` is
required, and the signature is checked against an HMAC secret, a PEM public key, or
the key of a JWKS file whose `kid` matches the token's. The role comes from the
`samgraph_role` claim, the member binding from `samgraph_member` (both renameable).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import jwt

from samgraph.auth.principal import Principal
from samgraph.common import Role
from samgraph.config import Settings
from samgraph.db.driver import Db
from samgraph.db.queries import queries
from samgraph.db.scope import EVERYTHING, Scope


class TokenRejected(Exception):
    """Why a token was refused (logged, not shown: the client only gets 401)."""


@functools.cache
def _jwks(path: Path) -> jwt.PyJWKSet:
    return jwt.PyJWKSet.from_json(path.read_text())


def _key(settings: Settings, token: str) -> Any:
    if settings.samgraph_jwt_jwks_file is not None:
        kid = jwt.get_unverified_header(token).get("kid")
        for k in _jwks(settings.samgraph_jwt_jwks_file).keys:
            if k.key_id == kid:
                return k.key
        raise TokenRejected(f"no key {kid!r} in the JWKS file")
    if settings.samgraph_jwt_key_file is not None:
        return settings.samgraph_jwt_key_file.read_text()
    if settings.samgraph_jwt_key is None:
        raise TokenRejected("no JWT key is configured")
    return settings.samgraph_jwt_key.get_secret_value()


def looks_like_jwt(token: str) -> bool:
    return token.count(".") == 2


async def verify_token(db: Db, settings: Settings, token: str) -> Principal:
    """The principal of a valid token; TokenRejected says why not."""
    try:
        claims = jwt.decode(
            token,
            _key(settings, token),
            algorithms=settings.samgraph_jwt_algorithms,
            audience=settings.samgraph_jwt_audience,
            issuer=settings.samgraph_jwt_issuer,
            options={
                "require": ["exp"],
                "verify_aud": settings.samgraph_jwt_audience is not None,
                "verify_iss": settings.samgraph_jwt_issuer is not None,
            },
        )
    except jwt.PyJWTError as exc:
        raise TokenRejected(str(exc)) from None
    try:
        role = Role(str(claims.get(settings.samgraph_jwt_role_claim)))
    except ValueError:
        raise TokenRejected(f"claim {settings.samgraph_jwt_role_claim!r} is not a role") from None
    member = claims.get(settings.samgraph_jwt_member_claim)
    if member is not None and not isinstance(member, str):
        raise TokenRejected(f"claim {settings.samgraph_jwt_member_claim!r} is not an id")
    if member is None and role != Role.ADMIN and settings.jwt_require_member:
        raise TokenRejected(f"a {role.value} token needs the {settings.samgraph_jwt_member_claim!r} "
                            "claim (SAMGRAPH_JWT_REQUIRE_MEMBER)")  # fmt: skip
    scope = EVERYTHING
    if member is not None:
        rows = await db.read(queries.auth.member_accounts, member_id=member)
        scope = Scope(frozenset(rows[0]["accounts"]))
    return Principal(
        actor=f"jwt:{claims.get('sub', '?')}", role=role, member_id=member, scope=scope
    )
