// The interactions of each account, newest first, with attendees' ids (DataLoader batch).
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
RETURN key, COLLECT {
  MATCH (i:Interaction {accountId: key})
  RETURN i {.*,
    memberIds: COLLECT { MATCH (m:Member)-[:ATTENDED]->(i) RETURN m.id ORDER BY m.id },
    stakeholderIds: COLLECT { MATCH (s:Stakeholder)-[:ATTENDED]->(i)
                         WHERE s.accountId = i.accountId RETURN s.id ORDER BY s.id }
  } ORDER BY i.date DESC, i.id
} AS items
