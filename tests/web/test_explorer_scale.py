"""The explorer at real account size: one generated account of 500 stakeholders, loaded
through the real import, served by the real app against the real Neo4j and driven in
Debian's chromium (never `playwright install`). Every expectation is computed from the
API's own answers: the drawn graph, labels that never overlap (Cytoscape's rendered label
boxes), collapsed teams' counts, search, focus and filters, positions kept when departed
people come and go, a play lit by the API's ids, and an interaction logged from one page
showing in another within 2 s. Screenshots go to tests/artifacts/explorer-500-<step>.png."""

from __future__ import annotations

import datetime as dt
import json
import math
import struct
import time
from pathlib import Path
from typing import Any, cast

from playwright.async_api import Page, expect

from samgraph.analyses.cadence import ENGAGED
from samgraph.analyses.coverage import band
from samgraph.db.driver import Db
from samgraph.demo.generate import generate
from tests.conftest import api_key
from tests.factories import TODAY, load
from tests.live import live_server
from tests.web.test_explorer_browser import ARTIFACTS, api, chromium, dev_settings, need_chromium

ACCOUNT = "a00000"
PEOPLE = 500

GRAPH = """
query($id: ID!, $include: [GraphInclude!]) {
  account(id: $id) {
    name
    coverage { engagedCount }
    graph(include: $include) {
      nodes { id kind label seniority group functionGroup sentiment engagement status flags }
      edges { id source target kind }
      groups { id label parent }
    }
    plays(first: 10) {
      member { id } stakeholder { id } path { nodes { id } edges { id } }
    }
    reachableWhitespace { totals { reachableWhitespace } }
    memberDependency { memberId coverageIfLeaves member { name } }
  }
}"""

# What the page shows: every drawn person and edge, who is hidden (collapsed or filtered)
# and who faded (a focus), the collapsed boxes with their counts, positions, and the
# label boxes of every shown label (Cytoscape's own bounding boxes).
SHOWN = """() => {
  const h = window.samgraphExplorer, cy = h.cy;
  const people = cy.nodes().not('.team, .summary');
  const box = (n) => {
    const b = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
    return [b.x1, b.y1, b.x2, b.y2];
  };
  const labelled = cy.nodes(':visible').filter((n) => !n.hasClass('nolabel') && n.style('label'));
  return {
    drawn: people.map((n) => n.id()).sort(),
    edges: cy.edges().map((e) => e.id()).sort(),
    hidden: people.filter((n) => n.hasClass('hidden')).map((n) => n.id()).sort(),
    shown: people.filter((n) => n.visible()).map((n) => n.id()).sort(),
    faded: people.filter((n) => n.hasClass('faded')).map((n) => n.id()).sort(),
    boxes: cy.nodes('.summary:visible').map((n) => ({
      team: n.data('teamId'), people: n.data('people'), engaged: n.data('engaged'),
      coverage: n.data('coverage'),
    })),
    collapsed: h.collapsed,
    positions: Object.fromEntries(people.map((n) => [n.id(), [n.position('x'), n.position('y')]])),
    labels: labelled.map((n) => ({ id: n.id(), box: box(n) })),
    zoom: cy.zoom(),
    selected: cy.nodes(':selected').map((n) => n.id()),
    lit: cy.elements('.highlight').map((el) => el.id()).sort(),
  };
}"""


async def shot(page: Page, step: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / f"explorer-500-{step}.png"), full_page=False)


async def shown(page: Page) -> dict[str, Any]:
    result: dict[str, Any] = await page.evaluate(SHOWN)
    return result


async def after_render(page: Page, before: int) -> dict[str, Any]:
    await page.wait_for_function(
        "(n) => window.samgraphExplorer.ready && window.samgraphExplorer.renders > n", arg=before
    )
    return await shown(page)


async def renders(page: Page) -> int:
    count: int = await page.evaluate("() => window.samgraphExplorer.renders")
    return count


async def parts(page: Page, written: int) -> dict[str, Any]:
    """Where a change's way to another page went: the event's arrival after the write's
    answer, the account's fetch, the drawing and its steps (ms)."""
    return cast(
        dict[str, Any],
        await page.evaluate(
            "(written) => { const h = window.samgraphExplorer; return {event_ms: h.changedAt"
            " - written, fetch_ms: h.lastFetchMs, render_ms: h.lastRenderMs, steps:"
            " h.lastSteps}; }",
            written,
        ),
    )


def overlapping(labels: list[dict[str, Any]]) -> list[tuple[str, str]]:
    out = []
    for i, a in enumerate(labels):
        ax1, ay1, ax2, ay2 = a["box"]
        for b in labels[i + 1 :]:
            bx1, by1, bx2, by2 = b["box"]
            if ax1 < bx2 and bx1 < ax2 and ay1 < by2 and by1 < ay2:
                out.append((a["id"], b["id"]))
    return out


def subtree(groups: list[dict[str, Any]], team: str) -> set[str]:
    out, stack = set(), [team]
    while stack:
        t = stack.pop()
        if t not in out:
            out.add(t)
            stack.extend(g["id"] for g in groups if g["parent"] == t)
    return out


def neighbourhood(edges: list[dict[str, Any]], start: str, hops: int = 2) -> set[str]:
    seen, frontier = {start}, {start}
    for _ in range(hops):
        nxt = set()
        for e in edges:
            if e["source"] in frontier and e["target"] not in seen:
                nxt.add(e["target"])
            if e["target"] in frontier and e["source"] not in seen:
                nxt.add(e["source"])
        seen |= nxt
        frontier = nxt
    return seen


def money(value: float) -> str:
    """As the page writes money (frontend/src/explorer/format.ts)."""
    if abs(value) >= 1_000_000:
        return f"${value / 1_000_000:.{0 if value >= 10_000_000 else 1}f}M"
    if abs(value) >= 1_000:
        return f"${math.floor(value / 1_000 + 0.5)}k"  # Math.round: halves up
    return f"${math.floor(value + 0.5)}"


def engaged(node: dict[str, Any]) -> bool:
    return (
        node["kind"] == "STAKEHOLDER"
        and node["status"] != "DEPARTED"
        and (node["engagement"] or 0) >= ENGAGED
    )


async def test_the_explorer_at_500_people(db: Db, tmp_path: Path) -> None:
    need_chromium()
    bundle = generate(accounts=1, stakeholders_per_account=PEOPLE, seed=7)
    assert len(bundle["stakeholders"]) == PEOPLE
    await load(db, bundle)
    # Both pages here send the same development key, which SAMGRAPH_KEY_CONCURRENCY (4)
    # would let run 4 operations at once between them: two subscriptions and each page's
    # refetch after a change queued behind the other's (seen in CI as a 10 s wait). Two
    # users have a key each; the test gives the one key their two shares.
    settings = dev_settings(tmp_path, samgraph_key_concurrency=8)
    # An EDITOR key in the page (development puts it there): it may log and edit.
    key = await api_key(db, role="EDITOR")
    settings.dev_key_file.write_text(key + "\n")
    settings.dev_key_file.chmod(0o600)
    problems: list[str] = []

    with live_server(settings) as base:
        # Three people leave (through the API), so "show departed" has someone to show.
        before = (await api(base, key, GRAPH, id=ACCOUNT, include=["MEMBERS"]))["account"]
        leavers = sorted(n["id"] for n in before["graph"]["nodes"] if n["kind"] == "STAKEHOLDER")[
            -3:
        ]
        for who in leavers:
            await api(base, key, f'mutation {{ markDeparted(stakeholderId: "{who}") {{ id }} }}')
        # An account being explored has had meetings: one logged a month ago (the
        # generator writes none).
        first_member = next(m["id"] for m in bundle["members"])
        stayer = next(n["id"] for n in before["graph"]["nodes"]
                      if n["kind"] == "STAKEHOLDER" and n["id"] not in leavers)  # fmt: skip
        await api(
            base,
            key,
            "mutation($input: InteractionInput!) { logInteraction(input: $input) { id } }",
            input={"id": "ix-month-ago", "accountId": ACCOUNT, "type": "MEETING",
                   "date": (TODAY - dt.timedelta(days=30)).isoformat(),
                   "memberIds": [first_member], "stakeholderIds": [stayer]},
        )  # fmt: skip
        # A database in use has statistics of what it holds. This one was empty a moment
        # ago: when Neo4j samples its indexes in the background, every cached plan that
        # read a then-empty index is discarded and planned again at its next use (its
        # debug.log: "Discarded stale query ... IndexSelectivity ... changed from 0.0 to
        # 1.0"), a second of planning on this host that landed inside step 8's 2 s (CI,
        # stop 45). Sample now and wait for it, as a day's traffic would have.
        await db.driver.execute_query("CALL db.prepareForReplanning(60)", database_=db.database)
        answer = (await api(base, key, GRAPH, id=ACCOUNT, include=["MEMBERS"]))["account"]
        graph = answer["graph"]
        everyone = (await api(base, key, GRAPH, id=ACCOUNT, include=["MEMBERS", "DEPARTED"]))[
            "account"
        ]["graph"]
        nodes = {n["id"]: n for n in graph["nodes"]}
        stakeholders = [n for n in graph["nodes"] if n["kind"] == "STAKEHOLDER"]
        members = [n for n in graph["nodes"] if n["kind"] == "MEMBER"]
        assert len(stakeholders) == PEOPLE - 3 and members

        async with chromium() as browser:
            page = await browser.new_page(viewport={"width": 1440, "height": 960})
            page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
            page.on(
                "console",
                lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None,
            )

            # 1. The default view: the API's graph, large teams collapsed with the API's
            # counts, and no two shown labels overlapping.
            started = time.monotonic()
            await page.goto(f"{base}/explorer#account={ACCOUNT}")
            view = await after_render(page, 0)
            wall_ms = (time.monotonic() - started) * 1000
            timing = await page.evaluate(
                "() => { const h = window.samgraphExplorer; return [h.firstRenderMs,"
                " h.lastFetchMs, h.lastLayoutMs, h.lastRenderMs]; }"
            )
            timings: dict[str, Any] = {
                "first_render_ms": timing[0],
                "first_fetch_ms": timing[1],
                "first_layout_ms": timing[2],
                "first_drawing_ms": timing[3],
                "goto_to_drawn_ms": round(wall_ms),
            }
            assert view["drawn"] == sorted(nodes)
            assert view["edges"] == sorted(e["id"] for e in graph["edges"])
            assert view["collapsed"] and view["boxes"]
            assert {b["team"] for b in view["boxes"]} == set(view["collapsed"])
            for box in view["boxes"]:
                teams = subtree(graph["groups"], box["team"])
                inside = [n for n in stakeholders if n["group"] in teams]
                active = [n for n in inside if n["status"] != "DEPARTED"]
                assert box["people"] == len(inside), box
                assert box["engaged"] == sum(engaged(n) for n in inside), box
                assert box["coverage"] == round(100 * box["engaged"] / len(active)), box
            # People inside collapsed teams are hidden, everyone else is shown.
            inside_collapsed = {
                n["id"]
                for n in stakeholders
                if any(n["group"] in subtree(graph["groups"], t) for t in view["collapsed"])
            }
            assert set(view["hidden"]) == inside_collapsed
            assert set(view["shown"]) == set(nodes) - inside_collapsed
            # The boxes add up to the account: engaged people counted once, as the API does.
            tops = [t for t in view["collapsed"] if not any(
                t in subtree(graph["groups"], o) and t != o for o in view["collapsed"]
            )]  # fmt: skip
            outside = [n for n in stakeholders if n["id"] not in inside_collapsed]
            total = sum(b["engaged"] for b in view["boxes"] if b["team"] in tops)
            assert total + sum(engaged(n) for n in outside) == answer["coverage"]["engagedCount"]
            assert len(view["labels"]) >= 15, view["labels"]
            assert overlapping(view["labels"]) == []
            await shot(page, "1-default")
            # Legible at the default zoom: 12 px labels drawn at 9 px or more.
            assert view["zoom"] * 12 >= 9, view["zoom"]

            # 2. Everything expanded: still no overlapping labels.
            before_n = await renders(page)
            await page.get_by_test_id("expand-all").click()
            expanded = await after_render(page, before_n)
            assert expanded["hidden"] == [] and expanded["boxes"] == []
            assert overlapping(expanded["labels"]) == []
            await shot(page, "2-expanded")
            before_n = await renders(page)
            await page.get_by_test_id("collapse-large").click()
            await after_render(page, before_n)

            # 3. Search: a person hidden in a collapsed team is found, shown, centred and
            # selected.
            hidden_one = nodes[sorted(inside_collapsed)[len(inside_collapsed) // 2]]
            await page.get_by_test_id("person-search").fill(hidden_one["label"])
            await page.locator(f'[data-person-id="{hidden_one["id"]}"]').click()
            await page.wait_for_function(
                "(id) => { const cy = window.samgraphExplorer.cy; const n = cy.getElementById(id);"
                " return n.nonempty() && n.visible() && n.selected(); }",
                arg=hidden_one["id"],
            )
            centre = await page.evaluate(
                "(id) => { const cy = window.samgraphExplorer.cy; const p ="
                " cy.getElementById(id).renderedPosition(); return [p.x, p.y, cy.width(),"
                " cy.height()]; }",
                hidden_one["id"],
            )
            assert abs(centre[0] - centre[2] / 2) < 2 and abs(centre[1] - centre[3] / 2) < 2
            await expect(page.get_by_test_id("selected")).to_contain_text(hidden_one["label"])
            view = await shown(page)
            assert overlapping(view["labels"]) == []
            await shot(page, "3-search")

            # 4. Focus: all but the 2-hop neighbourhood (over the API's edges) fades.
            before_n = await renders(page)
            await page.get_by_test_id("focus").click()
            focused = await after_render(page, before_n)
            near = neighbourhood(graph["edges"], hidden_one["id"])
            visible = set(focused["shown"])
            assert set(focused["faded"]) == visible - near
            assert hidden_one["id"] in visible
            await shot(page, "4-focus")
            before_n = await renders(page)
            await page.get_by_test_id("clear-focus").click()
            assert (await after_render(page, before_n))["faded"] == []

            # 5. Filters, with every team open: exactly the people the API's data says.
            before_n = await renders(page)
            await page.get_by_test_id("expand-all").click()
            view_all = await after_render(page, before_n)
            member_ids = {n["id"] for n in members}
            for test_id, value, keep in (
                ("filter-sentiment", "DETRACTOR", lambda n: n["sentiment"] == "DETRACTOR"),
                ("filter-band", "EXECUTIVE", lambda n: band(n["seniority"]) == "EXECUTIVE"),
                ("filter-group", "BUYING", lambda n: n["functionGroup"] == "BUYING"),
                ("filter-engagement", "ENGAGED", engaged),
                ("filter-flag", "OVERDUE", lambda n: "OVERDUE" in n["flags"]),
            ):
                before_n = await renders(page)
                await page.get_by_test_id(test_id).select_option(value)
                filtered = await after_render(page, before_n)
                assert filtered["positions"] == view_all["positions"], test_id  # nobody moved
                expected = {n["id"] for n in stakeholders if keep(n)} | member_ids
                assert set(filtered["shown"]) == expected, test_id
                assert len(expected) > len(member_ids), test_id  # the filter keeps someone
                assert overlapping(filtered["labels"]) == [], (
                    test_id,
                    [lb for lb in filtered["labels"] if lb["id"] in {"a00000-t4", "a00000-t15"}],
                )
                if test_id == "filter-sentiment":
                    await shot(page, "5-filter")
                before_n = await renders(page)
                await page.get_by_test_id(test_id).select_option("")
                await after_render(page, before_n)

            # 6. Departed people come and go; nobody else moves.
            still = await shown(page)
            before_n = await renders(page)
            await page.get_by_label("Show departed").check()
            with_departed = await after_render(page, before_n)
            assert with_departed["drawn"] == sorted(n["id"] for n in everyone["nodes"])
            assert set(leavers) <= set(with_departed["drawn"])
            for person, at in still["positions"].items():
                assert with_departed["positions"][person] == at, person
            before_n = await renders(page)
            await page.get_by_label("Show departed").uncheck()
            without = await after_render(page, before_n)
            assert without["positions"] == still["positions"]

            # 7. The first play lights the API's ids (its member, stakeholder and path), from
            # the default view: the teams it runs through open, and it is in view.
            before_n = await renders(page)
            await page.get_by_test_id("collapse-large").click()
            await after_render(page, before_n)
            play = answer["plays"][0]
            ids = {play["member"]["id"], play["stakeholder"]["id"]}
            if play["path"]:
                ids |= {n["id"] for n in play["path"]["nodes"]}
                ids |= {e["id"] for e in play["path"]["edges"]}
            await page.get_by_test_id("play").first.click()
            await page.wait_for_function(
                "() => { const cy = window.samgraphExplorer.cy; const lit = cy.elements('.highlight');"
                " const ext = cy.extent(); return lit.nonempty() && lit.every((el) => el.visible()"
                " && (el.isEdge() || (el.position('x') > ext.x1 && el.position('x') < ext.x2"
                " && el.position('y') > ext.y1 && el.position('y') < ext.y2))); }"
            )
            lit_view = await shown(page)
            assert set(lit_view["lit"]) == ids
            assert overlapping(lit_view["labels"]) == []
            await page.get_by_test_id("graph").scroll_into_view_if_needed()
            await shot(page, "7-play")
            await page.get_by_test_id("play").first.click()  # off again

            # The other panels say what the API says: reachable whitespace, and the coverage
            # if each member left.
            reach = answer["reachableWhitespace"]["totals"]["reachableWhitespace"]
            await expect(page.get_by_test_id("reachable-whitespace")).to_contain_text(money(reach))
            panel = page.get_by_test_id("member-dependency")
            for dep in answer["memberDependency"]:
                item = panel.locator("li").filter(has_text=dep["member"]["name"])
                await expect(item).to_contain_text(f"→ {dep['coverageIfLeaves']}")

            # 8. An interaction logged here (attendees tapped on the graph) shows in a
            # second page within 2 s: the new KNOWS edge member:stakeholder.
            other = await browser.new_page(viewport={"width": 1280, "height": 800})
            other.on("pageerror", lambda exc: problems.append(f"page 2 error: {exc}"))
            await other.goto(f"{base}/explorer#account={ACCOUNT}")
            await after_render(other, 0)
            # The second page is open, not opening: its slower panels (the 90-day trend is
            # seconds of the server's time at 500 people) have answered before the write,
            # so the 2 s below measures a change's way to an open page.
            await expect(other.get_by_test_id("trend-summary")).to_be_visible(timeout=30_000)
            await expect(other.get_by_test_id("member-dependency").locator("li")).not_to_have_count(
                0
            )
            member = members[0]["id"]
            known = {e["target"] for e in graph["edges"] if e["source"] == member}
            shown_now = set((await shown(page))["shown"])
            guest = next(
                n["id"] for n in stakeholders if n["id"] in shown_now and n["id"] not in known
            )
            edge = f"{member}:{guest}"
            assert edge not in set((await shown(other))["edges"])
            await page.get_by_test_id("log-start").click()
            box = await page.get_by_test_id("graph").bounding_box()
            assert box is not None
            for person in (member, guest):
                # Bring the person into view, then click their dot.
                at = await page.evaluate(
                    "(id) => { const cy = window.samgraphExplorer.cy, n = cy.getElementById(id);"
                    " cy.center(n); const p = n.renderedPosition(); return [p.x, p.y]; }",
                    person,
                )
                await page.mouse.click(box["x"] + at[0], box["y"] + at[1])
            await expect(page.get_by_test_id("attendees").locator("li")).to_have_count(2)
            await shot(page, "8-log")
            clicked = time.monotonic()
            await page.get_by_test_id("log-submit").click()
            await other.wait_for_function(
                "(id) => window.samgraphExplorer.cy.getElementById(id).nonempty()",
                arg=edge,
                timeout=10_000,
            )
            from_click = (time.monotonic() - clicked) * 1000
            # From the write's answer in this page to the second page's drawing of it (both
            # pages on this machine's clock).
            written = await page.evaluate("() => window.samgraphExplorer.lastWriteAt")
            drawn = await other.evaluate("() => window.samgraphExplorer.drawnAt")
            timings["logged_to_second_page_ms"] = drawn - written
            timings["click_to_second_page_ms"] = round(from_click)
            timings["logged_second_page_parts"] = await parts(other, written)
            (ARTIFACTS / "explorer-500-timings.json").write_text(json.dumps(timings, indent=2))
            assert 0 < drawn - written <= 2000, timings
            after = (await api(base, key, GRAPH, id=ACCOUNT, include=["MEMBERS"]))["account"]
            assert edge in {e["id"] for e in after["graph"]["edges"]}
            await expect(page.get_by_test_id("log-message")).to_contain_text("Logged")
            await shot(other, "8-second-page")

            # 9. A stakeholder's sentiment, role and title changed here show in the second page.
            person = nodes[guest]
            await page.get_by_test_id("person-search").fill(person["label"])
            await page.locator(f'[data-person-id="{guest}"]').click()
            await expect(page.get_by_test_id("selected")).to_contain_text(person["label"])
            await page.get_by_test_id("edit").click()
            await page.get_by_label("Sentiment", exact=True).last.select_option("DETRACTOR")
            await page.get_by_label("Buying role").select_option("CHAMPION")
            await page.get_by_label("Title", exact=True).fill("Head of Everything")
            await page.get_by_test_id("save").click()
            await other.wait_for_function(
                "(id) => { const n = window.samgraphExplorer.cy.getElementById(id);"
                " return n.hasClass('champion') && n.hasClass('detractor')"
                " && n.data('title') === 'Head of Everything'; }",
                arg=guest,
                timeout=10_000,
            )
            written = await page.evaluate("() => window.samgraphExplorer.lastWriteAt")
            drawn = await other.evaluate("() => window.samgraphExplorer.drawnAt")
            timings["edited_to_second_page_ms"] = drawn - written
            timings["edited_second_page_parts"] = await parts(other, written)
            now = (await api(base, key, GRAPH, id=ACCOUNT, include=["MEMBERS"]))["account"]
            edited = next(n for n in now["graph"]["nodes"] if n["id"] == guest)
            assert edited["sentiment"] == "DETRACTOR"
            (ARTIFACTS / "explorer-500-timings.json").write_text(json.dumps(timings, indent=2))
            assert 0 < drawn - written <= 2000, timings
            await shot(other, "9-edited")

            # 10. The PNG: the graph with the account's name, the date and a legend drawn
            # in (so taller and at least as wide as Cytoscape's own picture of it).
            async with page.expect_download() as info:
                await page.get_by_role("button", name="Download PNG").click()
            download = await info.value
            assert download.suggested_filename == f"{ACCOUNT}-graph.png"
            saved = ARTIFACTS / "explorer-500-export.png"
            await download.save_as(saved)
            data = saved.read_bytes()
            assert data[:8] == b"\x89PNG\r\n\x1a\n"
            width, height = struct.unpack(">II", data[16:24])
            plain = await page.evaluate(
                "() => { const cy = window.samgraphExplorer.cy; const b = cy.elements()"
                ".boundingBox(); return [b.w, b.h]; }"
            )
            assert width >= min(2 * plain[0], 6000) - 4 and height > min(2 * plain[1], 6000) + 100

            # 11. A phone (390 px): the lists first, the graph on demand, nothing wider
            # than the screen.
            phone = await browser.new_page(viewport={"width": 390, "height": 844})
            await phone.goto(f"{base}/explorer#account={ACCOUNT}")
            await phone.wait_for_function("() => window.samgraphExplorer.ready")
            await expect(phone.get_by_test_id("graph")).to_be_hidden()
            await expect(phone.get_by_test_id("plays")).to_be_visible()
            assert await phone.evaluate("() => document.documentElement.scrollWidth") <= 390
            await shot(phone, "11-phone")
            await phone.get_by_test_id("graph-toggle").click()
            await expect(phone.get_by_test_id("graph")).to_be_visible()
            await phone.wait_for_function(
                "() => { const cy = window.samgraphExplorer.cy; return cy.width() > 300"
                " && cy.elements(':visible').renderedBoundingBox().x1 >= 0; }"
            )
            phone_view = await shown(phone)
            assert phone_view["boxes"] and overlapping(phone_view["labels"]) == []
            assert await phone.evaluate("() => document.documentElement.scrollWidth") <= 390
            await phone.get_by_test_id("graph").scroll_into_view_if_needed()
            await shot(phone, "11-phone-graph")

    assert problems == [], problems
