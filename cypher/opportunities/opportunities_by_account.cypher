// The opportunities of each account, latest close date first (DataLoader batch).
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
RETURN key, COLLECT {
  MATCH (o:Opportunity {accountId: key}) RETURN o {.*} ORDER BY o.closeDate DESC, o.id
} AS items
