// Names of the schema constraints (migration tests and diagnostics).
// mode: read
// params:
SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name
