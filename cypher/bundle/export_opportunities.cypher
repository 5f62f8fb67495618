// Opportunities of the exported accounts, by id.
// mode: read
// params: account_ids
// scope: param
MATCH (o:Opportunity) WHERE $account_ids IS NULL OR o.accountId IN $account_ids
RETURN o {.*} AS row ORDER BY o.id
