// Store a new API key: its public id, the SHA-256 of its secret, role and member binding;
// `development` marks the key `samgraph serve` makes for the local pages (refused by a
// production server).
// mode: write
// params: id, name, role, member_id, hash, development
// scope: internal
CREATE (k:ApiKey {id: $id, name: $name, role: $role, memberId: $member_id, hash: $hash,
                  development: $development, createdAt: datetime()})
RETURN k {.*, hash: null} AS item
