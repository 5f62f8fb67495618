// Replace the members attending each interaction with row.ids.
// The node is write-locked first: concurrent writers replace, never add up.
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (i:Interaction {id: row.id})
SET i._lock = true
REMOVE i._lock
WITH *
OPTIONAL MATCH (:Member)-[old:ATTENDED]->(i)
DELETE old
WITH DISTINCT i, row
UNWIND row.ids AS mid
MATCH (m:Member {id: mid})
MERGE (m)-[:ATTENDED]->(i)
