"""What a caller may see and write: the one place member scope is decided.

A member-bound credential (API key or JWT) sees only the accounts on its member's
account team; an unbound one sees every account. `Scope` holds that answer and is
applied in exactly two ways:

- by `Db` to every query it runs (`db/driver.py`), as each Cypher file's `// scope:`
  header declares: items of other accounts dropped, `$account_ids` narrowed, shared
  data read-only. Every read (lookups, lists, nested fields, portfolio views,
  reports, exports) goes through a `Db` bound to the caller's scope.
- by the services before a write, through `check_bundle` (every row of an upsert,
  link or import) and `check_nodes` (the ids a delete, unlink or single-node write
  names). Another account's object reads exactly like a missing one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from samgraph.db.queries import queries
from samgraph.errors import Forbidden, Problem, unknown

if TYPE_CHECKING:
    from samgraph.bundle.models import Bundle
    from samgraph.db.driver import Db

OUTSIDE = "not one of this credential's accounts"
UNAVAILABLE = "this id cannot be used with this credential: choose another"
SHARED_KINDS = ("members", "products")
ACCOUNT_KINDS = ("teams", "stakeholders", "opportunities", "interactions")


@dataclass(frozen=True)
class Scope:
    """The accounts a caller may see; `accounts` None means every account."""

    accounts: frozenset[str] | None = None

    def sees(self, account_id: Any) -> bool:
        """Whether an object of this account is visible (None: not tied to an account)."""
        return self.accounts is None or account_id is None or account_id in self.accounts

    def narrow(self, wanted: Iterable[str] | None) -> list[str] | None:
        """`$account_ids` for a query: the wanted accounts (None: all) inside the scope."""
        if self.accounts is None:
            return None if wanted is None else list(wanted)
        if wanted is None:
            return sorted(self.accounts)
        return [a for a in wanted if a in self.accounts]

    def prune(self, rows: list[dict[str, Any]], paths: tuple[tuple[str, ...], ...]) -> list[dict[str, Any]]:  # fmt: skip
        """Rows of a read declared `// scope: account <paths>` without what lies outside:
        an `item` outside drops its row, an element of `items` outside drops from it."""
        if self.accounts is None:
            return rows
        out = []
        for row in rows:
            if "items" in row:
                row = {**row, "items": self._keep(row["items"], paths)}
            elif "item" in row:
                kept = self._keep([row["item"]], paths)
                if not kept:
                    continue
                row = {**row, "item": kept[0]}
            elif not self._keep([row], paths):
                continue
            out.append(row)
        return out

    def _keep(self, items: list[Any], paths: tuple[tuple[str, ...], ...]) -> list[Any]:
        """The items whose account (first path) is visible, nested lists pruned by the rest."""
        (owner, *nested) = paths
        kept = []
        for item in items:
            if not isinstance(item, dict) or not self.sees(_get(item, owner)):
                continue
            for path in nested:
                item = _prune_path(self, item, path)
            kept.append(item)
        return kept

    def refuse_shared_write(self, what: str) -> None:
        """Data of every account (members, the catalog): only unbound callers write it."""
        if self.accounts is not None:
            raise Forbidden(f"{what} are shared by all accounts: needs a credential not bound to a member")  # fmt: skip

    async def check_nodes(self, db: Db, nodes: Mapping[str, Iterable[str]]) -> set[tuple[str, str]]:  # fmt: skip
        """The (kind, id) pairs among `nodes` this caller may not touch (stored in another
        account). Kinds: accounts, teams, stakeholders, opportunities, interactions;
        members and products are refused outright for a member-bound caller."""
        if self.accounts is None:
            return set()
        for kind in SHARED_KINDS:
            if nodes.get(kind):
                self.refuse_shared_write(kind)
        hidden = {("accounts", a) for a in nodes.get("accounts", ()) if a not in self.accounts}
        return hidden | await self._stored_elsewhere(db, nodes)

    async def _stored_elsewhere(self, db: Db, nodes: Mapping[str, Iterable[str]]) -> set[tuple[str, str]]:  # fmt: skip
        """The (kind, id) pairs of existing teams, stakeholders, opportunities and
        interactions among `nodes` that belong to an account outside the scope."""
        wanted = {k: sorted(set(nodes.get(k, ()))) for k in ACCOUNT_KINDS}
        if not any(wanted.values()):
            return set()
        rows = await db.read(queries.auth.accounts_of_nodes, **wanted)
        # A stored node without an account is outside every bounded scope (as before).
        visible = self.accounts or frozenset()
        return {(r["kind"], r["id"]) for r in rows if r["accountId"] not in visible}

    async def check_bundle(self, db: Db, b: Bundle) -> list[Problem]:
        """Every row of a bundle (an import, upsert or link) that reaches outside the
        scope, by path: a reference to another account's object reads "unknown", a
        row's own id held by another account reads UNAVAILABLE, which names neither the id
        nor the account (ids are global, so the refusal itself cannot be avoided)."""
        if self.accounts is None:
            return []
        problems: list[Problem] = []
        for section in SHARED_KINDS:
            if getattr(b, section):
                problems.append(
                    Problem(section, "shared by all accounts: needs a credential not bound to a member")
                )  # fmt: skip

        def direct(path: str, account: str | None) -> None:
            if account is not None and not self.sees(account):
                problems.append(Problem(path, OUTSIDE))

        refs: list[tuple[str, str, str, bool]] = []  # (path, kind, id, is the row's own id)
        for i, a in enumerate(b.accounts):
            direct(f"accounts[{i}].id", a.id)
        for kind in ACCOUNT_KINDS:
            for i, r in enumerate(getattr(b, kind)):
                direct(f"{kind}[{i}].accountId", r.account_id)
                refs.append((f"{kind}[{i}].id", kind, r.id, True))
        for i, t in enumerate(b.teams):
            if t.parent_id:
                refs.append((f"teams[{i}].parentId", "teams", t.parent_id, False))
        for i, s in enumerate(b.stakeholders):
            if s.team_id:
                refs.append((f"stakeholders[{i}].teamId", "teams", s.team_id, False))
            if s.manager_id:
                refs.append((f"stakeholders[{i}].managerId", "stakeholders", s.manager_id, False))
        for i, o in enumerate(b.opportunities):
            if o.team_id:
                refs.append((f"opportunities[{i}].teamId", "teams", o.team_id, False))
        for i, x in enumerate(b.interactions):
            for j, sid in enumerate(x.stakeholder_ids or ()):
                refs.append((f"interactions[{i}].stakeholderIds[{j}]", "stakeholders", sid, False))
        for i, at in enumerate(b.account_team):
            direct(f"accountTeam[{i}].accountId", at.account_id)
        for i, rel in enumerate(b.relationships):
            refs.append((f"relationships[{i}].stakeholderId", "stakeholders", rel.stakeholder_id, False))  # fmt: skip
        for i, inf in enumerate(b.influences):
            refs.append((f"influences[{i}].fromId", "stakeholders", inf.from_id, False))
            refs.append((f"influences[{i}].toId", "stakeholders", inf.to_id, False))
        for i, d in enumerate(b.deployments):
            refs.append((f"deployments[{i}].teamId", "teams", d.team_id, False))
        for i, h in enumerate(b.history):
            refs.append((f"history[{i}].stakeholderId", "stakeholders", h.stakeholder_id, False))

        wanted: dict[str, set[str]] = defaultdict(set)
        for _, kind, ident, _own in refs:
            wanted[kind].add(ident)
        hidden = await self._stored_elsewhere(db, wanted)
        for path, kind, ident, own in refs:
            if (kind, ident) in hidden:
                # Another account's object answers as a missing one would.
                problems.append(
                    Problem(path, UNAVAILABLE) if own else unknown(path, kind[:-1], ident)
                )
        return problems


EVERYTHING = Scope()
"""The scope of unbound credentials and of the system's own jobs."""

NOTHING = Scope(frozenset())
"""The scope of a request without credentials (only the GraphiQL page is served so)."""


def _get(item: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = item
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _prune_path(scope: Scope, item: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any]:
    """`item` with the list at path[:-1] (through nested lists) keeping visible elements."""
    head, *rest = path
    value = item.get(head)
    if not isinstance(value, list):
        return item
    if len(rest) == 1:
        return {**item, head: [v for v in value if isinstance(v, dict) and scope.sees(v.get(rest[0]))]}  # fmt: skip
    return {**item, head: [_prune_path(scope, v, tuple(rest)) if isinstance(v, dict) else v for v in value]}  # fmt: skip
