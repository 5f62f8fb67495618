// The members in the $role of each account's team (its SAMs), with their names: what
// Account.owner chooses from (accounts/service.owner_among). A whole-portfolio report reads
// 2,000 accounts' owners in this one read, instead of every team row and then the members.
// mode: read
// params: ids, role
// scope: account accountId
UNWIND $ids AS key
RETURN key, COLLECT {
  MATCH (m:Member)-[r:ON_ACCOUNT_TEAM]->(:Account {id: key})
  WHERE r.role = $role
  RETURN m {.id, .name, accountId: key}
} AS items
