// Create or replace a saved query by name (the first saver owns it).
// mode: write
// params: name, document, description, variables, owner
// scope: checked
MERGE (q:SavedQuery {name: $name})
ON CREATE SET q.createdAt = datetime(), q.owner = $owner
SET q.document = $document, q.description = $description, q.variables = $variables,
    q.updatedAt = datetime()
RETURN q {.*} AS item
