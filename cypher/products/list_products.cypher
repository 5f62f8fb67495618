// The whole catalog, by name.
// mode: read
// params:
// scope: shared
MATCH (p:Product)
RETURN p {.*} AS item ORDER BY p.name, p.id
