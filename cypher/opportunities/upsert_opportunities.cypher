// Upsert opportunities by id; props holds only the fields given; status defaults to OPEN.
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MERGE (o:Opportunity {id: row.id})
ON CREATE SET o.status = 'OPEN'
SET o += row.props
