// Record one applied schema migration.
// mode: write
// params: version, name
MERGE (m:SchemaMigration {version: $version})
SET m.name = $name, m.appliedAt = datetime()
