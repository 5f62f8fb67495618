// Store each account's snapshot of row.date, unless the account has a snapshot of a later
// day (a finished day is never rewritten, domain §16) or no longer exists (deleted while
// it was computed).
// mode: write
// params: rows
// scope: internal
UNWIND $rows AS row
MATCH (:Account {id: row.accountId})
OPTIONAL MATCH (later:AccountSnapshot {accountId: row.accountId})
  WHERE later.date > row.date
WITH row, count(later) AS newer
WHERE newer = 0
MERGE (s:AccountSnapshot {accountId: row.accountId, date: row.date})
SET s += row.props
RETURN count(s) AS stored
