// Point each stakeholder's MEMBER_OF at row.target (the teamId); null target removes it.
// The node is write-locked first: concurrent writers replace, never add up.
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (s:Stakeholder {id: row.id})
SET s._lock = true
REMOVE s._lock
WITH *
OPTIONAL MATCH (s)-[old:MEMBER_OF]->()
DELETE old
WITH DISTINCT s, row
OPTIONAL MATCH (t:Team {id: row.target})
FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (s)-[:MEMBER_OF]->(t))
