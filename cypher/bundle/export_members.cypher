// Members: all of them, or those tied to the exported accounts (team, KNOWS, attendance).
// mode: read
// params: account_ids
// scope: param
MATCH (m:Member)
WHERE $account_ids IS NULL
   OR EXISTS { MATCH (m)-[:ON_ACCOUNT_TEAM]->(a:Account) WHERE a.id IN $account_ids }
   OR EXISTS { MATCH (m)-[:KNOWS]->(s:Stakeholder) WHERE s.accountId IN $account_ids }
   OR EXISTS { MATCH (m)-[:ATTENDED]->(i:Interaction) WHERE i.accountId IN $account_ids }
RETURN m {.*} AS row ORDER BY m.id
