// Stakeholders by id (DataLoader batch).
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
MATCH (s:Stakeholder {id: key})
RETURN key, s {.*} AS item
