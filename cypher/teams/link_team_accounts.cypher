// Point each team's BELONGS_TO at row.target (the accountId); null target removes it.
// The node is write-locked first: concurrent writers replace, never add up.
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (t:Team {id: row.id})
SET t._lock = true
REMOVE t._lock
WITH *
OPTIONAL MATCH (t)-[old:BELONGS_TO]->()
DELETE old
WITH DISTINCT t, row
OPTIONAL MATCH (a:Account {id: row.target})
FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | MERGE (t)-[:BELONGS_TO]->(a))
