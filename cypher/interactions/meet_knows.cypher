// Activity feed: every attending (member, stakeholder) pair ends with exactly one KNOWS
// edge, last contacted on the newest of its interactions' dates (never moved back). A
// pair we had no edge with gets one at strength 2 ("weak": we met). The stakeholder is
// write-locked before the MERGE, so concurrent feeds of one pair create one edge.
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (i:Interaction {id: row.id}) WHERE i.date IS NOT NULL
MATCH (m:Member)-[:ATTENDED]->(i)<-[:ATTENDED]-(s:Stakeholder)
WITH m, s, max(i.date) AS day
SET s._lock = true
REMOVE s._lock
WITH *
MERGE (m)-[k:KNOWS]->(s)
ON CREATE SET k.strength = 2, k.lastContact = day
SET k.lastContact = CASE WHEN k.lastContact IS NULL OR k.lastContact < day
                         THEN day ELSE k.lastContact END
