// Baseline: MERGE Product nodes by id and set their properties, nothing else.
// mode: write
// params: rows
UNWIND $rows AS row
MERGE (n:Product {id: row.id})
SET n += row.props
