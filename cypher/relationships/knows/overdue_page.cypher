// One page of the portfolio's overdue touches (the overdue-touches-by-member report), in
// one record: every KNOWS edge into an active stakeholder past its cadence on $as_of
// (domain §2: never contacted, or more days since the last contact than the cadence days
// of the stakeholder's seniority, $cadence; none: IC), ordered by member name and id,
// then never contacted first, then most days past cadence, then stakeholder id. The
// count, whether the cursor (the edge id member:stakeholder) is still in the list, and
// up to $first + 1 edges after it, with what Relationship needs.
// mode: read
// params: member_id, account_ids, as_of, cadence, after, first
// scope: param
MATCH (m:Member)-[k:KNOWS]->(s:Stakeholder)
WHERE ($member_id IS NULL OR m.id = $member_id) AND coalesce(s.status, 'ACTIVE') = 'ACTIVE'
  AND ($account_ids IS NULL OR s.accountId IN $account_ids)
WITH m, k, s, $cadence[coalesce(s.seniority, 'IC')] AS every,
     CASE WHEN k.lastContact IS NOT NULL THEN duration.inDays(k.lastContact, $as_of).days END AS since
WHERE since IS NULL OR since > every
WITH m, s, since - every AS late
ORDER BY coalesce(m.name, ''), m.id, late IS NOT NULL, late DESC, s.id
WITH collect(m.id + ':' + s.id) AS keys, collect([m, s]) AS due
WITH keys, due,
     CASE WHEN $after IS NULL THEN 0 ELSE [i IN range(0, size(keys) - 1) WHERE keys[i] = $after][0] + 1 END AS start
CALL (due, start) {
  UNWIND range(coalesce(start, 0), coalesce(start, 0) + $first) AS i
  WITH i, due[i] AS pair WHERE pair IS NOT NULL
  WITH i, pair[0] AS m, pair[1] AS s
  MATCH (m)-[k:KNOWS]->(s)
  WITH i, m, s, k ORDER BY i
  RETURN collect(k {.*, memberId: m.id, memberName: m.name, stakeholderId: s.id,
                    seniority: s.seniority, accountId: s.accountId}) AS page
}
RETURN size(keys) AS total, start IS NOT NULL AS cursorFound, page
