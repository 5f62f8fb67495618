// The change counter of each account (0 when never changed since counting began).
// mode: read
// params: ids
// scope: internal
UNWIND $ids AS id
OPTIONAL MATCH (r:AccountRevision {accountId: id})
RETURN id AS accountId, coalesce(r.revision, 0) AS revision, r.changedAt AS changedAt
