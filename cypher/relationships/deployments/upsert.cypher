// Upsert USES edges (deployments) keyed by (teamId, productId). Both ends are write-locked
// first, so concurrent writers of one pair make one edge.
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (t:Team {id: row.teamId})
MATCH (p:Product {id: row.productId})
SET t._lock = true, p._lock = true
REMOVE t._lock, p._lock
WITH *
MERGE (t)-[u:USES]->(p)
SET u += row.props
