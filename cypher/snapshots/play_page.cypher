// The first page of Query.plays from today's snapshots (domain §17), in one record, read
// from the play index (PlayEntry: each play of each account's newest snapshot with its
// portfolio order key): the plays of the listed accounts (null: all) and of $member_id
// (null: every member's), in the portfolio's order as the index holds it (no sort), at
// most $first + 1 of them, and how many there are. When a listed account has no fresh
// snapshot (missing, behind its change counter, or computed under other settings than
// $basis) `stale` counts them and no page is made: the caller merges the accounts' lists.
// A fresh snapshot of today is its account's newest, so the index holds its plays.
// mode: read
// params: account_ids, member_id, today, basis, first
// scope: param
CALL () {
  // The whole portfolio: counted through the index of fresh counters, the accounts from
  // the count store, as in gap_page. One row, only when it applies.
  OPTIONAL MATCH (r:AccountRevision)
  WHERE $account_ids IS NULL
    AND r.snapshotDate = $today AND r.snapshotBasis = $basis AND r.snapshotRevision >= r.revision
  WITH count(r) AS fresh, sum(r.playCount) AS plays
  WHERE $account_ids IS NULL
  RETURN COUNT { (:Account) } - fresh AS stale, plays
  UNION ALL
  // Some accounts (in the scope of a key): the counter node of each.
  OPTIONAL MATCH (a:Account)
  WHERE $account_ids IS NOT NULL AND a.id IN $account_ids
  OPTIONAL MATCH (r:AccountRevision {accountId: a.id})
  WITH sum(CASE WHEN a IS NULL OR (r.snapshotDate = $today AND r.snapshotRevision >= r.revision
                  AND r.snapshotBasis = $basis) THEN 0 ELSE 1 END) AS stale
  WHERE $account_ids IS NOT NULL
  RETURN stale, null AS plays
}
// Three ways to the page, one taken: each branch's index seek is given no value (null, or an
// empty list) unless it is the one, so the others read nothing.
CALL (stale) {
  // The whole portfolio, every member's: the order index read in its order, to the page's end.
  MATCH (p:PlayEntry)
  WHERE p.date = CASE WHEN stale = 0 AND $member_id IS NULL AND $account_ids IS NULL THEN $today END
    // Every entry has these; said here, the planner reads the index in its order.
    AND p.ng IS NOT NULL AND p.sev IS NOT NULL AND p.nr IS NOT NULL AND p.ns IS NOT NULL
    AND p.accountId IS NOT NULL AND p.order IS NOT NULL
  WITH p ORDER BY p.date, p.ng, p.sev, p.nr, p.ns, p.accountId, p.order
  LIMIT $first + 1
  RETURN collect([p.accountId, p.order, p.ng, p.sev, p.nr, p.ns, p.row]) AS page, count(p) AS total
  UNION ALL
  // One member's (of the listed accounts): theirs through the member index, sorted (a
  // member holds a few hundred of the portfolio's plays).
  MATCH (p:PlayEntry {memberId: CASE WHEN stale = 0 THEN $member_id END})
  WHERE p.date = CASE WHEN stale = 0 AND $member_id IS NOT NULL THEN $today END
    AND ($account_ids IS NULL OR p.accountId IN $account_ids)
  WITH p ORDER BY p.ng, p.sev, p.nr, p.ns, p.accountId, p.order
  WITH collect([p.accountId, p.order, p.ng, p.sev, p.nr, p.ns, p.row]) AS rows
  RETURN rows[..$first + 1] AS page, size(rows) AS total
  UNION ALL
  // The listed accounts' (a key's scope), every member's: through the account index, sorted.
  UNWIND CASE WHEN stale = 0 AND $member_id IS NULL THEN coalesce($account_ids, []) ELSE [] END AS id
  MATCH (p:PlayEntry {accountId: id})
  WHERE p.date = $today
  WITH p ORDER BY p.ng, p.sev, p.nr, p.ns, p.accountId, p.order
  WITH collect([p.accountId, p.order, p.ng, p.sev, p.nr, p.ns, p.row]) AS rows
  RETURN rows[..$first + 1] AS page, size(rows) AS total
}
// Each branch made one row (an aggregate), the others' pages empty. The whole portfolio's
// count is the sum of the fresh counters' copies of their snapshots' play counts (read
// with the freshness check): exact even if an account deleted while its snapshot was
// stored left entries behind.
WITH stale, plays, reduce(rows = [], part IN collect(page) | rows + part) AS page, sum(total) AS some
RETURN stale, page,
       CASE WHEN $member_id IS NULL AND $account_ids IS NULL THEN plays ELSE some END AS total
