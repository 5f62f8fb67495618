// Of today's fresh snapshots of the given accounts (fresh_today's rule: up to date with
// the account's change counter, computed under $basis), only the properties $keys, in
// that order, as a DataLoader batch: a report over 2,000 accounts reads the few figures
// it shows, not each snapshot whole. An account without one answers no items.
// mode: read
// params: ids, today, basis, keys
// scope: account accountId
UNWIND $ids AS key
OPTIONAL MATCH (r:AccountRevision {accountId: key})
WITH key, r.snapshotDate = $today AND r.snapshotRevision >= r.revision AND r.snapshotBasis = $basis AS fresh
OPTIONAL MATCH (s:AccountSnapshot {accountId: CASE WHEN fresh THEN key END, date: $today})
RETURN key, CASE WHEN s IS NULL THEN [] ELSE [{accountId: key, values: [k IN $keys | s[k]]}] END AS items
