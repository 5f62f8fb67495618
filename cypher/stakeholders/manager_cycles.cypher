// Of the given stakeholders, those whose chain of managers comes back to them (run in the
// transaction that wrote their REPORTS_TO, after its locks: a non-empty answer rolls it
// back). Each person has at most one manager, so each walk is linear.
// One with no one reporting to them (most of an org) is on no loop: their walk up is
// skipped.
// mode: write
// params: ids
// scope: checked
UNWIND $ids AS id
MATCH (s:Stakeholder {id: id})
WHERE EXISTS { (s)<-[:REPORTS_TO]-() } AND EXISTS { MATCH (s)-[:REPORTS_TO]->+(s) }
RETURN s.id AS id ORDER BY id
