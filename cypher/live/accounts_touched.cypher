// The accounts a write names or reaches: accounts by id, and the accounts of the teams,
// stakeholders, opportunities and interactions named, and of the members named (the
// accounts they are on or hold relationships in). A product is in no account's graph
// (all_accounts: a catalog change). Run before a write (a deleted node still answers)
// and after it (a created account answers).
// mode: read
// params: accounts, teams, stakeholders, opportunities, interactions, members
// scope: internal
CALL {
  UNWIND $accounts AS id MATCH (a:Account {id: id}) RETURN a.id AS accountId
  UNION
  UNWIND $teams AS id MATCH (n:Team {id: id}) RETURN n.accountId AS accountId
  UNION
  UNWIND $stakeholders AS id MATCH (n:Stakeholder {id: id}) RETURN n.accountId AS accountId
  UNION
  UNWIND $opportunities AS id MATCH (n:Opportunity {id: id}) RETURN n.accountId AS accountId
  UNION
  UNWIND $interactions AS id MATCH (n:Interaction {id: id}) RETURN n.accountId AS accountId
  UNION
  UNWIND $members AS id MATCH (:Member {id: id})-[:ON_ACCOUNT_TEAM]->(a:Account)
  RETURN a.id AS accountId
  UNION
  UNWIND $members AS id MATCH (:Member {id: id})-[:KNOWS]->(s:Stakeholder)
  RETURN s.accountId AS accountId
}
WITH accountId WHERE accountId IS NOT NULL
RETURN collect(DISTINCT accountId) AS ids
