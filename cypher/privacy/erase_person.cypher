// Erase one stakeholder (GDPR erasure): their name is replaced in the summaries of the
// interactions they attended, their id is cleared from others' recorded manager
// changes, then the node goes with all its edges and its own history. Only inside
// `account_ids` when given (a member-bound caller).
// mode: write
// params: id, placeholder, account_ids
// scope: param
MATCH (s:Stakeholder {id: $id})
WHERE $account_ids IS NULL OR s.accountId IN $account_ids
CALL (s) {
  OPTIONAL MATCH (s)-[:ATTENDED]->(x:Interaction)
  WITH s, x WHERE x IS NOT NULL
  SET x.summary = CASE WHEN x.summary IS NULL THEN null
                       ELSE replace(x.summary, s.name, $placeholder) END
  RETURN count(x) AS interactions
}
CALL (s) {
  OPTIONAL MATCH (c:StakeholderChange {field: 'managerId'})
  WHERE c.stakeholderId <> s.id AND (c.old = s.id OR c.new = s.id)
  SET c.old = CASE WHEN c.old = s.id THEN null ELSE c.old END,
      c.new = CASE WHEN c.new = s.id THEN null ELSE c.new END
  RETURN count(c) AS otherHistory
}
CALL (s) {
  OPTIONAL MATCH (r:Stakeholder)-[:REPORTS_TO]->(s)
  SET r.managerId = null
  RETURN count(r) AS reports
}
CALL (s) {
  OPTIONAL MATCH (s)-[:CHANGED]->(c:StakeholderChange)
  DETACH DELETE c
  RETURN count(c) AS history
}
CALL (s) {
  OPTIONAL MATCH (s)-[e]-()
  RETURN count(e) AS edges
}
WITH s, interactions, otherHistory, reports, history, edges, s.accountId AS accountId
DETACH DELETE s
RETURN accountId, interactions, otherHistory, reports, history, edges
