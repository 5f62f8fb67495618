// One page of accounts by id for lists that filter and sort on stored properties only:
// the count, whether the cursor is still in the result, and up to $first + 1 accounts
// after it (the extra one says whether a next page exists), in one record.
// mode: read
// params: industry, name_contains, member_id, min_arr, max_arr, account_ids, after, first
// scope: param
MATCH (a:Account)
WHERE ($account_ids IS NULL OR a.id IN $account_ids)
  AND ($industry IS NULL OR a.industry = $industry)
  AND ($name_contains IS NULL OR toLower(a.name) CONTAINS toLower($name_contains))
  AND ($min_arr IS NULL OR a.arr >= $min_arr)
  AND ($max_arr IS NULL OR a.arr <= $max_arr)
  AND ($member_id IS NULL OR EXISTS { MATCH (:Member {id: $member_id})-[:ON_ACCOUNT_TEAM]->(a) })
WITH a.id AS id, a ORDER BY id
WITH collect(a) AS accounts, collect(id) AS ids
RETURN size(ids) AS total,
       $after IS NULL OR $after IN ids AS cursorFound,
       [x IN [y IN accounts WHERE $after IS NULL OR y.id > $after][..$first + 1] | x {.*}] AS page
