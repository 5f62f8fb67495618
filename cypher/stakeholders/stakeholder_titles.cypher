// Stakeholders by id with their name and title alone (and their account, for scope), as
// a DataLoader batch: the plays and overdue-touches reports name 5,000 people and show no
// more of them, or read their accounts' names once (accounts/account_names) instead of
// looking up the account of each person as stakeholder_names does (half its time at 5,000).
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
MATCH (s:Stakeholder {id: key})
RETURN key, s {.accountId, .name, .title} AS item
