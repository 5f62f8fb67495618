// Create teams that did not exist when the bundle was checked (a large import's new
// teams), with their account and parent edges when those exist: as
// `stakeholders.create_stakeholders` does for people (why it is safe without the locks
// and loop guard of the link queries, and what happens when another writer created
// one of them since: see there).
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
CREATE (t:Team {id: row.id})
SET t += row.props
WITH t, row
OPTIONAL MATCH (a:Account {id: row.account})
OPTIONAL MATCH (p:Team {id: row.parent})
FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | CREATE (t)-[:BELONGS_TO]->(a))
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (t)-[:PART_OF]->(p))
// One record, not one per row (see create_stakeholders).
RETURN collect(t.id) AS ids, collect(CASE WHEN a IS NOT NULL THEN t.id END) AS account,
       collect(CASE WHEN p IS NOT NULL THEN t.id END) AS parent
