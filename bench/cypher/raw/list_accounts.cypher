// Baseline for the account list: the first $first accounts by id, scalar fields.
// mode: read
// params: first
// scope: internal
MATCH (a:Account)
WITH a ORDER BY a.id LIMIT $first
RETURN collect(a {.id, .name, .industry, .arr, .renewalDate}) AS accounts
