"""Database access: the driver, the Cypher file loader and schema migrations."""
