"""The cycle collector paused while a bulk import builds its rows (bundle/service.py
`gc_paused`): back once the last holder is done, on success or failure, and left as
the application had it."""

from __future__ import annotations

import datetime as dt
import gc
import threading
from typing import Any

import orjson
import pytest

from samgraph.bundle import service
from samgraph.bundle.service import gc_paused, parse_bundle
from samgraph.db.driver import Db
from samgraph.errors import InvalidInput

TODAY = dt.date(2026, 12, 1)


def test_the_collector_is_back_after_a_parse_good_or_bad() -> None:
    assert gc.isenabled()
    bundle = parse_bundle(b'{"accounts": [{"id": "a1", "name": "Acme"}]}')
    assert [a.id for a in bundle.accounts] == ["a1"] and gc.isenabled()
    with pytest.raises(InvalidInput, match=r"accounts\[0\]\.id"):
        parse_bundle(b'{"accounts": [{"id": "a 1", "name": "Acme"}]}')
    assert gc.isenabled()


def test_it_stays_paused_until_the_last_holder_is_done() -> None:
    # Two sections' rows prepared in two threads at once: the first to finish must not
    # turn the collector back on under the other.
    holding = threading.Barrier(3)
    done = {name: threading.Event() for name in ("a", "b")}
    seen: dict[str, bool] = {}

    def hold(name: str) -> None:
        with gc_paused():
            holding.wait()
            done[name].wait()
            seen[name] = gc.isenabled()

    threads = {name: threading.Thread(target=hold, args=(name,)) for name in done}
    for t in threads.values():
        t.start()
    holding.wait()  # both hold it now
    assert not gc.isenabled()
    done["a"].set()
    threads["a"].join()
    assert not gc.isenabled()  # b still holds it
    done["b"].set()
    threads["b"].join()
    assert seen == {"a": False, "b": False}
    assert gc.isenabled()


def test_a_collector_the_application_turned_off_stays_off() -> None:
    gc.disable()
    try:
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


async def test_a_large_imports_rows_are_frozen_until_it_ends(
    db: Db, example_bundle: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bundle over FREEZE_ROWS is out of the collector's sight while it is validated
    and written, and back in it once the import ends, written or refused."""
    monkeypatch.setattr(service, "FREEZE_ROWS", 0)  # every bundle counts as large here
    validate = service.validate_references
    frozen_then: list[int] = []

    async def watched(db: Db, bundle: Any) -> None:
        frozen_then.append(gc.get_freeze_count())
        await validate(db, bundle)

    monkeypatch.setattr(service, "validate_references", watched)
    summary = await service.import_bundle(db, orjson.dumps(example_bundle), changed_on=TODAY)
    assert summary.counts["stakeholders"] == len(example_bundle["stakeholders"])
    assert frozen_then[0] > 0 and gc.get_freeze_count() == 0
    bad = {"stakeholders": [{"id": "x1", "accountId": "nowhere", "name": "X"}]}
    with pytest.raises(InvalidInput, match=r"stakeholders\[0\]\.accountId"):
        await service.import_bundle(db, orjson.dumps(bad), changed_on=TODAY)
    assert frozen_then[1] > 0 and gc.get_freeze_count() == 0
