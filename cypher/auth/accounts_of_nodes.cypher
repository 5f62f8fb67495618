// The stored account of existing teams, stakeholders, opportunities and interactions
// (a member-bound writer may only touch its own accounts).
// mode: read
// params: teams, stakeholders, opportunities, interactions
// scope: internal
CALL {
  UNWIND $teams AS id MATCH (n:Team {id: id}) RETURN 'teams' AS kind, id, n.accountId AS accountId
  UNION ALL
  UNWIND $stakeholders AS id MATCH (n:Stakeholder {id: id})
  RETURN 'stakeholders' AS kind, id, n.accountId AS accountId
  UNION ALL
  UNWIND $opportunities AS id MATCH (n:Opportunity {id: id})
  RETURN 'opportunities' AS kind, id, n.accountId AS accountId
  UNION ALL
  UNWIND $interactions AS id MATCH (n:Interaction {id: id})
  RETURN 'interactions' AS kind, id, n.accountId AS accountId
}
RETURN kind, id, accountId
