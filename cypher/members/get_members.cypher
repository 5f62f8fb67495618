// Members by id (DataLoader batch).
// mode: read
// params: ids
// scope: shared
UNWIND $ids AS key
MATCH (m:Member {id: key})
RETURN key, m {.*} AS item
