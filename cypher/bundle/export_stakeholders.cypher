// Stakeholders of the exported accounts (departed included), by id.
// mode: read
// params: account_ids
// scope: param
MATCH (s:Stakeholder) WHERE $account_ids IS NULL OR s.accountId IN $account_ids
RETURN s {.*,
  managerId: CASE WHEN EXISTS { MATCH (o:Stakeholder {id: s.managerId}) USING INDEX SEEK o:Stakeholder(id) WHERE o.accountId <> s.accountId }
    THEN null ELSE s.managerId END,
  teamId: CASE WHEN EXISTS { MATCH (o:Team {id: s.teamId}) USING INDEX SEEK o:Team(id) WHERE o.accountId <> s.accountId }
    THEN null ELSE s.teamId END} AS row ORDER BY s.id
