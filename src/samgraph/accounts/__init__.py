"""Accounts: the customers, their list views and their lifecycle."""
