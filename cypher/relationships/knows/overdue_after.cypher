// The page of the portfolio's overdue touches after the edge $after (overdue_head's
// order, rule and rows), read from the cursor's member on, member by member, until
// $first + 1 edges are found. $pairs: the (member id, stakeholder id) pairs the edge id
// `member:stakeholder` can be split into (an id may hold a ":"); `cursorFound` is false
// when none names an edge that is still in the list (gone, or no longer overdue).
// `lastContact` comes as ISO text (the driver takes about 10 us to make each Date; a
// page of 5,000 read 30 ms faster): analyses/service.py makes it a date again.
// mode: read
// params: member_id, account_ids, as_of, cadence, cutoff, pairs, first
// scope: param
CALL () {
  UNWIND $pairs AS pair
  MATCH (m0:Member {id: pair[0]})-[k0:KNOWS]->(s0:Stakeholder {id: pair[1]})
  WHERE ($member_id IS NULL OR m0.id = $member_id) AND coalesce(s0.status, 'ACTIVE') = 'ACTIVE'
    AND ($account_ids IS NULL OR s0.accountId IN $account_ids)
    AND (k0.lastContact IS NULL OR k0.lastContact < $cutoff[coalesce(s0.seniority, 'IC')])
  RETURN collect({m: m0, s: s0,
    late: duration.inDays(k0.lastContact, $as_of).days - $cadence[coalesce(s0.seniority, 'IC')]})[0] AS cursor
}
CALL (cursor) {
  WITH cursor WHERE cursor IS NOT NULL
  WITH cursor.m AS m0, cursor.s AS s0, cursor.late AS late0
  MATCH (m:Member)
  WHERE ($member_id IS NULL OR m.id = $member_id)
    AND (coalesce(m.name, '') > coalesce(m0.name, '')
         OR (coalesce(m.name, '') = coalesce(m0.name, '') AND m.id >= m0.id))
  WITH m0, s0, late0, m ORDER BY coalesce(m.name, ''), m.id
  CALL (m, m0, s0, late0) {
    MATCH (m)-[k:KNOWS]->(s:Stakeholder)
    WHERE coalesce(s.status, 'ACTIVE') = 'ACTIVE'
      AND ($account_ids IS NULL OR s.accountId IN $account_ids)
      AND (k.lastContact IS NULL OR k.lastContact < $cutoff[coalesce(s.seniority, 'IC')])
    WITH k, s, duration.inDays(k.lastContact, $as_of).days - $cadence[coalesce(s.seniority, 'IC')] AS late
    // After the cursor within its member: never contacted first (by stakeholder id),
    // then most days late, then stakeholder id.
    WHERE m <> m0
       OR (late0 IS NULL AND (late IS NOT NULL OR s.id > s0.id))
       OR (late0 IS NOT NULL AND late IS NOT NULL AND (late < late0 OR (late = late0 AND s.id > s0.id)))
    WITH k, s, late ORDER BY late IS NOT NULL, late DESC, s.id
    RETURN k, s
  }
  WITH m, k, s LIMIT $first + 1
  RETURN collect(k {.*, lastContact: toString(k.lastContact), memberId: m.id, memberName: m.name, stakeholderId: s.id,
                    seniority: s.seniority, accountId: s.accountId}) AS page
}
RETURN cursor IS NOT NULL AS cursorFound, page
