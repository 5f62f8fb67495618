// Upsert ON_ACCOUNT_TEAM edges keyed by (memberId, accountId). The member is
// write-locked first, so concurrent writers of one pair make one edge, one after the
// other (why one end: see knows/upsert).
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (m:Member {id: row.memberId})
MATCH (a:Account {id: row.accountId})
SET m._lock = true
REMOVE m._lock
WITH *
MERGE (m)-[r:ON_ACCOUNT_TEAM]->(a)
SET r += row.props
