"""Authentication (API keys, JWT bearer tokens) and authorization (roles, member scope)."""
