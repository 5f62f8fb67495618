"""Sending the outbox: one dispatcher per app process, sharing the work through claims.

Each pass claims the deliveries that are due (a claim another dispatcher holds is
skipped; a dead holder's expires), POSTs each as the Standard Webhooks specification
says (`webhook-id` = the event's id, the same on every retry; `webhook-timestamp`;
`webhook-signature`, HMAC-SHA256 by the `standardwebhooks` package) and records the
attempt: DELIVERED on a 2xx, else PENDING again after an exponential backoff
(SAMGRAPH_WEBHOOK_BACKOFF_SECONDS x 2^attempts, at most an hour), FAILED once the next
try would come SAMGRAPH_WEBHOOK_RETRY_HOURS after the event. At least once: a receiver
may see an event twice (a crash between its answer and the record) and should use
`webhook-id` to skip repeats.

Before each POST the endpoint's host is resolved again (unless private addresses are
allowed): a name that pointed at a public address when it was registered but points
into the server's own network now is not sent to; the attempt fails and is retried
like any other. Finished deliveries are forgotten after SAMGRAPH_WEBHOOK_KEEP_DAYS.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import socket
import uuid
from typing import Any
from urllib.parse import urlsplit

import httpx
from standardwebhooks import Webhook

from samgraph.config import Settings
from samgraph.db.driver import Db
from samgraph.db.queries import queries as q
from samgraph.errors import SamgraphError
from samgraph.webhooks.service import private_address

log = logging.getLogger("samgraph.webhooks")
HOLDER = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
BATCH = 20
MAX_BACKOFF = 3600.0
PRUNE_EVERY = 600.0  # seconds between two prunes of the delivery log
REFUSED = "not sent: the host now resolves to a loopback, private, link-local or reserved address"


def body_of(event: dict[str, Any]) -> str:
    """The JSON body of an event: {type, timestamp, data} (Standard Webhooks' shape)."""
    created = event["createdAt"]
    stamp = created.isoformat() if hasattr(created, "isoformat") else str(created)
    return f'{{"type":"{event["type"]}","timestamp":"{stamp}","data":{event["payload"]}}}'


def next_attempt(settings: Settings, attempts: int, created: dt.datetime, now: dt.datetime) -> dt.datetime | None:  # fmt: skip
    """When to try again after `attempts` failed tries; None when retries are over."""
    wait = min(settings.samgraph_webhook_backoff_seconds * 2 ** (attempts - 1), MAX_BACKOFF)
    at = now + dt.timedelta(seconds=wait)
    if at > created + dt.timedelta(hours=settings.samgraph_webhook_retry_hours):
        return None
    return at


async def send_due(db: Db, settings: Settings, client: httpx.AsyncClient, holder: str = HOLDER) -> int:  # fmt: skip
    """One pass: claim the due deliveries and send them; how many were delivered."""
    claimed = await db.write(q.webhooks.claim_deliveries, holder=holder,
                             seconds=int(settings.samgraph_webhook_timeout) + 30, limit=BATCH)  # fmt: skip
    sent = await asyncio.gather(*(_send(db, settings, client, row, holder) for row in claimed))
    return sum(sent)


async def _send(db: Db, settings: Settings, client: httpx.AsyncClient, row: dict[str, Any], holder: str) -> bool:  # fmt: skip
    delivery, endpoint, event = row["delivery"], row["endpoint"], row["event"]
    body = body_of(event)
    now = dt.datetime.now(dt.UTC)
    signature = Webhook(endpoint["secret"]).sign(event["id"], now, body)
    headers = {"webhook-id": event["id"], "webhook-timestamp": str(int(now.timestamp())),
               "webhook-signature": signature, "content-type": "application/json",
               "user-agent": "samgraph-webhooks"}  # fmt: skip
    status, error = None, None
    host = urlsplit(endpoint["url"]).hostname or ""
    if not settings.webhook_allow_private and await asyncio.to_thread(private_address, host):
        ok, error = False, REFUSED
    else:
        try:
            answer = await client.post(endpoint["url"], content=body, headers=headers,
                                       timeout=settings.samgraph_webhook_timeout)  # fmt: skip
            status = answer.status_code
            ok = 200 <= status < 300
            if not ok:
                error = f"HTTP {status}"
        except httpx.HTTPError as exc:
            ok, error = False, f"{type(exc).__name__}: {exc}"[:300]
    attempts = int(delivery["attempts"]) + 1
    created = delivery["createdAt"]
    created = created.to_native() if hasattr(created, "to_native") else created
    if ok:
        state, at = "DELIVERED", None
    else:
        at = next_attempt(settings, attempts, created, now)
        state = "PENDING" if at is not None else "FAILED"
    await db.write(q.webhooks.finish_delivery, id=delivery["id"], holder=holder, status=state,
                   http_status=status, error=error, next_attempt_at=at)  # fmt: skip
    return ok


async def prune(db: Db, settings: Settings, limit: int = 10_000) -> tuple[int, int]:
    """Forget finished deliveries older than the keep days, and the events left without
    one; how many of each."""
    (row,) = await db.write(q.webhooks.prune_deliveries, days=settings.samgraph_webhook_keep_days,
                            limit=limit)  # fmt: skip
    return int(row["deliveries"]), int(row["events"])


async def dispatcher(db: Db, settings: Settings) -> None:
    """Send due deliveries every SAMGRAPH_WEBHOOK_SECONDS until cancelled, and prune the
    log every PRUNE_EVERY seconds."""
    loop = asyncio.get_running_loop()
    pruned_at = -PRUNE_EVERY
    async with httpx.AsyncClient(follow_redirects=False) as client:
        while True:
            try:
                while await send_due(db, settings, client) >= BATCH:
                    pass  # a full batch: more may be due at once
                if loop.time() - pruned_at >= PRUNE_EVERY:
                    pruned_at = loop.time()
                    await prune(db, settings)
            except SamgraphError as exc:  # Neo4j away: try again on the next pass
                log.warning("webhook dispatch failed: %s", exc.message)
            except Exception:  # a bug must not stop webhooks for the life of the process
                log.exception("webhook dispatch failed")
            await asyncio.sleep(settings.samgraph_webhook_seconds)
