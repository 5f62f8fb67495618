"""The audit log: one JSON line per mutation and per export.

Who (the credential's actor, role and bound member), what (the operation and kind),
when (UTC), which accounts (ids), the outcome and the request id. Ids only: never
names, e-mails, notes or argument values, so the log holds no personal data.
"""

from __future__ import annotations

import datetime as dt
import sys
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import orjson

if TYPE_CHECKING:
    from samgraph.context import Context

_lock = threading.Lock()
_ACCOUNT_KEYS = frozenset({"accountId", "accountIds", "account_id", "account_ids"})


def accounts_in(value: Any) -> list[str]:
    """The account ids named anywhere in arguments (`accountId`, `accountIds`, also in
    nested inputs and bundle sections, and the `id` of account rows)."""
    found: set[str] = set()

    def walk(v: Any, under: str | None) -> None:
        if isinstance(v, dict):
            for k, x in v.items():
                if k in _ACCOUNT_KEYS or (under == "accounts" and k == "id"):
                    found.update(x if isinstance(x, list) else [x] if isinstance(x, str) else [])
                else:
                    walk(x, k)
        elif isinstance(v, list):
            for x in v:
                walk(x, under)

    walk(value, None)
    return sorted(str(a) for a in found)


def write_line(target: str, entry: dict[str, Any]) -> None:
    line = orjson.dumps(entry) + b"\n"
    with _lock:
        if target == "-":
            sys.stderr.buffer.write(line)
            sys.stderr.flush()
        else:
            with open(target, "ab") as f:
                f.write(line)


def record(
    ctx: Context,
    operation: str,
    *,
    kind: str,
    accounts: Iterable[str] = (),
    outcome: str = "ok",
    code: str | None = None,
) -> None:
    """Append the audit line of one operation by the caller of `ctx`."""
    p = ctx.principal
    entry = {
        "ts": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
        "requestId": ctx.request_id,
        "actor": p.actor,
        "role": p.role.value,
        "member": p.member_id,
        "kind": kind,
        "operation": operation,
        "accounts": sorted(set(accounts)),
        "outcome": outcome,
    }
    if code is not None:
        entry["code"] = code
    write_line(ctx.settings.samgraph_audit_log, entry)
