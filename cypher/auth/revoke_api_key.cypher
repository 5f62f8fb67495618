// Revoke an API key (kept, with the date, for the audit trail).
// mode: write
// params: id
// scope: internal
MATCH (k:ApiKey {id: $id})
SET k.revokedAt = coalesce(k.revokedAt, datetime())
RETURN k {.id, .name, .role, .memberId, .createdAt, .revokedAt} AS item
