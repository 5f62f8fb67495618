// Create or replace a saved query by name (the first saver owns it); `shared` makes it
// visible to every caller (private: its owner's).
// mode: write
// params: name, document, description, variables, owner, shared
// scope: checked
MERGE (q:SavedQuery {name: $name})
ON CREATE SET q.createdAt = datetime(), q.owner = $owner
SET q.document = $document, q.description = $description, q.variables = $variables,
    q.updatedAt = datetime(), q.shared = $shared
RETURN q {.*} AS item
