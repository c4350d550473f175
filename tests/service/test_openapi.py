"""The OpenAPI spec documents every route, its bearer security, its bodies and errors."""

from __future__ import annotations

from typing import Any

import pytest

from tests.service.server import Server

ROUTES = {("/healthz", "get"), ("/v1/scopes/{scope}/codes", "post"),
          ("/v1/scopes/{scope}/reidentify", "post"), ("/v1/audit", "get"),
          ("/v1/audit/verify", "get"), ("/v1/scopes", "get"), ("/v1/scopes", "post"),
          ("/v1/tokens", "get"), ("/v1/tokens", "post"), ("/v1/tokens/{token_id}", "delete")}


@pytest.fixture
def server(sqlite_server: Server) -> Server:
    """These checks do not depend on the backend: SQLite only."""
    return sqlite_server


def test_spec(server: Server) -> None:
    client = server.session()
    spec: dict[str, Any] = client.get("/openapi.json").json()
    assert {(path, method) for path, item in spec["paths"].items() for method in item} == ROUTES
    assert "not offered over HTTP" in spec["info"]["description"]
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            assert operation.get("description") or operation.get("summary"), (path, method)
            if path != "/healthz":
                assert operation["security"] == [{"HTTPBearer": []}], (path, method)
                assert {"401", "403"} <= set(operation["responses"]), (path, method)
            if method == "post":
                schema = operation["requestBody"]["content"]["application/json"]["schema"]
                assert schema["additionalProperties"] is False
    reidentify = spec["paths"]["/v1/scopes/{scope}/reidentify"]["post"]
    body = reidentify["requestBody"]["content"]["application/json"]["schema"]
    assert body["required"] == ["codes", "purpose"]
