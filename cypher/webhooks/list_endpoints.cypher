// Every webhook endpoint, newest first (without its secret).
// mode: read
// params:
// scope: internal
MATCH (w:WebhookEndpoint)
RETURN w {.id, .url, .events, .memberId, .createdAt} AS item
ORDER BY w.createdAt DESC, w.id
