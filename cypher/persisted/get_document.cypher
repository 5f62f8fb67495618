// A persisted document by the SHA-256 of its text (null when unknown).
// mode: read
// params: hash
// scope: internal
OPTIONAL MATCH (p:PersistedQuery {hash: $hash})
RETURN p.document AS document, p.registered AS registered
