// Upsert catalog products by id; props holds only the fields given.
// mode: write
// params: rows
// scope: shared
UNWIND $rows AS row
MERGE (p:Product {id: row.id})
SET p += row.props
