// The stored account of each given stakeholder, interaction and team (import validation:
// attendees, managers and teams must belong to the account of what points at them).
// mode: read
// params: stakeholders, interactions, teams
// scope: internal
RETURN
  COLLECT { UNWIND $stakeholders AS x MATCH (s:Stakeholder {id: x}) RETURN [x, s.accountId] } AS stakeholders,
  COLLECT { UNWIND $interactions AS x MATCH (i:Interaction {id: x}) RETURN [x, i.accountId] } AS interactions,
  COLLECT { UNWIND $teams AS x MATCH (t:Team {id: x}) RETURN [x, t.accountId] } AS teams
