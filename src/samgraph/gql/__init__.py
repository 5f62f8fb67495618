"""GraphQL plumbing shared by every domain: loading, paging, rows, results, limits.

Importing it first makes the domain's enums GraphQL enums, with their descriptions
(gql/enums.py): every module that declares strawberry types imports from here before
its classes are made, so no enum is ever converted without its description.
"""

from samgraph.gql import enums as enums
