// Point each team's PART_OF at row.target (the parentId); null target removes it.
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (t:Team {id: row.id})
OPTIONAL MATCH (t)-[old:PART_OF]->()
DELETE old
WITH DISTINCT t, row
OPTIONAL MATCH (p:Team {id: row.target})
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | MERGE (t)-[:PART_OF]->(p))
