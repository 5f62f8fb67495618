"""GraphiQL works with no network beyond the API's host: the page, its bundle and fonts
come from the package (no CDN), it sends the development key, and a query runs.
Drives the system's chromium through Playwright (never `playwright install`)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.async_api import ConsoleMessage, Route, WebSocketRoute, async_playwright, expect

from samgraph.db.driver import Db
from tests.conftest import api_key, settings_for_tests
from tests.factories import account, load
from tests.live import live_server

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
SCREENSHOT = ARTIFACTS / "graphiql-offline.png"
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost"})
QUERY = "{ accounts(first: 1) { totalCount } }"
# Outside hosts do not even resolve (the routes below record any attempt).
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"


def _outside(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme not in {"data", "blob"} and parts.hostname not in LOCAL_HOSTS


async def test_graphiql_runs_a_query_offline(db: Db, tmp_path: Path) -> None:
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} is missing: this test drives Debian's chromium; install it with "
            "`apt-get install -y chromium` (.ci/run does) and never `playwright install`"
        )
    accounts = [account(name=f"Offline {i}") for i in range(3)]
    await load(db, {"accounts": accounts})
    settings = settings_for_tests(samgraph_env="development", samgraph_home=tmp_path)
    settings.dev_key_file.write_text(await api_key(db) + "\n")
    settings.dev_key_file.chmod(0o600)

    blocked: list[str] = []
    problems: list[str] = []

    async def only_local(route: Route) -> None:
        if _outside(route.request.url):
            blocked.append(route.request.url)
            await route.abort("blockedbyclient")
        else:
            await route.continue_()

    async def only_local_sockets(ws: WebSocketRoute) -> None:
        if _outside(ws.url):
            blocked.append(ws.url)
            await ws.close()
        else:
            ws.connect_to_server()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(f"console: {message.text}")

    with live_server(settings) as base:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox", OFFLINE]
            )
            try:
                page = await browser.new_page(viewport={"width": 1280, "height": 800})
                await page.route("**/*", only_local)
                await page.route_web_socket(re.compile(".*"), only_local_sockets)
                page.on("console", on_console)
                page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))

                # A browser's navigation asks for text/html: the gate lets the page through.
                response = await page.goto(f"{base}/graphql")
                assert response is not None and response.status == 200
                assert "text/html" in (await response.request.all_headers())["accept"]
                editor = page.locator(".graphiql-query-editor .CodeMirror")
                await expect(editor).to_be_visible()
                # The schema came over the dev key: the explorer lists the root fields.
                await page.get_by_role("button", name="Show GraphiQL Explorer").click()
                await expect(page.locator(".graphiql-explorer-root")).to_contain_text("accounts")
                ARTIFACTS.mkdir(exist_ok=True)
                await page.screenshot(path=str(SCREENSHOT))

                await editor.evaluate("(node, query) => node.CodeMirror.setValue(query)", QUERY)
                await page.locator("button.graphiql-execute-button").click()
                result = page.locator(".graphiql-response .CodeMirror")
                await expect(result).to_contain_text('"totalCount": 3')
                await page.screenshot(path=str(SCREENSHOT))
                shown = await result.evaluate("node => node.CodeMirror.getValue()")
            finally:
                await browser.close()

    assert json.loads(shown)["data"] == {"accounts": {"totalCount": len(accounts)}}
    assert blocked == [], f"the page tried to reach outside hosts: {blocked}"
    assert problems == [], problems
