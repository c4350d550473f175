"""Random requests against the running service: whatever the method, path, token and
body, it answers with a 2xx-4xx status and, for errors, the JSON error shape; never 500."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.service.conftest import Principals
from tests.service.server import Server

TEMPLATES = ["/v1/scopes/{}/codes", "/v1/scopes/{}/reidentify", "/v1/tokens/{}",
             "/v1/scopes", "/v1/tokens", "/v1/audit", "/v1/audit/verify", "/healthz", "/{}",
             "/v1/{}", "/v1/scopes/{}", "/v1/audit/{}"]
NASTY = [b"", b"null", b"[]", b"{", b'{"identifiers": ["\\ud800"]}',
         b'{"identifiers": ["\\u0000", "a\\u0000b"]}', b'{"codes": ["\\udfff"], "purpose": "x"}',
         b'{"identifiers": ' + b"[" * 5000 + b"]" * 5000 + b"}", b"\xff\xfe\x00",
         b'{"identifiers": [1e999]}', b'{"name": "\\u0000"}', b'{"name": "a/b"}',
         b'{"name": "' + b"n" * 200 + b'"}', b'{"role": "admin", "scopes": ["org-a"]}',
         b'{"identifiers": ["a"], "identifiers": [1]}']

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12)
shaped = st.fixed_dictionaries({}, optional={
    "identifiers": st.lists(st.text(max_size=30), max_size=5) | json_values,
    "codes": st.lists(st.text(max_size=12), max_size=5) | json_values,
    "purpose": st.text(max_size=40) | json_values,
    "name": st.text(max_size=30) | json_values, "master": json_values,
    "role": st.sampled_from(["submitter", "broker", "auditor", "admin", "root"]),
    "scopes": st.lists(st.sampled_from(["org-a", "org-b", "hub", "zz"]) | st.text(),
                       max_size=3) | json_values,
    "label": st.text(max_size=30) | json_values})
segments = st.sampled_from(["org-a", "org-b", "hub", "", ".", ".."]) | st.text(max_size=20)
requests = st.tuples(
    st.sampled_from(["GET", "POST", "DELETE", "PUT", "PATCH"]),
    st.builds(lambda t, s: t.format(quote(s, safe="")), st.sampled_from(TEMPLATES), segments),
    st.sampled_from(["none", "malformed", "unknown", "revoked", "submitter-a", "submitter-b",
                     "broker-a", "broker-hub", "auditor", "admin"]),
    st.one_of(st.none(), shaped.map(lambda d: json.dumps(d).encode()),
              json_values.map(lambda v: json.dumps(v).encode()), st.sampled_from(NASTY),
              st.binary(max_size=64)),
    st.dictionaries(st.sampled_from(["after", "limit", "scope", "q"]),
                    st.text(max_size=8) | st.integers(-5, 20_000).map(str), max_size=2))



@settings(max_examples=400, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(request=requests)
def test_no_request_gets_a_500(server: Server, principals: Principals,
                               request: tuple[str, str, str, bytes | None, dict[str, str]]
                               ) -> None:
    method, path, principal, body, params = request
    client = server.session(principals.tokens[principal])
    answer = client.request(method, path, content=body, params=params,
                            headers={"content-type": "application/json"})
    assert 200 <= answer.status_code < 500, (method, path, answer.status_code, answer.text)
    if answer.status_code >= 400:
        payload: Any = answer.json()
        assert isinstance(payload, dict) and {"error", "detail"} <= set(payload), payload
