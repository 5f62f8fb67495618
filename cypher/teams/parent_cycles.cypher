// Of the given teams, those whose chain of parents comes back to them (run in the
// transaction that wrote their PART_OF: a non-empty answer rolls it back).
// A team with no team below it is on no loop: its walk up is skipped.
// mode: write
// params: ids
// scope: checked
UNWIND $ids AS id
MATCH (t:Team {id: id})
WHERE EXISTS { (t)<-[:PART_OF]-() } AND EXISTS { MATCH (t)-[:PART_OF]->+(t) }
RETURN t.id AS id ORDER BY id
