// Stakeholders by id with what a report row shows of a person (id, account, name, title,
// seniority, and the account's name: null when the account is gone), as a DataLoader
// batch: a report naming 5,000 people reads these alone.
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
MATCH (s:Stakeholder {id: key})
OPTIONAL MATCH (a:Account {id: s.accountId})
RETURN key, s {.id, .accountId, .name, .title, .seniority, account: a {.name}} AS item
