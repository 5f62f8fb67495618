// Upsert ON_ACCOUNT_TEAM edges keyed by (memberId, accountId).
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (m:Member {id: row.memberId})
MATCH (a:Account {id: row.accountId})
MERGE (m)-[r:ON_ACCOUNT_TEAM]->(a)
SET r += row.props
