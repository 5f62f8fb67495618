// Record an attempt: DELIVERED, or PENDING again at $next_attempt_at, or FAILED when
// retries are over; the HTTP status or error it met. Only the claim's holder records.
// mode: write
// params: id, holder, status, http_status, error, next_attempt_at
// scope: internal
MATCH (d:WebhookDelivery {id: $id, claimedBy: $holder})
SET d.status = $status, d.attempts = d.attempts + 1, d.lastAttemptAt = datetime(),
    d.lastStatus = $http_status, d.lastError = $error, d.nextAttemptAt = $next_attempt_at,
    d.claimUntil = null, d.claimedBy = null,
    d.deliveredAt = CASE WHEN $status = 'DELIVERED' THEN datetime() ELSE d.deliveredAt END
RETURN d.id AS id
