// Upsert USES edges (deployments) keyed by (teamId, productId). The team is
// write-locked first, so concurrent writers of one pair make one edge, one after the
// other (why one end: see knows/upsert).
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (t:Team {id: row.teamId})
MATCH (p:Product {id: row.productId})
SET t._lock = true
REMOVE t._lock
WITH *
MERGE (t)-[u:USES]->(p)
SET u += row.props
