// Point each team's PART_OF at row.target (the parentId); null target removes it. The
// team and the new parent's chain of parents are write-locked first (as for managers:
// see stakeholders/link_stakeholder_managers), so `parent_cycles` sees concurrent writes.
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (t:Team {id: row.id})
SET t._lock = true
REMOVE t._lock
WITH t, row
CALL (row) {
  OPTIONAL MATCH (:Team {id: row.target})-[:PART_OF*0..]->(up:Team)
  WITH up WHERE up IS NOT NULL
  SET up._lock = true
  REMOVE up._lock
}
OPTIONAL MATCH (t)-[old:PART_OF]->()
DELETE old
WITH DISTINCT t, row
OPTIONAL MATCH (p:Team {id: row.target})
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | MERGE (t)-[:PART_OF]->(p))
