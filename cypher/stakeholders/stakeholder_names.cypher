// Stakeholders by id with what a report row shows of a person (id, account, name, title,
// seniority), as a DataLoader batch: a report naming 5,000 people reads these alone.
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
MATCH (s:Stakeholder {id: key})
RETURN key, s {.id, .accountId, .name, .title, .seniority} AS item
