"""Strawberry types of bundle imports."""

from __future__ import annotations

import strawberry

from samgraph.bundle.service import ImportSummary


@strawberry.type(description="Rows written per bundle section.")
class ImportResult:
    accounts: int
    teams: int
    stakeholders: int
    members: int
    account_team: int
    relationships: int
    influences: int
    products: int
    deployments: int
    opportunities: int
    interactions: int
    batches: int = strawberry.field(description="Write transactions used.")

    @classmethod
    def from_summary(cls, summary: ImportSummary) -> ImportResult:
        c = summary.counts
        return cls(
            accounts=c["accounts"], teams=c["teams"], stakeholders=c["stakeholders"],
            members=c["members"], account_team=c["accountTeam"],
            relationships=c["relationships"], influences=c["influences"],
            products=c["products"], deployments=c["deployments"],
            opportunities=c["opportunities"], interactions=c["interactions"],
            batches=summary.batches,
        )  # fmt: skip
