// One page of portfolioGaps from today's snapshots (domain §16), in one record: the gaps
// of the $severities (most severe first) and $codes (null: all) of every listed account,
// ordered by severity, account name, account id and the account's own gap order; the
// count, and up to $first + 1 gaps after the one whose key is $after. A gap's key is
// account|code|stakeholder|band|group. When a listed account has no fresh snapshot
// (missing, behind its change counter, or computed under other settings than $basis)
// `stale` counts them and no page is made: the caller computes.
// mode: read
// params: account_ids, member_id, today, basis, severities, codes, after, first
// scope: param
MATCH (a:Account)
WHERE ($account_ids IS NULL OR a.id IN $account_ids)
  AND ($member_id IS NULL OR EXISTS { MATCH (:Member {id: $member_id})-[:ON_ACCOUNT_TEAM]->(a) })
OPTIONAL MATCH (r:AccountRevision {accountId: a.id})
WITH a, r.snapshotDate = $today AND r.snapshotRevision >= r.revision AND r.snapshotBasis = $basis AS fresh
OPTIONAL MATCH (s:AccountSnapshot {accountId: CASE WHEN fresh THEN a.id END, date: $today})
WITH collect({a: a, rows: s.gapRows, fresh: s IS NOT NULL}) AS listed
WITH listed, size([x IN listed WHERE NOT x.fresh]) AS stale
CALL (listed, stale) {
  UNWIND CASE WHEN stale = 0 THEN listed ELSE [] END AS x
  WITH x.a AS a, coalesce(x.rows, []) AS rows
  UNWIND range(0, size(rows) - 1) AS i
  WITH a, i, rows[i] AS row, split(rows[i], '|') AS p
  WITH a, i, row, p, [k IN range(0, size($severities) - 1) WHERE $severities[k] = p[1]][0] AS rank
  WHERE rank IS NOT NULL AND ($codes IS NULL OR p[0] IN $codes)
  WITH a, i, row, rank,
       a.id + '|' + p[0] + '|' + substring(row, size(p[0]) + size(p[1]) + size(p[2]) + size(p[3]) + 4)
         + '|' + p[2] + '|' + p[3] AS key
  ORDER BY rank, coalesce(a.name, ''), a.id, i
  RETURN collect({a: a, row: row, key: key}) AS gaps
}
WITH stale, gaps,
     CASE WHEN $after IS NULL THEN 0
          ELSE [k IN range(0, size(gaps) - 1) WHERE gaps[k].key = $after][0] + 1 END AS start
RETURN stale, size(gaps) AS total, start IS NOT NULL AS cursorFound, coalesce(start, 0) AS start,
       [g IN gaps[coalesce(start, 0)..coalesce(start, 0) + $first + 1] | {account: properties(g.a), row: g.row, key: g.key}] AS page
