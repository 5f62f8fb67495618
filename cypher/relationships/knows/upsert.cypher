// Upsert KNOWS edges keyed by (memberId, stakeholderId).
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (m:Member {id: row.memberId})
MATCH (s:Stakeholder {id: row.stakeholderId})
MERGE (m)-[k:KNOWS]->(s)
SET k += row.props
