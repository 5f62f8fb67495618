"""GraphQL plumbing shared by every domain: loading, paging, rows, results, limits."""
