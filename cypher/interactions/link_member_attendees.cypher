// Replace the members attending each interaction with row.ids.
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (i:Interaction {id: row.id})
OPTIONAL MATCH (:Member)-[old:ATTENDED]->(i)
DELETE old
WITH DISTINCT i, row
UNWIND row.ids AS mid
MATCH (m:Member {id: mid})
MERGE (m)-[:ATTENDED]->(i)
