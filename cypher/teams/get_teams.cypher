// Teams by id (DataLoader batch).
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
MATCH (t:Team {id: key})
RETURN key, t {.*} AS item
