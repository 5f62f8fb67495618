// Point each team's PART_OF at row.target (the parentId); null target removes it. The
// team and the new parent's chain of parents are write-locked first (as for managers:
// see stakeholders/link_stakeholder_managers), so `parent_cycles` sees concurrent writes.
// The chain is walked from the parent node matched with the row (see there why).
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (t:Team {id: row.id})
OPTIONAL MATCH (p:Team {id: row.target})
SET t._lock = true
REMOVE t._lock
WITH t, p
CALL (p) {
  MATCH (p)-[:PART_OF*0..]->(up:Team)
  SET up._lock = true
  REMOVE up._lock
}
OPTIONAL MATCH (t)-[old:PART_OF]->()
DELETE old
WITH DISTINCT t, p
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | MERGE (t)-[:PART_OF]->(p))
