// Baseline: MERGE a USES edge between the two ends and set its properties.
// mode: write
// params: rows
// scope: internal
UNWIND $rows AS row
MATCH (a:Team {id: row.teamId})
MATCH (b:Product {id: row.productId})
MERGE (a)-[r:USES]->(b)
SET r += row.props
