// Delete a saved query by name; returns whether it existed.
// mode: write
// params: name
// scope: checked
OPTIONAL MATCH (q:SavedQuery {name: $name})
WITH q, q IS NOT NULL AS existed
DELETE q
RETURN existed
