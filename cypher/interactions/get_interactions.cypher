// Interactions by id with their attendees' ids (DataLoader batch).
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
MATCH (i:Interaction {id: key})
RETURN key, i {.*,
  memberIds: COLLECT { MATCH (m:Member)-[:ATTENDED]->(i) RETURN m.id ORDER BY m.id },
  stakeholderIds: COLLECT { MATCH (s:Stakeholder)-[:ATTENDED]->(i)
                         WHERE s.accountId = i.accountId RETURN s.id ORDER BY s.id }
} AS item
