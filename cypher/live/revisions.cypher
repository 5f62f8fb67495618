// The change counter of each account (0 when never changed since counting began), and
// the time of its last bump in epoch milliseconds (null before any): an int is read some
// 15 times faster than a zoned DateTime, and every kept read checks these.
// mode: read
// params: ids
// scope: internal
UNWIND $ids AS id
OPTIONAL MATCH (r:AccountRevision {accountId: id})
RETURN id AS accountId, coalesce(r.revision, 0) AS revision, r.changedAt.epochMillis AS changedMillis
