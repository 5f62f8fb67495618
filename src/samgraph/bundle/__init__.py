"""The bundle: validated import and lossless export (domain.md §10)."""
