// The stored account of each given stakeholder and interaction (import validation: an
// interaction's attendees must be people of its account).
// mode: read
// params: stakeholders, interactions
// scope: internal
RETURN
  COLLECT { UNWIND $stakeholders AS x MATCH (s:Stakeholder {id: x}) RETURN [x, s.accountId] } AS stakeholders,
  COLLECT { UNWIND $interactions AS x MATCH (i:Interaction {id: x}) RETURN [x, i.accountId] } AS interactions
