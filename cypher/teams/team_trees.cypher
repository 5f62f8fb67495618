// Each account's teams (as teams_by_account), each with its stakeholders (as
// stakeholders_by_team) and, when $with_relationships, the KNOWS edges into each
// stakeholder (as knows_by_stakeholder): a nested read in one query instead of three.
// mode: read
// params: ids, include_departed, with_relationships
// scope: account accountId, stakeholders.accountId, stakeholders.relationships.accountId
UNWIND $ids AS key
RETURN key, COLLECT {
  MATCH (t:Team {accountId: key})
  RETURN t {.*, stakeholders: COLLECT {
    MATCH (s:Stakeholder)-[:MEMBER_OF]->(t)
    WHERE $include_departed OR coalesce(s.status, 'ACTIVE') = 'ACTIVE'
    RETURN s {.*, relationships: CASE WHEN $with_relationships THEN COLLECT {
      MATCH (m:Member)-[k:KNOWS]->(s)
      RETURN k {.*, memberId: m.id, stakeholderId: s.id, seniority: s.seniority,
               stakeholderStatus: s.status, accountId: s.accountId} ORDER BY m.id
    } END} ORDER BY s.name, s.id
  }} ORDER BY t.name, t.id
} AS items
