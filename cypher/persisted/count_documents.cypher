// How many documents are kept, and how many of them are on the allow-list.
// mode: read
// params:
// scope: internal
MATCH (p:PersistedQuery)
RETURN count(p) AS documents, count(CASE WHEN p.registered THEN 1 END) AS registered
