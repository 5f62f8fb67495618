// Everything held about one stakeholder (GDPR access request): the node, its team and
// manager, who reports to them, our relationships, influence both ways, recorded
// changes and the interactions they attended. Only inside `account_ids` when given
// (a member-bound caller), so another account's person reads as missing, and their
// influence edges to people of other accounts are left out.
// mode: read
// params: id, account_ids
// scope: param
MATCH (s:Stakeholder {id: $id})
WHERE $account_ids IS NULL OR s.accountId IN $account_ids
RETURN s {.*,
  managerId: CASE WHEN EXISTS { MATCH (o:Stakeholder {id: s.managerId}) USING INDEX SEEK o:Stakeholder(id) WHERE o.accountId <> s.accountId }
    THEN null ELSE s.managerId END,
  teamId: CASE WHEN EXISTS { MATCH (o:Team {id: s.teamId}) USING INDEX SEEK o:Team(id) WHERE o.accountId <> s.accountId }
    THEN null ELSE s.teamId END} AS stakeholder,
  COLLECT { MATCH (s)-[:MEMBER_OF]->(t:Team) WHERE t.accountId = s.accountId RETURN t {.id, .name} } AS teams,
  COLLECT { MATCH (s)-[:REPORTS_TO]->(m:Stakeholder) WHERE m.accountId = s.accountId RETURN m.id } AS managers,
  COLLECT { MATCH (r:Stakeholder)-[:REPORTS_TO]->(s) WHERE r.accountId = s.accountId RETURN r.id ORDER BY r.id } AS reports,
  COLLECT { MATCH (m:Member)-[k:KNOWS]->(s) RETURN k {.*, memberId: m.id} ORDER BY m.id } AS relationships,
  COLLECT { MATCH (s)-[i:INFLUENCES]->(b:Stakeholder)
            WHERE $account_ids IS NULL OR b.accountId IN $account_ids
            RETURN {toId: b.id, weight: i.weight} ORDER BY b.id } AS influences,
  COLLECT { MATCH (a:Stakeholder)-[i:INFLUENCES]->(s)
            WHERE $account_ids IS NULL OR a.accountId IN $account_ids
            RETURN {fromId: a.id, weight: i.weight} ORDER BY a.id } AS influencedBy,
  COLLECT { MATCH (s)-[:CHANGED]->(c:StakeholderChange) RETURN c {.*,
    old: CASE
      WHEN c.field = 'managerId' AND EXISTS {
        MATCH (o:Stakeholder {id: c.old}) USING INDEX SEEK o:Stakeholder(id) WHERE o.accountId <> s.accountId } THEN null
      WHEN c.field = 'teamId' AND EXISTS {
        MATCH (o:Team {id: c.old}) USING INDEX SEEK o:Team(id) WHERE o.accountId <> s.accountId } THEN null
      ELSE c.old END,
    new: CASE
      WHEN c.field = 'managerId' AND EXISTS {
        MATCH (o:Stakeholder {id: c.new}) USING INDEX SEEK o:Stakeholder(id) WHERE o.accountId <> s.accountId } THEN null
      WHEN c.field = 'teamId' AND EXISTS {
        MATCH (o:Team {id: c.new}) USING INDEX SEEK o:Team(id) WHERE o.accountId <> s.accountId } THEN null
      ELSE c.new END} ORDER BY c.date, c.recordedAt, c.field } AS history,
  COLLECT { MATCH (s)-[:ATTENDED]->(x:Interaction) RETURN x {.*} ORDER BY x.date, x.id } AS interactions
