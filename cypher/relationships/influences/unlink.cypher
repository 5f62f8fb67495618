// Remove an INFLUENCES edge.
// mode: write
// params: from_id, to_id
// scope: checked
OPTIONAL MATCH (:Stakeholder {id: $from_id})-[r:INFLUENCES]->(:Stakeholder {id: $to_id})
WITH r, r IS NOT NULL AS existed
DELETE r
RETURN existed
