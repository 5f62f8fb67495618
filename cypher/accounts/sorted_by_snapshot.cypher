// One page of the account list sorted on an analysis value of today's snapshots, when no
// filter reads the account itself (its properties, its renewal, a member's team): read
// from the counter nodes that keep a copy of each fresh snapshot's sort and filter values
// (store_snapshots), through the index of fresh snapshots, with no account read but the
// page's; the same record as sorted_accounts. `stale`: the listed accounts without a
// fresh snapshot, counted against the accounts (a deleted account has no fresh counter)
// in the same pass over the fresh counters that sorts them; no page then: the caller
// computes.
// Sort: $sort's value, nulls last, ties by id ascending in either direction.
// $entries: with each page account's snapshot, its properties $keys in that order as
// fresh_values reads them (`snapshots`, in page order; all are fresh when `stale` is 0),
// for its analysis fields.
// mode: read
// params: account_ids, today, basis, tier, max_coverage_score, has_gap, sort, descending, after, first, entries, keys
// scope: param
CALL () {
  OPTIONAL MATCH (r:AccountRevision)
  WHERE r.snapshotDate = $today AND r.snapshotBasis = $basis AND r.snapshotRevision >= r.revision
    AND ($account_ids IS NULL OR r.accountId IN $account_ids)
  WITH r, CASE $sort
      WHEN 'COVERAGE_SCORE' THEN r.coverageScore
      WHEN 'STRATEGIC_SCORE' THEN r.strategicScore
      WHEN 'REACHABLE_WHITESPACE' THEN r.reachableWhitespace END AS key
  ORDER BY key IS NULL, CASE WHEN $descending THEN null ELSE key END,
           CASE WHEN $descending THEN key END DESC, r.accountId
  RETURN count(r) AS fresh, collect(CASE WHEN ($tier IS NULL OR r.tier = $tier)
    AND ($max_coverage_score IS NULL OR r.coverageScore <= $max_coverage_score)
    AND ($has_gap IS NULL OR any(g IN coalesce(r.gaps, []) WHERE split(g, ':')[0] = $has_gap))
    THEN r.accountId END) AS ids
}
WITH CASE WHEN $account_ids IS NULL THEN COUNT { (:Account) }
          ELSE COUNT { MATCH (a:Account) WHERE a.id IN $account_ids } END - fresh AS stale, ids
WITH stale, CASE WHEN stale = 0 THEN ids ELSE [] END AS ids
WITH stale, ids,
     CASE WHEN $after IS NULL THEN 0 ELSE [i IN range(0, size(ids) - 1) WHERE ids[i] = $after][0] + 1 END AS start
WITH stale, ids, start, ids[coalesce(start, 0)..coalesce(start, 0) + $first + 1] AS shown
RETURN stale, size(ids) AS total, start IS NOT NULL AS cursorFound,
       [id IN shown | COLLECT { MATCH (a:Account {id: id}) RETURN a {.*} }[0]] AS page,
       CASE WHEN $entries THEN [id IN shown | COLLECT {
         MATCH (s:AccountSnapshot {accountId: id, date: $today})
         RETURN [k IN $keys | s[k]] }[0]] END AS snapshots
