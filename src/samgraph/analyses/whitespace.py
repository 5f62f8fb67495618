"""Whitespace: business unit x product, in dollars (domain.md §7)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from samgraph.common import CellStatus, DeploymentStatus, Pricing


@dataclass(frozen=True)
class WhitespaceCell:
    team_id: str
    product_id: str
    status: CellStatus
    value: float
    weighted_value: float  # amount x probability for IN_PIPELINE; 0 otherwise


@dataclass
class Totals:
    deployed_arr: float = 0.0
    pipeline_amount: float = 0.0
    weighted_pipeline: float = 0.0
    whitespace_estimate: float = 0.0

    def add(self, cell: WhitespaceCell) -> None:
        if cell.status in (CellStatus.DEPLOYED, CellStatus.PILOT):
            self.deployed_arr += cell.value
        elif cell.status == CellStatus.IN_PIPELINE:
            self.pipeline_amount += cell.value
            self.weighted_pipeline += cell.weighted_value
        else:
            self.whitespace_estimate += cell.value


@dataclass
class Whitespace:
    cells: list[WhitespaceCell] = field(default_factory=list)
    totals: Totals = field(default_factory=Totals)
    by_team: dict[str, Totals] = field(default_factory=dict)
    by_product: dict[str, Totals] = field(default_factory=dict)


def whitespace(
    teams: Iterable[dict[str, Any]],
    products: Iterable[dict[str, Any]],
    uses: Iterable[dict[str, Any]],
    open_opportunities: Iterable[dict[str, Any]],
) -> Whitespace:
    """Every (team, product) cell, first status that applies: DEPLOYED, PILOT,
    IN_PIPELINE (an OPEN opportunity), else WHITESPACE (listPrice per team, or
    listPrice x headcount per seat, unknown headcount counting as 0)."""
    teams, products = list(teams), list(products)
    use = {(u["teamId"], u["productId"]): u for u in uses}
    pipeline: dict[tuple[str, str], tuple[float, float]] = {}
    for o in open_opportunities:
        key = (o["teamId"], o["productId"])
        amount = float(o.get("amount") or 0.0)
        weighted = amount * float(o.get("probability") or 0.0)
        prev = pipeline.get(key, (0.0, 0.0))
        pipeline[key] = (prev[0] + amount, prev[1] + weighted)
    out = Whitespace()
    out.by_team = {t["id"]: Totals() for t in teams}
    out.by_product = {p["id"]: Totals() for p in products}
    for t in teams:
        for p in products:
            key = (t["id"], p["id"])
            u = use.get(key)
            if u is not None and u.get("status") in (
                DeploymentStatus.DEPLOYED,
                DeploymentStatus.PILOT,
            ):
                status = CellStatus(u["status"])
                cell = WhitespaceCell(*key, status, float(u.get("arr") or 0.0), 0.0)
            elif key in pipeline:
                cell = WhitespaceCell(*key, CellStatus.IN_PIPELINE, *pipeline[key])
            else:
                price = float(p.get("listPrice") or 0.0)
                if p.get("pricing") == Pricing.PER_SEAT:
                    price *= float(t.get("headcount") or 0)
                cell = WhitespaceCell(*key, CellStatus.WHITESPACE, price, 0.0)
            out.cells.append(cell)
            out.totals.add(cell)
            out.by_team[t["id"]].add(cell)
            out.by_product[p["id"]].add(cell)
    return out
