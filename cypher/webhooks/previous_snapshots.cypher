// What each account's latest stored snapshot (on or before $today) held of what
// webhook events compare: its gap rows, coverage score, active people and the champion
// moves into it (none: the
// account's first snapshot, which emits nothing).
// mode: read
// params: ids, today
// scope: internal
UNWIND $ids AS id
CALL (id) {
  MATCH (s:AccountSnapshot {accountId: id}) WHERE s.date <= $today
  RETURN s ORDER BY s.date DESC LIMIT 1
}
RETURN id AS accountId, s.gapRows AS gapRows, s.coverageScore AS coverageScore,
       s.peopleRows AS peopleRows, s.moveRows AS moveRows
