// The account's change counter and the counter its snapshot of $today was computed from
// (the freshness probe: a write is reflected once the second reaches the first as it
// stood right after the write).
// mode: read
// params: id, today
// scope: internal
OPTIONAL MATCH (r:AccountRevision {accountId: $id})
OPTIONAL MATCH (s:AccountSnapshot {accountId: $id, date: $today})
RETURN coalesce(r.revision, 0) AS revision, s.revision AS stored
