// Saved GraphQL queries are keyed by name; history entries are found per stakeholder.
CREATE CONSTRAINT saved_query_name IF NOT EXISTS FOR (n:SavedQuery) REQUIRE n.name IS UNIQUE;
CREATE INDEX stakeholder_change_stakeholder IF NOT EXISTS FOR (n:StakeholderChange) ON (n.stakeholderId);
