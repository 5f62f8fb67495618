"""Every Cypher query of `cypher/`, as attributes: `queries.accounts.get_accounts`.

Loaded once, when this module is first imported: a missing file, a bad header or a
parameter mismatch fails at import. `queries.pyi` beside this module is generated
from the same files (`make generate`), so mypy rejects a name that has no file, and
`tests/test_architecture.py` fails when the stub is stale or any `queries.x.y` in the
code names no file.
"""

from __future__ import annotations

from samgraph.db.cypher import load_queries

queries = load_queries()
