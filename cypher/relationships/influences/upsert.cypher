// Upsert INFLUENCES edges keyed by (fromId, toId). The influencer is write-locked first,
// so concurrent writers of one pair make one edge, one after the other (why one end: see
// knows/upsert).
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (a:Stakeholder {id: row.fromId})
MATCH (b:Stakeholder {id: row.toId})
SET a._lock = true
REMOVE a._lock
WITH *
MERGE (a)-[r:INFLUENCES]->(b)
SET r += row.props
