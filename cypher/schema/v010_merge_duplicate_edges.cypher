// Edges are keyed by their two ends (domain §10). Before writes locked both ends, parallel
// clients could store one pair twice; merge those into one. KNOWS keeps its strongest
// edge with the latest lastContact of the pair, INFLUENCES its highest weight; the other
// kinds carry no competing values and keep one edge.
MATCH (m:Member)-[k:KNOWS]->(s:Stakeholder)
WITH m, s, collect(k) AS ks WHERE size(ks) > 1
WITH ks, reduce(best = ks[0], k IN ks |
       CASE WHEN coalesce(k.strength, 0) > coalesce(best.strength, 0) THEN k ELSE best END) AS keep,
     reduce(day = null, k IN ks |
       CASE WHEN day IS NULL OR k.lastContact > day THEN k.lastContact ELSE day END) AS last
SET keep.lastContact = last
FOREACH (k IN [x IN ks WHERE x <> keep] | DELETE k);
MATCH (a:Stakeholder)-[r:INFLUENCES]->(b:Stakeholder)
WITH a, b, collect(r) AS rs WHERE size(rs) > 1
WITH rs, reduce(best = rs[0], r IN rs |
       CASE WHEN coalesce(r.weight, 0) > coalesce(best.weight, 0) THEN r ELSE best END) AS keep
FOREACH (r IN [x IN rs WHERE x <> keep] | DELETE r);
MATCH (a)-[r:USES]->(b) WITH a, b, collect(r) AS rs WHERE size(rs) > 1
FOREACH (r IN tail(rs) | DELETE r);
MATCH (a)-[r:ON_ACCOUNT_TEAM]->(b) WITH a, b, collect(r) AS rs WHERE size(rs) > 1
FOREACH (r IN tail(rs) | DELETE r);
MATCH (a)-[r:REPORTS_TO]->(b) WITH a, b, collect(r) AS rs WHERE size(rs) > 1
FOREACH (r IN tail(rs) | DELETE r);
MATCH (a)-[r:MEMBER_OF]->(b) WITH a, b, collect(r) AS rs WHERE size(rs) > 1
FOREACH (r IN tail(rs) | DELETE r);
MATCH (a)-[r:PART_OF]->(b) WITH a, b, collect(r) AS rs WHERE size(rs) > 1
FOREACH (r IN tail(rs) | DELETE r);
MATCH (a)-[r:BELONGS_TO]->(b) WITH a, b, collect(r) AS rs WHERE size(rs) > 1
FOREACH (r IN tail(rs) | DELETE r);
MATCH (a)-[r:ATTENDED]->(b) WITH a, b, collect(r) AS rs WHERE size(rs) > 1
FOREACH (r IN tail(rs) | DELETE r)
