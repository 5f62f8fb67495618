// The latest change of any account, read by an index: the snapshot refresher's idle pass
// asks it (snapshots/last_change) instead of checking every account's counter.
CREATE INDEX account_revision_changed IF NOT EXISTS FOR (n:AccountRevision) ON (n.changedAt);
