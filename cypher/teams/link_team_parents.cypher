// Point each team's PART_OF at row.target (the parentId); null target removes it. The
// team and the new parent's chain of parents are write-locked first (as for managers:
// see stakeholders/link_stakeholder_managers), so `parent_cycles` sees concurrent writes.
// The chain's first node is sought through the id index, by hint (see there).
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (t:Team {id: row.id})
SET t._lock = true
REMOVE t._lock
WITH t, row
CALL (row) {
  MATCH (top:Team {id: row.target})
  USING INDEX top:Team(id)
  MATCH (top)-[:PART_OF*0..]->(up:Team)
  SET up._lock = true
  REMOVE up._lock
}
OPTIONAL MATCH (t)-[old:PART_OF]->()
DELETE old
WITH DISTINCT t, row
OPTIONAL MATCH (p:Team {id: row.target})
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | MERGE (t)-[:PART_OF]->(p))
