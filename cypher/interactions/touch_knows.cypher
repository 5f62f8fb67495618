// Move KNOWS.lastContact of attending (member, stakeholder) pairs forward to the newest of
// these interactions' dates, never backward (domain §1). The SET reads the value it
// replaces, so Neo4j write-locks the edge before reading it: concurrent writers of one
// pair cannot move it back.
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (i:Interaction {id: row.id}) WHERE i.date IS NOT NULL
MATCH (m:Member)-[:ATTENDED]->(i)<-[:ATTENDED]-(s:Stakeholder)
WITH m, s, max(i.date) AS day
MATCH (m)-[k:KNOWS]->(s)
SET k.lastContact = CASE WHEN k.lastContact IS NULL OR k.lastContact < day
                         THEN day ELSE k.lastContact END
