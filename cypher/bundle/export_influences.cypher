// INFLUENCES edges between stakeholders of the exported accounts (both ends: an edge
// into another account would name a person the bundle does not hold, and would show a
// member-bound caller an id of an account it cannot see).
// mode: read
// params: account_ids
// scope: param
MATCH (a:Stakeholder)-[r:INFLUENCES]->(b:Stakeholder)
WHERE $account_ids IS NULL OR (a.accountId IN $account_ids AND b.accountId IN $account_ids)
RETURN r {.*, fromId: a.id, toId: b.id} AS row ORDER BY a.id, b.id
