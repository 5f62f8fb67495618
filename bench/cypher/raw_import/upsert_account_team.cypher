// Baseline: MERGE a ON_ACCOUNT_TEAM edge between the two ends and set its properties.
// mode: write
// params: rows
// scope: internal
UNWIND $rows AS row
MATCH (a:Member {id: row.memberId})
MATCH (b:Account {id: row.accountId})
MERGE (a)-[r:ON_ACCOUNT_TEAM]->(b)
SET r += row.props
