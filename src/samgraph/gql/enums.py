"""The domain's enums as GraphQL enums.

They are declared as plain `StrEnum`s where the domain needs them (samgraph/common.py,
the sync formats), knowing nothing of GraphQL; here each becomes a strawberry enum, with
its description. samgraph/schema.py imports this module before it builds the schema.
"""

from __future__ import annotations

from enum import Enum

import strawberry

from samgraph.common import (
    AccountSort,
    Band,
    BuyingRole,
    CellStatus,
    DeploymentStatus,
    EdgeKind,
    FunctionGroup,
    GapCode,
    GraphEdgeKind,
    GraphInclude,
    GraphNodeFlag,
    GraphNodeKind,
    InteractionType,
    MemberRole,
    OpportunityStatus,
    PathNodeKind,
    PlayKind,
    Pricing,
    RenewalMilestone,
    Role,
    Seniority,
    Sentiment,
    Severity,
    StakeholderStatus,
    Tier,
)
from samgraph.sync.formats import (
    OrgFormat,
)
from samgraph.sync.orgchart import (
    SyncMode,
)

# Each enum, with its description (None: the name says it).
ENUMS: list[tuple[type[Enum], str | None]] = [
    (AccountSort, "Orders for `accounts`; ties and nulls: by id, nulls last."),
    (
        PlayKind,
        "What a play does (domain §17): RECONNECT touches a relationship that has "
        "decayed (its lastContact becomes asOf); INTRODUCE gets us introduced along the best "
        "warm path (KNOWS(member, stakeholder) at strength 3, contacted on asOf).",
    ),
    (FunctionGroup, None),
    (Seniority, None),
    (BuyingRole, None),
    (Sentiment, None),
    (StakeholderStatus, None),
    (MemberRole, None),
    (Pricing, None),
    (OpportunityStatus, None),
    (InteractionType, None),
    (DeploymentStatus, None),
    (Band, None),
    (GapCode, None),
    (Severity, None),
    (CellStatus, None),
    (Tier, None),
    (RenewalMilestone, None),
    (PathNodeKind, None),
    (EdgeKind, None),
    (GraphInclude, "What Account.graph draws besides active stakeholders and their edges."),
    (GraphNodeKind, None),
    (GraphNodeFlag, None),
    (GraphEdgeKind, None),
    (Role, None),
    (SyncMode, "FULL: the file is the whole org; PARTIAL: upsert only."),
    (OrgFormat, "CSV (ours), SCIM 2.0 Users JSON, Salesforce Contacts CSV."),
]

for _enum, _description in ENUMS:
    strawberry.enum(_enum, description=_description)
