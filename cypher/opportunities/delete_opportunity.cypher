// Delete an opportunity.
// mode: write
// params: id
// scope: checked
OPTIONAL MATCH (o:Opportunity {id: $id})
WITH o, o IS NOT NULL AS existed
DETACH DELETE o
RETURN existed
