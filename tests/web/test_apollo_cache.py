"""The real Apollo Client (clients/typescript, npm, pinned) in chromium, with the default
`new InMemoryCache()`: one account today and on a past date in one cache, and one
stakeholder's title today and then, and every answer stays correct
(clients/typescript/example/cache.ts, bundled here by esbuild)."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.async_api import async_playwright

from samgraph.db.driver import Db
from tests.conftest import api_key, settings_for_tests
from tests.factories import load
from tests.live import live_server, static_site
from tests.test_typescript_client import CLIENT, run

CHROMIUM = Path("/usr/bin/chromium")
ESBUILD = Path(__file__).resolve().parents[2] / "frontend" / "node_modules" / ".bin" / "esbuild"
PAST = "2026-01-20"
PAGE = """<!doctype html><meta charset="utf-8"><title>Apollo cache</title>
<script src="bundle.js"></script><pre id="out">loading</pre>"""


def bundle(out: Path) -> None:
    """clients/typescript/example/cache.ts for a browser, with its npm packages."""
    installed = run(["make", "--no-print-directory", "types-deps"], cwd=CLIENT.parents[1])
    assert installed.returncode == 0, installed.stdout + installed.stderr
    if not ESBUILD.is_file():
        pytest.fail(f"{ESBUILD} is missing: run `make install`")
    entry = out / "entry.ts"
    entry.write_text(
        f'import {{ twoDates }} from "{CLIENT / "example" / "cache.ts"}";\n'
        "(window as unknown as { twoDates: typeof twoDates }).twoDates = twoDates;\n"
    )
    built = subprocess.run(
        [str(ESBUILD), str(entry), "--bundle", "--format=iife", "--log-level=warning",
         "--define:process.env.NODE_ENV=\"production\"", f"--outfile={out / 'bundle.js'}"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    (out / "index.html").write_text(PAGE)


async def test_apollo_keeps_today_and_a_past_date_apart(
    db: Db, example_bundle: dict[str, Any], tmp_path: Path
) -> None:
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: `apt-get install -y chromium` (.ci/run does)")
    bundle(tmp_path)
    await load(db, example_bundle)
    key = await api_key(db, role="ADMIN")
    with static_site(tmp_path) as port:
        origin = f"http://localhost:{port}"
        with live_server(settings_for_tests(samgraph_cors_origins=origin)) as api:
            async with httpx.AsyncClient(
                base_url=api, headers={"Authorization": f"Bearer {key}"}
            ) as http:
                # Michael Chen is promoted today: on 2026-01-20 he was still VP Engineering.
                promoted = await http.post("/graphql", json={"query": """mutation {
                    upsertStakeholders(input: [{id: "mchen", title: "SVP Engineering"}]) { id } }"""})  # fmt: skip
                assert "errors" not in promoted.json(), promoted.text
                # What each date's answer must be, asked with §11's field arguments.
                truth = (await http.post("/graphql", json={"query": f"""{{ account(id: "gfc") {{
                    today: coverage {{ score }} past: coverage(asOf: "{PAST}") {{ score }}
                    renewal {{ daysToRenewal }} then: renewal(asOf: "{PAST}") {{ daysToRenewal }} }} }}"""})).json()  # fmt: skip
                truth = truth["data"]["account"]
            # §12: 33 on 2026-01-20; today's decay gives another score, or the test proves nothing.
            assert truth["past"]["score"] == 33 and truth["today"]["score"] != 33
            async with async_playwright() as pw:
                browser = await pw.chromium.launch(
                    executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"]
                )
                try:
                    page = await browser.new_page()
                    await page.goto(f"{origin}/index.html")
                    got = await page.evaluate(
                        "([api, key, past]) => window.twoDates(api + '/graphql', key, 'gfc', 'mchen', past)",
                        [api, key, PAST],
                    )  # fmt: skip
                finally:
                    await browser.close()
    assert got["today"]["coverage"]["score"] == truth["today"]["score"]
    assert got["past"]["coverage"]["score"] == 33
    assert got["past"]["renewal"]["daysToRenewal"] == truth["then"]["daysToRenewal"]
    # Today's answer, read back from the cache after the past one arrived, is still today's.
    assert got["todayAgain"] == got["today"]
    assert got["todayAgain"]["renewal"]["daysToRenewal"] == truth["renewal"]["daysToRenewal"]
    assert got["titles"] == ["SVP Engineering", "VP Engineering", "SVP Engineering"]
    # One cache, an entry per date.
    assert {"Account:gfc", f"Account:gfc@{PAST}", "Stakeholder:mchen", f"Stakeholder:mchen@{PAST}"} <= set(got["keys"])  # fmt: skip
