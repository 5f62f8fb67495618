// Upsert INFLUENCES edges keyed by (fromId, toId). Both ends are write-locked
// first, so concurrent writers of one pair make one edge.
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (a:Stakeholder {id: row.fromId})
MATCH (b:Stakeholder {id: row.toId})
SET a._lock = true, b._lock = true
REMOVE a._lock, b._lock
WITH *
MERGE (a)-[r:INFLUENCES]->(b)
SET r += row.props
