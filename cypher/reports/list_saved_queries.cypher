// Every saved query, by name.
// mode: read
// params:
// scope: shared
MATCH (q:SavedQuery)
RETURN q {.*} AS item ORDER BY q.name
