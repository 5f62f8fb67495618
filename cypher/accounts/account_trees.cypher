// A compiled plain read (accounts/compiled.py): for each account id, the values of
// $account_keys, and, as deep as $depth asks, its teams by name (1) with the values of
// $team_keys, each team's stakeholders by name (2, active ones unless $include_departed)
// with the values of $person_keys, and the KNOWS edges into each by member id (3) with
// the values of $knows_keys (memberId and stakeholderId are the two ends' ids). Each
// level is a list of [values, the level below] pairs, values in the keys' order, not
// maps: only the properties the selection names cross the wire.
// The same teams, people, edges and order as teams_by_account and team_trees.
// mode: read
// params: ids, account_keys, team_keys, person_keys, knows_keys, depth, include_departed, account_ids
// scope: param
UNWIND $ids AS key
MATCH (a:Account {id: key})
WHERE $account_ids IS NULL OR key IN $account_ids
RETURN key, [p IN $account_keys | a[p]] AS values, CASE WHEN $depth >= 1 THEN COLLECT {
  MATCH (t:Team {accountId: key})
  RETURN [[p IN $team_keys | t[p]], CASE WHEN $depth >= 2 THEN COLLECT {
    MATCH (s:Stakeholder)-[:MEMBER_OF]->(t)
    WHERE $include_departed OR coalesce(s.status, 'ACTIVE') = 'ACTIVE'
    RETURN [[p IN $person_keys | s[p]], CASE WHEN $depth >= 3 THEN COLLECT {
      MATCH (m:Member)-[k:KNOWS]->(s)
      RETURN [[p IN $knows_keys | CASE p WHEN 'memberId' THEN m.id WHEN 'stakeholderId' THEN s.id ELSE k[p] END], null]
      ORDER BY m.id
    } END] ORDER BY s.name, s.id
  } END] ORDER BY t.name, t.id
} END AS teams
