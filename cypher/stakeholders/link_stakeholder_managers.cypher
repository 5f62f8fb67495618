// Point each stakeholder's REPORTS_TO at row.target (the managerId); null target removes
// it. The stakeholder and the new manager's whole chain of managers are write-locked
// first: two writes that would close a loop between them share a lock, so the later one
// waits, and `manager_cycles` (run next in the same transaction) sees the other's edge.
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (s:Stakeholder {id: row.id})
SET s._lock = true
REMOVE s._lock
WITH s, row
CALL (row) {
  OPTIONAL MATCH (:Stakeholder {id: row.target})-[:REPORTS_TO*0..]->(up:Stakeholder)
  WITH up WHERE up IS NOT NULL
  SET up._lock = true
  REMOVE up._lock
}
OPTIONAL MATCH (s)-[old:REPORTS_TO]->()
DELETE old
WITH DISTINCT s, row
OPTIONAL MATCH (m:Stakeholder {id: row.target})
FOREACH (_ IN CASE WHEN m IS NULL THEN [] ELSE [1] END | MERGE (s)-[:REPORTS_TO]->(m))
