"""An account deleted while its snapshot is being stored: whichever transaction comes
first, the other waits for it (both lock the account's counter before they read), so
no gap or play index entry of the deleted account is left behind, and no snapshot is
stored for an account that is gone."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from samgraph.db.driver import Db
from samgraph.db.queries import queries as QUERIES
from tests.factories import TODAY, account, load

COUNT = """MATCH (n) WHERE (n:GapEntry OR n:PlayEntry OR n:AccountSnapshot)
  AND n.accountId = $id RETURN count(n) AS n"""


def _row(account_id: str) -> dict[str, Any]:
    """Today's whole snapshot row of the account with one gap and one play entry (their
    values are only stored here, so any will do)."""
    return {
        "accountId": account_id, "date": TODAY, "partial": False,
        "gaps": [{"rank": 0, "order": 0, "code": "NO_CHAMPION", "row": "{}", "key": "k"}],
        "plays": [{"ng": 0.0, "sev": 0, "nr": 0.0, "ns": 0.0, "order": 0, "memberId": "m",
                   "row": "{}"}],
        "props": {"revision": 1, "graphRevision": 1, "basis": "b", "playCount": 1},
    }  # fmt: skip


async def _left(db: Db, account_id: str) -> int:
    found = await db.driver.execute_query(COUNT, id=account_id, database_=db.database)
    return int(found.records[0]["n"])


@pytest.mark.parametrize("first", ["store", "delete"])
async def test_a_delete_during_a_store_leaves_no_entries(db: Db, first: str) -> None:
    acc = account()
    await load(db, {"accounts": [acc]})
    store: tuple[str, dict[str, Any]] = (
        QUERIES.snapshots.store_snapshots.text,
        {"rows": [_row(acc["id"])]},
    )
    delete: tuple[str, dict[str, Any]] = (QUERIES.accounts.delete_account.text, {"id": acc["id"]})
    (held_text, held_params), (other_text, other_params) = (
        (store, delete) if first == "store" else (delete, store)
    )
    async with db.driver.session(database=db.database) as session:
        tx = await session.begin_transaction()
        await (await tx.run(held_text, held_params)).consume()  # done, not yet committed
        waiting = asyncio.create_task(
            db.driver.execute_query(other_text, other_params, database_=db.database)
        )
        await asyncio.sleep(0.5)
        assert not waiting.done()  # it waits for the counter's lock
        await tx.commit()
    records = (await waiting).records
    if first == "store":
        assert records[0]["existed"] is True  # the delete then takes the stored entries
        # The snapshot itself is history and stays (as for any deleted account): 1 node,
        # no entries.
        assert await _left(db, acc["id"]) == 1
    else:
        assert records[0]["stored"] == 0  # the account is gone: nothing stored
        assert await _left(db, acc["id"]) == 0
    exists = await db.driver.execute_query(
        "MATCH (a:Account {id: $id}) RETURN count(a) AS n", id=acc["id"], database_=db.database
    )
    assert exists.records[0]["n"] == 0
