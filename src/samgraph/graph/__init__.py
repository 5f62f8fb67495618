"""The graph around each account: teams, stakeholders, members, products, opportunities,
interactions and the relationships between them."""
