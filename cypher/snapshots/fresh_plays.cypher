// The plays (§17) today's snapshot keeps for each given account, when it is up to date
// with the account's change counter and computed under the current settings (the one
// freshness rule of fresh_today); no item when it is not, or keeps no plays (computed
// before snapshots kept them), as a DataLoader batch.
// mode: read
// params: ids, today, basis
// scope: account accountId
UNWIND $ids AS key
OPTIONAL MATCH (r:AccountRevision {accountId: key})
WITH key, r.snapshotDate = $today AND r.snapshotRevision >= r.revision AND r.snapshotBasis = $basis AS fresh
OPTIONAL MATCH (s:AccountSnapshot {accountId: CASE WHEN fresh THEN key END, date: $today})
RETURN key, CASE WHEN s IS NULL OR s.playRows IS NULL THEN []
  ELSE [{accountId: key, playRows: s.playRows}] END AS items
