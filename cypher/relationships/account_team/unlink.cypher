// Remove a member from an account team.
// mode: write
// params: member_id, account_id
// scope: checked
OPTIONAL MATCH (:Member {id: $member_id})-[r:ON_ACCOUNT_TEAM]->(:Account {id: $account_id})
WITH r, r IS NOT NULL AS existed
DELETE r
RETURN existed
