// Which of the given ids already exist, per label (import validation).
// mode: read
// params: accounts, teams, stakeholders, members, products, opportunities, interactions
// scope: internal
RETURN
  [x IN $accounts WHERE EXISTS { MATCH (:Account {id: x}) }] AS accounts,
  [x IN $teams WHERE EXISTS { MATCH (:Team {id: x}) }] AS teams,
  [x IN $stakeholders WHERE EXISTS { MATCH (:Stakeholder {id: x}) }] AS stakeholders,
  [x IN $members WHERE EXISTS { MATCH (:Member {id: x}) }] AS members,
  [x IN $products WHERE EXISTS { MATCH (:Product {id: x}) }] AS products,
  [x IN $opportunities WHERE EXISTS { MATCH (:Opportunity {id: x}) }] AS opportunities,
  [x IN $interactions WHERE EXISTS { MATCH (:Interaction {id: x}) }] AS interactions
