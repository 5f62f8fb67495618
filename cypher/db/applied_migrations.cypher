// Versions of the schema migrations already applied.
// mode: read
// params:
// scope: internal
MATCH (m:SchemaMigration)
RETURN m.version AS version ORDER BY version
