// How many accounts the caller may see (the cost model prices portfolio-wide work by it).
// mode: read
// params: account_ids
// scope: param
MATCH (a:Account)
WHERE $account_ids IS NULL OR a.id IN $account_ids
RETURN count(a) AS accounts
