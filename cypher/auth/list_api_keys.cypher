// Every API key, newest first, without the hash.
// mode: read
// params:
// scope: internal
MATCH (k:ApiKey)
RETURN k {.id, .name, .role, .memberId, .createdAt, .revokedAt} AS item
ORDER BY k.createdAt DESC, k.id
