// Release this refresher's claims on the given accounts (their snapshots are stored).
// mode: write
// params: ids, holder
// scope: internal
UNWIND $ids AS id
MATCH (c:SnapshotClaim {accountId: id})
WHERE c.holder = $holder
SET c.holder = null, c.until = null
RETURN count(c) AS released
