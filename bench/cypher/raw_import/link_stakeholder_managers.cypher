// Baseline: MERGE a REPORTS_TO edge from each Stakeholder to its target Stakeholder.
// mode: write
// params: rows
// scope: internal
UNWIND $rows AS row
MATCH (a:Stakeholder {id: row.id})
MATCH (b:Stakeholder {id: row.target})
MERGE (a)-[:REPORTS_TO]->(b)
