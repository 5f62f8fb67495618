"""CORS: exact origins from SAMGRAPH_CORS_ORIGINS, preflight before authentication."""

from __future__ import annotations

import pytest

from samgraph.config import Settings
from tests.conftest import app_client, settings_for_tests

PREFLIGHT = {
    "Origin": "https://app.example.com",
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "authorization,content-type",
}


async def test_preflight_is_answered_before_authentication() -> None:
    settings = settings_for_tests(samgraph_cors_origins="https://app.example.com")
    async with app_client(settings) as c:  # no credentials at all
        response = await c.options("/graphql", headers=PREFLIGHT)
        assert response.status_code == 200, response.text
        assert response.headers["access-control-allow-origin"] == "https://app.example.com"
        assert response.headers["access-control-allow-credentials"] == "true"
        allowed = response.headers["access-control-allow-headers"].lower()
        assert "authorization" in allowed and "content-type" in allowed
        # A refusal still carries the header, so the page can read the 401 body.
        refused = await c.post("/graphql", json={"query": "{ __typename }"},
                               headers={"Origin": "https://app.example.com"})  # fmt: skip
        assert refused.status_code == 401
        assert refused.headers["access-control-allow-origin"] == "https://app.example.com"
        # Another origin gets no CORS headers: the browser blocks it.
        other = await c.options("/graphql", headers={**PREFLIGHT, "Origin": "https://evil.test"})
        assert other.status_code == 400
        assert "access-control-allow-origin" not in other.headers


def test_defaults_and_validation() -> None:
    dev = Settings(samgraph_env="development")
    assert "http://localhost:5173" in dev.cors_origins
    assert Settings(samgraph_env="production", samgraph_cors_origins=None).cors_origins == []
    both = Settings(samgraph_cors_origins="https://a.example.com, https://b.example.com/")
    assert both.cors_origins == ["https://a.example.com", "https://b.example.com"]
    with pytest.raises(ValueError, match="exact origins"):
        Settings(samgraph_cors_origins="*")
