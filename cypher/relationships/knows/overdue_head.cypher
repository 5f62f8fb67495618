// The first page of the portfolio's overdue touches (overdue_after's order and rows,
// without its cursor): members in name order, each one's overdue edges most overdue
// first, and the read stops once $first + 1 edges are found, instead of ordering every
// overdue edge of the portfolio. An edge is overdue on $as_of when never contacted, or
// last contacted before $cutoff of the stakeholder's seniority (none: IC), the day its
// cadence days ($cadence, domain §2) ran out; `late` is how many days past cadence.
// `lastContact` comes as ISO text (the driver takes about 10 us to make each Date; a
// page of 5,000 read 30 ms faster): analyses/service.py makes it a date again. The
// stakeholder's name and title come with each edge: the overdue report shows them, and
// reading 5,000 people again by id took 80-100 ms at L.
// mode: read
// params: member_id, account_ids, as_of, cadence, cutoff, first
// scope: param
MATCH (m:Member)
WHERE $member_id IS NULL OR m.id = $member_id
WITH m ORDER BY coalesce(m.name, ''), m.id
CALL (m) {
  MATCH (m)-[k:KNOWS]->(s:Stakeholder)
  WHERE coalesce(s.status, 'ACTIVE') = 'ACTIVE'
    AND ($account_ids IS NULL OR s.accountId IN $account_ids)
    AND (k.lastContact IS NULL OR k.lastContact < $cutoff[coalesce(s.seniority, 'IC')])
  WITH k, s, duration.inDays(k.lastContact, $as_of).days - $cadence[coalesce(s.seniority, 'IC')] AS late
  ORDER BY late IS NOT NULL, late DESC, s.id
  RETURN k, s
}
WITH m, k, s LIMIT $first + 1
RETURN collect(k {.*, lastContact: toString(k.lastContact), memberId: m.id, memberName: m.name, stakeholderId: s.id,
                  seniority: s.seniority, accountId: s.accountId, stakeholderName: s.name,
                  stakeholderTitle: s.title}) AS page
