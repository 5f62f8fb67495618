// Remove a deployment (USES edge).
// mode: write
// params: team_id, product_id
// scope: checked
OPTIONAL MATCH (:Team {id: $team_id})-[r:USES]->(:Product {id: $product_id})
WITH r, r IS NOT NULL AS existed
DELETE r
RETURN existed
