// One saved query by name.
// mode: read
// params: name
// scope: shared
MATCH (q:SavedQuery {name: $name})
RETURN q {.*} AS item
