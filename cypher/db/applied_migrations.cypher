// Versions of the schema migrations already applied.
// mode: read
// params:
MATCH (m:SchemaMigration)
RETURN m.version AS version ORDER BY version
