// Per account: its teams, their deployments (USES) and the OPEN opportunities with a
// team and a product, for the whitespace grid (DataLoader batch). The index hints keep
// each match on the account's own nodes: plans made while the graph was small (or just
// wiped) scanned every opportunity instead, growing with the portfolio (benchmarks.md).
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
MATCH (a:Account {id: key})
// The change counter of the account, read before the rest: what live/kept.py keeps the item
// under (a counter already bumped means the write it counts is visible below).
OPTIONAL MATCH (rev:AccountRevision {accountId: key})
RETURN key, CASE WHEN rev.changedAt IS NOT NULL THEN [rev.revision, rev.changedAt.epochMillis] END AS stamp, {
  accountId: key,
  teams: COLLECT {
    MATCH (t:Team {accountId: key})
    USING INDEX SEEK t:Team(accountId)
    RETURN t {.id, .name, .headcount, .parentId} ORDER BY t.name, t.id
  },
  uses: COLLECT {
    MATCH (t:Team {accountId: key})-[u:USES]->(p:Product)
    USING INDEX SEEK t:Team(accountId)
    RETURN {teamId: t.id, productId: p.id, status: u.status, arr: u.arr}
  },
  openOpportunities: COLLECT {
    MATCH (o:Opportunity {accountId: key})
    USING INDEX SEEK o:Opportunity(accountId)
    WHERE o.status = 'OPEN' AND o.teamId IS NOT NULL AND o.productId IS NOT NULL
    RETURN o {.teamId, .productId, .amount, .probability}
  }
} AS item
