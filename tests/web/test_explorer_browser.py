"""The graph explorer at /explorer, driven in Debian's chromium through Playwright (never
`playwright install`) against the real app on a real port and a real Neo4j: the
portfolio list, the graph (what the page draws is what the API answers), a warm path
lit by id, the as-of date redrawing the org of that day, the PNG export, and a key
bound to one member seeing only that member's accounts. Screenshots of each step go to
tests/artifacts/explorer-<step>.png."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.async_api import Browser, Page, async_playwright, expect

from samgraph.config import Settings
from samgraph.context import Context
from samgraph.db.driver import Db
from samgraph.schema import build_schema
from samgraph.snapshots import service as snapshots
from tests.conftest import api_key, app_client, plain_ids, settings_for_tests
from tests.factories import account, load
from tests.live import live_server

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
PAST = "2026-01-20"
"""A day in the example's own time (its relationships were touched that January)."""
DEPARTED_ON = "2026-06-01"

TREND = """query($f: Date!, $t: Date!, $r: Boolean!) { account(id: "gfc") {
  trend(from: $f, to: $t, reconstruct: $r) { date coverageScore reconstructed } } }"""
GRAPH = """
query($id: ID!, $asOf: Date, $include: [GraphInclude!]) {
  account(id: $id, asOf: $asOf) {
    graph(include: $include) { nodes { id title } edges { id } groups { id } }
  }
}"""
PATHS = """
query($to: ID!, $asOf: Date) {
  account(id: "gfc", asOf: $asOf) { warmPaths(to: $to, first: 3) { nodes { id } edges { id } } }
}"""

# What the page draws: people (not the team boxes nor their collapsed stand-ins), edges,
# team boxes, lit elements.
DRAWN = """() => {
  const cy = window.samgraphExplorer.cy;
  const ids = (els) => els.map((el) => el.id()).sort();
  return {
    nodes: ids(cy.nodes().not('.team, .summary')),
    teams: cy.nodes('.team').map((el) => el.data('teamId')).sort(),
    edges: ids(cy.edges()),
    lit: ids(cy.elements('.highlight')),
    positions: Object.fromEntries(cy.nodes().not('.team, .summary').map((el) => [el.id(),
      [el.position('x'), el.position('y')]])),
    titles: Object.fromEntries(cy.nodes().not('.team').map((el) => [el.id(), el.data('title') ?? null])),
  };
}"""


def need_chromium() -> None:
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} is missing: this test drives Debian's chromium; install it with "
            "`apt-get install -y chromium` (.ci/run does) and never `playwright install`"
        )


@contextlib.asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"]
        )
        try:
            yield browser
        finally:
            await browser.close()


async def shot(page: Page, step: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / f"explorer-{step}.png"), full_page=True)


async def api(base: str, key: str, query: str, **variables: Any) -> dict[str, Any]:
    """The API's answer with plain ids, as the explorer keys what it draws (under a root
    `asOf` the API dates every id: gql/dated.py)."""
    async with httpx.AsyncClient(base_url=base, headers={"Authorization": f"Bearer {key}"}) as c:
        response = await c.post("/graphql", json={"query": query, "variables": variables})
    body: dict[str, Any] = response.json()
    assert response.status_code == 200 and "errors" not in body, body
    data: dict[str, Any] = plain_ids(body["data"])
    return data


async def drawn_after(page: Page, renders: int, as_of: str | None = None) -> dict[str, Any]:
    """What the page draws once it has drawn more than `renders` times (on `as_of`)."""
    await page.wait_for_function(
        "([n, asOf]) => { const h = window.samgraphExplorer;"
        " return h && h.ready && h.renders > n && (asOf === null || h.asOf === asOf); }",
        arg=[renders, as_of],
    )
    drawn: dict[str, Any] = await page.evaluate(DRAWN)
    return drawn


async def renders(page: Page) -> int:
    count: int = await page.evaluate("() => window.samgraphExplorer.renders")
    return count


def dev_settings(tmp_path: Path, **overrides: Any) -> Settings:
    return settings_for_tests(samgraph_env="development", samgraph_home=tmp_path, **overrides)


async def test_a_sam_explores_an_account(
    db: Db, tmp_path: Path, example_bundle: dict[str, Any]
) -> None:
    need_chromium()
    await load(db, example_bundle)
    settings = dev_settings(tmp_path)
    key = await api_key(db)
    settings.dev_key_file.write_text(key + "\n")
    settings.dev_key_file.chmod(0o600)
    problems: list[str] = []
    # A record for step 6: the account's snapshots of 40 and 20 days ago and of today.
    ctx = Context(db, settings, build_schema(settings), request_id="test")
    for back in (40, 20, 0):
        ctx.forget()
        assert await snapshots.refresh(ctx, today=settings.today() - dt.timedelta(days=back)) == 1

    with live_server(settings) as base:
        # History for step 4: a new title today, and a departure after PAST.
        await api(
            base, key,
            'mutation { upsertStakeholders(input: [{id: "mchen", title: "SVP Engineering"}]) { id } }',
        )  # fmt: skip
        await api(
            base, key,
            f'mutation {{ markDeparted(stakeholderId: "akim", date: "{DEPARTED_ON}") {{ id }} }}',
        )  # fmt: skip
        async with chromium() as browser:
            page = await browser.new_page(viewport={"width": 1440, "height": 960})
            page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
            page.on(
                "console",
                lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None,
            )
            page.on(
                "response",
                lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None,
            )

            # 1. The portfolio lists the accounts; open gfc.
            response = await page.goto(f"{base}/explorer")
            assert response is not None and response.status == 200
            rows = page.get_by_test_id("account-row")
            await expect(rows).to_have_count(1)
            await expect(rows.first).to_contain_text("Global Financial Corp")
            await shot(page, "1-portfolio")
            await page.get_by_role("link", name="Global Financial Corp").click()

            # 2. The graph drawn is the API's graph (as of today).
            drawn = await drawn_after(page, 0)
            today = (await api(base, key, GRAPH, id="gfc", include=["MEMBERS"]))["account"]["graph"]
            assert drawn["nodes"] == sorted(n["id"] for n in today["nodes"])
            assert drawn["edges"] == sorted(e["id"] for e in today["edges"])
            assert drawn["teams"] == sorted(g["id"] for g in today["groups"])
            assert "akim" not in drawn["nodes"]  # departed, not asked for
            graph = page.get_by_test_id("graph")
            await expect(graph).to_have_attribute("role", "img")
            await expect(graph).to_have_attribute(
                "aria-label",
                f"Relationship graph of Global Financial Corp: {len(today['nodes'])} people, "
                f"{len(today['edges'])} relationships",
            )
            await shot(page, "2-graph")

            # 3. On PAST, the warm paths to rmartinez light up by id. The page is not laid
            # out again: everyone drawn on both days keeps their place.
            before = await renders(page)
            await page.get_by_label("As of").fill(PAST)
            past = await drawn_after(page, before, PAST)
            both = set(past["nodes"]) & set(drawn["nodes"])
            assert len(both) > 5
            assert {n: past["positions"][n] for n in both} == {
                n: drawn["positions"][n] for n in both
            }
            # The trend shows the 90 days ending on PAST, days without a snapshot
            # reconstructed, as the API answers for that window.
            past_start = (dt.date.fromisoformat(PAST) - dt.timedelta(days=90)).isoformat()
            window = (await api(base, key, TREND, f=past_start, t=PAST, r=True))["account"]
            card = page.get_by_test_id("coverage-trend")
            await expect(card).to_contain_text(f"{past_start} to {PAST}")
            await expect(card.locator("circle")).to_have_count(len(window["trend"]))
            await expect(card.locator("circle.reconstructed")).to_have_count(
                sum(d["reconstructed"] for d in window["trend"])
            )
            await page.get_by_label("Introduction to").select_option("rmartinez")
            await page.get_by_test_id("find-paths").click()
            await expect(page.get_by_test_id("path-list").locator("li").first).to_be_visible()
            # The list shows before the graph's effect lights the paths (seen once: empty).
            await page.wait_for_function("() => window.samgraphExplorer.highlighted.length > 0")
            lit = await page.evaluate(DRAWN)
            paths = (await api(base, key, PATHS, to="rmartinez", asOf=PAST))["account"]
            expected = {n["id"] for p in paths["warmPaths"] for n in p["nodes"]}
            expected |= {e["id"] for p in paths["warmPaths"] for e in p["edges"]}
            assert expected and any(":" in i for i in expected)  # nodes and edges
            assert set(lit["lit"]) == expected
            await shot(page, "3-warm-path")

            # 4. The as-of date redraws the org of that day: akim was still there on
            # PAST (gone today), and mchen had his old title.
            then = (await api(base, key, GRAPH, id="gfc", asOf=PAST, include=["MEMBERS"]))[
                "account"
            ]["graph"]
            assert past["nodes"] == sorted(n["id"] for n in then["nodes"])
            assert "akim" in past["nodes"]
            assert past["titles"]["mchen"] == "VP Engineering"
            assert drawn["titles"]["mchen"] == "SVP Engineering"
            assert set(past["nodes"]) != set(drawn["nodes"])
            # Back to today, departed people asked for: akim is drawn, greyed.
            today_iso = settings.today().isoformat()
            before = await renders(page)
            await page.get_by_label("As of").fill(today_iso)
            today_view = await drawn_after(page, before, today_iso)
            assert "akim" not in today_view["nodes"]
            # PAST's paths do not stay lit on another day.
            await page.wait_for_function("() => window.samgraphExplorer.highlighted.length === 0")
            assert (await page.evaluate(DRAWN))["lit"] == []
            before = await renders(page)
            await page.get_by_label("Show departed").check()
            with_departed = await drawn_after(page, before, today_iso)
            everyone = (await api(base, key, GRAPH, id="gfc", include=["MEMBERS", "DEPARTED"]))[
                "account"
            ]["graph"]
            assert with_departed["nodes"] == sorted(n["id"] for n in everyone["nodes"])
            assert "akim" in with_departed["nodes"]
            assert await page.evaluate(
                "() => window.samgraphExplorer.cy.getElementById('akim').hasClass('departed')"
            )
            await shot(page, "4-as-of")

            # 5. PNG export.
            async with page.expect_download() as info:
                await page.get_by_role("button", name="Download PNG").click()
            download = await info.value
            assert download.suggested_filename == "gfc-graph.png"
            saved = tmp_path / download.suggested_filename
            await download.save_as(saved)
            data = saved.read_bytes()
            assert data[:8] == b"\x89PNG\r\n\x1a\n"
            assert len(data) > 10_000, len(data)
            await shot(page, "5-png")

            # 6. The coverage trend: the last 90 days, the account's 3 snapshots as recorded
            # days and every other day reconstructed by the API (drawn hollow), summed up
            # from the first day to the last.
            start = (settings.today() - dt.timedelta(days=90)).isoformat()
            stored = (await api(base, key, TREND, f=start, t=today_iso, r=False))["account"]
            assert len(stored["trend"]) == 3
            trend = (await api(base, key, TREND, f=start, t=today_iso, r=True))["account"]["trend"]
            rebuilt = [d for d in trend if d["reconstructed"]]
            assert len(trend) - len(rebuilt) == 3 and rebuilt
            first, last = trend[0], trend[-1]
            change = last["coverageScore"] - first["coverageScore"]
            card = page.get_by_test_id("coverage-trend")
            await expect(card.locator("circle")).to_have_count(len(trend))
            await expect(card.locator("circle.reconstructed")).to_have_count(len(rebuilt))
            await expect(page.get_by_test_id("trend-summary")).to_contain_text(
                f"{first['coverageScore']} → {last['coverageScore']} "
                f"({'+' if change >= 0 else ''}{change}) since {first['date']}"
            )
            await expect(page.get_by_test_id("trend-summary")).to_contain_text("3 days recorded")
            await expect(page.get_by_test_id("trend-reconstructed")).to_contain_text(
                f"{len(rebuilt)} reconstructed"
            )
            await card.scroll_into_view_if_needed()
            await shot(page, "6-trend")

    assert problems == [], problems


async def test_a_key_bound_to_a_member_sees_only_that_members_accounts(
    db: Db, tmp_path: Path, example_bundle: dict[str, Any]
) -> None:
    need_chromium()
    await load(db, example_bundle)
    await load(db, {"accounts": [account(id="other", name="Other Holdings")]})
    viewer = await api_key(db, role="VIEWER", member="mrodriguez")
    # Production-like: no development key in the page, which asks for one.
    settings = settings_for_tests(
        samgraph_env="production", samgraph_explorer=True, samgraph_home=tmp_path
    )
    problems: list[str] = []

    with live_server(settings) as base:
        everything = await api(base, await api_key(db), "{ accounts { nodes { id } } }")
        assert {a["id"] for a in everything["accounts"]["nodes"]} == {"gfc", "other"}
        async with chromium() as browser:
            page = await browser.new_page(viewport={"width": 1280, "height": 800})
            page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
            await page.goto(f"{base}/explorer")

            # A wrong key is refused and asked again; the right one opens the portfolio.
            await page.get_by_label("API key").fill("sgk_nope_nope")
            await page.get_by_role("button", name="Open the explorer").click()
            await expect(page.get_by_role("alert")).to_contain_text("refused")
            await page.get_by_label("API key").fill(viewer)
            await shot(page, "6-key")
            await page.get_by_role("button", name="Open the explorer").click()
            rows = page.get_by_test_id("account-row")
            await expect(page.get_by_test_id("account-count")).to_contain_text("1 of 1")
            ids = await rows.evaluate_all("rows => rows.map((r) => r.dataset.accountId)")
            assert ids == ["gfc"]
            stored = await page.evaluate("() => sessionStorage.getItem('samgraph.explorer.key')")
            assert stored == viewer
            await shot(page, "6-scoped")

            # The account it may see opens; the other one does not.
            await rows.first.click()
            await drawn_after(page, 0)
            await page.goto(f"{base}/explorer#account=other")
            await expect(page.get_by_test_id("not-found")).to_be_visible()

    assert problems == [], problems


async def test_the_explorer_is_off_in_production_unless_turned_on(db: Db, tmp_path: Path) -> None:
    production = {"samgraph_env": "production", "samgraph_home": tmp_path}
    for overrides, status in (
        (production, 404),
        ({**production, "samgraph_explorer": True}, 200),
        ({"samgraph_env": "development", "samgraph_explorer": False}, 404),
    ):
        async with app_client(settings_for_tests(**overrides)) as c:
            response = await c.get("/explorer")  # no credential: the page runs nothing
        assert response.status_code == status, (overrides, response.text)
        if status == 404:
            assert response.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
        else:
            assert "default-src 'self'" in response.headers["content-security-policy"]
            assert "/static/explorer/explorer.js" in response.text
            assert '"headers":{}' in response.text  # no key outside development
