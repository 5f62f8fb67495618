// The INFLUENCES edges into each stakeholder (DataLoader batch).
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
RETURN key, COLLECT {
  MATCH (a:Stakeholder)-[r:INFLUENCES]->(:Stakeholder {id: key})
  RETURN {fromId: a.id, toId: key, weight: r.weight, accountId: a.accountId} ORDER BY a.id
} AS items
