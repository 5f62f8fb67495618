// Stakeholder history of the exported accounts, oldest first.
// mode: read
// params: account_ids
// scope: param
MATCH (s:Stakeholder)-[:CHANGED]->(c:StakeholderChange)
WHERE $account_ids IS NULL OR s.accountId IN $account_ids
RETURN c {.*} AS row ORDER BY s.id, c.date, c.recordedAt, c.field
