// Keep at most $keep client-registered (APQ) documents: delete the least recently used
// beyond them. Documents an operator registered (the allow-list) are never evicted.
// mode: write
// params: keep
// scope: internal
MATCH (p:PersistedQuery)
WHERE NOT coalesce(p.registered, false)
WITH p ORDER BY coalesce(p.usedAt, p.createdAt) DESC, p.hash
SKIP $keep
DETACH DELETE p
RETURN count(*) AS evicted
