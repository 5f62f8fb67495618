// Upsert stakeholders by id; props holds only the fields given; status defaults to ACTIVE.
// mode: write
// params: rows
UNWIND $rows AS row
MERGE (s:Stakeholder {id: row.id})
ON CREATE SET s.status = 'ACTIVE'
SET s += row.props
