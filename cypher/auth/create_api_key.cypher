// Store a new API key: its public id, the SHA-256 of its secret, role and member binding.
// mode: write
// params: id, name, role, member_id, hash
// scope: internal
CREATE (k:ApiKey {id: $id, name: $name, role: $role, memberId: $member_id, hash: $hash,
                  createdAt: datetime()})
RETURN k {.*, hash: null} AS item
