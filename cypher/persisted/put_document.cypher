// Keep a document under the SHA-256 of its text. `registered` documents (by an operator,
// `samgraph persisted add`) are the allow-list; a client's APQ registration never sets it.
// mode: write
// params: hash, document, registered
// scope: internal
MERGE (p:PersistedQuery {hash: $hash})
ON CREATE SET p.document = $document, p.createdAt = datetime()
SET p.usedAt = datetime()
SET p.registered = coalesce(p.registered, false) OR $registered
RETURN p.hash AS hash
