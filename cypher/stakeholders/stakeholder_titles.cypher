// Stakeholders by id with their name and title alone (and their account, for scope), as
// a DataLoader batch: the plays report names 5,000 people and shows no more of them (no
// account lookup per person, which stakeholder_names makes: half its time at 5,000).
// mode: read
// params: ids
// scope: account accountId
UNWIND $ids AS key
MATCH (s:Stakeholder {id: key})
RETURN key, s {.accountId, .name, .title} AS item
