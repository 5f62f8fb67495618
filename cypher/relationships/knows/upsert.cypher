// Upsert KNOWS edges keyed by (memberId, stakeholderId). The stakeholder is write-locked
// first (as in interactions/meet_knows, the other writer of KNOWS), so concurrent writers
// of one pair make one edge, one after the other. The MERGE alone would make one edge too
// (LockingMerge: it locks both ends and looks again), but 20 writers of one pair then
// deadlock and are retried (17 times in 200 rounds); locking both ends ourselves cost 1 s
// of an M import's 3.8 (the member is on every row of a batch).
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (m:Member {id: row.memberId})
MATCH (s:Stakeholder {id: row.stakeholderId})
SET s._lock = true
REMOVE s._lock
WITH *
MERGE (m)-[k:KNOWS]->(s)
SET k += row.props
