"""Time to first render of the graph explorer (/explorer) for generated 10-, 100- and
300-person accounts, in headless Debian chromium (Playwright, never `playwright
install`), against the real app on a real port; then a screenshot of the explorer on
the demo portfolio for the README (docs/explorer.png).

For each size: the graph is wiped, one generated account is loaded (samgraph.demo.
generate), and the account page is opened RUNS times in a fresh tab. The table gives
medians: `first render` from navigation start to the graph drawn (page load, the API
call, Cytoscape and the fcose layout), `api` the account query as the page timed it,
`draw` Cytoscape's set-up plus the layout, `layout` the fcose layout alone.

    PYTHONPATH=. .venv/bin/python -m bench.explorer_render     (NEO4J_* set; wipes the graph)
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
from pathlib import Path
from typing import Any

import orjson
from playwright.async_api import Page, async_playwright
from tests.live import live_server

from samgraph.auth import keys
from samgraph.bundle import service as bundle_service
from samgraph.cli import DEMO_BUNDLE
from samgraph.config import Settings
from samgraph.db.admin import wipe_data
from samgraph.db.driver import Db, create_driver
from samgraph.db.migrations import migrate
from samgraph.demo.generate import generate
from samgraph.demo.shift import shifted
from samgraph.localdb.connection import resolve_connection

CHROMIUM = Path("/usr/bin/chromium")
SIZES = (10, 100, 300)
RUNS = 5
SCREENSHOT = Path(__file__).resolve().parents[1] / "docs" / "explorer.png"
HOOK = """() => {
  const h = window.samgraphExplorer;
  return {
    firstRender: performance.now(), api: h.lastFetchMs, draw: h.lastRenderMs,
    layout: h.lastLayoutMs, nodes: h.cy.nodes().not('.team').length,
    teams: h.cy.nodes('.team').length, edges: h.cy.edges().length,
  };
}"""


async def _load(settings: Settings, bundle: Any) -> str:
    """Wipe the graph, load `bundle`, and return a new ADMIN key."""
    driver = create_driver(resolve_connection(settings))
    db = Db(driver, settings.neo4j_database)
    try:
        await wipe_data(db)
        await migrate(db)
        await bundle_service.import_bundle(db, orjson.dumps(bundle), changed_on=settings.today())
        return (await keys.create_key(db, role="ADMIN", member_id=None, name="bench")).token
    finally:
        await driver.close()


async def _open(page: Page, url: str) -> dict[str, Any]:
    await page.goto(url)
    await page.wait_for_function("() => window.samgraphExplorer && window.samgraphExplorer.ready")
    timings: dict[str, Any] = await page.evaluate(HOOK)
    return timings


async def _measure(settings: Settings, people: int) -> dict[str, Any]:
    bundle = generate(accounts=1, stakeholders_per_account=people, seed=people)
    account = bundle["accounts"][0]["id"]
    settings.dev_key_file.write_text(await _load(settings, bundle) + "\n")
    runs: list[dict[str, Any]] = []
    with live_server(settings) as base:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"]
            )
            try:
                for _ in range(RUNS + 1):  # the first run warms the server's caches
                    page = await browser.new_page(viewport={"width": 1440, "height": 900})
                    runs.append(await _open(page, f"{base}/explorer#account={account}"))
                    await page.close()
            finally:
                await browser.close()
    runs = runs[1:]
    row = {
        k: statistics.median(r[k] for r in runs) for k in ("firstRender", "api", "draw", "layout")
    }
    return {"people": people, **row, **{k: runs[0][k] for k in ("nodes", "teams", "edges")}}


async def _screenshot(settings: Settings) -> None:
    """The explorer on the demo portfolio: gfc, a warm path to its Head of Payments lit."""
    bundle = shifted(orjson.loads(DEMO_BUNDLE.read_bytes()), settings.today())
    settings.dev_key_file.write_text(await _load(settings, bundle) + "\n")
    with live_server(settings) as base:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"]
            )
            try:
                page = await browser.new_page(viewport={"width": 1360, "height": 820})
                await _open(page, f"{base}/explorer#account=gfc")
                await page.get_by_label("Introduction to").select_option("rmartinez")
                await page.get_by_role("button", name="Find").click()
                await page.wait_for_function(
                    "() => window.samgraphExplorer.cy.elements('.highlight').length > 0"
                )
                await page.screenshot(path=str(SCREENSHOT))
            finally:
                await browser.close()


async def main() -> None:
    if not CHROMIUM.is_file():
        raise SystemExit(f"{CHROMIUM} is missing: `apt-get install -y chromium`")
    with tempfile.TemporaryDirectory() as home:
        settings = Settings(
            samgraph_env="development", samgraph_home=Path(home), samgraph_rate_limit="",
            samgraph_warmup=False,
        )  # fmt: skip
        rows = [await _measure(settings, people) for people in SIZES]
        await _screenshot(settings)
    print("| people | nodes | teams | edges | first render ms | api ms | draw ms | layout ms |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['people']} | {r['nodes']} | {r['teams']} | {r['edges']} | "
            f"{r['firstRender']:.0f} | {r['api']:.0f} | {r['draw']:.0f} | {r['layout']:.0f} |"
        )
    print(f"\ndocs/explorer.png: {SCREENSHOT.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    asyncio.run(main())
