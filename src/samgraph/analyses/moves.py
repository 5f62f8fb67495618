"""§15 Champions who move: a departed champion of one account, active at another."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from samgraph.analyses.cadence import decay

_SCHEME = re.compile(r"^https?://", re.I)


def identity_key(url: str) -> str:
    """Lowercase; no scheme, leading `www.`, query string, fragment or trailing slashes."""
    key = _SCHEME.sub("", url.strip().lower())
    key = key.removeprefix("www.")
    key = key.split("#", 1)[0].split("?", 1)[0]
    return key.rstrip("/")


@dataclass(frozen=True)
class Move:
    person: dict[str, Any]  # the active stakeholder now (b)
    former: dict[str, Any]  # the departed champion (a)
    former_engagement: int
    engagement_now: int
    departed_at: dt.date | None


def _engagement(person: Mapping[str, Any], as_of: dt.date, cadence: Mapping[str, int]) -> int:
    """§2: the best effective strength of the KNOWS edges into this person."""
    return max(
        (decay(int(k.get("strength") or 0), k.get("lastContact"), person.get("seniority"),
               as_of, cadence).effective for k in person.get("knows") or []),
        default=0,
    )  # fmt: skip


def _was_champion(p: Mapping[str, Any]) -> bool:
    return p.get("buyingRole") == "CHAMPION" or p.get("sentiment") == "ADVOCATE"


def champion_moves(
    people: Iterable[Mapping[str, Any]],
    as_of: dt.date,
    cadence: Mapping[str, int],
    since: dt.date | None = None,
) -> list[Move]:
    by_key: dict[str, list[Mapping[str, Any]]] = {}
    for p in people:
        if p.get("linkedinUrl"):
            by_key.setdefault(identity_key(str(p["linkedinUrl"])), []).append(p)
    moves = []
    for same in by_key.values():
        for a in same:
            if (a.get("status") or "ACTIVE") != "DEPARTED" or not _was_champion(a):
                continue
            departed = a.get("departedAt")
            if since is not None and (departed is None or departed < since):
                continue
            for b in same:
                if (b.get("status") or "ACTIVE") == "ACTIVE" and b.get("accountId") != a.get(
                    "accountId"
                ):
                    moves.append(Move(
                        person=dict(b), former=dict(a),
                        former_engagement=_engagement(a, departed or as_of, cadence),
                        engagement_now=_engagement(b, as_of, cadence), departed_at=departed,
                    ))  # fmt: skip
    return sorted(moves, key=lambda m: (
        -m.former_engagement,
        0 if m.departed_at else 1, -(m.departed_at.toordinal() if m.departed_at else 0),
        str(m.person["id"]),
    ))  # fmt: skip
