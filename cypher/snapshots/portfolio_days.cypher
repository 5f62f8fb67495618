// Every snapshot from $from to $to of the accounts in scope (of one member's accounts
// when $member_id is given), for the portfolio trend; openPlays is null on a snapshot
// stored before snapshots kept plays.
// mode: read
// params: from, to, member_id
// scope: account accountId
MATCH (s:AccountSnapshot)
WHERE s.date >= $from AND s.date <= $to
  AND ($member_id IS NULL OR EXISTS {
    MATCH (:Member {id: $member_id})-[:ON_ACCOUNT_TEAM]->(:Account {id: s.accountId}) })
RETURN s {.accountId, .date, .coverageScore, .gaps, .reachableWhitespace,
          openPlays: coalesce(s.playCount, size(s.playRows))} AS item
