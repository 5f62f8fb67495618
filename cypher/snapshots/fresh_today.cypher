// Today's snapshot of each given account, when it is up to date with the account's change
// counter and was computed under the current analysis settings ($basis): portfolio views
// and nested fields read these instead of computing the account (DataLoader batch).
// mode: read
// params: ids, today, basis
// scope: account accountId
UNWIND $ids AS key
OPTIONAL MATCH (s:AccountSnapshot {accountId: key, date: $today})
OPTIONAL MATCH (r:AccountRevision {accountId: key})
WITH key, s, coalesce(r.revision, 0) AS revision
RETURN key, CASE WHEN s IS NOT NULL AND s.revision >= revision AND s.basis = $basis
  THEN [s {.*}] ELSE [] END AS items
