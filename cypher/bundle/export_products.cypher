// The whole product catalog (whitespace columns are every product).
// mode: read
// params:
// scope: shared
MATCH (p:Product)
RETURN p {.*} AS row ORDER BY p.id
