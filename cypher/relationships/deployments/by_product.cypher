// The deployments (USES) of each product (DataLoader batch).
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
RETURN key, COLLECT {
  MATCH (t:Team)-[u:USES]->(:Product {id: key})
  RETURN u {.*, teamId: t.id, productId: key, accountId: t.accountId} ORDER BY t.id
} AS items
