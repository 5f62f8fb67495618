"""The SAM analyses of domain.md §2-§9, as pure functions over fetched data."""
