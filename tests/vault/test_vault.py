"""The vault on SQLite and PostgreSQL: scopes, assignment, re-identification, rotation,
shredding, and what is (not) stored."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from tests.vault.conftest import UrlFactory
from veil.errors import VaultError
from veil.vault import CodeFormat, MasterKey, Vault, verify_destruction
from veil.vault.records import DestructionRecord

PEOPLE = ["MRN-0001", "MRN-0002", "MRN-0003", "Zoë Ångström", ""]


def test_create_open_and_refuse_a_second_create(vault_url: str, key: MasterKey) -> None:
    with Vault.create(vault_url, key) as vault:
        assert vault.scopes() == []
    with pytest.raises(VaultError, match="a vault exists"):
        Vault.create(vault_url, MasterKey.generate())
    with Vault.open(vault_url, key) as vault:
        assert vault.verify().ok


def test_a_wrong_key_is_refused_in_one_line_without_secrets(vault_url: str,
                                                            key: MasterKey) -> None:
    Vault.create(vault_url, key).close()
    wrong = MasterKey.generate()
    with pytest.raises(VaultError, match="does not open the vault") as caught:
        Vault.open(vault_url, wrong)
    message = caught.value.one_line()
    assert "\n" not in message
    assert wrong.material.hex() not in message and key.material.hex() not in message
    assert key.fingerprint in message  # which key would open it: a public id


def test_open_where_there_is_no_vault(make_url: UrlFactory, tmp_path: object) -> None:
    with pytest.raises(VaultError, match="no vault"):
        Vault.open(make_url("sqlite"), MasterKey.generate())
    with pytest.raises(VaultError, match="no vault"):
        Vault.open(make_url("postgresql"), MasterKey.generate())


@pytest.mark.parametrize(("url", "message"), [
    ("mysql://u@h/db", "not supported"),
    ("sqlite://", "needs a file"),
    ("postgresql+nosuchdriver://u@h/db", "driver is missing"),
])
def test_bad_urls(url: str, message: str) -> None:
    with pytest.raises(VaultError, match=message):
        Vault.create(url, MasterKey.generate())


def test_assign_is_aligned_stable_and_scoped(vault: Vault) -> None:
    batch = [*PEOPLE, "MRN-0001", "MRN-0003"]
    codes = vault.assign("study-1", batch, actor="tester", purpose="extract 1")
    assert len(codes) == len(batch)
    assert codes[5] == codes[0] and codes[6] == codes[2]
    assert len(set(codes)) == len(PEOPLE)
    fmt = CodeFormat()
    assert all(fmt.is_valid(c) for c in codes)
    again = vault.assign("study-1", list(reversed(batch)), actor="tester")
    assert again == list(reversed(codes))
    vault.add_scope("study-2", actor="tester")
    other = vault.assign("study-2", batch, actor="tester")
    assert not set(other) & set(codes)  # another scope, other codes
    assert vault.scope("study-1").codes == len(PEOPLE)
    entries = [e for e in vault.audit() if e.action == "assign"]
    assert entries[0].counts == {"records": 7, "distinct": 5, "new": 5}
    assert entries[0].purpose == "extract 1"
    assert entries[1].counts == {"records": 7, "distinct": 5, "new": 0}
    assert vault.assign("study-1", [], actor="tester") == []


def test_codes_follow_the_scope_format(vault: Vault) -> None:
    fmt = CodeFormat(length=6, prefix="S2-", check=False)
    info = vault.add_scope("study-2", actor="tester", code_format=fmt)
    assert (info.name, info.master, info.shredded, info.codes) == ("study-2", False, False, 0)
    codes = vault.assign("study-2", PEOPLE, actor="tester")
    assert all(c.startswith("S2-") and len(c) == 9 for c in codes)
    assert vault.code_format("study-2") == fmt


def test_identifiers_and_codes_never_reach_the_database_in_clear(vault: Vault) -> None:
    codes = vault.assign("study-1", PEOPLE, actor="tester", purpose="p")
    vault.reidentify("study-1", codes[:2], actor="tester", purpose="check")
    with vault.engine.connect() as conn:
        dump: list[bytes] = []
        for table in ("veil_meta", "veil_scopes", "veil_codes", "veil_audit",
                      "veil_audit_head"):
            for row in conn.execute(text(f"SELECT * FROM {table}")):
                dump.extend(bytes(v) if isinstance(v, bytes | memoryview) else
                            str(v).encode() for v in row)
        audit_text = b" ".join(
            str(v).encode() for row in conn.execute(text("SELECT * FROM veil_audit"))
            for v in row)
    blob = b"\x00".join(dump)
    for person in PEOPLE[:4]:
        assert person.encode() not in blob
    for code in codes:
        assert code.encode() not in audit_text  # the audit log never names a code


def test_reidentify(vault: Vault) -> None:
    codes = vault.assign("study-1", PEOPLE, actor="tester")
    found = vault.reidentify("study-1", [*codes, "NOSUCHCODE", codes[0]], actor="bob",
                             purpose="adverse event follow-up")
    assert found == {**dict(zip(codes, PEOPLE, strict=True)), "NOSUCHCODE": None}
    entry = vault.audit()[-1]
    assert (entry.action, entry.actor, entry.purpose) == ("reidentify", "bob",
                                                          "adverse event follow-up")
    assert entry.counts == {"requested": 7, "distinct": 6, "found": 5}


@pytest.mark.parametrize("purpose", ["", "   "])
def test_reidentify_needs_a_purpose_and_the_refusal_is_audited(vault: Vault,
                                                              purpose: str) -> None:
    codes = vault.assign("study-1", PEOPLE, actor="tester")
    with pytest.raises(VaultError, match="needs a purpose"):
        vault.reidentify("study-1", codes, actor="eve", purpose=purpose)
    entry = vault.audit()[-1]
    assert (entry.action, entry.actor, entry.outcome) == (
        "reidentify", "eve", "refused: re-identification needs a purpose")


def test_master_scopes_hold_no_codes(vault: Vault) -> None:
    info = vault.add_scope("org", actor="tester", master=True)
    assert info.master
    with pytest.raises(VaultError, match="master scope"):
        vault.assign("org", PEOPLE, actor="tester")
    with pytest.raises(VaultError, match="master scope"):
        vault.reidentify("org", ["X"], actor="tester", purpose="p")
    assert vault.audit()[-1].outcome.startswith("refused")


@pytest.mark.parametrize(("name", "message"), [
    ("study-1", "exists"), ("", "scope name"), ("bad name", "scope name"),
    ("-x", "scope name"), ("x" * 129, "scope name"),
])
def test_scope_names(vault: Vault, name: str, message: str) -> None:
    with pytest.raises(VaultError, match=message):
        vault.add_scope(name, actor="tester")


def test_unknown_scopes_and_bad_input(vault: Vault) -> None:
    with pytest.raises(VaultError, match="does not exist"):
        vault.assign("nope", PEOPLE, actor="tester")
    with pytest.raises(VaultError, match="does not exist"):
        vault.scope("nope")
    with pytest.raises(VaultError, match="position 1 is missing"):
        vault.assign("study-1", ["a", None, "b"], actor="tester")  # type: ignore[list-item]
    with pytest.raises(VaultError, match="needs an actor"):
        vault.assign("study-1", ["a"], actor=" ")
    assert vault.scope("study-1").codes == 0


def test_rotation_rewraps_keys_and_keeps_codes(vault_url: str, key: MasterKey) -> None:
    with Vault.create(vault_url, key) as vault:
        vault.add_scope("a", actor="t")
        vault.add_scope("b", actor="t")
        codes = vault.assign("a", PEOPLE, actor="t")
        new = MasterKey.generate()
        vault.rotate(new, actor="keeper")
        assert vault.assign("a", PEOPLE, actor="t") == codes  # same session, new key
        with pytest.raises(VaultError, match="current one"):
            vault.rotate(new, actor="keeper")
    with pytest.raises(VaultError, match="does not open"):
        Vault.open(vault_url, key)
    with Vault.open(vault_url, new) as vault:
        assert vault.assign("a", PEOPLE, actor="t") == codes
        assert vault.reidentify("a", codes, actor="t", purpose="p") == dict(
            zip(codes, PEOPLE, strict=True))
        rotation = [e for e in vault.audit() if e.action == "rotate"]
        assert rotation[0].counts == {"scopes": 2}
        assert vault.verify().ok


def test_a_rotation_elsewhere_is_noticed(vault_url: str, key: MasterKey) -> None:
    with Vault.create(vault_url, key) as first, Vault.open(vault_url, key) as second:
        first.rotate(MasterKey.generate(), actor="t")
        with pytest.raises(VaultError, match="rotated by someone else"):
            second.rotate(MasterKey.generate(), actor="t")


def test_passphrase_vaults_keep_their_salt(vault_url: str) -> None:
    salt = b"0123456789abcdef"
    key = MasterKey.from_passphrase("a long vault passphrase", salt)
    Vault.create(vault_url, key).close()
    assert Vault.passphrase_salt(vault_url) == salt
    again = MasterKey.from_passphrase("a long vault passphrase", salt)
    Vault.open(vault_url, again).close()


def test_shredding(vault: Vault) -> None:
    codes = vault.assign("study-1", PEOPLE, actor="tester")
    vault.add_scope("study-2", actor="tester")
    kept = vault.assign("study-2", PEOPLE, actor="tester")
    record = vault.shred("study-1", actor="dpo")
    assert (record.scope, record.actor, record.codes) == ("study-1", "dpo", 5)
    assert verify_destruction(record, vault.public_key)
    assert vault.destruction("study-1") == record
    assert vault.destruction("study-2") is None
    forged = DestructionRecord(record.scope, record.at, record.actor, 4, record.signature)
    assert not verify_destruction(forged, vault.public_key)
    assert json.loads(json.dumps(record.to_dict()))["codes"] == 5
    info = vault.scope("study-1")
    assert info.shredded and info.codes == 5
    with pytest.raises(VaultError, match="shredded"):
        vault.reidentify("study-1", codes, actor="tester", purpose="p")
    with pytest.raises(VaultError, match="shredded"):
        vault.assign("study-1", PEOPLE, actor="tester")
    with pytest.raises(VaultError, match="already shredded"):
        vault.shred("study-1", actor="dpo")
    with vault.engine.connect() as conn:
        stored = conn.execute(text("SELECT wrapped_key FROM veil_scopes "
                                   "WHERE name = 'study-1'")).scalar()
    assert stored is None
    assert vault.reidentify("study-2", kept, actor="t", purpose="p")[kept[0]] == PEOPLE[0]
    rotated = MasterKey.generate()
    vault.rotate(rotated, actor="keeper")  # a shredded scope has nothing to re-wrap
    assert [e.counts for e in vault.audit() if e.action == "rotate"] == [{"scopes": 1}]
    actions = [e.action for e in vault.audit()]
    assert actions.count("shred") == 1
    assert vault.verify().ok


def test_record_appends_to_the_chain(vault: Vault) -> None:
    entry = vault.record("export", actor="service", scope="study-1", purpose="release 3",
                         counts={"rows": 10}, outcome="denied")
    assert entry == vault.audit()[-1]
    assert entry.previous == vault.audit()[-2].digest
    with pytest.raises(VaultError, match="audit action"):
        vault.record("drop table", actor="x")
    with pytest.raises(VaultError, match="integer"):
        vault.record("export", actor="x", counts={"rows": "ten"})  # type: ignore[dict-item]
    assert vault.verify() == vault.verify()


def test_a_relabelled_mapping_row_fails_authentication(vault: Vault) -> None:
    """Swapping the ciphertexts of two codes (raw SQL) is caught, not silently reversed."""
    codes = vault.assign("study-1", PEOPLE[:2], actor="tester")
    with vault.engine.begin() as conn:
        first, second = (conn.execute(text("SELECT secret FROM veil_codes WHERE code = :c"),
                                      {"c": c}).scalar_one() for c in codes)
        for code, secret in ((codes[0], second), (codes[1], first)):
            conn.execute(text("UPDATE veil_codes SET secret = :s WHERE code = :c"),
                         {"s": secret, "c": code})
    with pytest.raises(VaultError, match="fails its MAC"):  # the row MAC, before AES-GCM
        vault.reidentify("study-1", codes[:1], actor="tester", purpose="p")


def test_the_vectorized_blind_index_is_hmac_sha256() -> None:
    import polars as pl

    from veil.vault.crypto import ScopeCipher

    cipher = ScopeCipher(b"k" * 32, 7)
    values = ["MRN-1", "", "Zoë", "a\x00b"]
    table = cipher.indexed(pl.Series(values))
    expected = dict(zip(values, cipher.blind_indexes(values), strict=True))
    assert dict(zip(table["identifier"], table["index"], strict=True)) == expected
    assert table["index"].to_list() == sorted(expected.values())
