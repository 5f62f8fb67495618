// Record events (the outbox) that some endpoint wants, with one pending delivery for
// each such endpoint: its types (empty: all) and, for an endpoint bound to a member,
// only the accounts whose account team holds that member. An event nobody wants is not
// kept. Run in the snapshot's own write transaction, so each change emits once, by the
// process that stored it.
// mode: write
// params: events
// scope: internal
UNWIND $events AS e
CALL (e) {
  MATCH (w:WebhookEndpoint)
  WHERE (size(w.events) = 0 OR e.type IN w.events)
    AND (w.memberId IS NULL OR EXISTS {
      MATCH (:Member {id: w.memberId})-[:ON_ACCOUNT_TEAM]->(:Account {id: e.accountId}) })
  RETURN collect(w) AS endpoints
}
WITH e, endpoints WHERE size(endpoints) > 0
CREATE (ev:WebhookEvent {id: e.id, type: e.type, accountId: e.accountId,
                         payload: e.payload, createdAt: datetime()})
FOREACH (w IN endpoints |
  CREATE (w)-[:DELIVERS]->(:WebhookDelivery {id: randomUUID(), eventId: ev.id,
    endpointId: w.id, status: 'PENDING', attempts: 0, createdAt: datetime(),
    nextAttemptAt: datetime()})-[:OF]->(ev))
RETURN count(ev) AS events
