// Upsert INFLUENCES edges keyed by (fromId, toId).
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (a:Stakeholder {id: row.fromId})
MATCH (b:Stakeholder {id: row.toId})
MERGE (a)-[r:INFLUENCES]->(b)
SET r += row.props
