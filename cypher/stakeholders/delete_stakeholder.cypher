// Delete a stakeholder (erasure); reports' managerId is cleared. Prefer markDeparted
// to keep history. Returns whether it existed.
// mode: write
// params: id
// scope: checked
OPTIONAL MATCH (s:Stakeholder {id: $id})
CALL (s) {
  WITH s WHERE s IS NOT NULL
  OPTIONAL MATCH (r:Stakeholder)-[:REPORTS_TO]->(s) SET r.managerId = null
  WITH s
  OPTIONAL MATCH (s)-[:CHANGED]->(c:StakeholderChange) DETACH DELETE c
}
WITH s, s IS NOT NULL AS existed
DETACH DELETE s
RETURN existed
