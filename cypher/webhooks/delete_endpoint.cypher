// Delete a webhook endpoint and its delivery log (pending deliveries are dropped).
// mode: write
// params: id
// scope: internal
MATCH (w:WebhookEndpoint {id: $id})
OPTIONAL MATCH (w)-[:DELIVERS]->(d:WebhookDelivery)
DETACH DELETE d
WITH DISTINCT w
DETACH DELETE w
RETURN count(*) AS deleted
