// Accounts by id (DataLoader batch), each with its change counter's stamp (live/kept.py:
// the revision and the time of its last bump, or null before any), so that a request
// asking an account's analyses checks what this process keeps without a read of its own.
// mode: read
// params: ids
// scope: account id
UNWIND $ids AS key
MATCH (a:Account {id: key})
OPTIONAL MATCH (rev:AccountRevision {accountId: key})
RETURN key, a {.*} AS item, [coalesce(rev.revision, 0), rev.changedAt.epochMillis] AS stamp
