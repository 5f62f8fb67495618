// All members, by name.
// mode: read
// params:
// scope: shared
MATCH (m:Member)
RETURN m {.*} AS item ORDER BY m.name, m.id
