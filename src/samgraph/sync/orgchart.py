"""Org-chart sync: validate a whole file, diff it against the account, write the diff.

FULL mode treats the file as the whole org: active stakeholders missing from it are
marked DEPARTED (never deleted). PARTIAL mode only adds and updates. A dry run
returns the same diff without writing. Every change to title, team, manager or
status is recorded in the stakeholder's history, dated with the sync's date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from pydantic import TypeAdapter, ValidationError

from samgraph.analyses import coverage as coverage_mod
from samgraph.analyses.graph import AccountGraph, Person
from samgraph.bundle import service as bundle_service
from samgraph.bundle.models import Bundle
from samgraph.common import BuyingRole, Email, Id, Name, Seniority, Sentiment, ShortText, Url
from samgraph.db.driver import Db, Step
from samgraph.db.queries import queries
from samgraph.errors import NotFound, Problem, invalid, message
from samgraph.sync import identity
from samgraph.sync.formats import (
    FORMATS,
    Caps,
    FormatError,
    OrgFormat,
    OrgRecord,
    parse,
    scim_partial_page,
)

TRACKED = (
    "name",
    "title",
    "email",
    "linkedinUrl",
    "seniority",
    "teamId",
    "managerId",
    "buyingRole",
    "sentiment",
)
_CHECKS: dict[str, TypeAdapter[Any]] = {
    "id": TypeAdapter(Id), "name": TypeAdapter(Name), "title": TypeAdapter(ShortText),
    "email": TypeAdapter(Email), "linkedinUrl": TypeAdapter(Url), "seniority": TypeAdapter(Seniority),
    "buyingRole": TypeAdapter(BuyingRole), "sentiment": TypeAdapter(Sentiment),
    "team": TypeAdapter(Name),
}  # fmt: skip


MAX_DEPARTURES = 0.2
"""A FULL sync may depart at most this share of the account's active people."""


class SyncMode(StrEnum):
    FULL = "FULL"
    PARTIAL = "PARTIAL"


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass
class SyncPlan:
    account_id: str
    fmt: OrgFormat
    mode: SyncMode
    effective: dt.date
    rows: int
    added: list[dict[str, Any]] = field(default_factory=list)
    updated: list[tuple[str, str, list[FieldChange]]] = field(default_factory=list)
    departed: list[dict[str, Any]] = field(default_factory=list)
    teams_added: list[dict[str, Any]] = field(default_factory=list)
    departing_champions: list[str] = field(default_factory=list)
    departing_economic_buyers: list[str] = field(default_factory=list)
    coverage_before: int = 0
    coverage_after: int = 0
    gaps_added: list[str] = field(default_factory=list)
    written: bool = False
    # (file id, stakeholder id, how) for people matched other than by their own id.
    matches: list[tuple[str, str, str]] = field(default_factory=list)
    source_ids: dict[str, list[str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # Set when a FULL sync would depart more than its limit: nothing may be written.
    refusal: str | None = None

    def bundle(self) -> Bundle:
        """The writes as a bundle: new teams, added, changed (only changed fields), departed."""
        rows = list(self.added)
        for sid, _, changes in self.updated:
            rows.append({"id": sid, **{c.field: c.new for c in changes}})
        for d in self.departed:
            rows.append({"id": d["id"], "status": "DEPARTED", "departedAt": self.effective})
        return Bundle.model_validate({"teams": self.teams_added, "stakeholders": rows})


def _column(fmt: OrgFormat, name: str) -> str:
    return FORMATS[fmt].columns.get(name, name)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "team"


def validate_records(
    fmt: OrgFormat,
    records: list[OrgRecord],
    existing: dict[str, dict[str, Any]],
    elsewhere: set[str],
) -> list[Problem]:
    """Every problem of the file, each with its row, column and reason."""
    problems: list[Problem] = []

    def bad(rec: OrgRecord, column: str, reason: str) -> None:
        problems.append(Problem(f"row {rec.row}, column {_column(fmt, column)}", reason))

    first: dict[str, int] = {}
    in_file = {r.id for r in records}
    refs = {r.account_ref for r in records if r.account_ref}
    for rec in records:
        if not rec.id:
            bad(rec, "id", "missing id")
            continue
        if rec.id in first:
            bad(rec, "id", f"duplicate id {rec.id!r} (first at row {first[rec.id]})")
            continue
        first[rec.id] = rec.row
        if rec.id in elsewhere:
            bad(rec, "id", f"{rec.id!r} is a stakeholder of another account")
        if rec.id not in existing and not rec.name:
            bad(rec, "name", "missing name for a new stakeholder")
        values = {"id": rec.id, "name": rec.name, "title": rec.title, "email": rec.email,
                  "linkedinUrl": rec.linkedin_url,
                  "seniority": rec.seniority, "buyingRole": rec.buying_role,
                  "sentiment": rec.sentiment, "team": rec.team}  # fmt: skip
        for column, value in values.items():
            if value is None:
                continue
            try:
                _CHECKS[column].validate_python(value)
            except ValidationError as exc:
                bad(rec, column, f"{value!r}: {message(exc.errors()[0])}")
        if (
            rec.manager_id is not None
            and rec.manager_id not in existing
            and rec.manager_id not in in_file
        ):
            bad(rec, "managerId", f"unknown manager id {rec.manager_id!r}")
    if len(refs) > 1:
        problems.append(
            Problem(
                f"column {_column(fmt, 'accountRef')}",
                f"one account per file, found {sorted(refs)}",
            )
        )
    # Reporting lines after the sync: today's managers, replaced by the file's.
    managers = {sid: row.get("managerId") for sid, row in existing.items()}
    managers.update({r.id: r.manager_id for r in records if r.id and "managerId" in r.given})
    # Each person has at most one manager: walk each chain once (linear time even for
    # 100,000 people), marking the nodes of any loop found.
    in_cycle: set[str] = set()
    state: dict[str, int] = {}  # 1 on the current walk, 2 done
    for start in managers:
        path: list[str] = []
        node: str | None = start
        while node is not None and node in managers and state.get(node, 0) == 0:
            state[node] = 1
            path.append(node)
            node = managers[node]
        if node is not None and state.get(node) == 1:
            in_cycle.update(path[path.index(node) :])
        for n in path:
            state[n] = 2
    for rec in records:
        if rec.id in in_cycle:
            bad(rec, "managerId", f"cycle in reporting lines through {rec.id!r}")
    return problems


async def _state(
    db: Db, account_id: str
) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]], AccountGraph]:
    if not (await db.read(queries.accounts.get_accounts, ids=[account_id])):
        raise NotFound(f"no account {account_id!r}", [Problem("accountId", "not found")])
    people = await db.read(
        queries.stakeholders.stakeholders_by_account, ids=[account_id], include_departed=True
    )
    teams = await db.read(queries.teams.teams_by_account, ids=[account_id])
    graph_rows = await db.read(queries.analyses.account_graphs, ids=[account_id])
    existing = {p["id"]: p for p in (people[0]["items"] if people else [])}
    graph = AccountGraph.from_row(account_id, graph_rows[0]["item"] if graph_rows else {})
    return existing, (teams[0]["items"] if teams else []), graph


async def plan_sync(
    db: Db,
    *,
    account_id: str,
    fmt: OrgFormat,
    content: str,
    mode: SyncMode,
    effective: dt.date,
    cadence: dict[str, int],
    max_departures: float = MAX_DEPARTURES,
    caps: Caps | None = None,
) -> SyncPlan:
    """Read and validate the whole file, match its people to the account's, then diff
    (no writes). A FULL sync of one SCIM page is refused; one that departs more than
    `max_departures` of the active people is planned with `refusal` set."""
    try:
        records = parse(fmt, content, caps)
    except FormatError as exc:
        raise invalid(
            [Problem(f"row {p.row}, column {p.column}", p.reason) for p in exc.problems]
        ) from None
    if fmt == OrgFormat.SCIM and mode == SyncMode.FULL and (partial := scim_partial_page(content)):
        raise invalid([Problem("totalResults", f"{partial}: a FULL sync of one page would "
                               "depart everyone on the others; send every page in one "
                               "document, or sync PARTIAL")])  # fmt: skip
    existing, teams, graph = await _state(db, account_id)
    resolution = identity.resolve(fmt, records, existing)
    warnings = list(resolution.warnings)
    if FORMATS[fmt].foreign_managers_warn:
        # Exports are often filtered: a manager outside the file and the account leaves
        # that person's reporting line as it is, with a warning.
        in_file = {r.id for r in records}
        for rec in records:
            if rec.manager_id and rec.manager_id not in in_file and rec.manager_id not in existing:
                warnings.append(f"row {rec.row}: manager {rec.manager_id!r} "
                                f"({_column(fmt, 'managerId')}) is neither in the file nor held "
                                "for this account: reporting line left as it is")  # fmt: skip
                rec.manager_id = None
                rec.given.discard("managerId")
    ids = sorted({r.id for r in records if r.id} - set(existing))
    found = (await db.read(queries.bundle.existing_ids, accounts=[], teams=[], stakeholders=ids,
                           members=[], products=[], opportunities=[],
                           interactions=[]))[0]["stakeholders"]  # fmt: skip
    problems = validate_records(fmt, records, existing, set(found))
    if problems:
        raise invalid(problems)

    result = SyncPlan(account_id, fmt, mode, effective, rows=len(records),
                      matches=resolution.matches, source_ids=resolution.source_ids,
                      warnings=warnings)  # fmt: skip
    team_ids: dict[str, str] = {t["name"].strip().lower(): t["id"] for t in teams if t.get("name")}
    groups: dict[str, str | None] = {t["id"]: t.get("functionGroup") for t in teams}

    def team_id(name: str, parent: str | None) -> str:
        key = name.strip().lower()
        if key not in team_ids:
            tid = f"{account_id}:{_slug(name)}"
            while tid in groups:
                tid += "-1"
            row: dict[str, Any] = {"id": tid, "accountId": account_id, "name": name.strip()}
            if parent and parent.strip().lower() != key:
                row["parentId"] = team_id(parent, None)
            team_ids[key], groups[tid] = tid, None
            result.teams_added.append(row)
            result.warnings.append(
                f"new team {tid} ({name.strip()!r}) has no function group: its people count "
                "as ADJACENT in coverage until one is set (upsertTeams functionGroup)"
            )
        return team_ids[key]

    for rec in records:
        cur = existing.get(rec.id)
        target: dict[str, Any] = {}
        for name, attr in (("name", "name"), ("title", "title"), ("email", "email"),
                           ("linkedinUrl", "linkedin_url"),
                           ("buyingRole", "buying_role"), ("sentiment", "sentiment")):  # fmt: skip
            if name in rec.given:
                target[name] = getattr(rec, attr)
        if "team" in rec.given:
            target["teamId"] = team_id(rec.team, rec.parent_team) if rec.team else None
        if "managerId" in rec.given:
            target["managerId"] = rec.manager_id
        title_changed = cur is not None and cur.get("title") != rec.title and "title" in rec.given
        # An inferred seniority never overrides one a SAM set, unless the title changed.
        if rec.seniority and (cur is None or not rec.seniority_inferred or title_changed):
            target["seniority"] = rec.seniority
        if cur is None:
            if rec.active:
                result.added.append(
                    {"id": rec.id, "accountId": account_id, **target, "status": "ACTIVE"}
                )
            continue
        was_active = (cur.get("status") or "ACTIVE") == "ACTIVE"
        if not rec.active:
            if was_active:
                result.departed.append(cur)
            continue
        changes = [FieldChange(f, cur.get(f), v) for f, v in target.items() if not _same(f, cur.get(f), v)]  # fmt: skip
        if not was_active:  # back on the org chart
            changes += [FieldChange("status", cur.get("status"), "ACTIVE"),
                        FieldChange("departedAt", cur.get("departedAt"), None)]  # fmt: skip
        if changes:
            result.updated.append((rec.id, cur.get("name") or rec.name or "", changes))
    if mode == SyncMode.FULL:
        listed = {r.id for r in records}
        result.departed += [
            p for sid, p in sorted(existing.items())
            if sid not in listed and (p.get("status") or "ACTIVE") == "ACTIVE"
        ]  # fmt: skip
    result.departed.sort(key=lambda p: p["id"])
    active = sum(1 for p in existing.values() if (p.get("status") or "ACTIVE") == "ACTIVE")
    if mode == SyncMode.FULL and active and len(result.departed) > max_departures * active:
        names = ", ".join(f"{p.get('name') or p['id']} ({p['id']})" for p in result.departed)
        result.refusal = (
            f"this FULL sync would depart {len(result.departed)} of {active} active people "
            f"({len(result.departed) / active:.0%}), over the limit of {max_departures:.0%}: "
            f"{names}. Check the file is the whole org; raise the limit to go ahead "
            "(maxDepartures, --max-departures)"
        )
        result.warnings.append(result.refusal)
    result.departing_champions = [
        p["id"] for p in result.departed if p.get("buyingRole") == "CHAMPION"
    ]
    result.departing_economic_buyers = [
        p["id"] for p in result.departed if p.get("buyingRole") == "ECONOMIC_BUYER"
    ]
    before = coverage_mod.coverage(graph, effective, cadence)
    after = coverage_mod.coverage(_graph_after(graph, result, existing, groups), effective, cadence)
    result.coverage_before, result.coverage_after = before.score, after.score
    had = {(g.code, g.stakeholder_id, g.band, g.group) for g in before.gaps}
    result.gaps_added = sorted(
        {g.code for g in after.gaps if (g.code, g.stakeholder_id, g.band, g.group) not in had}
    )
    return result


def _same(name: str, old: Any, new: Any) -> bool:
    """Emails differ only when more than their case does."""
    if name == "email" and isinstance(old, str) and isinstance(new, str):
        return old.lower() == new.lower()
    return bool(old == new)


def _graph_after(
    graph: AccountGraph, plan: SyncPlan, existing: dict[str, dict[str, Any]], groups: dict[str, Any]
) -> AccountGraph:
    """The account's subgraph as the sync would leave it (new people start unengaged)."""
    people = dict(graph.people)
    for p in plan.departed:
        people.pop(p["id"], None)
    rows = {sid: dict(existing[sid]) for sid in people if sid in existing}
    for sid, _, changes in plan.updated:
        rows[sid] = {**existing[sid], **{c.field: c.new for c in changes}}
    for row in plan.added:
        rows[row["id"]] = row
    for sid, row in rows.items():
        team = row.get("teamId")
        people[sid] = Person(
            id=sid, name=row.get("name") or "", seniority=row.get("seniority"),
            sentiment=row.get("sentiment"), buying_role=row.get("buyingRole"),
            team_id=team, function_group=groups.get(team) if team else None,
            title=row.get("title"), row=row,
        )  # fmt: skip
    reports = tuple(
        (sid, row["managerId"]) for sid, row in rows.items()
        if row.get("managerId") in people and sid in people
    )  # fmt: skip
    return dataclasses.replace(
        graph,
        people=people,
        knows=tuple(k for k in graph.knows if k.stakeholder_id in people),
        reports=reports,
        influences=tuple(i for i in graph.influences if i[0] in people and i[1] in people),
    )


async def sync_orgchart(
    db: Db,
    *,
    account_id: str,
    fmt: OrgFormat,
    content: str,
    mode: SyncMode,
    dry_run: bool,
    effective: dt.date,
    cadence: dict[str, int],
    batch_size: int = 1000,
    progress: Callable[[int], None] | None = None,
    max_departures: float = MAX_DEPARTURES,
    caps: Caps | None = None,
) -> SyncPlan:
    """Plan the sync and, unless `dry_run`, write it in UNWIND batches."""
    plan = await plan_sync(db, account_id=account_id, fmt=fmt, content=content, mode=mode,
                           effective=effective, cadence=cadence,
                           max_departures=max_departures, caps=caps)  # fmt: skip
    if not dry_run:
        await apply_plan(db, plan, batch_size=batch_size, progress=progress)
    return plan


def rows_to_write(plan: SyncPlan) -> int:
    """How many rows the writes touch (the progress bar's total)."""
    return sum(len(rows) for _, rows in bundle_service.write_plan(plan.bundle()))


async def apply_plan(
    db: Db, plan: SyncPlan, *, batch_size: int = 1000, progress: Callable[[int], None] | None = None
) -> None:
    """Write a planned sync; changes are recorded in the history on the sync's date."""
    if plan.refusal:
        raise invalid([Problem("maxDepartures", plan.refusal)])
    bundle = plan.bundle()
    await bundle_service.validate_references(db, bundle)
    # The file ids to remember are written with the changes (one transaction for a sync
    # of ordinary size: all or nothing).
    rows = [{"id": sid, "sourceIds": keys} for sid, keys in sorted(plan.source_ids.items())]
    then = [Step(queries.stakeholders.add_source_ids, {"rows": rows})] if rows else []
    await bundle_service.write_bundle(db, bundle, batch_size=batch_size, changed_on=plan.effective,
                                      source=FORMATS[plan.fmt].source, record_created=True,
                                      progress=progress, then=then)  # fmt: skip
    plan.written = True


def plan_dict(plan: SyncPlan) -> dict[str, Any]:
    """The whole diff as JSON-ready data (the CLI's `--json`)."""

    def person(row: dict[str, Any]) -> dict[str, Any]:
        return {
            k: row.get(k) for k in ("id", "name", "title", "buyingRole") if row.get(k) is not None
        }

    return {
        "accountId": plan.account_id, "mode": plan.mode.value,
        "effectiveDate": plan.effective.isoformat(), "rows": plan.rows, "written": plan.written,
        "added": [person(r) for r in plan.added],
        "updated": [{"id": sid, "name": name, "changes": [
            {"field": c.field, "old": _json(c.old), "new": _json(c.new)} for c in changes]}
            for sid, name, changes in plan.updated],
        "departed": [person(r) for r in plan.departed],
        "teamsAdded": plan.teams_added,
        "matches": [{"fileId": f, "stakeholderId": s, "by": how} for f, s, how in plan.matches],
        "warnings": plan.warnings,
        "impact": {"coverageBefore": plan.coverage_before, "coverageAfter": plan.coverage_after,
                   "departingChampions": plan.departing_champions,
                   "departingEconomicBuyers": plan.departing_economic_buyers,
                   "gapsAdded": plan.gaps_added},
        "refused": plan.refusal,
    }  # fmt: skip


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def render_plan(plan: SyncPlan) -> list[str]:
    """The whole diff for a person: who is added, what changes (old -> new), who departs,
    who was matched under another id, the warnings and the impact."""
    verb = "changed" if plan.written else "would change"
    lines = [f"{plan.mode.value} sync of {plan.rows} rows {verb} account {plan.account_id} "
             f"(effective {plan.effective.isoformat()}): {len(plan.added)} added, "
             f"{len(plan.updated)} updated, {len(plan.departed)} departed, "
             f"{len(plan.teams_added)} new teams"]  # fmt: skip
    lines += [f"+ added {p['id']}: {p.get('name') or ''}" + (f", {p['title']}" if p.get("title") else "")
              for p in plan.added]  # fmt: skip
    for sid, name, changes in plan.updated:
        lines.append(f"~ updated {sid}: {name}")
        lines += [f"    {c.field}: {_json(c.old)!r} -> {_json(c.new)!r}" for c in changes]
    lines += [f"- departs {p['id']}: {p.get('name') or ''}" for p in plan.departed]
    lines += [f"+ new team {t['id']}: {t['name']}" for t in plan.teams_added]
    lines += [f"= {f} is {s} (by {how})" for f, s, how in plan.matches]
    lines += [f"! {w}" for w in plan.warnings]
    lines.append(f"coverage {plan.coverage_before} -> {plan.coverage_after}"
                 + (f"; new gaps: {', '.join(plan.gaps_added)}" if plan.gaps_added else ""))  # fmt: skip
    lines += [f"! champion departing: {c}" for c in plan.departing_champions]
    lines += [f"! economic buyer departing: {c}" for c in plan.departing_economic_buyers]
    return lines
