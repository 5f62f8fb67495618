// Baseline: MERGE Opportunity nodes by id and set their properties, nothing else.
// mode: write
// params: rows
// scope: internal
UNWIND $rows AS row
MERGE (n:Opportunity {id: row.id})
SET n += row.props
