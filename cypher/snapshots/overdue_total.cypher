// How many relationships are overdue across the listed accounts today (a member's, given
// $member_id), from today's snapshots (domain §16): each keeps its members' counts as
// `member|count` rows (`overdueCounts`). When a listed account has no fresh snapshot
// (missing, behind its change counter, computed under other settings than $basis, or
// made before snapshots kept the counts) `stale` counts them: the caller counts in the
// graph instead (relationships/knows/overdue_count.cypher).
// mode: read
// params: account_ids, member_id, today, basis
// scope: param
MATCH (a:Account)
WHERE $account_ids IS NULL OR a.id IN $account_ids
OPTIONAL MATCH (r:AccountRevision {accountId: a.id})
WITH a, r.snapshotDate = $today AND r.snapshotRevision >= r.revision AND r.snapshotBasis = $basis AS fresh
OPTIONAL MATCH (s:AccountSnapshot {accountId: CASE WHEN fresh THEN a.id END, date: $today})
WITH sum(CASE WHEN s.overdueCounts IS NULL THEN 1 ELSE 0 END) AS stale,
     collect(s.overdueCounts) AS counts
RETURN stale, reduce(total = 0, rows IN counts | total + reduce(n = 0, row IN rows |
  n + CASE WHEN $member_id IS NULL OR split(row, '|')[0] = $member_id
           THEN toInteger(split(row, '|')[1]) ELSE 0 END)) AS total
