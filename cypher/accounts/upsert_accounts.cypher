// Upsert accounts by id; props holds only the fields given (null clears).
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MERGE (a:Account {id: row.id})
SET a += row.props
