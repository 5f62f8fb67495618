"""How many operations one credential runs at once, per process (issue 23).

One key's expensive operations must not hold another key's requests: each credential
gets SAMGRAPH_KEY_CONCURRENCY operations at a time; the next ones wait their turn
within their own time budget (SAMGRAPH_REQUEST_SECONDS) and are refused with
LIMIT_EXCEEDED when it runs out. A browser's handful of parallel requests never waits;
thirty aliased analyses sent at once run a few at a time while everyone else's run.
"""

from __future__ import annotations

import asyncio

from samgraph.db.driver import Deadline
from samgraph.errors import LimitExceeded


class KeySlots:
    """Per-credential semaphores, dropped when nobody holds or waits for them."""

    def __init__(self, per_key: int) -> None:
        self.per_key = per_key
        self._held: dict[str, tuple[asyncio.Semaphore, int]] = {}

    async def acquire(self, actor: str, deadline: Deadline) -> None:
        """Wait for one of `actor`'s slots within the deadline (LimitExceeded after it)."""
        semaphore, users = self._held.get(actor, (asyncio.Semaphore(self.per_key), 0))
        self._held[actor] = (semaphore, users + 1)
        if not semaphore.locked():  # a free slot: taken at once, no task to wait in
            await semaphore.acquire()
            return
        try:
            wait = deadline.timeout(None)
            await asyncio.wait_for(semaphore.acquire(), timeout=wait)
        except (TimeoutError, LimitExceeded):
            self._drop(actor)
            raise LimitExceeded(
                f"this credential already runs {self.per_key} operations at once "
                "(SAMGRAPH_KEY_CONCURRENCY) and this one waited past its time budget "
                "(SAMGRAPH_REQUEST_SECONDS)"
            ) from None
        except BaseException:
            self._drop(actor)
            raise

    def release(self, actor: str) -> None:
        self._held[actor][0].release()
        self._drop(actor)

    def _drop(self, actor: str) -> None:
        semaphore, users = self._held[actor]
        if users == 1:
            del self._held[actor]
        else:
            self._held[actor] = (semaphore, users - 1)


_BY_SIZE: dict[int, KeySlots] = {}


def key_slots(per_key: int) -> KeySlots:
    """This process's slots for SAMGRAPH_KEY_CONCURRENCY = per_key."""
    return _BY_SIZE.setdefault(per_key, KeySlots(per_key))
