// Every account's id: a catalog write (a product's list price) touches every account's
// whitespace.
// mode: read
// params:
// scope: internal
MATCH (a:Account)
RETURN collect(a.id) AS ids
