// The endpoint a delivery belongs to (its member binding, to check who may redeliver).
// mode: read
// params: id
// scope: internal
MATCH (w:WebhookEndpoint)-[:DELIVERS]->(:WebhookDelivery {id: $id})
RETURN w.id AS endpointId, w.memberId AS memberId
