// Opportunities by id (DataLoader batch).
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
MATCH (o:Opportunity {id: key})
RETURN key, o {.*} AS item
