// Baseline: MERGE a BELONGS_TO edge from each Team to its target Account.
// mode: write
// params: rows
// scope: internal
UNWIND $rows AS row
MATCH (a:Team {id: row.id})
MATCH (b:Account {id: row.target})
MERGE (a)-[:BELONGS_TO]->(b)
