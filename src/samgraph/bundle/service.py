"""Import (validate everything, then write in UNWIND batches) and export of bundles."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from operator import itemgetter
from typing import Any

import orjson
from pydantic import ValidationError

from samgraph.analyses.scores import SCORE_PREFIX
from samgraph.bundle.models import AccountRow, Bundle, NodeRow, Row
from samgraph.common import SCORE_INPUTS
from samgraph.context import Context
from samgraph.db.cypher import CypherQuery
from samgraph.db.driver import Db, KeyTaken, Step
from samgraph.db.queries import queries
from samgraph.errors import (
    DatabaseUnavailable,
    InvalidInput,
    LimitExceeded,
    Problem,
    from_validation_error,
    invalid,
    unknown,
)


@dataclass
class ImportSummary:
    """Rows written per bundle section."""

    counts: dict[str, int] = field(default_factory=dict)
    batches: int = 0
    # Rows committed per write query (`accounts.upsert_accounts`: 250), in write order.
    committed: dict[str, int] = field(default_factory=dict)


_gc_lock = threading.Lock()
_gc_holders = 0
_gc_was_enabled = True


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cycle collector paused while a bulk import builds its rows: a million
    objects, none in a cycle, that each collection of the oldest generation would walk
    again (at M, 645,000 rows: the parse 2.3 -> 0.9 s, the write rows 1.6 -> 0.85 s).
    Reference counting still frees everything; the collector is back once the last
    holder (an import, a section's rows in a thread) is done."""
    global _gc_holders, _gc_was_enabled
    with _gc_lock:
        _gc_holders += 1
        if _gc_holders == 1:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _gc_lock:
            _gc_holders -= 1
            if _gc_holders == 0 and _gc_was_enabled:
                gc.enable()


FREEZE_ROWS = 10_000
"""From this many rows on, an import keeps its parsed rows out of the collector's sight."""


def parse_bundle(raw: Any) -> Bundle:
    """Validate the document's shape and values; raises InvalidInput naming every bad field."""
    with gc_paused():
        return _parse_bundle(raw)


def _parse_bundle(raw: Any) -> Bundle:
    if isinstance(raw, str | bytes):
        # pydantic's own JSON parser builds the models straight from the text; any
        # failure takes the path below, which words every error.
        try:
            return Bundle.model_validate_json(raw)
        except ValidationError:
            pass
        try:
            raw = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise invalid([Problem("bundle", f"not valid JSON: {exc}")]) from None
    if not isinstance(raw, dict):
        raise invalid([Problem("bundle", "must be a JSON object of sections")])
    try:
        return Bundle.model_validate(raw)
    except ValidationError as exc:
        raise from_validation_error(exc) from None


def _duplicates(section: str, keys: Iterable[tuple[str, ...]], label: str) -> list[Problem]:
    keys = list(keys)
    if len(set(keys)) == len(keys):
        return []
    seen: dict[tuple[str, ...], int] = {}
    problems = []
    for i, key in enumerate(keys):
        if key in seen:
            problems.append(
                Problem(
                    f"{section}[{i}]", f"duplicate {label} {'/'.join(key)} (first at [{seen[key]}])"
                )
            )
        else:
            seen[key] = i
    return problems


def _cycles(section: str, parents: dict[str, str | None], label: str) -> list[Problem]:
    """Ids whose chain of parents (within this bundle) comes back to them. Each id is
    walked once: a walk stops at a root, at an id outside the bundle, at an id an earlier
    walk passed, or on coming back into itself (those from there on form a loop)."""
    looped: set[str] = set()
    walked: set[str] = set()
    for start in parents:
        path: dict[str, int] = {}
        node: str | None = start
        while node is not None and node in parents and node not in walked:
            if node in path:
                looped.update(list(path)[path[node] :])
                break
            path[node] = len(path)
            node = parents[node]
        walked.update(path)
    return [Problem(f"{section}[id={start}].{label}", f"{label} cycle through {start!r}")
            for start in parents if start in looped]  # fmt: skip


async def validate_references(db: Db, bundle: Bundle) -> dict[str, set[str]]:
    """Every id a row points at must exist in the bundle or the graph; new nodes need
    their required fields. Raises InvalidInput listing every problem. Rows outside
    the caller's scope are refused first (db/scope.py). Returns the ids found stored, by
    kind (`accounts`, `stakeholders`, ...)."""
    b = bundle
    outside = await db.scope.check_bundle(db, b)
    if outside:
        raise invalid(outside)
    problems: list[Problem] = []
    problems += _duplicates("accounts", ((r.id,) for r in b.accounts), "id")
    problems += _duplicates("teams", ((r.id,) for r in b.teams), "id")
    problems += _duplicates("stakeholders", ((r.id,) for r in b.stakeholders), "id")
    problems += _duplicates("members", ((r.id,) for r in b.members), "id")
    problems += _duplicates("products", ((r.id,) for r in b.products), "id")
    problems += _duplicates("opportunities", ((r.id,) for r in b.opportunities), "id")
    problems += _duplicates("interactions", ((r.id,) for r in b.interactions), "id")
    problems += _duplicates(
        "accountTeam", ((r.member_id, r.account_id) for r in b.account_team), "edge"
    )
    problems += _duplicates(
        "relationships", ((r.member_id, r.stakeholder_id) for r in b.relationships), "edge"
    )
    problems += _duplicates("influences", ((r.from_id, r.to_id) for r in b.influences), "edge")
    problems += _duplicates(
        "deployments", ((r.team_id, r.product_id) for r in b.deployments), "edge"
    )

    # Every id a row names, by kind (one pass of set comprehensions per kind: an import
    # names a million), to ask the graph which exist.
    def ids(*groups: Iterable[str | None]) -> set[str]:
        return {x for group in groups for x in group if x}

    wanted = {
        "accounts": ids(
            (a.id for a in b.accounts), (t.account_id for t in b.teams),
            (s.account_id for s in b.stakeholders), (o.account_id for o in b.opportunities),
            (x.account_id for x in b.interactions), (at.account_id for at in b.account_team),
        ),
        "teams": ids(
            (t.id for t in b.teams), (t.parent_id for t in b.teams),
            (s.team_id for s in b.stakeholders), (o.team_id for o in b.opportunities),
            (d.team_id for d in b.deployments),
        ),
        "stakeholders": ids(
            (s.id for s in b.stakeholders), (s.manager_id for s in b.stakeholders),
            (i for x in b.interactions for i in x.stakeholder_ids or ()),
            (k.stakeholder_id for k in b.relationships), (f.from_id for f in b.influences),
            (f.to_id for f in b.influences), (h.stakeholder_id for h in b.history),
        ),
        "members": ids(
            (m.id for m in b.members), (i for x in b.interactions for i in x.member_ids or ()),
            (at.member_id for at in b.account_team), (k.member_id for k in b.relationships),
        ),
        "products": ids(
            (p.id for p in b.products), (o.product_id for o in b.opportunities),
            (d.product_id for d in b.deployments),
        ),
        "opportunities": ids(o.id for o in b.opportunities),
        "interactions": ids(x.id for x in b.interactions),
    }  # fmt: skip

    labels = (
        "accounts",
        "teams",
        "stakeholders",
        "members",
        "products",
        "opportunities",
        "interactions",
    )
    rows = await db.read(queries.bundle.existing_ids, **{k: sorted(wanted[k]) for k in labels})
    in_db = {k: set(rows[0][k]) for k in labels}
    in_bundle = {
        "accounts": {r.id for r in b.accounts},
        "teams": {r.id for r in b.teams},
        "stakeholders": {r.id for r in b.stakeholders},
        "members": {r.id for r in b.members},
        "products": {r.id for r in b.products},
    }

    known = {kind: in_db[kind] | in_bundle[kind] for kind in in_bundle}

    def need(section: str, i: int, field: str, kind: str, ident: str | None) -> None:
        # The path is only written for a problem: an import checks a million references.
        if ident is not None and ident not in known[kind]:
            problems.append(unknown(f"{section}[{i}].{field}", kind[:-1], ident))

    def require_on_create(
        section: str, i: int, row: NodeRow, kind: str, fields: Sequence[str]
    ) -> None:
        if row.id in in_db[kind]:
            return
        for name in fields:
            if getattr(row, name) is None:
                camel = type(row).model_fields[name].alias or name
                problems.append(
                    Problem(f"{section}[{i}].{camel}", f"required for a new {kind[:-1]}")
                )

    # The kinds whose every named id is known: no reference to them needs a look.
    complete = {kind for kind in known if wanted[kind] <= known[kind]}

    # Each section is first checked whole with set operations and comprehensions (at M,
    # 645,000 rows: 1.1 s of per-row calls); only a section that fails one of them is
    # walked row by row, for the problems' paths.
    def fine(
        rows: Sequence[NodeRow],
        kind: str,
        fields: Sequence[str],
        refs: Sequence[tuple[str, str]] = (),
    ) -> bool:
        """No new row lacks a required field, every reference is known."""
        stored = in_db[kind]
        for name in fields:
            if any(getattr(r, name) is None for r in rows if r.id not in stored):
                return False
        return refs_known(rows, refs)

    def refs_known(rows: Sequence[Row], refs: Sequence[tuple[str, str]]) -> bool:
        """Every id the rows name by these fields is known (None: not given)."""
        for attr, target in refs:
            if target in complete:
                continue
            named = {getattr(r, attr) for r in rows}
            named.discard(None)
            if not named <= known[target]:
                return False
        return True

    if not fine(b.accounts, "accounts", ("name",)):
        for i, a in enumerate(b.accounts):
            require_on_create("accounts", i, a, "accounts", ("name",))
    if not fine(
        b.teams,
        "teams",
        ("account_id", "name"),
        (("account_id", "accounts"), ("parent_id", "teams")),
    ) or any(t.parent_id == t.id for t in b.teams):
        for i, t in enumerate(b.teams):
            require_on_create("teams", i, t, "teams", ("account_id", "name"))
            need("teams", i, "accountId", "accounts", t.account_id)
            need("teams", i, "parentId", "teams", t.parent_id)
            if t.parent_id == t.id:
                problems.append(Problem(f"teams[{i}].parentId", "a team cannot be its own parent"))
    if not fine(
        b.stakeholders,
        "stakeholders",
        ("account_id", "name"),
        (("account_id", "accounts"), ("team_id", "teams"), ("manager_id", "stakeholders")),
    ) or any(s.manager_id == s.id for s in b.stakeholders):
        for i, s in enumerate(b.stakeholders):
            require_on_create("stakeholders", i, s, "stakeholders", ("account_id", "name"))
            need("stakeholders", i, "accountId", "accounts", s.account_id)
            need("stakeholders", i, "teamId", "teams", s.team_id)
            need("stakeholders", i, "managerId", "stakeholders", s.manager_id)
            if s.manager_id == s.id:
                problems.append(
                    Problem(
                        f"stakeholders[{i}].managerId", "a stakeholder cannot manage themselves"
                    )
                )
    if not fine(b.members, "members", ("name",)):
        for i, m in enumerate(b.members):
            require_on_create("members", i, m, "members", ("name",))
    if not fine(b.products, "products", ("name", "pricing")):
        for i, p in enumerate(b.products):
            require_on_create("products", i, p, "products", ("name", "pricing"))
    if not fine(
        b.opportunities,
        "opportunities",
        ("account_id", "name"),
        (("account_id", "accounts"), ("team_id", "teams"), ("product_id", "products")),
    ):
        for i, o in enumerate(b.opportunities):
            require_on_create("opportunities", i, o, "opportunities", ("account_id", "name"))
            need("opportunities", i, "accountId", "accounts", o.account_id)
            need("opportunities", i, "teamId", "teams", o.team_id)
            need("opportunities", i, "productId", "products", o.product_id)
    if not fine(
        b.interactions,
        "interactions",
        ("account_id", "date", "type"),
        (("account_id", "accounts"),),
    ) or not ({"members", "stakeholders"} <= complete):
        for i, x in enumerate(b.interactions):
            require_on_create("interactions", i, x, "interactions", ("account_id", "date", "type"))
            need("interactions", i, "accountId", "accounts", x.account_id)
            for j, mid in enumerate(x.member_ids or ()):
                need("interactions", i, f"memberIds[{j}]", "members", mid)
            for j, sid in enumerate(x.stakeholder_ids or ()):
                need("interactions", i, f"stakeholderIds[{j}]", "stakeholders", sid)

    if not refs_known(b.account_team, (("member_id", "members"), ("account_id", "accounts"))):
        for i, at in enumerate(b.account_team):
            need("accountTeam", i, "memberId", "members", at.member_id)
            need("accountTeam", i, "accountId", "accounts", at.account_id)
    if not refs_known(
        b.relationships, (("member_id", "members"), ("stakeholder_id", "stakeholders"))
    ):
        for i, k in enumerate(b.relationships):
            need("relationships", i, "memberId", "members", k.member_id)
            need("relationships", i, "stakeholderId", "stakeholders", k.stakeholder_id)
    if not refs_known(
        b.influences, (("from_id", "stakeholders"), ("to_id", "stakeholders"))
    ) or any(inf.from_id == inf.to_id for inf in b.influences):
        for i, inf in enumerate(b.influences):
            need("influences", i, "fromId", "stakeholders", inf.from_id)
            need("influences", i, "toId", "stakeholders", inf.to_id)
            if inf.from_id == inf.to_id:
                problems.append(
                    Problem(f"influences[{i}].toId", "a stakeholder cannot influence themselves")
                )
    if not refs_known(b.deployments, (("team_id", "teams"), ("product_id", "products"))):
        for i, d in enumerate(b.deployments):
            need("deployments", i, "teamId", "teams", d.team_id)
            need("deployments", i, "productId", "products", d.product_id)
    if not refs_known(b.history, (("stakeholder_id", "stakeholders"),)):
        for i, h in enumerate(b.history):
            need("history", i, "stakeholderId", "stakeholders", h.stakeholder_id)

    problems += await _links_across_accounts(db, b)
    problems += _cycles("teams", {r.id: r.parent_id for r in b.teams}, "parentId")
    problems += _cycles("stakeholders", {r.id: r.manager_id for r in b.stakeholders}, "managerId")
    if problems:
        raise invalid(problems)
    return in_db


async def _links_across_accounts(db: Db, b: Bundle) -> list[Problem]:
    """What a row points at must be of the row's own account: an interaction's attending
    stakeholders, a stakeholder's manager and team (the stored account of a row or a
    target not in the bundle). Another account's ids would otherwise show through to a
    key bound to this account's member."""
    people_rows = [s for s in b.stakeholders if s.manager_id or s.team_id]
    meetings = [x for x in b.interactions if x.stakeholder_ids]
    if not people_rows and not meetings:
        return []
    wanted_people = {s for x in meetings for s in x.stakeholder_ids or ()}
    wanted_people |= {s.manager_id for s in people_rows if s.manager_id}
    wanted_people |= {s.id for s in people_rows}
    found = (await db.read(
        queries.bundle.owning_accounts, stakeholders=sorted(wanted_people),
        interactions=[x.id for x in meetings if x.account_id is None],
        teams=sorted({s.team_id for s in people_rows if s.team_id}),
    ))[0]  # fmt: skip
    people = {k: v for k, v in found["stakeholders"]}
    people.update({s.id: s.account_id for s in b.stakeholders if s.account_id})
    teams = {k: v for k, v in found["teams"]}
    teams.update({t.id: t.account_id for t in b.teams if t.account_id})
    held = {k: v for k, v in found["interactions"]}

    def clash(theirs: Any, account: Any) -> bool:
        return account is not None and theirs is not None and theirs != account

    # Whole first (the common case, no problem), row by row only for the paths.
    if not any(
        clash(people.get(sid), x.account_id or held.get(x.id))
        for x in meetings for sid in x.stakeholder_ids or ()
    ) and not any(
        (s.manager_id and clash(people.get(s.manager_id), people.get(s.id)))
        or (s.team_id and clash(teams.get(s.team_id), people.get(s.id)))
        for s in people_rows
    ):  # fmt: skip
        return []
    problems = []

    def other(path: str, what: str, ident: str, theirs: Any, account: Any) -> None:
        if clash(theirs, account):
            problems.append(Problem(path, f"{what} {ident!r} is not of account {account!r}"))

    for i, x in enumerate(b.interactions):
        account = x.account_id or held.get(x.id)
        for j, sid in enumerate(x.stakeholder_ids or ()):
            other(
                f"interactions[{i}].stakeholderIds[{j}]",
                "stakeholder",
                sid,
                people.get(sid),
                account,
            )
    for i, s in enumerate(b.stakeholders):
        account = people.get(s.id)
        if s.manager_id:
            other(
                f"stakeholders[{i}].managerId",
                "manager",
                s.manager_id,
                people.get(s.manager_id),
                account,
            )
        if s.team_id:
            other(f"stakeholders[{i}].teamId", "team", s.team_id, teams.get(s.team_id), account)
    return problems


def _node_rows(rows: Sequence[NodeRow], exclude: frozenset[str] = frozenset()) -> list[dict[str, Any]]:  # fmt: skip
    return [{"id": r.id, "props": r.provided(exclude={"id", *exclude})} for r in rows]


def _account_props(row: AccountRow) -> dict[str, Any]:
    props = row.provided(exclude={"id", "scores"})
    if "scores" in row.model_fields_set:
        scores = row.scores
        given = scores.provided() if scores is not None else dict.fromkeys(SCORE_INPUTS)
        props.update({SCORE_PREFIX + k: v for k, v in given.items()})
    return props


def _links(rows: Sequence[NodeRow], attr: str) -> list[dict[str, Any]]:
    """Rows that set a reference field, as {id, target} for the link queries."""
    return [{"id": r.id, "target": getattr(r, attr)} for r in rows if attr in r.model_fields_set]


def _edge_rows(rows: Sequence[Row], keys: tuple[str, ...]) -> list[dict[str, Any]]:
    out = []
    for r in rows:
        data = r.provided()
        out.append({**{k: data.pop(k) for k in keys}, "props": data})
    return out


def write_plan(bundle: Bundle, *, feed: bool = False) -> list[tuple[CypherQuery, list[dict[str, Any]]]]:  # fmt: skip
    """The write queries in dependency order, each with its rows."""
    return [(name, rows()) for name, rows in plan_steps(bundle, feed=feed)]


_NOT_KEYS = frozenset({"props", "target", "ids"})
"""Fields of a write row that are not its key (node and edge rows: props; links: the
target; attendance: the attendees)."""


def _by_key(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows in key order: concurrent writers then lock nodes in the same order (fewer
    deadlocks; a deadlock is retried, but costs a retry)."""
    if not rows:
        return rows
    first = rows[0]
    if not _NOT_KEYS.isdisjoint(first):
        # A node, edge, link or attendance row: its key is its ids, present (and text) in
        # every row of the section (an id is unique in a bundle, an edge's pair too).
        return sorted(rows, key=itemgetter(*(k for k in first if k not in _NOT_KEYS)))
    return sorted(rows, key=lambda r: tuple(str(v) for k, v in r.items()
                                            if not isinstance(v, list | dict)))  # fmt: skip


def plan_steps(
    bundle: Bundle, *, feed: bool = False
) -> list[tuple[CypherQuery, Callable[[], list[dict[str, Any]]]]]:
    """The write queries in dependency order, each with the function making its rows
    (so `write_bundle` can prepare one section while the last one is written). With
    `feed` (activity feeds), attending pairs without a KNOWS edge get one."""
    b, q = bundle, queries
    return [
        (q.accounts.upsert_accounts,
         lambda: [{"id": r.id, "props": _account_props(r)} for r in b.accounts]),
        (q.products.upsert_products, lambda: _node_rows(b.products)),
        (q.members.upsert_members, lambda: _node_rows(b.members)),
        (q.teams.upsert_teams, lambda: _node_rows(b.teams)),
        (q.teams.link_team_accounts, lambda: _links(b.teams, "account_id")),
        (q.teams.link_team_parents, lambda: _links(b.teams, "parent_id")),
        (q.stakeholders.upsert_stakeholders, lambda: _node_rows(b.stakeholders)),
        (q.stakeholders.link_stakeholder_teams, lambda: _links(b.stakeholders, "team_id")),
        (q.stakeholders.link_stakeholder_managers, lambda: _links(b.stakeholders, "manager_id")),
        (q.relationships.account_team.upsert,
         lambda: _edge_rows(b.account_team, ("memberId", "accountId"))),
        # Stakeholder first: the order rows are sorted in (_by_key) is the order the query
        # locks its stakeholders in, and one account's people stay together in a batch
        # (member first, a batch spans many accounts: 3.1 s at M instead of 2.6).
        (q.relationships.knows.upsert,
         lambda: _edge_rows(b.relationships, ("stakeholderId", "memberId"))),
        (q.relationships.influences.upsert, lambda: _edge_rows(b.influences, ("fromId", "toId"))),
        (q.relationships.deployments.upsert,
         lambda: _edge_rows(b.deployments, ("teamId", "productId"))),
        (q.opportunities.upsert_opportunities, lambda: _node_rows(b.opportunities)),
        (q.interactions.upsert_interactions,
         lambda: _node_rows(b.interactions, exclude=frozenset({"memberIds", "stakeholderIds"}))),
        (q.interactions.link_member_attendees,
         lambda: [{"id": r.id, "ids": r.member_ids} for r in b.interactions
                  if r.member_ids is not None]),
        (q.interactions.link_stakeholder_attendees,
         lambda: [{"id": r.id, "ids": r.stakeholder_ids} for r in b.interactions
                  if r.stakeholder_ids is not None]),
        # Last: attendance (just written) moves KNOWS.lastContact forward.
        (q.interactions.meet_knows if feed else q.interactions.touch_knows,
         lambda: [{"id": r.id} for r in b.interactions]),
        (q.stakeholders.import_history, lambda: [r.provided() for r in b.history]),
    ]  # fmt: skip


async def import_bundle(
    db: Db, raw: Any, *, changed_on: dt.date, source: str = "import", batch_size: int = 1000
) -> ImportSummary:
    """Validate the whole bundle, then write it (see `write_bundle`). For a member-bound
    caller (the Db's scope), every row must stay inside its accounts. Stakeholder changes
    are recorded as of `changed_on`, with `source` (domain §18)."""
    if isinstance(raw, Bundle):
        bundle, frozen = raw, False
    else:
        with gc_paused():
            bundle = _parse_bundle(raw)
            # A large bundle's rows live until the import ends and are never in a cycle:
            # out of the collector's sight meanwhile (gc.freeze), each collection of the
            # oldest generation during validation and writing no longer walks them (at M,
            # parse + validation + row preparation 6.2 -> 4.0 s). A small one is left be.
            frozen = sum(bundle.counts().values()) > FREEZE_ROWS
            if frozen:
                gc.freeze()
    try:
        stored = await validate_references(db, bundle)
        return await write_bundle(
            db, bundle, batch_size=batch_size, changed_on=changed_on, source=source,
            stored=stored,
        )  # fmt: skip
    finally:
        if frozen:
            gc.unfreeze()


async def import_rows(ctx: Context, *, section: str, rows: list[dict[str, Any]]) -> None:
    """An upsert or link mutation: its rows are one bundle section, validated and written
    like an import (in one transaction); problems name the mutation's argument
    (`input[0].x`). History records the caller's key as the source."""
    cap = ctx.settings.samgraph_max_input_rows
    if len(rows) > cap:
        raise LimitExceeded(
            f"input: at most {cap} rows per call (SAMGRAPH_MAX_INPUT_ROWS); use importBundle",
            [Problem("input", f"at most {cap} rows per call")],
        )
    try:
        await import_bundle(
            ctx.db, {section: rows}, batch_size=ctx.settings.samgraph_import_batch_size,
            changed_on=ctx.settings.today(), source=ctx.principal.source,
        )  # fmt: skip
    except InvalidInput as exc:
        raise renamed(exc, section, "input") from None


def renamed(exc: InvalidInput, section: str, argument: str) -> InvalidInput:
    """Report `stakeholders[0].x` as `input[0].x` for a mutation's argument."""
    problems = [
        replace(p, path=argument + p.path[len(section) :]) if p.path.startswith(section) else p
        for p in exc.problems
    ]
    return invalid(problems)


Progress = Callable[[int], None]

PARALLEL_BATCHES = 2
"""Batches of one section written at once in a large import: Neo4j commits two
transactions on two cores, while Python prepares the next. Measured at M (1,000 accounts x
100 people, docs/benchmarks.md): the stakeholder upsert 3.6 -> 2.3 s, their team links
2.1 -> 1.4 s."""

PARALLEL_SAFE = frozenset({
    queries.accounts.upsert_accounts,
    queries.products.upsert_products,
    queries.members.upsert_members,
    queries.teams.upsert_teams,
    queries.teams.link_team_accounts,
    queries.stakeholders.upsert_stakeholders,
    queries.stakeholders.link_stakeholder_teams,
    queries.opportunities.upsert_opportunities,
    queries.interactions.upsert_interactions,
})  # fmt: skip
"""The sections whose batches may run at once: each row writes its own node (ids are
unique in a bundle) and at most a link to a node of its own account, so two batches
seldom wait on each other. Relationships between shared nodes (a member on 100 accounts)
and the links checked for loops are written one batch at a time: at once they deadlock
(retried, but slower than in turn)."""


def _cycle_guard(section: str, label: str) -> Callable[[list[dict[str, Any]]], None]:
    """Refuse (roll back) a transaction whose links closed a loop in the stored graph."""

    def refuse(rows: list[dict[str, Any]]) -> None:
        if rows:
            raise invalid([Problem(f"{section}[id={r['id']}].{label}",
                                   f"{label} cycle through {r['id']!r} (with the stored graph)")
                           for r in rows])  # fmt: skip

    return refuse


def _steps(query: CypherQuery, rows: list[dict[str, Any]], extra: dict[str, Any]) -> list[Step]:
    """The query's batch, and the guard that must hold after it in the same transaction."""
    steps = [Step(query, {"rows": rows, **extra})]
    if query is queries.stakeholders.link_stakeholder_managers:
        ids = [r["id"] for r in rows]
        steps.append(Step(queries.stakeholders.manager_cycles, {"ids": ids},
                          _cycle_guard("stakeholders", "managerId")))  # fmt: skip
    elif query is queries.teams.link_team_parents:
        ids = [r["id"] for r in rows]
        steps.append(Step(queries.teams.parent_cycles, {"ids": ids},
                          _cycle_guard("teams", "parentId")))  # fmt: skip
    return steps


@dataclass(frozen=True)
class Link:
    """An edge a create query makes: the column of its rows and answer (`manager`: the
    target id, or null for none), the property it comes from, whether the target is of
    the section being written, and the link query it spares."""

    column: str
    prop: str
    same_section: bool
    spares: CypherQuery


@dataclass(frozen=True)
class CreatePath:
    """A cheaper CREATE for the rows of an upsert that were new at validation (a node
    that did not exist has no history to compare and no edges yet: its links are made in
    the same statement, see cypher/stakeholders/create_stakeholders). A target of the
    section being written is linked only when stored, of the same batch, or made by a
    batch committed before: one being created by the batch running beside it would make
    the two wait on each other's id (deadlock, retried a second later); its link query
    does those afterwards."""

    query: CypherQuery
    links: tuple[Link, ...]


CREATE_NEW = {
    queries.stakeholders.upsert_stakeholders: CreatePath(queries.stakeholders.create_stakeholders, (
        Link("team", "teamId", False, queries.stakeholders.link_stakeholder_teams),
        Link("manager", "managerId", True, queries.stakeholders.link_stakeholder_managers),
    )),
    queries.teams.upsert_teams: CreatePath(queries.teams.create_teams, (
        Link("account", "accountId", False, queries.teams.link_team_accounts),
        Link("parent", "parentId", True, queries.teams.link_team_parents),
    )),
}  # fmt: skip

LINKED_ON_CREATE = {link.spares: link.column for path in CREATE_NEW.values()
                    for link in path.links}  # fmt: skip
"""The link queries whose rows a create path may have done already (its answer's column)."""


@dataclass
class Created:
    """What the create paths of one import made, by kind (`teams`): the ids, and the ids
    linked by each column of their answers (`manager`)."""

    ids: dict[str, set[str]] = field(default_factory=dict)
    linked: dict[str, set[str]] = field(default_factory=dict)

    def add(self, kind: str, answer: dict[str, list[str]]) -> None:
        self.ids.setdefault(kind, set()).update(answer["ids"])
        for column, ids in answer.items():
            if column != "ids":
                self.linked.setdefault(column, set()).update(ids)

    def left(self, query: CypherQuery, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The link rows still to write: a node created here has no edge to remove, so
        only those whose target was given and not linked on creation."""
        column = LINKED_ON_CREATE.get(query)
        made = self.ids.get(_kind(query))
        if column is None or not made:
            return rows
        done = self.linked.get(column, set())
        return [r for r in rows if r["id"] not in made
                or (r["target"] is not None and r["id"] not in done)]  # fmt: skip


def _kind(query: CypherQuery) -> str:
    """The kind of node a query writes, by its room: `teams.upsert_teams` -> teams."""
    return query.name.split(".")[0]


async def _write_batch(
    db: Db, query: CypherQuery, rows: list[dict[str, Any]], extra: dict[str, Any],
    stored: dict[str, set[str]] | None, created: Created,
) -> None:  # fmt: skip
    """One batch in one transaction: rows whose id was not stored at validation by the
    query's create path, the others by the upsert. If another writer created one of them
    since, the CREATE is refused (the id's uniqueness constraint) and the whole batch is
    written again by the upsert, which keeps its history exact."""
    path = CREATE_NEW.get(query)
    if path is not None and stored is not None:
        known = stored[_kind(query)]
        new = [r for r in rows if r["id"] not in known]
        if new:
            old = [r for r in rows if r["id"] in known]
            here = {r["id"] for r in new}
            done = created.ids.get(_kind(query), set())

            def target(row: dict[str, Any], link: Link) -> str | None:
                # One of this section: only if stored, of this batch, or committed before.
                id_: str | None = row["props"].get(link.prop)
                if link.same_section and not (id_ in known or id_ in here or id_ in done):
                    return None
                return id_

            new = [{**r, **{link.column: target(r, link) for link in path.links}} for r in new]
            steps = [Step(path.query, {"rows": new, **extra})]
            if old:
                steps += _steps(query, old, extra)
            try:
                made = (await db.write_steps(steps, name=path.query.name))[0]
            except KeyTaken:
                pass
            else:
                created.add(_kind(query), made[0])
                return
    await db.write_steps(_steps(query, rows, extra), name=query.name)


class ImportInterrupted(DatabaseUnavailable):
    """The database went away in the middle of a multi-batch import: what was committed
    stays, and rerunning the same import completes it (every write is an upsert by id)."""

    def __init__(self, summary: ImportSummary, total_batches: int) -> None:
        done = ", ".join(f"{k} {v}" for k, v in summary.committed.items()) or "nothing"
        super().__init__(
            f"the database became unavailable during the import: {summary.batches} of "
            f"{total_batches} batches were committed (rows by section: {done}); every write "
            "is an upsert by id, so rerunning the same import is safe and completes it"
        )
        self.summary = summary


async def write_bundle(
    db: Db,
    bundle: Bundle,
    *,
    batch_size: int = 1000,
    changed_on: dt.date,
    source: str = "import",
    record_created: bool = False,
    progress: Progress | None = None,
    feed: bool = False,
    then: Sequence[Step] = (),
    stored: dict[str, set[str]] | None = None,
) -> ImportSummary:
    """Write an already validated bundle. A bundle of at most `batch_size` rows is one
    transaction (an upsert, a sync, a feed: all or nothing); a larger one is one
    transaction per UNWIND batch of a section, in dependency order. Stakeholder changes are
    dated `changed_on` (the writer's today) with `source`; `progress` is called with the
    rows of each written batch. Guards (no manager or team loops) run in the transaction
    of the links they check. `then` runs last, in the same transaction when there is one."""
    summary = ImportSummary()
    history = {"changed_on": changed_on, "record_created": record_created, "source": source}
    steps = plan_steps(bundle, feed=feed)

    def extra(query: CypherQuery) -> dict[str, Any]:
        return history if query is queries.stakeholders.upsert_stakeholders else {}

    summary.counts = bundle.counts()
    if sum(summary.counts.values()) <= batch_size:
        planned = [(query, _by_key(rows())) for query, rows in steps]
        one = [s for query, rows in planned if rows for s in _steps(query, rows, extra(query))]
        one += then
        if one:
            await db.write_steps(one, name="bundle.write_bundle")
            summary.batches = 1
        for query, rows in planned:
            summary.committed[query.name] = len(rows)
        if progress:
            progress(sum(len(rows) for _, rows in planned))
        return summary

    def prepared(make: Callable[[], list[dict[str, Any]]]) -> list[dict[str, Any]]:
        with gc_paused():
            return _by_key(make())

    created = Created()
    pending = asyncio.ensure_future(asyncio.to_thread(prepared, steps[0][1]))
    try:
        for i, (query, _) in enumerate(steps):
            rows = created.left(query, await pending)
            if i + 1 < len(steps):
                # The next section's rows are built and sorted in a thread while this
                # one is written (Neo4j works in its own process meanwhile).
                pending = asyncio.ensure_future(asyncio.to_thread(prepared, steps[i + 1][1]))
            batches = [
                rows[start : start + batch_size] for start in range(0, len(rows), batch_size)
            ]
            width = PARALLEL_BATCHES if query in PARALLEL_SAFE else 1
            done_here = 0
            for w in range(0, len(batches), width):
                window = batches[w : w + width]
                # Every batch of the window runs to its end before any failure is
                # reported, so the batches said to be committed are exactly those.
                outcomes = await asyncio.gather(
                    *(_write_batch(db, query, batch, extra(query), stored, created)
                      for batch in window),
                    return_exceptions=True,
                )  # fmt: skip
                failed: BaseException | None = None
                for batch, outcome in zip(window, outcomes, strict=True):
                    if isinstance(outcome, BaseException):
                        failed = failed or outcome
                        continue
                    summary.batches += 1
                    done_here += 1
                    summary.committed[query.name] = summary.committed.get(query.name, 0) + len(
                        batch
                    )
                    if progress:
                        progress(len(batch))
                if failed is None:
                    continue
                if isinstance(failed, DatabaseUnavailable):
                    later = sum(-(-len(r()) // batch_size) for _, r in steps[i + 1 :])
                    left = len(batches) - done_here
                    raise ImportInterrupted(summary, summary.batches + left + later) from None
                if isinstance(failed, InvalidInput) and summary.batches:
                    # A guard refused this batch (a loop with the stored graph): say what
                    # the batches before it committed.
                    done = ", ".join(f"{k} {v}" for k, v in summary.committed.items())
                    raise invalid(
                        [
                            *failed.problems,
                            Problem(
                                "import",
                                f"{summary.batches} "
                                f"earlier batches were committed ({done}); fix the rows "
                                "above and import again (a rerun is safe)",
                            ),
                        ]
                    ) from None
                raise failed
    finally:
        pending.cancel()
    if then:
        await db.write_steps(list(then), name="bundle.write_bundle")
    return summary


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    """Stored node props -> bundle row: ISO dates, nested scores, no nulls."""
    out: dict[str, Any] = {}
    scores: dict[str, Any] = {}
    for key, value in row.items():
        if value is None:
            continue
        if key.startswith(SCORE_PREFIX):
            scores[key[len(SCORE_PREFIX) :]] = value
        elif hasattr(value, "isoformat"):
            out[key] = value.isoformat()
        else:
            out[key] = value
    if scores:
        out["scores"] = dict(sorted(scores.items()))
    return dict(sorted(out.items()))


async def export_bundle(db: Db, account_ids: list[str] | None = None) -> dict[str, Any]:
    """The lossless bundle of the given accounts (all when None), sorted for stable diffs."""
    out: dict[str, Any] = {}
    # One query per section, named after it: cypher/bundle/export_<section>.cypher. The
    # Db narrows `account_ids` to the caller's scope; the catalog is shared by all.
    for name, info in Bundle.model_fields.items():
        query = queries[f"bundle.export_{name}"]
        params = {"account_ids": account_ids} if "account_ids" in query.params else {}
        out[info.alias or name] = [_clean(r["row"]) for r in await db.read(query, **params)]
    return out


def dumps(bundle: dict[str, Any]) -> bytes:
    """Canonical JSON text of a bundle (sorted keys, two-space indent)."""
    return orjson.dumps(bundle, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
