// Accounts by id with their name alone, as a DataLoader batch: a report naming 5,000
// people reads each of their accounts' names once (stakeholder_names looks up the
// account of every person: half its time at 5,000 people).
// mode: read
// params: ids
// scope: account id
UNWIND $ids AS key
MATCH (a:Account {id: key})
RETURN key, a {.id, .name} AS item
