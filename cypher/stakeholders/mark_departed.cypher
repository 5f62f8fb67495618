// Mark a stakeholder DEPARTED on a date (kept for history, excluded from analyses);
// a status change is recorded in the history when they were not departed already.
// mode: write
// params: id, date
// scope: checked
MATCH (s:Stakeholder {id: $id})
WITH s, coalesce(s.status, 'ACTIVE') AS before
SET s.status = 'DEPARTED', s.departedAt = $date
FOREACH (_ IN CASE WHEN before <> 'DEPARTED' THEN [1] ELSE [] END |
  CREATE (s)-[:CHANGED]->(:StakeholderChange {stakeholderId: s.id, date: $date, field: 'status',
                                              old: before, new: 'DEPARTED', recordedAt: datetime()}))
RETURN s {.*} AS stakeholder
