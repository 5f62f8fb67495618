// Restore history entries from a bundle (idempotent: keyed by all their values).
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (s:Stakeholder {id: row.stakeholderId})
MERGE (s)-[:CHANGED]->(c:StakeholderChange {stakeholderId: row.stakeholderId, date: row.date,
  field: row.field, recordedAt: row.recordedAt})
SET c.old = row.old, c.new = row.new, c.source = row.source
