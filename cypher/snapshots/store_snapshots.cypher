// Store each account's snapshot of row.date, unless the account has a snapshot of a later
// day (a finished day is never rewritten, domain §16) or no longer exists (deleted while
// it was computed); a row of whitespace figures only (after a catalog change) updates
// those on today's snapshot. The account's change counter node keeps a copy of what lists sort
// and filter on, with the stored snapshot's date, counter and basis: the account list
// checks freshness and sorts on one small node per account, not on the snapshot. A whole
// row (not partial) brings `gaps`, the snapshot's gap index entries (none when absent):
// they replace the account's entries of any day (the index holds each account's newest
// snapshot only), each with the account's name, so a page of portfolioGaps reads them in
// order. A whole row, or one of whitespace figures with `plays` (list prices change a
// play's reachGain), replaces the account's play index entries the same way (none when
// absent), each with its portfolio order key (snapshots/play_page.cypher); the counter
// keeps the snapshot's number of plays, which the index's unfiltered count sums.
// Each row first locks its account's counter (a write, even of the same value, holds the
// node's lock to commit), and only then reads the account: accounts/delete_account.cypher
// takes the same lock first, so a store and a delete of one account run one after the
// other, and neither leaves index entries of a deleted account behind.
// mode: write
// params: rows
// scope: internal
UNWIND $rows AS row
MERGE (r:AccountRevision {accountId: row.accountId})
SET r.revision = coalesce(r.revision, 0)
WITH row, r
MATCH (a:Account {id: r.accountId})
OPTIONAL MATCH (later:AccountSnapshot {accountId: row.accountId})
  WHERE later.date > row.date
WITH row, r, a, count(later) AS newer
WHERE newer = 0 AND (NOT coalesce(row.partial, false)
  OR EXISTS { MATCH (:AccountSnapshot {accountId: row.accountId, date: row.date}) })
MERGE (s:AccountSnapshot {accountId: row.accountId, date: row.date})
SET s += row.props
SET r.snapshotDate = s.date, r.snapshotRevision = s.revision, r.snapshotBasis = s.basis,
    r.snapshotGraphRevision = s.graphRevision,
    r.coverageScore = s.coverageScore, r.strategicScore = s.strategicScore,
    r.reachableWhitespace = s.reachableWhitespace, r.tier = s.tier, r.gaps = s.gaps,
    r.playCount = s.playCount
WITH row, a, s
CALL (row, a) {
  WITH row, a WHERE NOT coalesce(row.partial, false)
  OPTIONAL MATCH (old:GapEntry {accountId: row.accountId})
  DELETE old
  WITH DISTINCT row, a
  UNWIND coalesce(row.gaps, []) AS g
  CREATE (:GapEntry {accountId: row.accountId, date: row.date, rank: g.rank,
                     name: coalesce(a.name, ''), order: g.order, code: g.code,
                     row: g.row, key: g.key})
}
CALL (row) {
  WITH row WHERE row.plays IS NOT NULL OR NOT coalesce(row.partial, false)
  OPTIONAL MATCH (old:PlayEntry {accountId: row.accountId})
  DELETE old
  WITH DISTINCT row
  UNWIND coalesce(row.plays, []) AS p
  CREATE (:PlayEntry {accountId: row.accountId, date: row.date, ng: p.ng, sev: p.sev, nr: p.nr,
                      ns: p.ns, order: p.order, memberId: p.memberId, row: p.row})
}
RETURN count(s) AS stored
