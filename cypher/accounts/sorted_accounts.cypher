// One page of the account list, filtered and sorted in the database (any order but the
// plain one by id, which page_accounts serves with less work), in one record: the
// count, whether the cursor is still in the result, and up to $first + 1 accounts after
// it (the extra one says whether a next page exists). $snapshots: the filters or the
// sort use analysis values, read from today's snapshots (domain §16); when any listed
// account has no fresh one (missing, behind its change counter, or computed under other
// settings than $basis) `stale` counts them, no page is made, and the caller computes.
// Sort: $sort's value, nulls last, ties by id ascending in either direction.
// $entries: with each page account's fresh snapshot of today, its properties $keys in
// that order as fresh_values reads them, or null (`snapshots`, in page order), for its
// analysis fields.
// mode: read
// params: industry, name_contains, member_id, min_arr, max_arr, account_ids, snapshots, today, basis, as_of, tier, max_coverage_score, has_gap, renewal_within_days, sort, descending, after, first, entries, keys
// scope: param
MATCH (a:Account)
WHERE ($account_ids IS NULL OR a.id IN $account_ids)
  AND ($industry IS NULL OR a.industry = $industry)
  AND ($name_contains IS NULL OR toLower(a.name) CONTAINS toLower($name_contains))
  AND ($min_arr IS NULL OR a.arr >= $min_arr)
  AND ($max_arr IS NULL OR a.arr <= $max_arr)
  AND ($member_id IS NULL OR EXISTS { MATCH (:Member {id: $member_id})-[:ON_ACCOUNT_TEAM]->(a) })
// Analysis values come from the copy of the snapshot kept on the change counter node of
// the account (store_snapshots), fresh when it is of $today, has caught up with the
// counter and was computed under $basis. Without $snapshots the seek is on a null key.
OPTIONAL MATCH (r:AccountRevision {accountId: CASE WHEN $snapshots THEN a.id END})
WITH a, CASE WHEN r.snapshotDate = $today AND r.snapshotRevision >= r.revision
              AND r.snapshotBasis = $basis THEN r END AS s
WITH a, s, CASE WHEN ($sort = 'DAYS_TO_RENEWAL' OR $renewal_within_days IS NOT NULL) AND a.renewalDate IS NOT NULL
                THEN duration.inDays($as_of, a.renewalDate).days END AS days
WITH a, s, days, CASE $sort
    WHEN 'NAME' THEN a.name
    WHEN 'ARR' THEN a.arr
    WHEN 'COVERAGE_SCORE' THEN s.coverageScore
    WHEN 'STRATEGIC_SCORE' THEN s.strategicScore
    WHEN 'DAYS_TO_RENEWAL' THEN days
    WHEN 'REACHABLE_WHITESPACE' THEN s.reachableWhitespace
    ELSE a.id END AS key
ORDER BY key IS NULL, CASE WHEN $descending THEN null ELSE key END,
         CASE WHEN $descending THEN key END DESC, a.id
WITH sum(CASE WHEN $snapshots AND s IS NULL THEN 1 ELSE 0 END) AS stale,
     collect(CASE WHEN ($tier IS NULL OR s.tier = $tier)
       AND ($max_coverage_score IS NULL OR s.coverageScore <= $max_coverage_score)
       AND ($has_gap IS NULL OR any(g IN coalesce(s.gaps, []) WHERE split(g, ':')[0] = $has_gap))
       AND ($renewal_within_days IS NULL OR (days IS NOT NULL AND 0 <= days <= $renewal_within_days))
       THEN a END) AS found
WITH stale, found, [x IN found | x.id] AS ids
WITH stale, found, ids,
     CASE WHEN $after IS NULL THEN 0 ELSE [i IN range(0, size(ids) - 1) WHERE ids[i] = $after][0] + 1 END AS start
WITH stale, ids, start, found[coalesce(start, 0)..coalesce(start, 0) + $first + 1] AS shown
RETURN stale, size(ids) AS total, start IS NOT NULL AS cursorFound, [x IN shown | x {.*}] AS page,
       CASE WHEN $entries THEN [x IN shown | COLLECT {
         MATCH (r:AccountRevision {accountId: x.id})
         WHERE r.snapshotDate = $today AND r.snapshotRevision >= r.revision AND r.snapshotBasis = $basis
         MATCH (s:AccountSnapshot {accountId: x.id, date: $today})
         RETURN [k IN $keys | s[k]] }[0]] END AS snapshots
