// The stakeholders of each account, departed ones only when asked (DataLoader batch).
// mode: read
// params: ids, include_departed
// scope: account accountId
UNWIND $ids AS key
RETURN key, COLLECT {
  MATCH (s:Stakeholder {accountId: key})
  WHERE $include_departed OR coalesce(s.status, 'ACTIVE') = 'ACTIVE'
  RETURN s {.*,
  managerId: CASE WHEN EXISTS { MATCH (o:Stakeholder {id: s.managerId}) USING INDEX SEEK o:Stakeholder(id) WHERE o.accountId <> s.accountId }
    THEN null ELSE s.managerId END,
  teamId: CASE WHEN EXISTS { MATCH (o:Team {id: s.teamId}) USING INDEX SEEK o:Team(id) WHERE o.accountId <> s.accountId }
    THEN null ELSE s.teamId END} ORDER BY s.name, s.id
} AS items
