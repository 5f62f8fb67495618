// Create or replace a saved query by name.
// mode: write
// params: name, document, description, variables
MERGE (q:SavedQuery {name: $name})
ON CREATE SET q.createdAt = datetime()
SET q.document = $document, q.description = $description, q.variables = $variables,
    q.updatedAt = datetime()
RETURN q {.*} AS item
