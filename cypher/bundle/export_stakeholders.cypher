// Stakeholders of the exported accounts (departed included), by id.
// mode: read
// params: account_ids
// scope: param
MATCH (s:Stakeholder) WHERE $account_ids IS NULL OR s.accountId IN $account_ids
RETURN s {.*} AS row ORDER BY s.id
