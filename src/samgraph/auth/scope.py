"""Writes by a member-bound credential stay inside its accounts.

Checked on the parsed bundle before any other validation, so the answers match the
read side: a reference to another account's stakeholder or team reads "unknown",
exactly like a missing one. Members and products are shared by every account, so
only unbound credentials write them.
"""

from __future__ import annotations

from collections import defaultdict

from samgraph.bundle.models import Bundle
from samgraph.db.driver import Db
from samgraph.errors import Problem

OUTSIDE = "not one of this credential's accounts"
KINDS = ("teams", "stakeholders", "opportunities", "interactions")


async def scope_problems(db: Db, b: Bundle, scope: frozenset[str]) -> list[Problem]:
    problems: list[Problem] = []
    for section in ("members", "products"):
        if getattr(b, section):
            problems.append(
                Problem(section, "shared by all accounts: needs a credential not bound to a member")
            )

    def direct(path: str, account: str | None) -> None:
        if account is not None and account not in scope:
            problems.append(Problem(path, OUTSIDE))

    # (path, kind, id, is the row's own id)
    refs: list[tuple[str, str, str, bool]] = []
    for i, a in enumerate(b.accounts):
        direct(f"accounts[{i}].id", a.id)
    for kind in KINDS:
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
        refs.append(
            (f"relationships[{i}].stakeholderId", "stakeholders", rel.stakeholder_id, False)
        )
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
    if wanted:
        rows = await db.read("auth.accounts_of_nodes", **{k: sorted(wanted[k]) for k in KINDS})
        stored = {(r["kind"], r["id"]): r["accountId"] for r in rows}
        for path, kind, ident, own in refs:
            account = stored.get((kind, ident))
            if (kind, ident) in stored and account not in scope:
                # Another account's object: a reference reads like a missing one; a
                # row's own id cannot be reused (ids are global).
                problems.append(
                    Problem(
                        path, f"id {ident!r} is taken" if own else f"unknown {kind[:-1]} {ident!r}"
                    )
                )
    return problems
