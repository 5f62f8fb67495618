// The direct reports of each stakeholder, departed ones only when asked (DataLoader batch).
// mode: read
// params: ids, include_departed
// scope: account accountId
UNWIND $ids AS key
RETURN key, COLLECT {
  MATCH (r:Stakeholder)-[:REPORTS_TO]->(m:Stakeholder {id: key})
  WHERE r.accountId = m.accountId
    AND ($include_departed OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
  RETURN r {.*,
  managerId: CASE WHEN EXISTS { MATCH (o:Stakeholder {id: r.managerId}) USING INDEX SEEK o:Stakeholder(id) WHERE o.accountId <> r.accountId }
    THEN null ELSE r.managerId END,
  teamId: CASE WHEN EXISTS { MATCH (o:Team {id: r.teamId}) USING INDEX SEEK o:Team(id) WHERE o.accountId <> r.accountId }
    THEN null ELSE r.teamId END} ORDER BY r.name, r.id
} AS items
