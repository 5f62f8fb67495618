// The direct reports of each stakeholder, departed ones only when asked (DataLoader batch).
// mode: read
// params: ids, include_departed
// scope: account accountId
UNWIND $ids AS key
RETURN key, COLLECT {
  MATCH (r:Stakeholder)-[:REPORTS_TO]->(:Stakeholder {id: key})
  WHERE $include_departed OR coalesce(r.status, 'ACTIVE') = 'ACTIVE'
  RETURN r {.*} ORDER BY r.name, r.id
} AS items
