// The recorded changes of each stakeholder, oldest first (DataLoader batch). A manager
// or team of another account (linked before such links were refused) reads as null.
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
RETURN key, COLLECT {
  MATCH (s:Stakeholder {id: key})-[:CHANGED]->(c:StakeholderChange)
  RETURN c {.*, accountId: s.accountId,
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
      ELSE c.new END} ORDER BY c.date, c.recordedAt, c.field
} AS items
