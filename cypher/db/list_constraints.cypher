// Names of the schema constraints (migration tests and diagnostics).
// mode: read
// params:
// scope: internal
SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name
