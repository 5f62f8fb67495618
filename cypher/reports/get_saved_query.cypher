// One saved query by name.
// mode: read
// params: name
MATCH (q:SavedQuery {name: $name})
RETURN q {.*} AS item
