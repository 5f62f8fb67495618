"""Live updates: a change counter per account and the `accountChanged` subscription."""
