// Mark a stakeholder DEPARTED on a date (kept for history, excluded from analyses).
// mode: write
// params: id, date
MATCH (s:Stakeholder {id: $id})
SET s.status = 'DEPARTED', s.departedAt = $date
RETURN s {.*} AS stakeholder
