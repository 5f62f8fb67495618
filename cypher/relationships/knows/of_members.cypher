// Every KNOWS edge into an active stakeholder, of one member or of all (the portfolio's
// overdue-touches report), with what the cadence rules need.
// mode: read
// params: member_id
// scope: account accountId
MATCH (m:Member)-[k:KNOWS]->(s:Stakeholder)
WHERE ($member_id IS NULL OR m.id = $member_id) AND coalesce(s.status, 'ACTIVE') = 'ACTIVE'
RETURN k {.*, memberId: m.id, memberName: m.name, stakeholderId: s.id, seniority: s.seniority,
          accountId: s.accountId} AS item
