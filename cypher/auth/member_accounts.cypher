// The accounts a member is on (the scope of a member-bound JWT).
// mode: read
// params: member_id
// scope: internal
RETURN COLLECT { MATCH (:Member {id: $member_id})-[:ON_ACCOUNT_TEAM]->(a:Account) RETURN a.id } AS accounts
