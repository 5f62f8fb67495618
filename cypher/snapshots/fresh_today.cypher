// Today's snapshot of each given account, when it is up to date with the account's change
// counter and was computed under the current analysis settings ($basis), as the counter
// node's copy of the stored snapshot says (store_snapshots: the one freshness rule of
// every snapshot read), as a DataLoader batch: only what portfolio lists filter and sort
// on, and the gap rows of the $severities asked for (portfolioGaps): a list of 2,000
// accounts reads a few hundred kilobytes, not all. (An account's analysis fields read
// theirs through fresh_values.)
// mode: read
// params: ids, today, basis, severities
// scope: account accountId
UNWIND $ids AS key
OPTIONAL MATCH (r:AccountRevision {accountId: key})
WITH key, r.snapshotDate = $today AND r.snapshotRevision >= r.revision AND r.snapshotBasis = $basis AS fresh
OPTIONAL MATCH (s:AccountSnapshot {accountId: CASE WHEN fresh THEN key END, date: $today})
RETURN key, CASE WHEN s IS NULL THEN [] ELSE
  [s {.accountId, .coverageScore, .gaps, .reachableWhitespace,
      gapRows: [g IN coalesce(s.gapRows, []) WHERE split(g, '|')[1] IN $severities]}] END AS items
