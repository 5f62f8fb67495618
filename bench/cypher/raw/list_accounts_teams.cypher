// Baseline for the account list with teams: the first $first accounts by id, each with
// its teams by name.
// mode: read
// params: first
// scope: internal
MATCH (a:Account)
WITH a ORDER BY a.id LIMIT $first
RETURN collect(a {.id, .name, teams: COLLECT {
  MATCH (t:Team)-[:BELONGS_TO]->(a) RETURN t {.id, .name, .headcount} ORDER BY t.name, t.id
}}) AS accounts
