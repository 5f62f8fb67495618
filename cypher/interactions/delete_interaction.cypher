// Delete an interaction and its attendance edges (KNOWS.lastContact is kept).
// mode: write
// params: id
// scope: checked
OPTIONAL MATCH (i:Interaction {id: $id})
WITH i, i IS NOT NULL AS existed
DETACH DELETE i
RETURN existed
