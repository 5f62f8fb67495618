// Point each team's BELONGS_TO at row.target (the accountId); null target removes it.
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (t:Team {id: row.id})
OPTIONAL MATCH (t)-[old:BELONGS_TO]->()
DELETE old
WITH DISTINCT t, row
OPTIONAL MATCH (a:Account {id: row.target})
FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | MERGE (t)-[:BELONGS_TO]->(a))
