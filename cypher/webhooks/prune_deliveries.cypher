// Forget finished deliveries (DELIVERED or FAILED) whose last attempt is more than
// $days days old, at most $limit in one pass, then the events no delivery points at
// any more (those of a deleted endpoint too). Pending deliveries are always kept.
// mode: write
// params: days, limit
// scope: internal
CALL () {
  MATCH (d:WebhookDelivery)
  WHERE d.status IN ['DELIVERED', 'FAILED']
    AND d.lastAttemptAt < datetime() - duration({seconds: toInteger($days * 86400)})
  WITH d LIMIT $limit
  DETACH DELETE d
  RETURN count(*) AS deliveries
}
CALL () {
  MATCH (ev:WebhookEvent)
  WHERE NOT EXISTS { (ev)<-[:OF]-(:WebhookDelivery) }
  WITH ev LIMIT $limit
  DETACH DELETE ev
  RETURN count(*) AS events
}
RETURN deliveries, events
