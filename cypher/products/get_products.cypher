// Products by id (DataLoader batch).
// mode: read
// params: ids
UNWIND $ids AS key
MATCH (p:Product {id: key})
RETURN key, p {.*} AS item
