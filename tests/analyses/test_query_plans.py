"""No analysis query scans the whole graph to answer for one account: EXPLAIN each one
and fail on an all-nodes or full-label scan."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import AsyncDriver

from samgraph.db.cypher import load_queries

SCANS = ("AllNodesScan", "NodeByLabelScan", "DirectedAllRelationshipsScan",
         "UndirectedAllRelationshipsScan", "DirectedRelationshipTypeScan",
         "UndirectedRelationshipTypeScan")  # fmt: skip
ANALYSES = sorted(name for name in load_queries() if name.startswith("analyses."))
SAMPLE = {"ids": ["gfc"]}


def _operators(plan: dict[str, Any]) -> list[str]:
    ops = [plan["operatorType"].split("@")[0]]
    for child in plan.get("children", []):
        ops += _operators(child)
    return ops


def test_the_analysis_queries_are_all_checked() -> None:
    assert ANALYSES == [
        "analyses.account_drawing", "analyses.account_graphs", "analyses.whitespace_inputs"]  # fmt: skip


@pytest.mark.parametrize("name", ANALYSES)
async def test_analysis_query_plan_has_no_full_scan(driver: AsyncDriver, name: str) -> None:
    query = load_queries()[name]
    params = {p: SAMPLE[p] for p in query.params}
    async with driver.session() as session:
        # EXPLAIN plans without running; the text is our own file, never user input.
        result = await session.run("EXPLAIN " + query.text, params)
        summary = await result.consume()
    assert summary.plan is not None
    ops = _operators(summary.plan)
    assert "NodeUniqueIndexSeek" in ops or "NodeIndexSeek" in ops, ops
    assert not [op for op in ops if op in SCANS], f"{name} scans: {ops}"


async def test_champion_moves_read_the_linkedin_index(driver: AsyncDriver) -> None:
    """§15 reads every stakeholder with a LinkedIn URL across the portfolio: through the
    index on Stakeholder(linkedinUrl), never a scan of every stakeholder."""
    query = load_queries()["stakeholders.with_linkedin"]
    async with driver.session() as session:
        result = await session.run("EXPLAIN " + query.text)
        summary = await result.consume()
    assert summary.plan is not None
    ops = _operators(summary.plan)
    assert "NodeIndexScan" in ops, ops
    assert not [op for op in ops if op in SCANS], ops
