// Everything to draw one account's graph, in one round trip: every stakeholder (departed
// too) with the functionGroup of their team and their recorded changes (the org of a
// past day is rebuilt from them), the KNOWS edges into them with the member's
// name, REPORTS_TO and INFLUENCES between them, the teams, and our account team. The
// active part is what analyses.account_graphs returns (the explorer primes that loader
// with it, so the analyses under the same account cost no more reads).
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
    OPTIONAL MATCH (s)-[:MEMBER_OF]->(t:Team)
    // The manager and team named, looked up as rows (an EXISTS lookup is a nested plan
    // that Neo4j once planned as a scan of every node of the label). Every lookup here
    // carries its index hint: planned on statistics older than an import, a batch of
    // 11-100 ids otherwise scanned the label or its whole index (bench/notes.md).
    OPTIONAL MATCH (boss:Stakeholder {id: s.managerId}) USING INDEX SEEK boss:Stakeholder(id)
    OPTIONAL MATCH (named:Team {id: s.teamId}) USING INDEX SEEK named:Team(id)
    RETURN s {.*, functionGroup: CASE WHEN t.accountId = key THEN t.functionGroup END,
      managerId: CASE WHEN boss.accountId <> key THEN null ELSE s.managerId END,
      teamId: CASE WHEN named.accountId <> key THEN null ELSE s.teamId END,
      history: COLLECT {
      MATCH (s)-[:CHANGED]->(c:StakeholderChange)
      OPTIONAL MATCH (oldBoss:Stakeholder {id: c.old}) USING INDEX SEEK oldBoss:Stakeholder(id)
        WHERE c.field = 'managerId'
      OPTIONAL MATCH (oldTeam:Team {id: c.old}) USING INDEX SEEK oldTeam:Team(id)
        WHERE c.field = 'teamId'
      OPTIONAL MATCH (newBoss:Stakeholder {id: c.new}) USING INDEX SEEK newBoss:Stakeholder(id)
        WHERE c.field = 'managerId'
      OPTIONAL MATCH (newTeam:Team {id: c.new}) USING INDEX SEEK newTeam:Team(id)
        WHERE c.field = 'teamId'
      RETURN c {.*,
        old: CASE WHEN coalesce(oldBoss, oldTeam).accountId <> key THEN null ELSE c.old END,
        new: CASE WHEN coalesce(newBoss, newTeam).accountId <> key THEN null ELSE c.new END}
      ORDER BY c.date, c.recordedAt, c.field
    }}
  },
  knows: COLLECT {
    MATCH (m:Member)-[k:KNOWS]->(s:Stakeholder {accountId: key}) USING INDEX SEEK s:Stakeholder(accountId)
    RETURN {memberId: m.id, memberName: m.name, stakeholderId: s.id,
            strength: k.strength, lastContact: k.lastContact}
  },
  reports: COLLECT {
    MATCH (r:Stakeholder {accountId: key})-[:REPORTS_TO]->(m:Stakeholder {accountId: key})
    USING INDEX SEEK r:Stakeholder(accountId)
    RETURN {from: r.id, to: m.id}
  },
  influences: COLLECT {
    MATCH (x:Stakeholder {accountId: key})-[i:INFLUENCES]->(y:Stakeholder {accountId: key})
    USING INDEX SEEK x:Stakeholder(accountId)
    RETURN {from: x.id, to: y.id, weight: i.weight}
  },
  teams: COLLECT {
    MATCH (t:Team {accountId: key}) USING INDEX SEEK t:Team(accountId)
    RETURN t {.id, .name, .parentId, .functionGroup} ORDER BY t.name, t.id
  },
  accountTeam: COLLECT {
    MATCH (m:Member)-[r:ON_ACCOUNT_TEAM]->(a)
    RETURN {id: m.id, name: m.name, role: r.role} ORDER BY m.name, m.id
  }
} AS item
