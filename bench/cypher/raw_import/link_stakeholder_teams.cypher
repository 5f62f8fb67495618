// Baseline: MERGE a MEMBER_OF edge from each Stakeholder to its target Team.
// mode: write
// params: rows
// scope: internal
UNWIND $rows AS row
MATCH (a:Stakeholder {id: row.id})
MATCH (b:Team {id: row.target})
MERGE (a)-[:MEMBER_OF]->(b)
