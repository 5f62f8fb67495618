// Upsert interactions by id; props holds only the fields given.
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MERGE (i:Interaction {id: row.id})
SET i += row.props
