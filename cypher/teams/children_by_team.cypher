// The sub-teams of each team (DataLoader batch).
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
RETURN key, COLLECT { MATCH (c:Team)-[:PART_OF]->(:Team {id: key}) RETURN c {.*} ORDER BY c.name, c.id } AS items
