"""Warm start: the built-in reports and the README's example queries run once before the
app takes requests (web/warmup.py); bench/first_request.py measures the effect."""

from __future__ import annotations

import gc
from typing import Any

from samgraph.db.driver import Db
from samgraph.main import create_app
from samgraph.reports.service import builtin_reports
from samgraph.web import warmup
from tests.conftest import settings_for_tests
from tests.factories import load
from tests.test_readme_examples import EXAMPLES


def test_every_report_and_readme_query_is_warmed() -> None:
    names = [name for name, _ in warmup.documents()]
    assert names[: len(builtin_reports())] == [f"report:{n}" for n in builtin_reports()]
    readme_queries = [e for e in EXAMPLES if e.lstrip().startswith(("query", "{"))]
    assert len(names) - len(builtin_reports()) == len(readme_queries) > 0
    # No mutation is ever run at start-up.
    assert all("mutation" not in doc.split("{", 1)[0] for _, doc in warmup.documents())


async def test_the_app_warms_up_before_serving(db: Db, example_bundle: dict[str, Any]) -> None:
    await load(db, example_bundle)
    app = create_app(settings_for_tests(samgraph_warmup=True))
    async with app.router.lifespan_context(app):
        warmed = app.state.warmed
    assert [w.name for w in warmed] == [name for name, _ in warmup.documents()]
    failed = [w.name for w in warmed if not w.ok]
    assert failed == [], f"these documents answered errors at start-up: {failed}"


async def test_the_warm_start_is_time_boxed_and_the_heap_settled(db: Db) -> None:
    gc.unfreeze()  # as Python starts (an app of an earlier test may have settled it)
    gc.set_threshold(700, 10, 10)
    # No time at all: not one document is begun (a big portfolio never holds readiness).
    app = create_app(settings_for_tests(samgraph_warmup=True, samgraph_warmup_seconds=0))
    async with app.router.lifespan_context(app):
        assert app.state.warmed == []
    # Start-up froze what it built out of the collector's scans and raised the young
    # generation's threshold from Python's 700 to the setting.
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[0] == settings_for_tests().samgraph_gc_threshold == 10_000
