// Record one applied schema migration.
// mode: write
// params: version, name
// scope: internal
MERGE (m:SchemaMigration {version: $version})
SET m.name = $name, m.appliedAt = datetime()
