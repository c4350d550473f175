"""Master keys: files with mode 0600, the environment, passphrases, k-of-n shares."""

from __future__ import annotations

import base64
import itertools
import stat
from pathlib import Path

import pytest

from veil.errors import VaultError
from veil.vault import MasterKey


def test_write_and_read_a_key_file(tmp_path: Path) -> None:
    key = MasterKey.generate()
    path = tmp_path / "keys" / "master.key"
    key.write(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = MasterKey.from_file(path)
    assert again.material == key.material
    assert again.fingerprint == key.fingerprint
    assert key.material.hex() not in repr(key)
    with pytest.raises(VaultError, match="never overwritten"):
        MasterKey.generate().write(path)
    assert MasterKey.from_file(path).material == key.material


def test_from_env_accepts_hex_and_base64(monkeypatch: pytest.MonkeyPatch) -> None:
    key = MasterKey.generate()
    monkeypatch.setenv("VEIL_MASTER_KEY", key.material.hex())
    assert MasterKey.from_env().material == key.material
    monkeypatch.setenv("VEIL_MASTER_KEY", base64.b64encode(key.material).decode())
    assert MasterKey.from_env().material == key.material
    monkeypatch.setenv("VEIL_MASTER_KEY", "too-short")
    with pytest.raises(VaultError, match="not 32 bytes") as caught:
        MasterKey.from_env()
    assert "too-short" not in str(caught.value)
    monkeypatch.delenv("VEIL_MASTER_KEY")
    with pytest.raises(VaultError, match="not set"):
        MasterKey.from_env()


@pytest.mark.parametrize(("content", "message"), [
    ("", "not 32 bytes"),
    ("ab" * 31, "not 32 bytes"),
    ("zz" * 32, "not 32 bytes"),
])
def test_bad_key_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.key"
    path.write_text(content)
    path.chmod(0o600)
    with pytest.raises(VaultError, match=message):
        MasterKey.from_file(path)
    with pytest.raises(VaultError, match="no such key file"):
        MasterKey.from_file(tmp_path / "missing.key")


def test_passphrase_keys_depend_on_passphrase_and_salt() -> None:
    salt = b"s" * 16
    one = MasterKey.from_passphrase("correct horse battery", salt)
    assert one.material == MasterKey.from_passphrase("correct horse battery", salt).material
    assert one.material != MasterKey.from_passphrase("correct horse battery", b"t" * 16).material
    assert one.material != MasterKey.from_passphrase("correct horse batterY", salt).material
    assert one.salt == salt
    with pytest.raises(VaultError, match="shorter than 12"):
        MasterKey.from_passphrase("short", salt)
    with pytest.raises(VaultError, match="salt"):
        MasterKey.from_passphrase("long enough passphrase", b"x")


def test_any_k_of_n_shares_rebuild_the_key() -> None:
    key = MasterKey.generate()
    shares = key.split(3, 5)
    assert len(set(shares)) == 5
    assert all(key.material.hex() not in s for s in shares)
    for chosen in itertools.combinations(shares, 3):
        assert MasterKey.combine(list(chosen)).material == key.material
    assert MasterKey.combine(shares).material == key.material  # more than k is fine


@pytest.mark.parametrize(("change", "message"), [
    ("too_few", "needs 3"),
    ("garbled", "not a veil key share"),
    ("damaged", "do not rebuild"),
    ("mixed", "different splits"),
    ("none", "no key shares"),
])
def test_bad_shares_are_refused(change: str, message: str) -> None:
    key = MasterKey.generate()
    shares = key.split(3, 5)
    given = {
        "too_few": [*shares[:2], shares[0]],
        "garbled": [*shares[:2], "hello"],
        "damaged": [*shares[:2], _flip_hex(shares[2])],
        "mixed": shares[:2] + MasterKey.generate().split(3, 5)[:1],
        "none": [],
    }[change]
    with pytest.raises(VaultError, match=message):
        MasterKey.combine(given)


@pytest.mark.parametrize(("k", "n"), [(1, 3), (4, 3), (2, 256)])
def test_split_bounds(k: int, n: int) -> None:
    with pytest.raises(VaultError, match="k-of-n"):
        MasterKey.generate().split(k, n)


def _flip_hex(share: str) -> str:
    parts = share.split("-")
    body = parts[5]
    parts[5] = ("1" if body[0] == "0" else "0") + body[1:]
    return "-".join(parts)
