// Point each stakeholder's REPORTS_TO at row.target (the managerId); null target removes it.
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (s:Stakeholder {id: row.id})
OPTIONAL MATCH (s)-[old:REPORTS_TO]->()
DELETE old
WITH DISTINCT s, row
OPTIONAL MATCH (m:Stakeholder {id: row.target})
FOREACH (_ IN CASE WHEN m IS NULL THEN [] ELSE [1] END | MERGE (s)-[:REPORTS_TO]->(m))
