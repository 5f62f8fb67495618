// Delete every domain node (keeps schema and migration records). Tests and `demo --reset` only.
// mode: write
// params:
MATCH (n) WHERE NOT n:SchemaMigration
DETACH DELETE n
