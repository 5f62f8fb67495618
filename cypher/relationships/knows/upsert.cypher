// Upsert KNOWS edges keyed by (memberId, stakeholderId). Both ends are write-locked
// first, so concurrent writers of one pair make one edge.
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (m:Member {id: row.memberId})
MATCH (s:Stakeholder {id: row.stakeholderId})
SET m._lock = true, s._lock = true
REMOVE m._lock, s._lock
WITH *
MERGE (m)-[k:KNOWS]->(s)
SET k += row.props
