// The KNOWS edges into each stakeholder (DataLoader batch).
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
RETURN key, COLLECT {
  MATCH (m:Member)-[k:KNOWS]->(s:Stakeholder {id: key})
  RETURN k {.*, memberId: m.id, stakeholderId: key, seniority: s.seniority,
           stakeholderStatus: s.status, accountId: s.accountId} ORDER BY m.id
} AS items
