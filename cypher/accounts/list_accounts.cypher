// Every account passing the stored-property filters, by id (paging, sorting and the
// analysis filters are applied by the caller over this list).
// mode: read
// params: industry, name_contains, member_id, min_arr, max_arr, account_ids
// scope: param
MATCH (a:Account)
WHERE ($account_ids IS NULL OR a.id IN $account_ids)
  AND ($industry IS NULL OR a.industry = $industry)
  AND ($name_contains IS NULL OR toLower(a.name) CONTAINS toLower($name_contains))
  AND ($min_arr IS NULL OR a.arr >= $min_arr)
  AND ($max_arr IS NULL OR a.arr <= $max_arr)
  AND ($member_id IS NULL OR EXISTS { MATCH (:Member {id: $member_id})-[:ON_ACCOUNT_TEAM]->(a) })
RETURN a {.*} AS item
ORDER BY a.id
