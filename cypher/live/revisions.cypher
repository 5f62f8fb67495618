// The change counter of each account (0 when never changed since counting began), and
// the time of its last bump: as the driver's DateTime (subscriptions tell it), and in
// epoch milliseconds (a stamp of live/kept.py: an int is read some 15 times faster).
// mode: read
// params: ids
// scope: internal
UNWIND $ids AS id
OPTIONAL MATCH (r:AccountRevision {accountId: id})
RETURN id AS accountId, coalesce(r.revision, 0) AS revision, r.changedAt AS changedAt,
       r.changedAt.epochMillis AS changedMillis
