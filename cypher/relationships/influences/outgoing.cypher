// The INFLUENCES edges out of each stakeholder (DataLoader batch).
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
RETURN key, COLLECT {
  MATCH (:Stakeholder {id: key})-[r:INFLUENCES]->(b:Stakeholder)
  RETURN {fromId: key, toId: b.id, weight: r.weight, accountId: b.accountId} ORDER BY b.id
} AS items
