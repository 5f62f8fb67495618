// An endpoint's delivery log, newest first, with each delivery's event.
// mode: read
// params: id
// scope: internal
MATCH (:WebhookEndpoint {id: $id})-[:DELIVERS]->(d:WebhookDelivery)-[:OF]->(ev:WebhookEvent)
RETURN d {.*, type: ev.type, accountId: ev.accountId, payload: ev.payload} AS item
ORDER BY d.createdAt DESC, d.id
