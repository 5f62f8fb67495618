// Upsert members (our people) by id; props holds only the fields given.
// mode: write
// params: rows
// scope: shared
UNWIND $rows AS row
MERGE (m:Member {id: row.id})
SET m += row.props
