// Replace the stakeholders attending each interaction with row.ids.
// The node is write-locked first: concurrent writers replace, never add up.
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (i:Interaction {id: row.id})
SET i._lock = true
REMOVE i._lock
WITH *
OPTIONAL MATCH (:Stakeholder)-[old:ATTENDED]->(i)
DELETE old
WITH DISTINCT i, row
UNWIND row.ids AS sid
MATCH (s:Stakeholder {id: sid})
MERGE (s)-[:ATTENDED]->(i)
