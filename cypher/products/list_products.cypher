// The whole catalog, by name.
// mode: read
// params:
MATCH (p:Product)
RETURN p {.*} AS item ORDER BY p.name, p.id
