// The accounts (all, or those of $ids) whose snapshot of $today is missing, older than
// their change counter, or computed under other analysis settings ($basis), as their
// counter node's copy of the stored snapshot says (store_snapshots), with that counter
// and the graph counter (the refresher computes these, then stores the counters it
// read), the most recently changed first (never changed since counting began: last, by
// id). `whole` is false when only catalog changes (list prices) came since the stored
// snapshot: its whitespace figures are recomputed, nothing else.
// mode: read
// params: today, basis, ids
// scope: internal
MATCH (a:Account) WHERE $ids IS NULL OR a.id IN $ids
OPTIONAL MATCH (r:AccountRevision {accountId: a.id})
WITH a.id AS id, coalesce(r.revision, 0) AS revision, coalesce(r.graphRevision, 0) AS graph, r
WHERE r IS NULL OR r.snapshotDate IS NULL OR r.snapshotDate <> $today
   OR r.snapshotRevision < revision OR coalesce(r.snapshotBasis, '') <> $basis
RETURN id, revision, graph AS graphRevision,
  r IS NULL OR r.snapshotDate IS NULL OR r.snapshotDate <> $today
    OR coalesce(r.snapshotBasis, '') <> $basis
    OR coalesce(r.snapshotGraphRevision, -1) < graph AS whole
ORDER BY r.changedAt IS NULL, r.changedAt DESC, id
