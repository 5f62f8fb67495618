// Stakeholder history of the exported accounts, oldest first; a manager or
// team of another account (linked before such links were refused) reads as null.
// mode: read
// params: account_ids
// scope: param
MATCH (s:Stakeholder)-[:CHANGED]->(c:StakeholderChange)
WHERE $account_ids IS NULL OR s.accountId IN $account_ids
RETURN c {.*,
    old: CASE
      WHEN c.field = 'managerId' AND EXISTS {
        MATCH (o:Stakeholder {id: c.old}) USING INDEX SEEK o:Stakeholder(id) WHERE o.accountId <> s.accountId } THEN null
      WHEN c.field = 'teamId' AND EXISTS {
        MATCH (o:Team {id: c.old}) USING INDEX SEEK o:Team(id) WHERE o.accountId <> s.accountId } THEN null
      ELSE c.old END,
    new: CASE
      WHEN c.field = 'managerId' AND EXISTS {
        MATCH (o:Stakeholder {id: c.new}) USING INDEX SEEK o:Stakeholder(id) WHERE o.accountId <> s.accountId } THEN null
      WHEN c.field = 'teamId' AND EXISTS {
        MATCH (o:Team {id: c.new}) USING INDEX SEEK o:Team(id) WHERE o.accountId <> s.accountId } THEN null
      ELSE c.new END} AS row ORDER BY s.id, c.date, c.recordedAt, c.field
