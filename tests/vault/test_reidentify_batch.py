"""`Vault.reidentify_batch`: group commit of re-identifications, on both backends.

One transaction (one commit) for the whole batch; each request judged on its own, with
its own audit entry in order; a batch that fails as a whole writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from sqlalchemy import Connection, event, text
from sqlalchemy.exc import OperationalError

from tests.vault.commits import Commits
from veil.errors import VaultError
from veil.vault import Vault
from veil.vault.vault import ReidentifyRequest

PEOPLE = ["MRN-0001", "MRN-0002", "MRN-0003", "MRN-0004", "MRN-0005"]


@pytest.fixture
def commits(vault: Vault) -> Iterator[Commits]:
    counter = Commits()
    event.listen(vault.engine, "commit", counter)
    try:
        yield counter
    finally:
        event.remove(vault.engine, "commit", counter)


@pytest.fixture
def codes(vault: Vault) -> list[str]:
    """Codes of PEOPLE in study-1, a master scope "hub" and a shredded scope "gone"."""
    assigned = vault.assign("study-1", PEOPLE, actor="tester")
    vault.add_scope("hub", actor="tester", master=True)
    vault.add_scope("gone", actor="tester")
    vault.assign("gone", PEOPLE[:1], actor="tester")
    vault.shred("gone", actor="dpo")
    return assigned


def test_a_mixed_batch_is_one_transaction_with_an_entry_per_request_in_order(
        vault: Vault, codes: list[str], commits: Commits) -> None:
    before = vault.audit()[-1].seq
    requests = [
        ReidentifyRequest("study-1", [codes[0], codes[1], codes[0], "NOSUCHCODE"], "token:a",
                          "follow-up 1"),
        ReidentifyRequest("study-1", codes[:1], "token:b", ""),
        ReidentifyRequest("nowhere", codes[:1], "token:c", "p"),
        ReidentifyRequest("hub", codes[:2], "token:d", "p"),
        ReidentifyRequest("gone", codes[:1], "token:e", "too late"),
        ReidentifyRequest("study-1", codes[2:], "token:f", "follow-up 2"),
        ReidentifyRequest("study-1", codes[:1], "  ", "no one"),  # no actor: no entry
        ReidentifyRequest("study-1", [], "token:g", "nothing"),
        ReidentifyRequest("study-1", codes[4:], "token:a", "   "),
    ]
    results = vault.reidentify_batch(requests)
    assert commits.count == 1
    assert len(results) == len(requests)
    assert results[0] == {codes[0]: PEOPLE[0], codes[1]: PEOPLE[1], "NOSUCHCODE": None}
    assert results[5] == dict(zip(codes[2:], PEOPLE[2:], strict=True))
    assert results[7] == {}
    expected_errors = {1: "needs a purpose", 2: "does not exist", 3: "master scope",
                       4: "shredded", 6: "actor", 8: "needs a purpose"}
    for position, fragment in expected_errors.items():
        error = results[position]
        assert isinstance(error, VaultError), position
        assert fragment in error.message
        for code in codes:
            assert code not in str(error)
    entries = vault.audit(after=before)
    assert [(e.actor, e.scope, e.purpose, e.counts, e.outcome) for e in entries] == [
        ("token:a", "study-1", "follow-up 1", {"requested": 4, "distinct": 3, "found": 2},
         "ok"),
        ("token:b", "study-1", None, {"requested": 1, "distinct": 1},
         "refused: re-identification needs a purpose"),
        ("token:c", "nowhere", "p", {"requested": 1, "distinct": 1},
         "refused: scope 'nowhere' does not exist"),
        ("token:d", "hub", "p", {"requested": 2, "distinct": 2},
         "refused: scope 'hub' is a master scope and holds no codes"),
        ("token:e", "gone", "too late", {"requested": 1, "distinct": 1},
         "refused: scope 'gone' was shredded"),
        ("token:f", "study-1", "follow-up 2", {"requested": 3, "distinct": 3, "found": 3},
         "ok"),
        ("token:g", "study-1", "nothing", {"requested": 0, "distinct": 0, "found": 0}, "ok"),
        ("token:a", "study-1", "   ", {"requested": 1, "distinct": 1},
         "refused: re-identification needs a purpose"),
    ]
    assert {e.action for e in entries} == {"reidentify"}
    assert [e.seq for e in entries] == list(range(before + 1, before + 9))
    assert vault.verify().ok


def test_reidentify_is_a_batch_of_one(vault: Vault, codes: list[str],
                                      commits: Commits) -> None:
    assert vault.reidentify("study-1", codes[:2], actor="bob", purpose="p") == dict(
        zip(codes[:2], PEOPLE[:2], strict=True))
    assert commits.count == 1  # no separate transaction to check the scope first
    for scope, purpose in (("hub", "p"), ("gone", "p"), ("nowhere", "p"), ("study-1", "")):
        [batched] = vault.reidentify_batch([ReidentifyRequest(scope, codes[:1], "bob",
                                                              purpose)])
        assert isinstance(batched, VaultError)
        with pytest.raises(VaultError) as raised:
            vault.reidentify(scope, codes[:1], actor="bob", purpose=purpose)
        assert raised.value.message == batched.message
        assert vault.audit()[-1].outcome == vault.audit()[-2].outcome
    assert commits.count == 9
    assert vault.reidentify_batch([]) == []
    assert commits.count == 9
    assert vault.verify().ok


def test_a_batch_over_several_scopes_and_many_codes(vault: Vault, codes: list[str]) -> None:
    vault.add_scope("study-2", actor="tester")
    many = [f"ID{i:06d}" for i in range(2_500)]
    other = vault.assign("study-2", many, actor="tester")
    requests = [ReidentifyRequest("study-2" if i % 2 else "study-1",
                                  other[i * 300:(i + 1) * 300] if i % 2 else codes,
                                  f"token:{i}", f"p{i}") for i in range(16)]
    results = vault.reidentify_batch(requests)
    for i, result in enumerate(results):
        assert result == (dict(zip(other[i * 300:(i + 1) * 300], many[i * 300:(i + 1) * 300],
                                   strict=True)) if i % 2 else
                          dict(zip(codes, PEOPLE, strict=True)))
    assert [e.purpose for e in vault.audit()[-16:]] == [f"p{i}" for i in range(16)]
    assert vault.verify().ok


def test_a_code_failing_authentication_fails_only_its_request(vault: Vault,
                                                              codes: list[str]) -> None:
    with vault.engine.begin() as conn:
        first, second = (conn.execute(text("SELECT secret FROM veil_codes WHERE code = :c"),
                                      {"c": c}).scalar_one() for c in codes[:2])
        for code, secret in ((codes[0], second), (codes[1], first)):
            conn.execute(text("UPDATE veil_codes SET secret = :s WHERE code = :c"),
                         {"s": secret, "c": code})
    before = vault.audit()[-1].seq
    results = vault.reidentify_batch([
        ReidentifyRequest("study-1", codes[2:4], "token:a", "p1"),
        ReidentifyRequest("study-1", codes[:1], "token:b", "p2"),
        ReidentifyRequest("study-1", codes[4:], "token:c", "p3")])
    assert results[0] == dict(zip(codes[2:4], PEOPLE[2:4], strict=True))
    assert isinstance(results[1], VaultError)
    assert "fails its MAC" in results[1].message  # the row MAC, before AES-GCM
    assert results[2] == {codes[4]: PEOPLE[4]}
    assert [e.purpose for e in vault.audit(after=before)] == ["p1", "p3"]
    assert vault.verify().ok


def _fail_on_audit_insert(number: int, error: Exception, *, once: bool = False) -> Any:
    """A before_cursor_execute hook raising `error` at the `number`th audit insert (and
    at every later one unless `once`)."""
    seen = [0]

    def hook(conn: Connection, cursor: Any, statement: str, *_: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO VEIL_AUDIT "):
            seen[0] += 1
            if seen[0] == number or (seen[0] > number and not once):
                raise error

    hook.seen = seen  # type: ignore[attr-defined]
    return hook


def hook_fired(hook: Any) -> bool:
    """Whether a hook from `_fail_on_audit_insert` saw more audit inserts than the failed one."""
    return bool(hook.seen[0] >= 2)


@pytest.mark.parametrize("where", ["audit insert", "commit"])
def test_a_batch_that_fails_writes_nothing(vault: Vault, codes: list[str], where: str) -> None:
    entries = vault.audit()
    requests = [ReidentifyRequest("study-1", codes[i:i + 1], f"token:{i}", f"p{i}")
                for i in range(5)] + [ReidentifyRequest("hub", codes[:1], "token:h", "p")]
    injected = OperationalError("injected", {}, RuntimeError("injected failure"))

    def at_commit(conn: Connection) -> None:
        raise injected

    name, hook = (("before_cursor_execute", _fail_on_audit_insert(1, injected))
                  if where != "commit" else ("commit", at_commit))
    event.listen(vault.engine, name, hook)
    try:
        with pytest.raises(VaultError, match="failed while re-identifying") as raised:
            vault.reidentify_batch(requests)
        for code in codes:
            assert code not in str(raised.value)
        with pytest.raises(VaultError, match="failed while re-identifying"):
            vault.reidentify("study-1", codes[:1], actor="bob", purpose="p")
    finally:
        event.remove(vault.engine, name, hook)
    assert vault.audit() == entries  # not one entry of the batch, refusals included
    assert vault.verify().ok
    assert vault.reidentify_batch(requests[:1]) == [{codes[0]: PEOPLE[0]}]
    assert vault.verify().ok


def test_a_deadlocked_batch_is_retried_whole(vault: Vault, codes: list[str]) -> None:
    """A PostgreSQL deadlock or serialization failure re-runs the batch, once in the log."""
    before = vault.audit()[-1].seq
    deadlock = OperationalError("injected", {}, psycopg.errors.DeadlockDetected("injected"))
    hook = _fail_on_audit_insert(1, deadlock, once=True)  # the batch's one insert
    event.listen(vault.engine, "before_cursor_execute", hook)
    try:
        results = vault.reidentify_batch([
            ReidentifyRequest("study-1", codes[i:i + 1], f"token:{i}", f"p{i}")
            for i in range(3)])
    finally:
        event.remove(vault.engine, "before_cursor_execute", hook)
    assert results == [{codes[i]: PEOPLE[i]} for i in range(3)]
    assert hook_fired(hook)  # the deadlock really happened, and the retry wrote the batch once
    assert [e.purpose for e in vault.audit(after=before)] == ["p0", "p1", "p2"]
    assert vault.verify().ok
