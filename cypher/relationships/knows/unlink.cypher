// Remove a KNOWS edge.
// mode: write
// params: member_id, stakeholder_id
// scope: checked
OPTIONAL MATCH (:Member {id: $member_id})-[r:KNOWS]->(:Stakeholder {id: $stakeholder_id})
WITH r, r IS NOT NULL AS existed
DELETE r
RETURN existed
