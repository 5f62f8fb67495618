// Claim the given accounts for this refresher ($holder) for $seconds: those no other
// live refresher holds. Setting a property first takes each claim's write lock, so
// two refreshers claiming at once never both get the same account.
// mode: write
// params: ids, holder, seconds
// scope: internal
UNWIND $ids AS id
MERGE (c:SnapshotClaim {accountId: id})
SET c.locked = true
WITH c, id
WHERE c.holder IS NULL OR c.holder = $holder OR c.until < datetime()
SET c.holder = $holder, c.until = datetime() + duration({seconds: $seconds})
RETURN collect(id) AS claimed
