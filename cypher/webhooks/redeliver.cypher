// Send a delivery again as soon as a dispatcher is free (a FAILED one too): PENDING,
// due now. Returns it, with the endpoint it belongs to.
// mode: write
// params: id
// scope: internal
MATCH (w:WebhookEndpoint)-[:DELIVERS]->(d:WebhookDelivery {id: $id})-[:OF]->(ev:WebhookEvent)
SET d.status = 'PENDING', d.nextAttemptAt = datetime(), d.claimUntil = null,
    d.claimedBy = null
RETURN d {.*, type: ev.type, accountId: ev.accountId, payload: ev.payload,
          memberId: w.memberId} AS item
