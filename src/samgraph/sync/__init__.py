"""Integrations: org-chart sync and activity feeds."""
