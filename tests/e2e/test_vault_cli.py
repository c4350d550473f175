"""The key vault from the command line, as a data steward uses it: init, scopes,
pseudonymize batch after batch, re-identify with a purpose, verify the audit log,
rotate the master key, shred a scope, split the key among custodians."""

from __future__ import annotations

import json
import sqlite3
import stat
from pathlib import Path

import polars as pl
import pytest

from tests.e2e.cli import Outcome, run_cli
from veil.vault import DestructionRecord, verify_destruction
from veil.vault.codes import CodeFormat


@pytest.fixture
def steward(tmp_path: Path, capsys: pytest.CaptureFixture[str],
            monkeypatch: pytest.MonkeyPatch) -> tuple[str, Path]:
    """A vault with scope study-1, its URL and key file."""
    monkeypatch.delenv("VEIL_MASTER_KEY", raising=False)
    url = f"sqlite:///{tmp_path / 'vault' / 'vault.db'}"
    key = tmp_path / "keys" / "master.key"
    outcome = run_cli(capsys, "vault", "init", "--vault", url, "--key-file", str(key))
    assert outcome.code == 0, outcome
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert "written to" in outcome.stdout
    assert run_cli(capsys, "vault", "scope", "add", "study-1", "--vault", url,
                   "--key-file", str(key), "--actor", "alice").code == 0
    return url, key


def _visits(path: Path, mrns: list[str | None]) -> Path:
    pl.DataFrame({"mrn": mrns, "visit": [f"v{i}" for i in range(len(mrns))],
                  "referrer": ["R1" if i % 2 else "R2" for i in range(len(mrns))]}
                 ).write_csv(path)
    return path


def _fail(outcome: Outcome, *words: str) -> None:
    assert outcome.code == 2, outcome
    assert outcome.stderr.count("\n") == 1, outcome.stderr  # one line
    for word in words:
        assert word in outcome.stderr, outcome.stderr


def test_pseudonymize_reidentify_verify(steward: tuple[str, Path], tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    url, key = steward
    keyed = ("--vault", url, "--key-file", str(key))
    first = _visits(tmp_path / "batch1.csv", ["M1", "M2", "M1", None, "M3"])
    out1 = tmp_path / "coded1.csv"
    outcome = run_cli(capsys, "pseudonymize", str(first), "--column", "mrn", "--scope",
                      "study-1", "-o", str(out1), *keyed, "--purpose", "extract 1")
    assert outcome.code == 0, outcome
    coded = pl.read_csv(out1, infer_schema=False)
    assert coded["visit"].to_list() == ["v0", "v1", "v2", "v3", "v4"]  # other columns kept
    codes = coded["mrn"].to_list()
    assert codes[0] == codes[2] and codes[3] is None and len({codes[0], codes[1], codes[4]}) == 3
    assert all(CodeFormat().is_valid(c) for c in codes if c is not None)
    # a second batch: known people keep their codes, a new one gets a new code
    second = _visits(tmp_path / "batch2.csv", ["M3", "M4", "M1"])
    out2 = tmp_path / "coded2.parquet"
    assert run_cli(capsys, "pseudonymize", str(second), "--column", "mrn", "--column",
                   "referrer", "--scope", "study-1", "-o", str(out2), *keyed).code == 0
    again = pl.read_parquet(out2)
    assert again["mrn"].to_list()[0] == codes[4] and again["mrn"].to_list()[2] == codes[0]
    assert again["mrn"].to_list()[1] not in codes
    # re-identify a one-column file of codes
    wanted = tmp_path / "wanted.csv"
    wanted.write_text(f"code\n{codes[0]}\n{again['mrn'][1]}\nNOSUCHCODE\n{codes[0]}\n")
    pairs_file = tmp_path / "pairs.csv"
    outcome = run_cli(capsys, "vault", "reidentify", str(wanted), "--scope", "study-1",
                      "--purpose", "adverse event follow-up", "-o", str(pairs_file), *keyed,
                      "--actor", "bob")
    assert outcome.code == 0, outcome
    assert "2 of 3" in outcome.stdout
    assert stat.S_IMODE(pairs_file.stat().st_mode) == 0o600
    pairs = pl.read_csv(pairs_file, infer_schema=False)
    assert pairs.rows() == [(codes[0], "M1"), (again["mrn"][1], "M4"), ("NOSUCHCODE", None)]
    # the audit log: intact, and without identifiers or codes
    outcome = run_cli(capsys, "vault", "verify", *keyed)
    assert outcome.code == 0 and "intact" in outcome.stdout
    outcome = run_cli(capsys, "vault", "audit", "--json", *keyed)
    entries = json.loads(outcome.stdout)
    # each pseudonymized file leaving the vault's side is an export (after its assignments)
    assert [e["action"] for e in entries] == ["scope-add", "assign", "export", "assign",
                                              "assign", "export", "reidentify"]
    assert entries[2]["counts"] == {"columns": 1, "identifiers": 3}
    assert entries[-1]["actor"] == "bob"
    assert entries[-1]["counts"] == {"requested": 3, "distinct": 3, "found": 2}
    assert "M1" not in outcome.stdout and codes[0] not in outcome.stdout
    # purpose is required
    _fail(run_cli(capsys, "vault", "reidentify", str(wanted), "--scope", "study-1",
                  "--purpose", " ", "-o", str(tmp_path / "p2.csv"), *keyed), "purpose")
    assert not (tmp_path / "p2.csv").exists()


def test_tampering_makes_verify_fail(steward: tuple[str, Path], tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    url, key = steward
    keyed = ("--vault", url, "--key-file", str(key))
    data = _visits(tmp_path / "b.csv", ["M1", "M2"])
    for n in range(3):
        assert run_cli(capsys, "pseudonymize", str(data), "--column", "mrn", "--scope",
                       "study-1", "-o", str(tmp_path / f"o{n}.csv"), *keyed).code == 0
    with sqlite3.connect(url.removeprefix("sqlite:///")) as raw:
        raw.execute("UPDATE veil_audit SET actor = 'mallory' WHERE seq = 3")
    _fail(run_cli(capsys, "vault", "verify", *keyed), "entry 3")


def test_rotate_then_shred(steward: tuple[str, Path], tmp_path: Path,
                           capsys: pytest.CaptureFixture[str],
                           monkeypatch: pytest.MonkeyPatch) -> None:
    url, key = steward
    data = _visits(tmp_path / "b.csv", ["M1", "M2"])
    coded = tmp_path / "o.csv"
    assert run_cli(capsys, "pseudonymize", str(data), "--column", "mrn", "--scope", "study-1",
                   "-o", str(coded), "--vault", url, "--key-file", str(key)).code == 0
    new_key = tmp_path / "keys" / "master-2.key"
    outcome = run_cli(capsys, "vault", "rotate", "--vault", url, "--key-file", str(key),
                      "--new-key-file", str(new_key))
    assert outcome.code == 0, outcome
    assert stat.S_IMODE(new_key.stat().st_mode) == 0o600
    _fail(run_cli(capsys, "vault", "verify", "--vault", url, "--key-file", str(key)),
          "does not open")
    monkeypatch.setenv("VEIL_MASTER_KEY", new_key.read_text().strip())
    monkeypatch.setenv("VEIL_VAULT_WITNESS", str(new_key.parent))  # no key file: say where
    again = tmp_path / "o2.csv"
    assert run_cli(capsys, "pseudonymize", str(data), "--column", "mrn", "--scope", "study-1",
                   "-o", str(again), "--vault", url).code == 0
    assert pl.read_csv(again)["mrn"].to_list() == pl.read_csv(coded)["mrn"].to_list()
    record_file = tmp_path / "destruction.json"
    outcome = run_cli(capsys, "vault", "shred", "study-1", "--vault", url, "-o",
                      str(record_file), "--actor", "dpo")
    assert outcome.code == 0, outcome
    saved = json.loads(record_file.read_text())
    record = DestructionRecord(saved["scope"], __import__("datetime").datetime.fromisoformat(
        saved["at"]), saved["actor"], saved["codes"], saved["signature"])
    assert (record.scope, record.actor, record.codes) == ("study-1", "dpo", 2)
    assert verify_destruction(record, saved["public_key"])
    assert "veil risk" in saved["statement"]  # anonymized only if the residual risk is low
    wanted = tmp_path / "wanted.csv"
    wanted.write_text("code\n" + pl.read_csv(coded)["mrn"][0] + "\n")
    _fail(run_cli(capsys, "vault", "reidentify", str(wanted), "--vault", url, "--scope",
                  "study-1", "--purpose", "audit", "-o", str(tmp_path / "p.csv")), "shredded")
    outcome = run_cli(capsys, "vault", "scope", "list", "--vault", url, "--json")
    assert json.loads(outcome.stdout)[0] | {"created": None} == {
        "name": "study-1", "master": False, "created": None, "shredded": True, "codes": 2}
    assert run_cli(capsys, "vault", "verify", "--vault", url).code == 0


def test_key_custody_and_passphrases(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VEIL_MASTER_KEY", raising=False)
    url = f"sqlite:///{tmp_path / 'v.db'}"
    key = tmp_path / "master.key"
    assert run_cli(capsys, "vault", "init", "--vault", url, "--key-file", str(key)).code == 0
    shares = tmp_path / "shares"
    assert run_cli(capsys, "vault", "key", "split", "--key-file", str(key), "-k", "2", "-n",
                   "3", "-o", str(shares)).code == 0
    files = sorted(shares.iterdir())
    assert len(files) == 3 and all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)
    rebuilt = tmp_path / "rebuilt.key"
    _fail(run_cli(capsys, "vault", "key", "combine", str(files[0]), "-o", str(rebuilt)),
          "needs 2")
    assert run_cli(capsys, "vault", "key", "combine", str(files[0]), str(files[2]), "-o",
                   str(rebuilt)).code == 0
    assert rebuilt.read_text() == key.read_text()
    assert run_cli(capsys, "vault", "verify", "--vault", url, "--key-file",
                   str(rebuilt)).code == 0
    # a vault whose key is a passphrase (scrypt, salt kept in the vault)
    monkeypatch.setenv("VEIL_MASTER_PASSPHRASE", "a long and secret phrase")
    other = f"sqlite:///{tmp_path / 'p.db'}"
    assert run_cli(capsys, "vault", "init", "--vault", other, "--passphrase").code == 0
    assert run_cli(capsys, "vault", "scope", "add", "s", "--vault", other,
                   "--passphrase").code == 0
    monkeypatch.setenv("VEIL_MASTER_PASSPHRASE", "not the right phrase")
    _fail(run_cli(capsys, "vault", "verify", "--vault", other, "--passphrase"),
          "does not open")
    _fail(run_cli(capsys, "vault", "verify", "--vault", url, "--passphrase"),
          "not created with a passphrase")


@pytest.mark.parametrize(("args", "words"), [
    (["vault", "scope", "add", "s", "--vault", "{url}"], ["no master key"]),
    (["vault", "init", "--vault", "{url}", "--key-file", "{key}"], ["a vault exists"]),
    (["vault", "scope", "add", "study-1", "--vault", "{url}", "--key-file", "{key}"],
     ["exists"]),
    (["vault", "verify", "--vault", "{tmp}/none.db", "--key-file", "{key}"], ["no vault"]),
    (["vault", "scope", "add", "x", "--vault", "{url}", "--key-file", "{key}", "--length",
      "2"], ["length"]),
    (["pseudonymize", "{data}", "--column", "nope", "--scope", "study-1", "-o",
      "{tmp}/o.csv", "--vault", "{url}", "--key-file", "{key}"], ["no column named 'nope'"]),
    (["pseudonymize", "{data}", "--column", "mrn", "--scope", "other", "-o",
      "{tmp}/o.csv", "--vault", "{url}", "--key-file", "{key}"], ["scope 'other' does not"]),
    (["vault", "shred", "nope", "--vault", "{url}", "--key-file", "{key}"], ["does not"]),
    (["vault", "verify", "--vault", "mysql://u@h/db", "--key-file", "{key}"],
     ["not supported"]),
])
def test_user_errors(steward: tuple[str, Path], tmp_path: Path,
                     capsys: pytest.CaptureFixture[str], args: list[str],
                     words: list[str]) -> None:
    url, key = steward
    data = _visits(tmp_path / "d.csv", ["SECRET-MRN-1", "SECRET-MRN-2"])
    filled = [a.format(url=url, key=key, tmp=tmp_path, data=data) for a in args]
    outcome = run_cli(capsys, *filled)
    _fail(outcome, *words)
    assert "SECRET-MRN" not in outcome.stderr
    assert key.read_text().strip() not in outcome.stderr
    assert not (tmp_path / "o.csv").exists()


def _vault_commands() -> list[str]:
    from veil.vault.cli import vault_app

    names = [f"vault {c.name}" for c in vault_app.registered_commands]
    for group in vault_app.registered_groups:
        assert group.typer_instance is not None
        names += [f"vault {group.name} {c.name}"
                  for c in group.typer_instance.registered_commands]
    return names


@pytest.mark.parametrize("command", ["pseudonymize", "vault", *_vault_commands()])
def test_every_vault_command_has_help_and_docs(command: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    outcome = run_cli(capsys, *command.split(), "--help")
    assert outcome.code == 0
    assert len(outcome.stdout.strip()) > 80
    docs = (Path(__file__).parents[2] / "docs" / "commands.md").read_text()
    assert f"\n## veil {command}\n" in docs, command
