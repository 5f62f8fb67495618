// Activity feed: attendees we have no KNOWS edge with get one at strength 2, last
// contact on the interaction's date (documented in the README).
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (i:Interaction {id: row.id}) WHERE i.date IS NOT NULL
MATCH (m:Member)-[:ATTENDED]->(i)<-[:ATTENDED]-(s:Stakeholder)
WHERE NOT (m)-[:KNOWS]->(s)
CREATE (m)-[:KNOWS {strength: 2, lastContact: i.date}]->(s)
