// Claim up to $limit deliveries that are due, for $seconds: each is locked first, then
// checked again (another dispatcher's claim made meanwhile is seen), so two processes
// never send the same delivery at once. With the event and the endpoint to send to.
// mode: write
// params: holder, seconds, limit
// scope: internal
MATCH (d:WebhookDelivery {status: 'PENDING'})
WHERE d.nextAttemptAt <= datetime() AND (d.claimUntil IS NULL OR d.claimUntil < datetime())
WITH d ORDER BY d.nextAttemptAt LIMIT $limit
SET d._lock = true
REMOVE d._lock
WITH d
WHERE d.status = 'PENDING' AND (d.claimUntil IS NULL OR d.claimUntil < datetime())
SET d.claimedBy = $holder, d.claimUntil = datetime() + duration({seconds: $seconds})
WITH d
MATCH (w:WebhookEndpoint)-[:DELIVERS]->(d)-[:OF]->(ev:WebhookEvent)
RETURN d {.id, .attempts, .createdAt} AS delivery, w {.id, .url, .secret} AS endpoint,
       ev {.id, .type, .accountId, .payload, .createdAt} AS event
