"""§15 champion moves: identity keys, the rules, departedAt unknown, and scope."""

from __future__ import annotations

from typing import Any

import httpx
from hypothesis import given
from hypothesis import strategies as st

from samgraph.analyses.moves import identity_key
from samgraph.db.driver import Db
from tests.conftest import api_key, client_for, gql
from tests.factories import account, load


def test_identity_key() -> None:
    assert (
        identity_key("HTTPS://www.LinkedIn.com/in/Jane-Doe/?trk=x#top")
        == "linkedin.com/in/jane-doe"
    )
    assert identity_key("linkedin.com/in/jane-doe//") == "linkedin.com/in/jane-doe"


@given(st.from_regex(r"[a-z0-9-]{1,20}", fullmatch=True), st.sampled_from(["", "http://", "https://"]),
       st.booleans(), st.sampled_from(["", "/", "?utm=1", "#x", "/?a=b#c"]), st.booleans())  # fmt: skip
def test_identity_key_ignores_every_variant(handle: str, scheme: str, www: bool, tail: str, upper: bool) -> None:  # fmt: skip
    url = f"{scheme}{'www.' if www else ''}linkedin.com/in/{handle}{tail}"
    assert identity_key(url.upper() if upper else url) == f"linkedin.com/in/{handle}"


JANE = "https://www.linkedin.com/in/jane-doe/"


def _portfolio() -> dict[str, Any]:
    return {
        "accounts": [account(id="acc-a"), account(id="acc-b"), account(id="acc-c")],
        "members": [{"id": "m1", "name": "M1"}, {"id": "m2", "name": "M2"}],
        "accountTeam": [{"memberId": "m1", "accountId": "acc-a", "role": "SAM"}],
        "stakeholders": [
            # Jane: champion at A until 2026-01-10, now at B (same profile, other spelling).
            {"id": "jane-a", "accountId": "acc-a", "name": "Jane Doe", "seniority": "VP",
             "buyingRole": "CHAMPION", "status": "DEPARTED", "departedAt": "2026-01-10",
             "linkedinUrl": JANE},
            {"id": "jane-b", "accountId": "acc-b", "name": "Jane Doe", "seniority": "DIRECTOR",
             "linkedinUrl": "linkedin.com/in/Jane-Doe?trk=x"},
            # Omar: an ADVOCATE who left C (no departedAt known), now at A.
            {"id": "omar-c", "accountId": "acc-c", "name": "Omar", "seniority": "IC",
             "sentiment": "ADVOCATE", "status": "DEPARTED", "linkedinUrl": "linkedin.com/in/omar"},
            {"id": "omar-a", "accountId": "acc-a", "name": "Omar", "seniority": "IC",
             "linkedinUrl": "https://linkedin.com/in/omar"},
            # Not a champion: Nick left B as a NEUTRAL user; no move.
            {"id": "nick-b", "accountId": "acc-b", "name": "Nick", "buyingRole": "USER",
             "sentiment": "NEUTRAL", "status": "DEPARTED", "linkedinUrl": "linkedin.com/in/nick"},
            {"id": "nick-c", "accountId": "acc-c", "name": "Nick", "linkedinUrl": "linkedin.com/in/nick"},
        ],
        "relationships": [
            {"memberId": "m1", "stakeholderId": "jane-a", "strength": 4, "lastContact": "2026-01-05"},
            {"memberId": "m2", "stakeholderId": "jane-b", "strength": 3, "lastContact": "2026-01-15"},
            {"memberId": "m1", "stakeholderId": "omar-c", "strength": 2, "lastContact": "2026-01-19"},
        ],
    }  # fmt: skip


MOVES = """query($s: Date) { championMoves(asOf: "2026-01-20", since: $s) {
  person { id } formerStakeholder { id } fromAccount { id } toAccount { id }
  formerBuyingRole formerSentiment formerEngagement engagementNow departedAt } }"""


async def test_champion_moves(client: httpx.AsyncClient, db: Db) -> None:
    await load(db, _portfolio())
    moves = (await gql(client, MOVES))["data"]["championMoves"]
    # Jane: on 2026-01-10 her edge (VP, 5 days since 2026-01-05) had no decay: 4. At B on
    # 2026-01-20: DIRECTOR, 5 days since 2026-01-15: 3. Omar (departedAt unknown: asOf):
    # IC, 1 day since 2026-01-19: 2; now at A, nobody knows him: 0. Jane first (4 > 2).
    assert moves == [
        {"person": {"id": "jane-b"}, "formerStakeholder": {"id": "jane-a"},
         "fromAccount": {"id": "acc-a"}, "toAccount": {"id": "acc-b"},
         "formerBuyingRole": "CHAMPION", "formerSentiment": None, "formerEngagement": 4,
         "engagementNow": 3, "departedAt": "2026-01-10"},
        {"person": {"id": "omar-a"}, "formerStakeholder": {"id": "omar-c"},
         "fromAccount": {"id": "acc-c"}, "toAccount": {"id": "acc-a"},
         "formerBuyingRole": None, "formerSentiment": "ADVOCATE", "formerEngagement": 2,
         "engagementNow": 0, "departedAt": None},
    ]  # fmt: skip
    # `since` keeps known departures on or after it; an unknown departedAt only without it.
    later = (await gql(client, MOVES, s="2026-01-10"))["data"]["championMoves"]
    assert [m["person"]["id"] for m in later] == ["jane-b"]
    assert (await gql(client, MOVES, s="2026-01-11"))["data"]["championMoves"] == []


async def test_a_bound_key_sees_a_move_only_with_both_accounts(
    client: httpx.AsyncClient, db: Db
) -> None:
    await load(db, _portfolio())
    # m1 is on acc-a only: Jane's move (A -> B) and Omar's (C -> A) each touch an account
    # m1 does not see, so neither shows.
    key = await api_key(db, role="VIEWER", member="m1")
    async with client_for(client, key) as c:
        assert (await gql(c, MOVES))["data"]["championMoves"] == []
    await load(db, {"accountTeam": [{"memberId": "m1", "accountId": "acc-b", "role": "SAM"}]})
    async with client_for(client, await api_key(db, role="VIEWER", member="m1")) as c:
        seen = (await gql(c, MOVES))["data"]["championMoves"]
        assert [m["person"]["id"] for m in seen] == ["jane-b"]
