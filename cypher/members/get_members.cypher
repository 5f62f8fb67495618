// Members by id (DataLoader batch).
// mode: read
// params: ids
UNWIND $ids AS key
MATCH (m:Member {id: key})
RETURN key, m {.*} AS item
