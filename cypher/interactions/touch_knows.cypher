// Move KNOWS.lastContact of attending (member, stakeholder) pairs forward to the
// interaction's date, never backward (domain.md §1).
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (i:Interaction {id: row.id}) WHERE i.date IS NOT NULL
MATCH (m:Member)-[:ATTENDED]->(i)<-[:ATTENDED]-(s:Stakeholder)
MATCH (m)-[k:KNOWS]->(s)
WHERE k.lastContact IS NULL OR k.lastContact < i.date
SET k.lastContact = i.date
