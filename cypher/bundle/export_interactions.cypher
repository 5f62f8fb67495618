// Interactions of the exported accounts with their attendees' ids, by id.
// mode: read
// params: account_ids
// scope: param
MATCH (i:Interaction) WHERE $account_ids IS NULL OR i.accountId IN $account_ids
RETURN i {.*,
  memberIds: COLLECT { MATCH (m:Member)-[:ATTENDED]->(i) RETURN m.id ORDER BY m.id },
  stakeholderIds: COLLECT { MATCH (s:Stakeholder)-[:ATTENDED]->(i)
                         WHERE s.accountId = i.accountId RETURN s.id ORDER BY s.id }
} AS row ORDER BY i.id
