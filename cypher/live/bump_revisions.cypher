// Count a committed change of each account (subscriptions hear of it on their next poll).
// `revision` counts every change; `graphRevision` all but catalog-only ones (`$catalog`:
// a product's list price changes the account's whitespace and nothing else, so the
// snapshot refresher recomputes only its whitespace figures).
// mode: write
// params: ids, catalog
// scope: internal
UNWIND $ids AS id
MERGE (r:AccountRevision {accountId: id})
SET r.revision = coalesce(r.revision, 0) + 1, r.changedAt = datetime(),
    r.graphRevision = coalesce(r.graphRevision, 0) + CASE WHEN $catalog THEN 0 ELSE 1 END
RETURN r.accountId AS accountId, r.revision AS revision
