// One API key by public id with the accounts its member is on (the key's scope),
// in one round trip per request.
// mode: read
// params: id
// scope: internal
MATCH (k:ApiKey {id: $id})
RETURN k {.*} AS item,
       COLLECT { MATCH (:Member {id: k.memberId})-[:ON_ACCOUNT_TEAM]->(a:Account) RETURN a.id } AS accounts
