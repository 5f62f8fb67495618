"""The demo tells its story on any day: loaded with its dates moved, today reads as the
day it was written (2026-01-20) read as written."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import httpx

from samgraph.cli import DEMO_BUNDLE
from samgraph.db.admin import wipe_data
from samgraph.db.driver import Db
from samgraph.demo.shift import WRITTEN, shifted
from tests.conftest import gql, plain_ids
from tests.factories import load

STORY = """query($d: Date) { accounts(first: 10, asOf: $d) { nodes { id name
  coverage { score engagedCount gaps { code } }
  renewal { milestone daysToRenewal }
  stakeholders(includeDeparted: true) { id status buyingRole } } } }"""


def test_every_date_moves_by_the_same_days() -> None:
    bundle = {"relationships": [{"lastContact": "2026-01-10", "strength": 3}],
              "accounts": [{"id": "a", "renewalDate": "2026-06-30", "name": "2026-01-01"}]}  # fmt: skip
    moved = shifted(bundle, dt.date(2026, 12, 1))
    # 2026-01-20 -> 2026-12-01 is 315 days; names that look like dates are not dates.
    assert moved["relationships"][0]["lastContact"] == "2026-11-21"  # 01-10 + 315 d
    assert moved["accounts"][0]["renewalDate"] == "2027-05-11"  # 06-30 + 315 d
    assert moved["accounts"][0]["name"] == "2026-01-01"
    assert (dt.date(2026, 12, 1) - WRITTEN).days == 315


async def _story(client: httpx.AsyncClient, as_of: str | None) -> dict[str, Any]:
    body = await gql(client, STORY, d=as_of)
    assert "errors" not in body, body
    return {a["id"]: a for a in plain_ids(body["data"]["accounts"]["nodes"])}  # dated under asOf


async def test_the_shifted_demo_today_reads_as_written(client: httpx.AsyncClient, db: Db) -> None:
    written = json.loads(DEMO_BUNDLE.read_text())
    await load(db, written)
    then = await _story(client, WRITTEN.isoformat())
    await wipe_data(db)
    today = dt.datetime.now(dt.UTC).date()
    await load(db, shifted(written, today))
    now = await _story(client, None)  # no asOf: today
    for account_id, story in then.items():
        assert now[account_id]["coverage"] == story["coverage"], account_id
        assert now[account_id]["renewal"] == story["renewal"], account_id
    # The story itself: Acme well covered, Northwind single threaded with its champion
    # gone, Global Financial the worked example (coverage 33, §12), Contoso a new logo.
    assert now["acme"]["coverage"]["score"] > now["nwh"]["coverage"]["score"]
    assert "SINGLE_THREADED" in {g["code"] for g in now["nwh"]["coverage"]["gaps"]}
    nwh = now["nwh"]["stakeholders"]
    assert any(s["buyingRole"] == "CHAMPION" and s["status"] == "DEPARTED" for s in nwh)
    assert now["gfc"]["coverage"]["score"] == 33
    assert now["contoso"]["coverage"]["engagedCount"] <= 1
