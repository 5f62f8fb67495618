// Today's snapshot of each given account, when it is up to date with the account's change
// counter and was computed under the current analysis settings ($basis), as the counter
// node's copy of the stored snapshot says (store_snapshots: the one freshness rule of
// every snapshot read), as a DataLoader batch. $full: what an account's analysis fields
// read of it (coverage, whitespace and reach totals, member dependency: stored.ENTRY_KEYS),
// not its plays, people or moves (some 40 KB an account, read by their own queries);
// else only what portfolio lists filter and sort on, and the gap
// rows of the $severities asked for (portfolioGaps): a list of 2,000 accounts reads a
// few hundred kilobytes, not all.
// mode: read
// params: ids, today, basis, full, severities
// scope: account accountId
UNWIND $ids AS key
OPTIONAL MATCH (r:AccountRevision {accountId: key})
WITH key, r.snapshotDate = $today AND r.snapshotRevision >= r.revision AND r.snapshotBasis = $basis AS fresh
OPTIONAL MATCH (s:AccountSnapshot {accountId: CASE WHEN fresh THEN key END, date: $today})
RETURN key, CASE
  WHEN s IS NULL THEN []
  WHEN $full THEN [s {.accountId, .coverageScore, .mappedCount, .engagedCount, .strongCount,
                      .cells, .gapRows, .deployedArr, .pipelineAmount, .weightedPipeline,
                      .whitespaceEstimate, .reachableWhitespace, .reachablePipeline, .dependency}]
  ELSE [s {.accountId, .coverageScore, .gaps, .reachableWhitespace,
           gapRows: [g IN coalesce(s.gapRows, []) WHERE split(g, '|')[1] IN $severities]}]
END AS items
