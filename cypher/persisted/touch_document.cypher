// Mark a persisted document as used now (the store evicts the least recently used
// client-registered documents first). Run when a process reads it from Neo4j.
// mode: write
// params: hash
// scope: internal
MATCH (p:PersistedQuery {hash: $hash})
SET p.usedAt = datetime()
