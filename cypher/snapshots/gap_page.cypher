// One page of portfolioGaps from today's snapshots (domain §16), in one record, read from
// the gap index (GapEntry: each gap of each account's newest snapshot, with the account's
// name): the gaps of the $severities (most severe first) and $codes (null: all) of every
// listed account, ordered by severity, account name, account id and the account's own gap
// order, as the index holds them (no sort); the count, and up to $first + 1 gaps after the
// one whose key is $after. A gap's key is account|code|stakeholder|band|group. When a
// listed account has no fresh snapshot (missing, behind its change counter, or computed
// under other settings than $basis) `stale` counts them and no page is made: the caller
// computes. A fresh snapshot of today is its account's newest, so the index holds its gaps.
// mode: read
// params: account_ids, member_id, today, basis, severities, codes, after, first
// scope: param
CALL () {
  // The whole portfolio: every account has a counter node; a fresh one is counted through
  // the index of fresh snapshots, the accounts from the count store (the counter of a
  // deleted account is made not fresh in the deleting transaction). One row, only when
  // it applies.
  OPTIONAL MATCH (r:AccountRevision)
  WHERE $account_ids IS NULL AND $member_id IS NULL
    AND r.snapshotDate = $today AND r.snapshotBasis = $basis AND r.snapshotRevision >= r.revision
  WITH count(r) AS fresh
  WHERE $account_ids IS NULL AND $member_id IS NULL
  RETURN COUNT { (:Account) } - fresh AS stale
  UNION ALL
  // Some accounts (of a member, or in the scope of a key): the counter node of each.
  OPTIONAL MATCH (a:Account)
  WHERE ($account_ids IS NOT NULL OR $member_id IS NOT NULL)
    AND ($account_ids IS NULL OR a.id IN $account_ids)
    AND ($member_id IS NULL OR EXISTS { MATCH (:Member {id: $member_id})-[:ON_ACCOUNT_TEAM]->(a) })
  OPTIONAL MATCH (r:AccountRevision {accountId: a.id})
  WITH sum(CASE WHEN a IS NULL OR (r.snapshotDate = $today AND r.snapshotRevision >= r.revision
                  AND r.snapshotBasis = $basis) THEN 0 ELSE 1 END) AS stale
  WHERE $account_ids IS NOT NULL OR $member_id IS NOT NULL
  RETURN stale
}
CALL (stale) {
  MATCH (g:GapEntry)
  WHERE stale = 0 AND g.date = $today AND g.rank >= 0 AND g.rank < size($severities)
    // Every entry has these; said here, the planner reads the index in its order.
    AND g.name IS NOT NULL AND g.accountId IS NOT NULL AND g.order IS NOT NULL
    AND ($codes IS NULL OR g.code IN $codes)
    AND ($account_ids IS NULL OR g.accountId IN $account_ids)
    AND ($member_id IS NULL
         OR EXISTS { MATCH (:Member {id: $member_id})-[:ON_ACCOUNT_TEAM]->(:Account {id: g.accountId}) })
  WITH g ORDER BY g.date, g.rank, g.name, g.accountId, g.order
  RETURN collect(g) AS gaps
}
WITH stale, gaps,
     CASE WHEN $after IS NULL THEN 0
          ELSE [k IN range(0, size(gaps) - 1) WHERE gaps[k].key = $after][0] + 1 END AS start
RETURN stale, size(gaps) AS total, start IS NOT NULL AS cursorFound, coalesce(start, 0) AS start,
       [g IN gaps[coalesce(start, 0)..coalesce(start, 0) + $first + 1] |
        {account: COLLECT { MATCH (a:Account {id: g.accountId}) RETURN properties(a) }[0],
         row: g.row, key: g.key}] AS page
