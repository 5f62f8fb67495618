// Delete up to $limit domain nodes (keeps schema and migration records); call until it
// returns 0. Tests, benchmarks and `demo --reset` only.
// mode: write
// params: limit
// scope: internal
MATCH (n) WHERE NOT n:SchemaMigration
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
