// One page of accounts after a cursor, ordered by id, with the filtered total.
// mode: read
// params: industry, name_contains, member_id, min_arr, max_arr, after, limit
MATCH (a:Account)
WHERE ($industry IS NULL OR a.industry = $industry)
  AND ($name_contains IS NULL OR toLower(a.name) CONTAINS toLower($name_contains))
  AND ($min_arr IS NULL OR a.arr >= $min_arr)
  AND ($max_arr IS NULL OR a.arr <= $max_arr)
  AND ($member_id IS NULL OR EXISTS { MATCH (:Member {id: $member_id})-[:ON_ACCOUNT_TEAM]->(a) })
WITH a ORDER BY a.id
WITH collect(a) AS matched
RETURN size(matched) AS total,
       [x IN matched WHERE $after IS NULL OR x.id > $after][0..$limit] AS page
