// The accounts whose snapshot of $today is missing, older than their change counter, or
// computed under other analysis settings ($basis), with that counter (the refresher
// computes these, then stores the counter it read), the most recently changed first
// (never changed since counting began: last, by id).
// mode: read
// params: today, basis
// scope: internal
MATCH (a:Account)
OPTIONAL MATCH (r:AccountRevision {accountId: a.id})
OPTIONAL MATCH (s:AccountSnapshot {accountId: a.id, date: $today})
WITH a.id AS id, coalesce(r.revision, 0) AS revision, r.changedAt AS changedAt, s
WHERE s IS NULL OR s.revision < revision OR coalesce(s.basis, '') <> $basis
RETURN id, revision ORDER BY changedAt IS NULL, changedAt DESC, id
