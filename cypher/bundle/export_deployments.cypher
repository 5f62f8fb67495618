// USES edges of teams of the exported accounts.
// mode: read
// params: account_ids
// scope: param
MATCH (t:Team)-[u:USES]->(p:Product)
WHERE $account_ids IS NULL OR t.accountId IN $account_ids
RETURN u {.*, teamId: t.id, productId: p.id} AS row ORDER BY t.id, p.id
