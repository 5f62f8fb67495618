"""Saved GraphQL queries and the reports built on them (JSON and CSV)."""
