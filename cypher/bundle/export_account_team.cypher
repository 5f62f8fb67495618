// ON_ACCOUNT_TEAM edges of the exported accounts.
// mode: read
// params: account_ids
// scope: param
MATCH (m:Member)-[r:ON_ACCOUNT_TEAM]->(a:Account)
WHERE $account_ids IS NULL OR a.id IN $account_ids
RETURN r {.*, memberId: m.id, accountId: a.id} AS row ORDER BY a.id, m.id
