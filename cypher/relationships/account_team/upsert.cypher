// Upsert ON_ACCOUNT_TEAM edges keyed by (memberId, accountId). Both ends are write-locked
// first, so concurrent writers of one pair make one edge.
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (m:Member {id: row.memberId})
MATCH (a:Account {id: row.accountId})
SET m._lock = true, a._lock = true
REMOVE m._lock, a._lock
WITH *
MERGE (m)-[r:ON_ACCOUNT_TEAM]->(a)
SET r += row.props
