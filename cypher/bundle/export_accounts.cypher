// Accounts for a bundle export ($account_ids null: all), by id.
// mode: read
// params: account_ids
// scope: param
MATCH (a:Account) WHERE $account_ids IS NULL OR a.id IN $account_ids
RETURN a {.*} AS row ORDER BY a.id
