// Each account's snapshots from $from to $to, by date (DataLoader batch).
// mode: read
// params: ids, from, to
// scope: account accountId
UNWIND $ids AS key
RETURN key, COLLECT {
  MATCH (s:AccountSnapshot {accountId: key})
  WHERE s.date >= $from AND s.date <= $to
  RETURN s {.*} ORDER BY s.date
} AS items
