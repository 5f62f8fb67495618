// Today's snapshot of each given account, when it is up to date with the account's change
// counter and was computed under the current analysis settings ($basis) (DataLoader
// batch). $full: every property (nested fields of a page of accounts); else only what
// portfolio lists filter and sort on, and the gap rows of the $severities asked for
// (portfolioGaps): a list of 2,000 accounts reads a few hundred kilobytes, not all.
// mode: read
// params: ids, today, basis, full, severities
// scope: account accountId
UNWIND $ids AS key
OPTIONAL MATCH (s:AccountSnapshot {accountId: key, date: $today})
OPTIONAL MATCH (r:AccountRevision {accountId: key})
WITH key, s, coalesce(r.revision, 0) AS revision
WITH key, s, s IS NOT NULL AND coalesce(s.revision >= revision AND s.basis = $basis, false) AS fresh
RETURN key, CASE
  WHEN NOT fresh THEN []
  WHEN $full THEN [s {.*}]
  ELSE [s {.accountId, .coverageScore, .gaps, .reachableWhitespace,
           gapRows: [g IN coalesce(s.gapRows, []) WHERE split(g, '|')[1] IN $severities]}]
END AS items
