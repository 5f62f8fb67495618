// Register a webhook endpoint: its URL, the event types it wants (empty: all), the
// member it is bound to (null: every account) and its signing secret.
// mode: write
// params: id, url, events, member_id, secret, created_by
// scope: internal
CREATE (w:WebhookEndpoint {id: $id, url: $url, events: $events, memberId: $member_id,
                           secret: $secret, createdBy: $created_by, createdAt: datetime()})
RETURN w {.id, .url, .events, .memberId, .createdAt} AS endpoint
