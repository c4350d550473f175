"""The audit chain: editing, deleting, inserting or reordering entries with raw SQL
is detected, and `verify` names the first broken entry."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from sqlalchemy import text

from veil.vault import Vault
from veil.vault.audit import GENESIS

# each tamper is raw SQL against a log of 6 entries (scope-add + 5 assigns); the
# first broken entry and a word of the reason it gives
TAMPERS = {
    "edit a count": (
        ["UPDATE veil_audit SET counts = REPLACE(counts, '\"new\"\\:1', '\"new\"\\:0') "
         "WHERE seq = 3"], 3, "altered"),
    "edit the actor": (["UPDATE veil_audit SET actor = 'someone else' WHERE seq = 2"],
                       2, "altered"),
    "edit and rehash one entry": (
        ["UPDATE veil_audit SET purpose = 'innocent', digest = :fake WHERE seq = 4"],
        4, "altered"),
    "delete a middle entry": (["DELETE FROM veil_audit WHERE seq = 3"], 3, "missing"),
    "delete the last entry": (["DELETE FROM veil_audit WHERE seq = 6"], 6, "missing"),
    "swap two entries": (
        ["UPDATE veil_audit SET seq = -1 WHERE seq = 4",
         "UPDATE veil_audit SET seq = 4 WHERE seq = 5",
         "UPDATE veil_audit SET seq = 5 WHERE seq = -1"], 4, "chain"),
    "renumber after a deletion": (
        ["DELETE FROM veil_audit WHERE seq = 2",
         "UPDATE veil_audit SET seq = seq - 1 WHERE seq > 2"], 2, "chain"),
    "insert a forged entry": (
        ["INSERT INTO veil_audit (seq, at, actor, action, scope, purpose, counts, outcome, "
         "previous, digest) VALUES (7, '2026-01-01T00:00:00.000000+00:00', 'x', 'assign', "
         "'study-1', NULL, '{}', 'ok', :fake, :fake)"], 7, "chain"),
    "edit the chain head": (["UPDATE veil_audit_head SET seq = 5"], 1, "MAC"),
}


def _log(vault: Vault) -> None:
    for n in range(5):
        vault.assign("study-1", [f"P{n}", "P0"], actor="tester", purpose=f"batch {n}")


@pytest.mark.parametrize("tamper", list(TAMPERS))
def test_tampering_is_detected(vault: Vault, tamper: str) -> None:
    _log(vault)
    assert vault.verify().ok and vault.verify().entries == 6
    statements, first_broken, word = TAMPERS[tamper]
    with vault.engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement).bindparams(fake="f" * 64) if ":fake" in statement
                         else text(statement))
    result = vault.verify()
    assert not result.ok
    assert result.first_broken == first_broken, result
    assert result.reason is not None and word in result.reason


def test_a_fully_recomputed_chain_fails_the_head_mac(vault: Vault) -> None:
    """Someone who rewrites every digest (but has no master key) is caught by the head."""
    from veil.vault.audit import entry_digest

    _log(vault)
    entries = vault.audit()
    previous = GENESIS
    with vault.engine.begin() as conn:
        conn.execute(text("UPDATE veil_audit SET purpose = 'nothing to see' WHERE seq = 3"))
        for e in entries:
            purpose = "nothing to see" if e.seq == 3 else e.purpose
            digest = entry_digest(e.seq, e.at.isoformat(timespec="microseconds"), e.actor,
                                  e.action, e.scope, purpose, e.counts, e.outcome, previous)
            conn.execute(text("UPDATE veil_audit SET previous = :p, digest = :d WHERE seq = :s"),
                         {"p": previous, "d": digest, "s": e.seq})
            previous = digest
        conn.execute(text("UPDATE veil_audit_head SET digest = :d"), {"d": previous})
    result = vault.verify()
    assert not result.ok
    assert result.reason is not None and "MAC" in result.reason


def test_entries_chain_and_hold_no_identifiers(vault: Vault) -> None:
    _log(vault)
    entries = vault.audit()
    assert [e.seq for e in entries] == list(range(1, 7))
    assert entries[0].previous == GENESIS
    assert all(b.previous == a.digest for a, b in itertools.pairwise(entries))
    assert all("P0" not in str(e.to_dict()) for e in entries)
    assert entries[1].counts == {"records": 2, "distinct": 1, "new": 1}


def test_audit_pages_follow_the_sequence(tmp_path: Path) -> None:
    """Pages of the audit log (what the service's GET /v1/audit serves) tile the whole log."""
    from veil.vault import MasterKey

    vault = Vault.create(f"sqlite:///{tmp_path / 'pages.db'}", MasterKey.generate())
    vault.add_scope("s", actor="admin")
    for batch in range(7):
        vault.assign("s", [f"id-{batch}"], actor="submitter")
    everything = vault.audit()
    pages, after = [], 0
    while page := vault.audit(after=after, limit=3):
        pages.extend(page)
        after = page[-1].seq
    assert [e.seq for e in pages] == [e.seq for e in everything]
    assert len(vault.audit(after=everything[-2].seq, limit=5)) == 1
    vault.close()


def test_append_many_chains_a_batch_like_single_appends(tmp_path: Path) -> None:
    """A batch appended at once chains entry to entry and verifies like single appends."""
    from veil.io import db
    from veil.vault import MasterKey
    from veil.vault.audit import Pending, append_many, read, verify_chain

    key = MasterKey.generate()
    vault = Vault.create(f"sqlite:///{tmp_path / 'v.db'}", key)
    vault.add_scope("study-1", actor="alice")
    audit_key = vault._audit_key  # the same key the vault's own appends use
    batch = [Pending("reidentify", f"token:{i}", "study-1", f"purpose {i}", {"found": i}, "ok")
             for i in range(5)]
    with db.writing(vault.engine) as conn:
        written = append_many(conn, audit_key, batch)
    assert [e.seq for e in written] == [2, 3, 4, 5, 6]
    assert [e.previous for e in written[1:]] == [e.digest for e in written[:-1]]
    with db.reading(vault.engine) as conn:
        assert read(conn, after=1) == written
        assert verify_chain(conn, audit_key).ok
    vault.close()
