// Delete a team; references to it (stakeholders' teamId, sub-teams' parentId,
// opportunities' teamId) are cleared. Returns whether it existed.
// mode: write
// params: id
// scope: checked
OPTIONAL MATCH (t:Team {id: $id})
CALL (t) {
  WITH t WHERE t IS NOT NULL
  OPTIONAL MATCH (s:Stakeholder)-[:MEMBER_OF]->(t) SET s.teamId = null
  WITH t
  OPTIONAL MATCH (c:Team)-[:PART_OF]->(t) SET c.parentId = null
  WITH t
  OPTIONAL MATCH (o:Opportunity {teamId: $id}) SET o.teamId = null
}
WITH t, t IS NOT NULL AS existed
DETACH DELETE t
RETURN existed
