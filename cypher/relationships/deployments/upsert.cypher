// Upsert USES edges (deployments) keyed by (teamId, productId).
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (t:Team {id: row.teamId})
MATCH (p:Product {id: row.productId})
MERGE (t)-[u:USES]->(p)
SET u += row.props
