"""Request size limits: bodies over --max-body-bytes and lists over --max-items get 413,
whether the size is announced (Content-Length) or streamed (chunked)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tests.service.conftest import MAX_BODY, MAX_ITEMS, Principals
from tests.service.server import Server


@pytest.fixture
def server(sqlite_server: Server) -> Server:
    """These checks do not depend on the backend: SQLite only."""
    return sqlite_server


def _chunks(payload: bytes, size: int = 4096) -> Iterator[bytes]:
    for start in range(0, len(payload), size):
        yield payload[start:start + size]


@pytest.mark.parametrize(("items", "status"), [(1, 200), (MAX_ITEMS, 200),
                                               (MAX_ITEMS + 1, 413)])
def test_item_limit(server: Server, principals: Principals, items: int, status: int) -> None:
    client = server.session(principals.tokens["submitter-a"])
    answer = client.post("/v1/scopes/org-a/codes",
                         json={"identifiers": [f"P{i:05d}" for i in range(items)]})
    assert answer.status_code == status
    if status == 200:
        assert len(answer.json()["codes"]) == items
    else:
        assert answer.json()["error"] == "too_many_items"
    client = server.session(principals.tokens["broker-a"])
    answer = client.post("/v1/scopes/org-a/reidentify",
                         json={"codes": ["C"] * items, "purpose": "limits"})
    assert answer.status_code == status


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
@pytest.mark.parametrize(("size", "status"), [(200, 200), (MAX_BODY, 200),
                                              (MAX_BODY + 1, 413), (10 * MAX_BODY, 413)])
def test_body_limit(server: Server, principals: Principals, chunked: bool, size: int,
                    status: int) -> None:
    small = json.dumps({"identifiers": ["P00001", "P00002"]}).encode()
    payload = small + b" " * (size - len(small))  # valid JSON of exactly `size` bytes
    client = server.session(principals.tokens["submitter-a"])
    answer = client.post("/v1/scopes/org-a/codes",
                         content=_chunks(payload) if chunked else payload,
                         headers={"content-type": "application/json"})
    assert answer.status_code == status, answer.text
    if status == 413:
        assert answer.json()["error"] == "too_large"
    else:
        assert len(answer.json()["codes"]) == 2
