// The opportunities of each team (DataLoader batch).
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
RETURN key, COLLECT {
  MATCH (o:Opportunity {teamId: key}) RETURN o {.*} ORDER BY o.closeDate DESC, o.id
} AS items
