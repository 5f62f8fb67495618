// Delete an account with everything scoped to it (teams, stakeholders and their history,
// opportunities, interactions, its entries in the gap index); members, products and the
// account's snapshots (history) stay; its counter node stays, no longer fresh. Returns
// whether it existed.
// mode: write
// params: id
// scope: checked
OPTIONAL MATCH (a:Account {id: $id})
CALL (a) {
  WITH a WHERE a IS NOT NULL
  CALL () {
    MATCH (n:Team {accountId: $id}) RETURN n
    UNION
    MATCH (n:Stakeholder {accountId: $id}) RETURN n
    UNION
    MATCH (n:Opportunity {accountId: $id}) RETURN n
    UNION
    MATCH (n:Interaction {accountId: $id}) RETURN n
    UNION
    MATCH (n:GapEntry {accountId: $id}) RETURN n
    UNION
    MATCH (n:PlayEntry {accountId: $id}) RETURN n
  }
  OPTIONAL MATCH (n)-[:CHANGED]->(c:StakeholderChange)
  DETACH DELETE c, n
}
WITH a, a IS NOT NULL AS existed
DETACH DELETE a
// Its counter no longer says a fresh snapshot: the whole portfolio's freshness check
// counts fresh counters against the accounts (snapshots/gap_page.cypher).
WITH existed
OPTIONAL MATCH (r:AccountRevision {accountId: $id})
REMOVE r.snapshotDate
RETURN existed
