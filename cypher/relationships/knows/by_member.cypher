// The KNOWS edges out of each member (DataLoader batch).
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
RETURN key, COLLECT {
  MATCH (:Member {id: key})-[k:KNOWS]->(s:Stakeholder)
  RETURN k {.*, memberId: key, stakeholderId: s.id, seniority: s.seniority,
           stakeholderStatus: s.status, accountId: s.accountId} ORDER BY s.id
} AS items
