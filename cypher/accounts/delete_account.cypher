// Delete an account with everything scoped to it (teams, stakeholders and their history,
// opportunities, interactions, its entries in the gap and play indexes); members, products and the
// account's snapshots (history) stay; its counter node stays, no longer fresh. Returns
// whether it existed.
// The counter is locked first, before anything is read, as snapshots/store_snapshots.cypher
// does: a snapshot stored meanwhile is either committed before this reads the account's
// index entries (and deleted with them) or stored after, when it finds no account (and
// stores nothing). Its counter no longer says a fresh snapshot: the whole portfolio's
// freshness check counts fresh counters against the accounts (snapshots/gap_page.cypher).
// A counter made here only to hold the lock (an account never counted) goes at the end.
// mode: write
// params: id
// scope: checked
MERGE (r:AccountRevision {accountId: $id})
REMOVE r.snapshotDate
WITH r, r.revision IS NULL AS made
OPTIONAL MATCH (a:Account {id: r.accountId})
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
WITH r, made, a, a IS NOT NULL AS existed
DETACH DELETE a
WITH r, made, existed
CALL (r, made) {
  WITH r WHERE made
  DELETE r
}
RETURN existed
