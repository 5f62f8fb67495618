"""The HTTP edge: authentication, request ids, error bodies, GraphiQL, report downloads."""
