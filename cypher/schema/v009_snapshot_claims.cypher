// Which process is computing an account's snapshot (domain §16: several workers and
// instances share the work without computing an account twice at once).
CREATE CONSTRAINT snapshot_claim_account IF NOT EXISTS FOR (n:SnapshotClaim) REQUIRE n.accountId IS UNIQUE;
