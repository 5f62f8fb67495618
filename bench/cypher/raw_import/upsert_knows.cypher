// Baseline: MERGE a KNOWS edge between the two ends and set its properties.
// mode: write
// params: rows
// scope: internal
UNWIND $rows AS row
MATCH (a:Member {id: row.memberId})
MATCH (b:Stakeholder {id: row.stakeholderId})
MERGE (a)-[r:KNOWS]->(b)
SET r += row.props
