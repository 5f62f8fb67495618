// The account team of each account: member and role (DataLoader batch).
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
RETURN key, COLLECT {
  MATCH (m:Member)-[r:ON_ACCOUNT_TEAM]->(:Account {id: key})
  RETURN {memberId: m.id, accountId: key, role: r.role} ORDER BY m.name, m.id
} AS items
