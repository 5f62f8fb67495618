// All members, by name.
// mode: read
// params:
MATCH (m:Member)
RETURN m {.*} AS item ORDER BY m.name, m.id
