// INFLUENCES edges that start at stakeholders of the exported accounts.
// mode: read
// params: account_ids
// scope: param
MATCH (a:Stakeholder)-[r:INFLUENCES]->(b:Stakeholder)
WHERE $account_ids IS NULL OR a.accountId IN $account_ids
RETURN r {.*, fromId: a.id, toId: b.id} AS row ORDER BY a.id, b.id
