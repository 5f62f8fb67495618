"""Strawberry types of account snapshots (domain §16)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from samgraph.common import Band, FunctionGroup, GapCode, RenewalMilestone, Severity, Tier
from samgraph.snapshots.stored import CELLS


@strawberry.type
class SnapshotCell:
    band: Band
    group: FunctionGroup
    engaged_count: int


@strawberry.type
class SnapshotGap:
    code: GapCode
    severity: Severity


@strawberry.type(description="How an account stood at the end of one day (domain §16).")
class AccountSnapshot:
    date: dt.date
    coverage_score: int
    mapped_count: int
    engaged_count: int
    strong_count: int
    cells: list[SnapshotCell]
    gaps: list[SnapshotGap]
    champions_without_backup: int
    deployed_arr: float
    pipeline_amount: float
    weighted_pipeline: float
    whitespace_estimate: float
    reachable_whitespace: float
    reachable_pipeline: float
    strategic_score: float
    tier: Tier
    milestone: RenewalMilestone | None
    days_to_renewal: int | None
    reconstructed: bool = strawberry.field(
        default=False, description="Computed for this request from the graph's recorded "
        "history (`trend(reconstruct: true)` on a day with no snapshot), never stored; the "
        "whitespace figures are today's (deployments and pipeline keep no history).")  # fmt: skip

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> AccountSnapshot:
        gaps = [g.split(":", 1) for g in r.get("gaps") or []]
        return cls(
            date=r["date"], coverage_score=r["coverageScore"], mapped_count=r["mappedCount"],
            engaged_count=r["engagedCount"], strong_count=r["strongCount"],
            cells=[SnapshotCell(band=b, group=g, engaged_count=n)
                   for (b, g), n in zip(CELLS, r.get("cells") or [], strict=False)],
            gaps=[SnapshotGap(code=GapCode(c), severity=Severity(s)) for c, s in gaps],
            champions_without_backup=r["championsWithoutBackup"],
            deployed_arr=r["deployedArr"], pipeline_amount=r["pipelineAmount"],
            weighted_pipeline=r["weightedPipeline"], whitespace_estimate=r["whitespaceEstimate"],
            reachable_whitespace=r["reachableWhitespace"], reachable_pipeline=r["reachablePipeline"],
            strategic_score=r["strategicScore"], tier=Tier(r["tier"]),
            milestone=RenewalMilestone(r["milestone"]) if r.get("milestone") else None,
            days_to_renewal=r.get("daysToRenewal"), reconstructed=bool(r.get("reconstructed")),
        )  # fmt: skip


@strawberry.type(description="The portfolio on one day, from its snapshots.")
class PortfolioDay:
    date: dt.date
    accounts: int
    mean_coverage_score: float
    accounts_with_critical_gaps: int
    reachable_whitespace: float
    open_plays: int | None = strawberry.field(
        default=None, description="Plays (§17) the day's snapshots kept, in all; null for "
        "days stored before snapshots kept plays.")  # fmt: skip
