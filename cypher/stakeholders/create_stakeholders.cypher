// Create stakeholders that did not exist when the bundle was checked (a large import's
// new people): CREATE, not MERGE, and no old values to read. Another writer that created
// one of them since makes the id's uniqueness constraint refuse the batch; the import
// then writes the batch again with `upsert_stakeholders` (bundle/service.py). A person
// made here is seen by no other transaction before it commits, so no one else can have
// linked it: its team and manager edges are created here too (row.team, row.manager:
// the import leaves out a manager being created by a batch running beside this one) when
// they exist, without the locks and the loop guard of the link queries (a loop through
// a new person needs an edge into them, which only a link query, guarded, can add). The
// answer says which were linked; the import skips those rows of the link queries.
// Otherwise as `upsert_stakeholders` for a person that did not exist: status ACTIVE
// unless given, and with $record_created a `status` change from null.
// mode: write
// params: rows, changed_on, record_created, source
// scope: checked
UNWIND $rows AS row
CREATE (s:Stakeholder {id: row.id})
SET s.status = 'ACTIVE', s += row.props
FOREACH (_ IN CASE WHEN $record_created THEN [1] ELSE [] END |
  CREATE (s)-[:CHANGED]->(:StakeholderChange {
    stakeholderId: s.id, date: $changed_on, field: 'status', source: $source,
    old: null, new: s.status, recordedAt: datetime.realtime()
  })
)
WITH s, row
OPTIONAL MATCH (t:Team {id: row.team})
OPTIONAL MATCH (m:Stakeholder {id: row.manager})
FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | CREATE (s)-[:MEMBER_OF]->(t))
FOREACH (_ IN CASE WHEN m IS NULL THEN [] ELSE [1] END | CREATE (s)-[:REPORTS_TO]->(m))
// One record, not one per row (a second PULL for a batch's 1,000th row: 130 ms a batch).
RETURN collect(s.id) AS ids, collect(CASE WHEN t IS NOT NULL THEN s.id END) AS team,
       collect(CASE WHEN m IS NOT NULL THEN s.id END) AS manager
