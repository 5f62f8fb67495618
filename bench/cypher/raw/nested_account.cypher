// Baseline for the nested read: one account, its teams, their active stakeholders and
// the KNOWS edges into each, in one query, ordered as samgraph orders them.
// mode: read
// params: id
// scope: internal
MATCH (a:Account {id: $id})
RETURN a {.id, .name, teams: COLLECT {
  MATCH (t:Team)-[:BELONGS_TO]->(a)
  RETURN t {.id, .name, stakeholders: COLLECT {
    MATCH (s:Stakeholder)-[:MEMBER_OF]->(t)
    WHERE s.status = 'ACTIVE'
    RETURN s {.id, .name, .title, relationships: COLLECT {
      MATCH (m:Member)-[k:KNOWS]->(s)
      RETURN {memberId: m.id, strength: k.strength, lastContact: k.lastContact} ORDER BY m.id
    }} ORDER BY s.name, s.id
  }} ORDER BY t.name, t.id
}} AS account
