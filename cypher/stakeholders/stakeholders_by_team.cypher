// The stakeholders of each team, departed ones only when asked (DataLoader batch).
// mode: read
// params: ids, include_departed
// scope: account accountId
UNWIND $ids AS key
RETURN key, COLLECT {
  MATCH (s:Stakeholder)-[:MEMBER_OF]->(:Team {id: key})
  WHERE $include_departed OR coalesce(s.status, 'ACTIVE') = 'ACTIVE'
  RETURN s {.*} ORDER BY s.name, s.id
} AS items
