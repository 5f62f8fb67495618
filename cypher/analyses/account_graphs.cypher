// The relationship subgraph of each account: active stakeholders with their team's
// functionGroup, KNOWS edges into them, and REPORTS_TO / INFLUENCES between active
// stakeholders (DataLoader batch; every analysis of §2-§6 runs on this).
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
MATCH (a:Account {id: key})
// The change counter of the account, read before the rest: what live/kept.py keeps the item
// under (a counter already bumped means the write it counts is visible below).
OPTIONAL MATCH (rev:AccountRevision {accountId: key})
RETURN key, CASE WHEN rev.changedAt IS NOT NULL THEN [rev.revision, rev.changedAt.epochMillis] END AS stamp, {
  accountId: key,
  people: COLLECT {
    MATCH (s:Stakeholder {accountId: key}) USING INDEX SEEK s:Stakeholder(accountId)
    WHERE coalesce(s.status, 'ACTIVE') = 'ACTIVE'
    OPTIONAL MATCH (s)-[:MEMBER_OF]->(t:Team)
    // A team of another account (linked before such links were refused) counts as none.
    RETURN s {.*, functionGroup: CASE WHEN t.accountId = key THEN t.functionGroup END}
  },
  knows: COLLECT {
    MATCH (s:Stakeholder {accountId: key}) USING INDEX SEEK s:Stakeholder(accountId)
    WHERE coalesce(s.status, 'ACTIVE') = 'ACTIVE'
    MATCH (m:Member)-[k:KNOWS]->(s)
    RETURN {memberId: m.id, memberName: m.name, stakeholderId: s.id,
            strength: k.strength, lastContact: k.lastContact}
  },
  reports: COLLECT {
    MATCH (r:Stakeholder {accountId: key}) USING INDEX SEEK r:Stakeholder(accountId)
    WHERE coalesce(r.status, 'ACTIVE') = 'ACTIVE'
    MATCH (r)-[:REPORTS_TO]->(m:Stakeholder)
    WHERE coalesce(m.status, 'ACTIVE') = 'ACTIVE'
    // (Filtered after the expansion: a manager of another account is left out.)
    WITH r, m WHERE m.accountId = key
    RETURN {from: r.id, to: m.id}
  },
  influences: COLLECT {
    MATCH (x:Stakeholder {accountId: key}) USING INDEX SEEK x:Stakeholder(accountId)
    WHERE coalesce(x.status, 'ACTIVE') = 'ACTIVE'
    MATCH (x)-[i:INFLUENCES]->(y:Stakeholder)
    WHERE coalesce(y.status, 'ACTIVE') = 'ACTIVE' AND y.accountId = key
    RETURN {from: x.id, to: y.id, weight: i.weight}
  }
} AS item
