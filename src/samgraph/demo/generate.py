"""A deterministic synthetic portfolio bundle for benchmarks and load tests.

Each account is an org tree: a CEO, an executive layer (two C-level, the rest VPs),
directors, managers, then individual contributors. Each VP heads a division team and
each director a sub-team under it; people belong to the team of the director (or VP)
above them. Two to five of our members sit on each account team and know about one
person in two, executives less often; influence runs along reporting lines and
between a few peers. Teams use some products (deployed or in pilot) and have open
opportunities. The same arguments always give the same bundle.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from typing import Any

ANCHOR = dt.date(2026, 11, 1)
"""Dates are drawn relative to this fixed day so a seed always gives the same bundle."""

FIRST = ("Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jon",
         "Kira", "Luis", "Maya", "Nils", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tara",
         "Uma", "Victor", "Wen", "Xavier", "Yara", "Zoe")  # fmt: skip
LAST = ("Adams", "Brooks", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ito",
        "Jensen", "Khan", "Lopez", "Moreau", "Novak", "Okafor", "Patel", "Quist", "Rossi",
        "Silva", "Tanaka", "Ueda", "Vargas", "Weber", "Xu", "Young", "Zimmer")  # fmt: skip
DIVISIONS = (("Procurement", "BUYING"), ("Finance", "BUYING"), ("IT", "BUYING"),
             ("Engineering", "USING"), ("Operations", "USING"), ("Data", "USING"),
             ("Support", "USING"), ("Marketing", "ADJACENT"), ("Legal", "ADJACENT"),
             ("HR", "ADJACENT"), ("Sales", "ADJACENT"))  # fmt: skip
INDUSTRIES = ("Financial Services", "Healthcare", "Retail", "Manufacturing", "Technology",
              "Energy", "Public Sector", "Telecom")  # fmt: skip
PRODUCTS = (("Platform", "PER_TEAM", 120000.0), ("Analytics", "PER_SEAT", 600.0),
            ("Security", "PER_TEAM", 80000.0), ("Automation", "PER_SEAT", 350.0),
            ("Connect", "PER_TEAM", 40000.0), ("Insights", "PER_SEAT", 900.0))  # fmt: skip
# Span of control per level: CEO -> 5 executives, x3 directors, x2 managers, x6 ICs.
SPANS = (5, 3, 2, 6)
SENIORITY = ("C_LEVEL", "VP", "DIRECTOR", "MANAGER", "IC")
MEMBER_ROLES = ("CSM", "TAM", "SOLUTION_ARCHITECT", "EXECUTIVE_SPONSOR")


def _levels(people: int) -> list[int]:
    """The org level of each of `people` stakeholders, breadth first."""
    levels: list[int] = []
    width, level = 1, 0
    while len(levels) < people:
        levels.extend([level] * min(width, people - len(levels)))
        width *= SPANS[min(level, len(SPANS) - 1)]
        level += 1
    return levels


def _day(rng: random.Random, back: int, ahead: int = 0) -> str:
    return (ANCHOR + dt.timedelta(days=rng.randint(-back, ahead))).isoformat()


def generate(*, accounts: int, stakeholders_per_account: int, seed: int = 1) -> dict[str, Any]:
    """The bundle (domain §10 format) of a portfolio of `accounts` accounts."""
    if accounts < 1 or stakeholders_per_account < 1:
        raise ValueError("accounts and stakeholders per account must be at least 1")
    rng = random.Random(seed)
    b: dict[str, list[dict[str, Any]]] = {k: [] for k in (
        "accounts", "teams", "stakeholders", "members", "accountTeam", "relationships",
        "influences", "products", "deployments", "opportunities")}  # fmt: skip
    pool = max(5, math.ceil(accounts * 3.5 / 20))  # about 20 accounts per member
    for i in range(pool):
        name = f"{FIRST[i % 26]} {LAST[(i // 26) % 26]}"
        b["members"].append({"id": f"m{i:04d}", "name": name, "email": f"m{i:04d}@example.com"})
    for p, (name, pricing, price) in enumerate(PRODUCTS):
        b["products"].append({"id": f"p{p}", "name": name, "pricing": pricing, "listPrice": price})

    levels = _levels(stakeholders_per_account)
    for i in range(accounts):
        a = f"a{i:05d}"
        b["accounts"].append({
            "id": a, "name": f"Account {i:05d}", "industry": rng.choice(INDUSTRIES),
            "arr": float(rng.randint(5, 300) * 10000), "renewalDate": _day(rng, 60, 540),
            "healthScore": rng.randint(20, 100),
            "scores": {k: rng.randint(0, 10) for k in (
                "currentRevenue", "expansionPotential", "strategicFit", "marketInfluence",
                "relationshipStrength", "productAdoption", "partnershipPotential")},
        })  # fmt: skip
        team_members = rng.sample(range(pool), rng.randint(2, min(5, pool)))
        for n, m in enumerate(team_members):
            role = "SAM" if n == 0 else rng.choice(MEMBER_ROLES)
            b["accountTeam"].append({"memberId": f"m{m:04d}", "accountId": a, "role": role})
        _org(rng, b, a, levels, [f"m{m:04d}" for m in team_members])
    b["influences"] = list({(r["fromId"], r["toId"]): r for r in b["influences"]}.values())
    return b


def _org(
    rng: random.Random, b: dict[str, list[dict[str, Any]]], a: str, levels: list[int],
    members: list[str],
) -> None:  # fmt: skip
    """One account's teams, stakeholders, relationships, influence, deployments, deals."""
    root_team = f"{a}-t0"
    teams = [{"id": root_team, "accountId": a, "name": "Office of the CEO",
              "functionGroup": "BUYING", "headcount": rng.randint(5, 20)}]  # fmt: skip
    team_of: list[str] = []
    manager: list[int | None] = []
    by_level: dict[int, list[int]] = {}
    width = {level: levels.count(level) for level in set(levels)}
    for s, level in enumerate(levels):
        peers = by_level.setdefault(level, [])
        if level == 0:
            manager.append(None)
            team_of.append(root_team)
        else:
            above = by_level[level - 1]
            boss = above[len(peers) * len(above) // width[level]]
            manager.append(boss)
            team_of.append(team_of[boss])
        if level in (1, 2):  # VPs head a division, directors a sub-team of it
            parent = team_of[s]
            div, group = DIVISIONS[len(peers) % len(DIVISIONS)] if level == 1 else (
                next(t["name"] for t in teams if t["id"] == parent), None)  # fmt: skip
            tid = f"{a}-t{len(teams)}"
            teams.append({
                "id": tid, "accountId": a, "parentId": parent,
                "name": div if level == 1 else f"{div} {len(peers) + 1}",
                "functionGroup": group or next(t["functionGroup"] for t in teams if t["id"] == parent),
                "headcount": rng.randint(20, 800),
            })  # fmt: skip
            team_of[s] = tid
        peers.append(s)
    b["teams"].extend(teams)

    champions = 0
    for s, level in enumerate(levels):
        sid = f"{a}-s{s}"
        seniority = SENIORITY[min(level, 4)]
        if level == 1 and len(by_level[1]) > 2 and by_level[1].index(s) < 2:
            seniority = "C_LEVEL"
        role = "NONE"
        if s == (by_level.get(1) or [0])[0]:
            role = "ECONOMIC_BUYER"
        elif level in (2, 3) and champions < 2 and rng.random() < 0.15:
            role, champions = "CHAMPION", champions + 1
        elif rng.random() < 0.2:
            role = rng.choice(("TECHNICAL_EVALUATOR", "BUSINESS_OWNER", "USER", "INFLUENCER",
                               "BLOCKER"))  # fmt: skip
        row: dict[str, Any] = {
            "id": sid, "accountId": a, "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "title": f"{seniority.replace('_', '-').title()} {s}", "seniority": seniority,
            "teamId": team_of[s], "buyingRole": role,
            "sentiment": rng.choices(("ADVOCATE", "NEUTRAL", "DETRACTOR", "UNKNOWN"),
                                     (3, 4, 1, 2))[0],
        }  # fmt: skip
        if manager[s] is not None:
            row["managerId"] = f"{a}-s{manager[s]}"
        b["stakeholders"].append(row)
        # Executives are reached less often than the people who use the product.
        knowers = rng.choices((0, 1, 2, 3), (5, 3, 1, 1) if level < 2 else (3, 4, 2, 1))[0]
        for m in rng.sample(members, min(knowers, len(members))):
            b["relationships"].append({
                "memberId": m, "stakeholderId": sid, "strength": rng.randint(1, 5),
                "lastContact": _day(rng, int(rng.expovariate(1 / 90)) % 400),
            })  # fmt: skip
        above_me = manager[s]
        if above_me is not None:
            if rng.random() < 0.6:
                b["influences"].append({"fromId": f"{a}-s{above_me}", "toId": sid,
                                        "weight": rng.randint(2, 5)})  # fmt: skip
            if rng.random() < 0.3:
                b["influences"].append({"fromId": sid, "toId": f"{a}-s{above_me}",
                                        "weight": rng.randint(1, 4)})  # fmt: skip
        if s and rng.random() < 0.6:
            other = rng.randrange(len(levels))
            if other != s:
                b["influences"].append({"fromId": sid, "toId": f"{a}-s{other}",
                                        "weight": rng.randint(1, 3)})  # fmt: skip

    for t in teams[1:]:
        for p, (_, pricing, price) in enumerate(PRODUCTS):
            x = rng.random()
            if x < 0.2:
                seats = rng.randint(10, int(str(t["headcount"])))
                arr = price if pricing == "PER_TEAM" else price * seats
                row = {"teamId": t["id"], "productId": f"p{p}", "status": "PILOT",
                       "seats": seats, "since": _day(rng, 900)}  # fmt: skip
                if x < 0.15:
                    row.update(status="DEPLOYED", arr=arr)
                b["deployments"].append(row)
    for o in range(rng.randint(1, 4)):
        t = rng.choice(teams)
        b["opportunities"].append({
            "id": f"{a}-o{o}", "accountId": a, "teamId": t["id"],
            "productId": f"p{rng.randrange(len(PRODUCTS))}", "name": f"Expansion {o + 1}",
            "amount": float(rng.randint(2, 60) * 5000), "probability": rng.choice((0.1, 0.25, 0.5, 0.75)),
            "stage": rng.choice(("Discovery", "Evaluation", "Proposal", "Negotiation")),
            "closeDate": _day(rng, -10, 270), "status": "OPEN",
        })  # fmt: skip
