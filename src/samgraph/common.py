"""Shared constrained types and the domain enums (docs/domain.md §1, §3-§9).

Each enum is declared once, here, and is both the value the analyses compute with
(a StrEnum compares equal to its text) and the GraphQL enum of the same name."""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


DATED_ID = re.compile(r"@\d{4}-\d{2}-\d{2}$")
"""The end of a dated id (gql/dated.py): `s1@2026-06-01` names s1 as of that day."""


def _allowed_but(excluded: str) -> str:
    """The class of the characters an id may hold, less `excluded` (a class body)."""
    return rf"[^\s\x00-\x1f{excluded}]"


def _id_pattern() -> str:
    """An id: no whitespace or control character, and not ending in @YYYY-MM-DD. A
    pattern, not a Python check, so that pydantic-core checks it in Rust (an import names
    two million ids: 1.8 s of Python calls at M). Its regex engine has no lookahead, so
    "does not end in the 11 characters @dddd-dd-dd" is spelled out: shorter than 11, or
    one of the last 11 differs from what the dated end has at that place."""
    allowed = _allowed_but("")
    dated = ["@", r"\d", r"\d", r"\d", r"\d", r"\-", r"\d", r"\d", r"\-", r"\d", r"\d"]
    n = len(dated)
    differs = "|".join(
        f"{allowed}{{{k}}}{_allowed_but(c)}{allowed}{{{n - 1 - k}}}" for k, c in enumerate(dated)
    )
    return rf"^(?:{allowed}{{1,{n - 1}}}|{allowed}*(?:{differs}))$"


ID_PATTERN = _id_pattern()


def id_problem(value: str) -> str:
    """Why `value` is not an id, in words (pydantic's message would show ID_PATTERN)."""
    if DATED_ID.search(value):
        return "an id may not end in @YYYY-MM-DD (that names a dated view of an id)"
    return "an id has no spaces or control characters"


def _url(value: str) -> str:
    if any(c.isspace() for c in value) or "." not in value:
        raise PydanticCustomError("url", "not a URL (like https://www.linkedin.com/in/name)")
    return value


# C0 and C1 control characters and DEL: invisible, they break spreadsheets (XLSX refuses
# them), terminals and logs. Long text keeps tab and line breaks.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _control_problem(pattern: re.Pattern[str]) -> Callable[[str], str]:
    def problem(value: str) -> str:
        found = pattern.search(value)
        at = f"U+{ord(found.group()):04X} at position {found.start()}" if found else ""
        return f"control character {at} (not allowed in text)"

    return problem


# The same rules as patterns, checked by pydantic-core (in Rust) while it parses: a
# Python check per value costs an import of a million rows a second or more.
ONE_LINE_PATTERN = r"^[^\x00-\x1f\x7f-\x9f]*$"
TEXT_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$"


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        raise PydanticCustomError("email", "not an email address (like name@example.com)")
    return value


# Ids are external and stable; no whitespace or control characters.
# Readable messages (no regexes) for clients.
Id = Annotated[str, StringConstraints(min_length=1, max_length=128, pattern=ID_PATTERN)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200,
                                        pattern=ONE_LINE_PATTERN)]  # fmt: skip
ShortText = Annotated[str, StringConstraints(max_length=200, pattern=ONE_LINE_PATTERN)]
LongText = Annotated[str, StringConstraints(max_length=5000, pattern=TEXT_PATTERN)]

PATTERN_PROBLEMS: dict[str, Callable[[str], str]] = {
    ID_PATTERN: id_problem,
    ONE_LINE_PATTERN: _control_problem(_CONTROL),
    TEXT_PATTERN: _control_problem(_CONTROL_IN_TEXT),
}
"""What a value that misses each pattern above has wrong, in words (pydantic's own
message would quote the regular expression)."""
Email = Annotated[str, StringConstraints(max_length=254), AfterValidator(_email)]
Url = Annotated[str, StringConstraints(max_length=500), AfterValidator(_url)]
Strength = Annotated[int, Field(ge=1, le=5, strict=True)]
Weight = Annotated[int, Field(ge=1, le=5, strict=True)]
Probability = Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)]
Money = Annotated[float, Field(ge=0, allow_inf_nan=False)]
Count = Annotated[int, Field(ge=0, le=10_000_000, strict=True)]
Health = Annotated[int, Field(ge=0, le=100, strict=True)]
ScoreInput = Annotated[float, Field(ge=0, le=10, allow_inf_nan=False)]


class FunctionGroup(StrEnum):
    BUYING = "BUYING"
    USING = "USING"
    ADJACENT = "ADJACENT"


class Seniority(StrEnum):
    IC = "IC"
    MANAGER = "MANAGER"
    DIRECTOR = "DIRECTOR"
    VP = "VP"
    C_LEVEL = "C_LEVEL"


class BuyingRole(StrEnum):
    CHAMPION = "CHAMPION"
    ECONOMIC_BUYER = "ECONOMIC_BUYER"
    TECHNICAL_EVALUATOR = "TECHNICAL_EVALUATOR"
    BUSINESS_OWNER = "BUSINESS_OWNER"
    USER = "USER"
    INFLUENCER = "INFLUENCER"
    BLOCKER = "BLOCKER"
    NONE = "NONE"


class Sentiment(StrEnum):
    ADVOCATE = "ADVOCATE"
    NEUTRAL = "NEUTRAL"
    DETRACTOR = "DETRACTOR"
    UNKNOWN = "UNKNOWN"


class StakeholderStatus(StrEnum):
    ACTIVE = "ACTIVE"
    DEPARTED = "DEPARTED"


class MemberRole(StrEnum):
    SAM = "SAM"
    EXECUTIVE_SPONSOR = "EXECUTIVE_SPONSOR"
    CSM = "CSM"
    TAM = "TAM"
    SOLUTION_ARCHITECT = "SOLUTION_ARCHITECT"
    PORTFOLIO_REP = "PORTFOLIO_REP"
    OTHER = "OTHER"


class Pricing(StrEnum):
    PER_TEAM = "PER_TEAM"
    PER_SEAT = "PER_SEAT"


class OpportunityStatus(StrEnum):
    OPEN = "OPEN"
    WON = "WON"
    LOST = "LOST"


class InteractionType(StrEnum):
    MEETING = "MEETING"
    CALL = "CALL"
    EMAIL = "EMAIL"
    QBR = "QBR"
    EVENT = "EVENT"


class DeploymentStatus(StrEnum):
    DEPLOYED = "DEPLOYED"
    PILOT = "PILOT"


SCORE_INPUTS = (
    "currentRevenue",
    "expansionPotential",
    "strategicFit",
    "marketInfluence",
    "relationshipStrength",
    "productAdoption",
    "partnershipPotential",
)
"""The seven strategic-score inputs (§8), in the order of the contract. The bundle
model, the GraphQL input and type and the default weights are checked against this
tuple (tests/test_entity_fields.py)."""


# Analysis enums (domain.md §3, §5, §7, §8, §9).
class Band(StrEnum):
    EXECUTIVE = "EXECUTIVE"
    DIRECTOR = "DIRECTOR"
    STAFF = "STAFF"


class GapCode(StrEnum):
    NO_EXECUTIVE_ENGAGED = "NO_EXECUTIVE_ENGAGED"
    NO_CHAMPION = "NO_CHAMPION"
    CHAMPION_WITHOUT_BACKUP = "CHAMPION_WITHOUT_BACKUP"
    SINGLE_THREADED = "SINGLE_THREADED"
    DETRACTOR_ECONOMIC_BUYER = "DETRACTOR_ECONOMIC_BUYER"
    BELOW_TARGET = "BELOW_TARGET"
    UNCOVERED_CELL = "UNCOVERED_CELL"


class Severity(StrEnum):
    CRITICAL = "CRITICAL"
    HIGH = "HIGH"
    MEDIUM = "MEDIUM"
    LOW = "LOW"


class CellStatus(StrEnum):
    DEPLOYED = "DEPLOYED"
    PILOT = "PILOT"
    IN_PIPELINE = "IN_PIPELINE"
    WHITESPACE = "WHITESPACE"


class Tier(StrEnum):
    STRATEGIC = "STRATEGIC"
    KEY = "KEY"
    STANDARD = "STANDARD"


class RenewalMilestone(StrEnum):
    INTERNAL_REVIEW = "INTERNAL_REVIEW"
    EXECUTIVE_ALIGNMENT = "EXECUTIVE_ALIGNMENT"
    PROPOSAL = "PROPOSAL"
    NEGOTIATION = "NEGOTIATION"
    LEGAL_AND_PROCUREMENT = "LEGAL_AND_PROCUREMENT"
    SIGNATURE_TARGET = "SIGNATURE_TARGET"
    RENEWAL = "RENEWAL"


class PathNodeKind(StrEnum):
    MEMBER = "MEMBER"
    STAKEHOLDER = "STAKEHOLDER"


class EdgeKind(StrEnum):
    KNOWS = "KNOWS"
    REPORTS_TO = "REPORTS_TO"
    INFLUENCES = "INFLUENCES"


class PlayKind(StrEnum):
    RECONNECT = "RECONNECT"
    INTRODUCE = "INTRODUCE"


class GraphInclude(StrEnum):
    MEMBERS = "MEMBERS"
    DEPARTED = "DEPARTED"
    MEMBER_OF_EDGES = "MEMBER_OF_EDGES"


class GraphNodeKind(StrEnum):
    STAKEHOLDER = "STAKEHOLDER"
    MEMBER = "MEMBER"


class GraphNodeFlag(StrEnum):
    CHAMPION_WITHOUT_BACKUP = "CHAMPION_WITHOUT_BACKUP"
    DETRACTOR_ECONOMIC_BUYER = "DETRACTOR_ECONOMIC_BUYER"
    OVERDUE = "OVERDUE"
    DEPARTED = "DEPARTED"
    SOLE_ENGAGED_THROUGH_ONE_MEMBER = "SOLE_ENGAGED_THROUGH_ONE_MEMBER"


class GraphEdgeKind(StrEnum):
    KNOWS = "KNOWS"
    REPORTS_TO = "REPORTS_TO"
    INFLUENCES = "INFLUENCES"
    MEMBER_OF = "MEMBER_OF"


class Role(StrEnum):
    """What an API key or token may do; each role includes the ones before it."""

    VIEWER = "VIEWER"
    EDITOR = "EDITOR"
    ADMIN = "ADMIN"


def edge_id(source: str, target: str, kind: str = "") -> str:
    """An edge's stable id: its ends in stored direction, `source:target`. KNOWS and
    INFLUENCES edges are one per pair (the Relationship and Influence ids); a REPORTS_TO
    edge may join a pair that also has INFLUENCES, so it says its kind:
    `source:target:REPORTS_TO`."""
    return f"{source}:{target}:REPORTS_TO" if kind == "REPORTS_TO" else f"{source}:{target}"


class AccountSort(StrEnum):
    """Orders of the account list; ties and nulls: by id, nulls last."""

    ID = "ID"
    NAME = "NAME"
    ARR = "ARR"
    COVERAGE_SCORE = "COVERAGE_SCORE"
    STRATEGIC_SCORE = "STRATEGIC_SCORE"
    DAYS_TO_RENEWAL = "DAYS_TO_RENEWAL"
    REACHABLE_WHITESPACE = "REACHABLE_WHITESPACE"
