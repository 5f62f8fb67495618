// Delete a member with their account-team, KNOWS and attendance edges.
// mode: write
// params: id
// scope: shared
OPTIONAL MATCH (m:Member {id: $id})
WITH m, m IS NOT NULL AS existed
DETACH DELETE m
RETURN existed
