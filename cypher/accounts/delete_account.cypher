// Delete an account with everything scoped to it (teams, stakeholders, opportunities,
// interactions); members and products stay. Returns whether it existed.
// mode: write
// params: id
OPTIONAL MATCH (a:Account {id: $id})
CALL (a) {
  WITH a WHERE a IS NOT NULL
  OPTIONAL MATCH (n) WHERE (n:Team OR n:Stakeholder OR n:Opportunity OR n:Interaction)
    AND n.accountId = $id
  DETACH DELETE n
}
WITH a, a IS NOT NULL AS existed
DETACH DELETE a
RETURN existed
