"""GraphiQL in development: the page strawberry serves, sending the dev key."""

from __future__ import annotations

import orjson


def inject_key(html: str, key: str) -> str:
    """GraphiQL's page with the development key as its default Authorization header."""
    headers = orjson.dumps({"Authorization": f"Bearer {key}"} if key else {}).decode()
    return html.replace("const defaultHeaders = {};", f"const defaultHeaders = {headers};", 1)
