// KNOWS edges into stakeholders of the exported accounts.
// mode: read
// params: account_ids
// scope: param
MATCH (m:Member)-[k:KNOWS]->(s:Stakeholder)
WHERE $account_ids IS NULL OR s.accountId IN $account_ids
RETURN k {.*, memberId: m.id, stakeholderId: s.id} AS row ORDER BY m.id, s.id
