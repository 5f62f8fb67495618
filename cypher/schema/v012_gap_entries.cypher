// The portfolio's gap index (domain §16): one GapEntry per gap of each account's newest
// snapshot, in portfolioGaps order, so that a page of today's gaps is an index range read.
CREATE INDEX gap_entry_order IF NOT EXISTS FOR (n:GapEntry) ON (n.date, n.rank, n.name, n.accountId, n.order);
CREATE INDEX gap_entry_account IF NOT EXISTS FOR (n:GapEntry) ON (n.accountId);
// Fresh snapshots by day and basis: the whole portfolio's freshness check counts them.
CREATE INDEX account_revision_snapshot IF NOT EXISTS FOR (n:AccountRevision) ON (n.snapshotDate, n.snapshotBasis);
