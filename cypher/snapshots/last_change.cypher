// What an idle snapshot refresher compares between passes (snapshots/service.py): how
// many accounts there are (the counts store) and the latest bump of any account's
// change counter (the account_revision_changed index, newest first), and the database's
// clock (a bump's time is its transaction's: one still committing may carry an earlier
// time than the latest, so only a mark older than a grace period is trusted).
// mode: read
// params:
// scope: internal
CALL () { MATCH (a:Account) RETURN count(a) AS accounts }
CALL () {
  MATCH (r:AccountRevision) WHERE r.changedAt IS NOT NULL
  RETURN r.changedAt.epochMillis AS changed ORDER BY r.changedAt DESC LIMIT 1
}
RETURN accounts, changed, datetime().epochMillis AS now
