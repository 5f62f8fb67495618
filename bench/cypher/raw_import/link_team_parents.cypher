// Baseline: MERGE a PART_OF edge from each Team to its target Team.
// mode: write
// params: rows
// scope: internal
UNWIND $rows AS row
MATCH (a:Team {id: row.id})
MATCH (b:Team {id: row.target})
MERGE (a)-[:PART_OF]->(b)
