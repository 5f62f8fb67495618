// The whole product catalog (whitespace columns are every product).
// mode: read
// params:
MATCH (p:Product)
RETURN p {.*} AS row ORDER BY p.id
