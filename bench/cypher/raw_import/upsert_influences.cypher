// Baseline: MERGE a INFLUENCES edge between the two ends and set its properties.
// mode: write
// params: rows
// scope: internal
UNWIND $rows AS row
MATCH (a:Stakeholder {id: row.fromId})
MATCH (b:Stakeholder {id: row.toId})
MERGE (a)-[r:INFLUENCES]->(b)
SET r += row.props
