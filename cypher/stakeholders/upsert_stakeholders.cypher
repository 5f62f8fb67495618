// Upsert stakeholders by id; props holds only the fields given; status defaults to ACTIVE.
// Every change to title, teamId, managerId or status of a stakeholder that existed is
// kept as a (:StakeholderChange) dated $changed_on; with $record_created a new
// stakeholder also gets a `status` change from null to its status (org-chart sync).
// mode: write
// params: rows, changed_on, record_created
// scope: checked
UNWIND $rows AS row
OPTIONAL MATCH (old:Stakeholder {id: row.id})
WITH row, old IS NOT NULL AS existed,
     CASE WHEN old IS NULL THEN {} ELSE old {.title, .teamId, .managerId, .status} END AS before
MERGE (s:Stakeholder {id: row.id})
ON CREATE SET s.status = 'ACTIVE'
SET s += row.props
WITH s, existed, before, row
UNWIND [f IN ['title', 'teamId', 'managerId', 'status']
        WHERE (existed AND f IN keys(row.props)
               AND coalesce(toString(before[f]), '') <> coalesce(toString(row.props[f]), ''))
           OR (NOT existed AND $record_created AND f = 'status')] AS field
CREATE (s)-[:CHANGED]->(:StakeholderChange {
  stakeholderId: s.id, date: $changed_on, field: field,
  old: before[field], new: CASE WHEN field = 'status' THEN s.status ELSE row.props[field] END,
  recordedAt: datetime()
})
