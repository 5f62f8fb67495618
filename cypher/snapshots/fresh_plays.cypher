// The plays (§17) today's snapshot keeps for each given account, when it is up to date
// with the account's change counter and computed under the current settings (the one
// freshness rule of fresh_today); no item when it is not, or keeps no plays (computed
// before snapshots kept them), as a DataLoader batch. With $needle (`"m":<member id as
// JSON>`), only the plays of that member; `count` is how many there are, and at most
// $limit of them come back (null: all), in the account's own order. Without a needle,
// a $limit the snapshot's head holds (`playHead`, with `playCount`) is read from it: a
// list property is loaded whole, and the whole list is some 30 kB at 100 people.
// mode: read
// params: ids, today, basis, needle, limit
// scope: account accountId
UNWIND $ids AS key
OPTIONAL MATCH (r:AccountRevision {accountId: key})
WITH key, r.snapshotDate = $today AND r.snapshotRevision >= r.revision AND r.snapshotBasis = $basis AS fresh
OPTIONAL MATCH (s:AccountSnapshot {accountId: CASE WHEN fresh THEN key END, date: $today})
WITH key, s, CASE WHEN s IS NULL OR $needle IS NOT NULL OR $limit IS NULL OR s.playCount IS NULL THEN false
  ELSE $limit <= size(s.playHead) OR s.playCount = size(s.playHead) END AS fromHead
WITH key, s, fromHead, CASE WHEN s IS NULL THEN null WHEN fromHead THEN s.playHead
  WHEN s.playRows IS NULL THEN null
  ELSE [t IN s.playRows WHERE $needle IS NULL OR t CONTAINS ($needle + ',') OR t CONTAINS ($needle + '}')] END AS rows
RETURN key, CASE WHEN rows IS NULL THEN []
  ELSE [{accountId: key, count: CASE WHEN fromHead THEN s.playCount ELSE size(rows) END,
         playRows: CASE WHEN $limit IS NULL THEN rows ELSE rows[..$limit] END}] END AS items
