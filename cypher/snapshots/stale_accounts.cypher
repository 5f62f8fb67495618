// The accounts whose snapshot of $today is missing, older than their change counter, or
// computed under other analysis settings ($basis), as their counter node's copy of the
// stored snapshot says (store_snapshots), with that counter (the refresher
// computes these, then stores the counter it read), the most recently changed first
// (never changed since counting began: last, by id).
// mode: read
// params: today, basis
// scope: internal
MATCH (a:Account)
OPTIONAL MATCH (r:AccountRevision {accountId: a.id})
WITH a.id AS id, coalesce(r.revision, 0) AS revision, r
WHERE r IS NULL OR r.snapshotDate IS NULL OR r.snapshotDate <> $today
   OR r.snapshotRevision < revision OR coalesce(r.snapshotBasis, '') <> $basis
RETURN id, revision ORDER BY r.changedAt IS NULL, r.changedAt DESC, id
