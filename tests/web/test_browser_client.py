"""A real browser on another origin (Debian's chromium through Playwright, as a React app
on its dev server would be) calls the API with a key through CORS, and hears
`accountChanged` after a mutation made by another client."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest
from playwright.async_api import async_playwright

from samgraph.db.driver import Db
from tests.conftest import api_key, settings_for_tests
from tests.factories import account, load
from tests.live import live_server, static_site

CHROMIUM = Path("/usr/bin/chromium")
PAGES = Path(__file__).resolve().parent / "pages"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


async def test_browser_on_another_origin_queries_and_hears_changes(db: Db) -> None:
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: `apt-get install -y chromium` (.ci/run does)")
    await load(db, {"accounts": [account(id="acme", name="Acme")]})
    key = await api_key(db, role="VIEWER")
    writer = await api_key(db, role="EDITOR")
    with static_site(PAGES) as port:
        # Origins are exact: http://localhost:<port> is allowed, http://127.0.0.1:<port> not.
        allowed = f"http://localhost:{port}"
        settings = settings_for_tests(
            samgraph_cors_origins=allowed, samgraph_subscription_poll_seconds=0.2
        )
        with live_server(settings) as api:
            async with async_playwright() as pw:
                browser = await pw.chromium.launch(
                    executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"]
                )
                try:
                    page = await browser.new_page()
                    await page.goto(f"{allowed}/client.html")
                    first = await page.evaluate(
                        "([api, key]) => window.query(api, key, '{ account(id: \"acme\") { name } }')",
                        [api, key],
                    )
                    assert first == {"status": 200, "body": {
                        "data": {"account": {"name": "Acme"}},
                        "extensions": first["body"]["extensions"]}}  # fmt: skip
                    assert (
                        await page.evaluate(
                            "([api, key]) => window.listen(api, key, 'acme')", [api, key]
                        )
                        == "subscribed"
                    )
                    await asyncio.sleep(1.0)  # the subscription has read its starting counter
                    # Another client (not the browser) renames the account.
                    async with httpx.AsyncClient(
                        base_url=api, headers={"Authorization": f"Bearer {writer}"}
                    ) as other:
                        body = (await other.post("/graphql", json={"query": 'mutation { '
                            'upsertAccounts(input: [{id: "acme", name: "Acme Renamed"}]) { id } }'})).json()  # fmt: skip
                        assert "errors" not in body, body
                    await page.wait_for_function("window.events.length > 0", timeout=10_000)
                    events = await page.evaluate("window.events")
                    assert events[0]["accountId"] == "acme"
                    assert events[0]["account"] == {"name": "Acme Renamed"}
                    ARTIFACTS.mkdir(exist_ok=True)
                    await page.screenshot(path=str(ARTIFACTS / "browser-client.png"))

                    # The same page from an origin not on the list: the browser blocks it.
                    await page.goto(f"http://127.0.0.1:{port}/client.html")
                    refused = await page.evaluate(
                        "([api, key]) => window.query(api, key, '{ __typename }')"
                        ".then(() => 'answered', (e) => e.name)",
                        [api, key],
                    )
                    assert refused == "TypeError"  # "Failed to fetch": no CORS headers
                finally:
                    await browser.close()
