// Persisted GraphQL documents are looked up by the SHA-256 of their text.
CREATE CONSTRAINT persisted_query_hash IF NOT EXISTS FOR (n:PersistedQuery) REQUIRE n.hash IS UNIQUE;
