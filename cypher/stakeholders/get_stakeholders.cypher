// Stakeholders by id (DataLoader batch).
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
MATCH (s:Stakeholder {id: key})
RETURN key, s {.*,
  managerId: CASE WHEN EXISTS { MATCH (o:Stakeholder {id: s.managerId}) USING INDEX SEEK o:Stakeholder(id) WHERE o.accountId <> s.accountId }
    THEN null ELSE s.managerId END,
  teamId: CASE WHEN EXISTS { MATCH (o:Team {id: s.teamId}) USING INDEX SEEK o:Team(id) WHERE o.accountId <> s.accountId }
    THEN null ELSE s.teamId END} AS item
