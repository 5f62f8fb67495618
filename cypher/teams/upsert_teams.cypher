// Upsert teams by id; props holds only the fields given (null clears).
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MERGE (t:Team {id: row.id})
SET t += row.props
