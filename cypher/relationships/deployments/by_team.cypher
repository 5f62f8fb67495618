// The deployments (USES) of each team (DataLoader batch).
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
RETURN key, COLLECT {
  MATCH (t:Team {id: key})-[u:USES]->(p:Product)
  RETURN u {.*, teamId: key, productId: p.id, accountId: t.accountId} ORDER BY p.id
} AS items
