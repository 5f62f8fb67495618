// Teams of the exported accounts, by id.
// mode: read
// params: account_ids
// scope: param
MATCH (t:Team) WHERE $account_ids IS NULL OR t.accountId IN $account_ids
RETURN t {.*} AS row ORDER BY t.id
