// The teams of each account, by name (DataLoader batch).
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
RETURN key, COLLECT { MATCH (t:Team {accountId: key}) RETURN t {.*} ORDER BY t.name, t.id } AS items
