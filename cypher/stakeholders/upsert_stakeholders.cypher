// Upsert stakeholders by id; props holds only the fields given; status defaults to ACTIVE.
// Every change to title, teamId, managerId, seniority, buyingRole, sentiment or status
// of a stakeholder that existed is kept as a (:StakeholderChange) dated $changed_on with
// its $source (domain §18); with $record_created a new stakeholder also gets a `status`
// change from null to its status (org-chart sync). The old values are read under the
// stakeholder's write lock (the `_lock` write), so concurrent upserts of one person
// leave an exact chain: each change's `old` is the `new` of the one committed before
// it, and recordedAt (the wall clock once the lock is held) orders them.
// mode: write
// params: rows, changed_on, record_created, source
// scope: checked
UNWIND $rows AS row
MERGE (s:Stakeholder {id: row.id})
ON CREATE SET s.status = 'ACTIVE', s._created = true
SET s._lock = true
WITH row, s, s._created IS NOT NULL AS created
REMOVE s._lock, s._created
WITH row, s, NOT created AS existed,
     s {.title, .teamId, .managerId, .seniority, .buyingRole, .sentiment, .status} AS before
SET s += row.props
WITH s, existed, before, row
UNWIND [f IN ['title', 'teamId', 'managerId', 'seniority', 'buyingRole', 'sentiment', 'status']
        WHERE (existed AND f IN keys(row.props)
               AND coalesce(toString(before[f]), '') <> coalesce(toString(row.props[f]), ''))
           OR (NOT existed AND $record_created AND f = 'status')] AS field
CREATE (s)-[:CHANGED]->(:StakeholderChange {
  stakeholderId: s.id, date: $changed_on, field: field, source: $source,
  old: CASE WHEN existed THEN before[field] END,
  new: CASE WHEN field = 'status' THEN s.status ELSE row.props[field] END,
  recordedAt: datetime.realtime()
})
