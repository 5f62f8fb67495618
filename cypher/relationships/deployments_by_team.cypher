// The deployments (USES) of each team (DataLoader batch).
// mode: read
// params: ids
UNWIND $ids AS key
RETURN key, COLLECT {
  MATCH (:Team {id: key})-[u:USES]->(p:Product)
  RETURN u {.*, teamId: key, productId: p.id} ORDER BY p.id
} AS items
