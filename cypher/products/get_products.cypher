// Products by id (DataLoader batch).
// mode: read
// params: ids
// scope: shared
UNWIND $ids AS key
MATCH (p:Product {id: key})
RETURN key, p {.*} AS item
