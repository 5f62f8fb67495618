// Today's snapshots of the given accounts that are up to date with their change counter
// (portfolio views read these instead of computing every account).
// mode: read
// params: ids, today
// scope: account accountId
UNWIND $ids AS id
MATCH (s:AccountSnapshot {accountId: id, date: $today})
OPTIONAL MATCH (r:AccountRevision {accountId: id})
WITH s, coalesce(r.revision, 0) AS revision
WHERE s.revision >= revision
RETURN s {.accountId, .coverageScore, .gaps, .reachableWhitespace} AS item
