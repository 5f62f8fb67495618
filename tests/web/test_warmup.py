"""Warm start: the built-in reports and the README's example queries run once before the
app takes requests (web/warmup.py); bench/first_request.py measures the effect."""

from __future__ import annotations

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
