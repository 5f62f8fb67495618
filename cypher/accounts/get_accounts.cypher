// Accounts by id (DataLoader batch).
// mode: read
// params: ids
// scope: account id
UNWIND $ids AS key
MATCH (a:Account {id: key})
RETURN key, a {.*} AS item
