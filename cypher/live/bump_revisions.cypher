// Count a committed change of each account (subscriptions hear of it on their next poll).
// mode: write
// params: ids
// scope: internal
UNWIND $ids AS id
MERGE (r:AccountRevision {accountId: id})
SET r.revision = coalesce(r.revision, 0) + 1, r.changedAt = datetime()
RETURN r.accountId AS accountId, r.revision AS revision
