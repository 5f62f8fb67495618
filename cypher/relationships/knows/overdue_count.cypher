// How many of the portfolio's KNOWS edges into active stakeholders are overdue on the
// day $cutoff was made for (overdue_head's rule: never contacted, or last contacted
// before the cutoff of the stakeholder's seniority, none: IC).
// mode: read
// params: member_id, account_ids, cutoff
// scope: param
MATCH (m:Member)-[k:KNOWS]->(s:Stakeholder)
WHERE ($member_id IS NULL OR m.id = $member_id) AND coalesce(s.status, 'ACTIVE') = 'ACTIVE'
  AND ($account_ids IS NULL OR s.accountId IN $account_ids)
  AND (k.lastContact IS NULL OR k.lastContact < $cutoff[coalesce(s.seniority, 'IC')])
RETURN count(*) AS total
