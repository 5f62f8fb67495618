// The recorded changes of each stakeholder, oldest first (DataLoader batch).
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
RETURN key, COLLECT {
  MATCH (s:Stakeholder {id: key})-[:CHANGED]->(c:StakeholderChange)
  RETURN c {.*, accountId: s.accountId} ORDER BY c.date, c.recordedAt, c.field
} AS items
