// Delete up to $limit relationships; call until it returns 0 (before wipe_nodes, so that
// a node of high degree never drags all its relationships into one transaction).
// mode: write
// params: limit
// scope: internal
MATCH ()-[r]->()
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS deleted
