// Outbound webhooks: endpoints, events (the outbox) and deliveries by id, and the
// dispatcher's look-up of pending deliveries by status.
CREATE CONSTRAINT webhook_endpoint_id IF NOT EXISTS FOR (n:WebhookEndpoint) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT webhook_event_id IF NOT EXISTS FOR (n:WebhookEvent) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT webhook_delivery_id IF NOT EXISTS FOR (n:WebhookDelivery) REQUIRE n.id IS UNIQUE;
CREATE INDEX webhook_delivery_status IF NOT EXISTS FOR (n:WebhookDelivery) ON (n.status, n.nextAttemptAt);
