// Mark a stakeholder DEPARTED on a date (kept for history, excluded from analyses);
// a status change (with its $source) is recorded in the history when they were not
// departed already. The status is read under the stakeholder's write lock.
// mode: write
// params: id, date, source
// scope: checked
MATCH (s:Stakeholder {id: $id})
SET s._lock = true
REMOVE s._lock
WITH s, coalesce(s.status, 'ACTIVE') AS before
SET s.status = 'DEPARTED', s.departedAt = $date
FOREACH (_ IN CASE WHEN before <> 'DEPARTED' THEN [1] ELSE [] END |
  CREATE (s)-[:CHANGED]->(:StakeholderChange {stakeholderId: s.id, date: $date, field: 'status',
                                              source: $source, old: before, new: 'DEPARTED',
                                              recordedAt: datetime.realtime()}))
RETURN s {.*} AS stakeholder
