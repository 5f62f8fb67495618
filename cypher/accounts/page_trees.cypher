// The common account list compiled (accounts/compiled.py): the first $first + 1 accounts
// by id after $after (no filter; the extra one says a next page exists), with the count
// and whether the cursor is still in the list, in one record, as page_accounts reads
// them; each account as [id, the values of $account_keys, its teams], the teams read as
// account_trees reads them (as deep as $depth, only the keys asked for).
// mode: read
// params: after, first, account_keys, team_keys, person_keys, knows_keys, depth, include_departed, account_ids
// scope: param
CALL () {
  MATCH (a:Account) WHERE $account_ids IS NULL OR a.id IN $account_ids
  RETURN count(a) AS total
}
CALL () {
  MATCH (a:Account)
  WHERE a.id > coalesce($after, '') AND ($account_ids IS NULL OR a.id IN $account_ids)
  WITH a ORDER BY a.id LIMIT $first + 1
  RETURN collect([a.id, [p IN $account_keys | a[p]], CASE WHEN $depth >= 1 THEN COLLECT {
      MATCH (t:Team {accountId: a.id})
      RETURN [[p IN $team_keys | t[p]], CASE WHEN $depth >= 2 THEN COLLECT {
        MATCH (s:Stakeholder)-[:MEMBER_OF]->(t)
        WHERE $include_departed OR coalesce(s.status, 'ACTIVE') = 'ACTIVE'
        RETURN [[p IN $person_keys | s[p]], CASE WHEN $depth >= 3 THEN COLLECT {
          MATCH (m:Member)-[k:KNOWS]->(s)
          RETURN [[p IN $knows_keys | CASE p WHEN 'memberId' THEN m.id WHEN 'stakeholderId' THEN s.id ELSE k[p] END], null]
          ORDER BY m.id
        } END] ORDER BY s.name, s.id
      } END] ORDER BY t.name, t.id
    } END]) AS page
}
RETURN total,
       $after IS NULL
         OR EXISTS { MATCH (c:Account {id: $after}) WHERE $account_ids IS NULL OR c.id IN $account_ids } AS cursorFound,
       page
