// Stakeholders by id with their name alone (and the account that scopes them), as a
// DataLoader batch: member-dependency names up to 40,000 people at L, and reading each
// one's account beside it (stakeholder_names) was half the time of that read.
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
MATCH (s:Stakeholder {id: key})
RETURN key, s {.id, .accountId, .name} AS item
