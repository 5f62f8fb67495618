// The recorded changes of each stakeholder, oldest first (DataLoader batch).
// mode: read
// params: ids
UNWIND $ids AS key
RETURN key, COLLECT {
  MATCH (:Stakeholder {id: key})-[:CHANGED]->(c:StakeholderChange)
  RETURN c {.*} ORDER BY c.date, c.recordedAt, c.field
} AS items
