"""Who is calling: a role, and for member-bound credentials the accounts they may see."""

from __future__ import annotations

from dataclasses import dataclass

from samgraph.common import Role
from samgraph.db.scope import EVERYTHING, NOTHING, Scope

_RANK = {Role.VIEWER: 0, Role.EDITOR: 1, Role.ADMIN: 2}


@dataclass(frozen=True)
class Principal:
    """An authenticated caller.

    `actor` names the credential in logs (`key:<id>` or `jwt:<sub>`), never a secret.
    `scope` covers every account for an unbound credential, otherwise the accounts on
    the bound member's account team, read when the request starts.
    """

    actor: str
    role: Role
    member_id: str | None = None
    scope: Scope = EVERYTHING
    name: str | None = None
    """The API key's name, when it has one."""
    development: bool = False
    """The development key of `samgraph serve`: refused by a production server."""

    @property
    def source(self) -> str:
        """What a stakeholder's history records as the change's source (domain §18):
        the key's name, else `key:<id>` or `jwt:<sub>`."""
        return self.name or self.actor

    def allows(self, role: Role) -> bool:
        return _RANK[self.role] >= _RANK[role]


# Built-in jobs (the CLI's exports, tests of internals) act with full rights.
SYSTEM = Principal(actor="system", role=Role.ADMIN)

# No credential (only the GraphiQL page is served so): sees and may do nothing.
NOBODY = Principal(actor="anonymous", role=Role.VIEWER, member_id=None, scope=NOTHING)
