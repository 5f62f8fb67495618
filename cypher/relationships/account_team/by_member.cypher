// The accounts each member is on, with the role (DataLoader batch).
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
RETURN key, COLLECT {
  MATCH (:Member {id: key})-[r:ON_ACCOUNT_TEAM]->(a:Account)
  RETURN {memberId: key, accountId: a.id, role: r.role} ORDER BY a.name, a.id
} AS items
