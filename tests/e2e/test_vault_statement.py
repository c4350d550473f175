"""`veil vault statement`: a statistician without vault access joins a coded release, its
scope's signed destruction record and the residual risk into one statement. Anonymized
only with a valid signature and every threshold met; a tampered record, a wrong key or a
risky release is not; user errors are one line and exit 2; no cell value leaks."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.e2e.cli import Outcome, run_cli

PLANTED = "ZQX-PLANTED-7731"  # a distinctive cell value that must never be written or shown
ROWS = 240
ANONYMIZED = "anonymized"
PSEUDONYMIZED = "still personal data (pseudonymized)"
RESIDUAL = "key destroyed but residual risk too high"


@dataclass(frozen=True)
class Shredded:
    """A release coded in scope study-1 of a real vault, and the scope's destruction record."""

    url: str
    key: Path
    release: Path
    record: Path
    tmp: Path


def _source(path: Path) -> Path:
    """Patients with coarse quasi-identifiers (sex, age band) and a unique one (birth date);
    one planted value in the birth dates, one in the notes."""
    n = range(ROWS)
    pl.DataFrame({
        "mrn": [f"MRN-{i:05d}" for i in n],
        "sex": ["F" if i % 2 else "M" for i in n],
        "age_band": [("20-39", "40-59", "60+")[i % 3] for i in n],
        "birth_date": [PLANTED if i == 7 else f"19{40 + i % 60}-{1 + i % 12:02d}-{1 + i % 28:02d}"
                       for i in n],
        "diagnosis": [("flu", "asthma", "diabetes", "copd")[i % 4] for i in n],
        "note": [PLANTED if i == 3 else "seen" for i in n],
    }).write_csv(path)
    return path


@pytest.fixture
def shredded(tmp_path: Path, capsys: pytest.CaptureFixture[str],
             monkeypatch: pytest.MonkeyPatch) -> Shredded:
    """Init a SQLite vault, pseudonymize a generated CSV in study-1, shred study-1."""
    monkeypatch.delenv("VEIL_MASTER_KEY", raising=False)
    url = f"sqlite:///{tmp_path / 'vault.db'}"
    key = tmp_path / "master.key"
    keyed = ("--vault", url, "--key-file", str(key))
    assert run_cli(capsys, "vault", "init", *keyed).code == 0
    assert run_cli(capsys, "vault", "scope", "add", "study-1", *keyed).code == 0
    release = tmp_path / "release.csv"
    outcome = run_cli(capsys, "pseudonymize", str(_source(tmp_path / "source.csv")),
                      "--column", "mrn", "--scope", "study-1", "-o", str(release), *keyed)
    assert outcome.code == 0, outcome
    record = tmp_path / "destruction.json"
    outcome = run_cli(capsys, "vault", "shred", "study-1", "-o", str(record), "--yes",
                      "--actor", "dpo", *keyed)
    assert outcome.code == 0, outcome
    return Shredded(url, key, release, record, tmp_path)


def _statement(capsys: pytest.CaptureFixture[str], s: Shredded, *args: str,
               record: Path | None = None, out: str = "statement") -> Outcome:
    return run_cli(capsys, "vault", "statement", str(s.release), "--record",
                   str(record or s.record), "--code-column", "mrn", "-o", str(s.tmp / out),
                   *args)


def _read(s: Shredded, out: str = "statement") -> dict[str, Any]:
    data: dict[str, Any] = json.loads((s.tmp / out / "statement.json").read_text())
    return data


def _failed(data: dict[str, Any]) -> set[str]:
    return {c["name"] for c in data["conditions"] if not c["passed"]}


def _one_line_error(outcome: Outcome, *words: str) -> None:
    assert outcome.code == 2, outcome
    assert outcome.stderr.count("\n") == 1, outcome.stderr
    for word in words:
        assert word in outcome.stderr, outcome.stderr


def test_coarse_quasi_identifiers_are_anonymized(shredded: Shredded,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    outcome = _statement(capsys, shredded, "--qi", "sex,age_band", "--sensitive", "diagnosis",
                         "--max-risk", "0.09", "--k", "5", "--l", "2")
    assert outcome.code == 0, outcome
    assert f"verdict: {ANONYMIZED}" in outcome.stdout
    data = _read(shredded)
    assert data["verdict"] == ANONYMIZED and data["anonymized"] is True
    assert all(c["passed"] for c in data["conditions"])
    measured = {c["name"]: c["measured"] for c in data["conditions"]}
    assert measured["k-anonymity"] == ROWS // 6
    assert measured["highest prosecutor risk"] == pytest.approx(6 / ROWS)
    saved = json.loads(shredded.record.read_text())
    record = data["destruction_record"]
    assert {k: record[k] for k in ("scope", "at", "actor", "codes", "signature")} == {
        k: saved[k] for k in ("scope", "at", "actor", "codes", "signature")}
    assert record["public_key"] == saved["public_key"]
    assert record["public_key_source"] == "the record file itself"
    assert data["code_column"]["distinct"] == ROWS and data["code_column"]["off_format"] == 0
    assert data["residual_risk"]["smallest_class"] == ROWS // 6
    caveats = " ".join(data["caveats"])
    for words in ("backups", "veil deidentify", "unique per-person key", "linked"):
        assert words in caveats
    manifest = json.loads((shredded.tmp / "statement" / "manifest.json").read_text())
    assert manifest["command"] == "vault statement"
    assert [o["file"] for o in manifest["outputs"]] == ["statement.json", "statement.html"]
    assert manifest["parameters"]["destruction_record"]["file"] == "destruction.json"
    html = (shredded.tmp / "statement" / "statement.html").read_text()
    assert "ANONYMIZED" in html and "Residual re-identification risk" in html
    assert "<script" not in html


def test_unique_quasi_identifiers_leave_residual_risk(
        shredded: Shredded, capsys: pytest.CaptureFixture[str]) -> None:
    outcome = _statement(capsys, shredded, "--qi", "sex,birth_date", "--max-risk", "0.09",
                         "--k", "5")
    assert outcome.code == 1, outcome
    data = _read(shredded)
    assert data["verdict"] == RESIDUAL and data["anonymized"] is False
    assert _failed(data) == {"highest prosecutor risk", "k-anonymity"}
    assert set(data["failed"]) == _failed(data)
    measured = {c["name"]: c["measured"] for c in data["conditions"]}
    assert measured["highest prosecutor risk"] == 1.0 and measured["k-anonymity"] == 1
    assert "NOT MET  k-anonymity" in outcome.stdout


@pytest.mark.parametrize(("field", "value"), [
    ("actor", "someone-else"),
    ("codes", 1_000_000),
    ("scope", "study-2"),
    ("at", "2020-01-01T00:00:00+00:00"),
    ("signature", "ed25519:" + "00" * 64),
])
def test_tampered_record_is_not_anonymized(shredded: Shredded,
                                           capsys: pytest.CaptureFixture[str], field: str,
                                           value: object) -> None:
    data = json.loads(shredded.record.read_text())
    data[field] = value
    tampered = shredded.tmp / "tampered.json"
    tampered.write_text(json.dumps(data))
    outcome = _statement(capsys, shredded, "--qi", "sex,age_band", "--max-risk", "0.09",
                         record=tampered)
    assert outcome.code == 1, outcome
    result = _read(shredded)
    assert result["verdict"] == PSEUDONYMIZED
    assert "destruction record signed" in _failed(result)


def test_missing_signature_is_not_anonymized(shredded: Shredded,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(shredded.record.read_text())
    del data["signature"]
    unsigned = shredded.tmp / "unsigned.json"
    unsigned.write_text(json.dumps(data))
    outcome = _statement(capsys, shredded, "--qi", "sex,age_band", "--k", "5",
                         record=unsigned)
    assert outcome.code == 1, outcome
    signed = next(c for c in _read(shredded)["conditions"]
                  if c["name"] == "destruction record signed")
    assert not signed["passed"] and "no signature" in signed["detail"]


def test_the_public_key_decides(shredded: Shredded, capsys: pytest.CaptureFixture[str]) -> None:
    other = Ed25519PrivateKey.generate().public_key().public_bytes_raw().hex()
    outcome = _statement(capsys, shredded, "--qi", "sex,age_band", "--max-risk", "0.09",
                         "--public-key", other, out="wrong")
    assert outcome.code == 1, outcome
    data = _read(shredded, "wrong")
    assert data["verdict"] == PSEUDONYMIZED
    assert _failed(data) == {"destruction record signed"}
    assert data["destruction_record"]["public_key_source"] == "--public-key"
    # the right key, from a file handed over apart from the record: anonymized
    key_file = shredded.tmp / "vault.pub"
    key_file.write_text(json.loads(shredded.record.read_text())["public_key"] + "\n")
    outcome = _statement(capsys, shredded, "--qi", "sex,age_band", "--max-risk", "0.09",
                         "--public-key", str(key_file), out="right")
    assert outcome.code == 0, outcome
    data = _read(shredded, "right")
    assert data["verdict"] == ANONYMIZED
    assert not any("read from the record file itself" in c for c in data["caveats"])


def test_the_vault_confirms_when_asked(shredded: Shredded,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    outcome = _statement(capsys, shredded, "--qi", "sex,age_band", "--k", "5", "--vault",
                         shredded.url, "--key-file", str(shredded.key))
    assert outcome.code == 0, outcome
    data = _read(shredded)
    confirmed = next(c for c in data["conditions"] if c["name"] == "vault confirms the shredding")
    assert confirmed["passed"]
    assert data["vault_check"]["shredded"] and data["vault_check"]["same_signature"]
    assert data["code_column"]["format_source"] == "the vault"


def test_a_column_that_is_not_codes_is_not_anonymized(
        shredded: Shredded, capsys: pytest.CaptureFixture[str]) -> None:
    outcome = run_cli(capsys, "vault", "statement", str(shredded.release), "--record",
                      str(shredded.record), "--code-column", "diagnosis", "--qi",
                      "sex,age_band", "--k", "5", "-o", str(shredded.tmp / "statement"))
    assert outcome.code == 1, outcome
    data = _read(shredded)
    assert data["verdict"] == PSEUDONYMIZED
    assert _failed(data) == {"'diagnosis' holds codes of the scope"}


@pytest.mark.parametrize(("extra", "words"), [
    ([], ["threshold", "Recital 26"]),
    (["--l", "2"], ["--sensitive"]),
    (["--max-population-uniqueness", "0.01"], ["--population"]),
    (["--k", "1"], ["--k", "2 or more"]),
    (["--max-risk", "1.5"], ["--max-risk"]),
    (["--k", "5", "--public-key", "not-a-key"], ["--public-key", "64 hex"]),
    (["--k", "5", "--qi", "mrn"], ["code column"]),
])
def test_user_errors_exit_2(shredded: Shredded, capsys: pytest.CaptureFixture[str],
                            extra: list[str], words: list[str]) -> None:
    qi = [] if "--qi" in extra else ["--qi", "sex,age_band"]
    outcome = _statement(capsys, shredded, *qi, *extra)
    _one_line_error(outcome, *words)
    assert not (shredded.tmp / "statement").exists()


@pytest.mark.parametrize("content", [
    "{not json",
    "[1, 2, 3]",
    '{"at": "2026-01-01T00:00:00+00:00", "actor": "a", "codes": 1}',
    '{"scope": "s", "at": "2026-01-01T00:00:00+00:00", "actor": "a", "codes": "many"}',
    '{"scope": "s", "at": "yesterday", "actor": "a", "codes": 1}',
    '{"scope": "s", "at": "2026-01-01T00:00:00+00:00", "actor": "a", "codes": 1, '
    '"code_format": {"length": 1}}',
])
def test_malformed_record_is_one_line_naming_the_file(
        shredded: Shredded, capsys: pytest.CaptureFixture[str], content: str) -> None:
    bad = shredded.tmp / "broken-record.json"
    bad.write_text(content)
    outcome = _statement(capsys, shredded, "--qi", "sex,age_band", "--k", "5", record=bad)
    _one_line_error(outcome, "broken-record.json", "not a destruction record")
    assert not (shredded.tmp / "statement").exists()


def test_no_cell_value_leaks(shredded: Shredded, capsys: pytest.CaptureFixture[str]) -> None:
    codes = pl.read_csv(shredded.release, infer_schema=False)["mrn"].to_list()
    runs = [
        _statement(capsys, shredded, "--qi", "sex,birth_date", "--sensitive", "note",
                   "--k", "5", "--l", "2", "--t", "0.2", "--json", out="risky"),
        _statement(capsys, shredded, "--qi", "sex,age_band", "--max-risk", "0.09",
                   out="coarse"),
        _statement(capsys, shredded, "--qi", "sex,nope", "--k", "5", out="error"),
        run_cli(capsys, "vault", "statement", str(shredded.release), "--record",
                str(shredded.record), "--code-column", "birth_date", "--qi", "sex",
                "--k", "5", "-o", str(shredded.tmp / "wrong-column")),
    ]
    assert [r.code for r in runs] == [1, 0, 2, 1]
    written = [p.read_text() for d in ("risky", "coarse", "wrong-column")
               for p in sorted((shredded.tmp / d).iterdir())]
    assert len(written) == 9
    for text in [*written, *(r.stdout + r.stderr for r in runs)]:
        assert PLANTED not in text
        assert "MRN-" not in text
        assert not any(code in text for code in codes)


@pytest.mark.parametrize(("groups", "verdict"), [
    ((), ANONYMIZED),
    (("risk",), RESIDUAL),
    (("key",), PSEUDONYMIZED),
    (("codes",), PSEUDONYMIZED),
    (("key", "risk"), PSEUDONYMIZED),
])
def test_decide_fails_closed(groups: tuple[str, ...], verdict: str) -> None:
    from veil.vault.statement import Condition, decide

    conditions = [Condition(g, g, g not in groups, None, None, "") for g in
                  ("key", "codes", "risk")]
    assert decide(conditions) == verdict


@settings(max_examples=40, deadline=None)
@given(length=st.integers(4, 12), prefix=st.sampled_from(["", "S1-", "P"]),
       check=st.booleans(), seed=st.integers(0, 2**32 - 1))
def test_format_check_agrees_with_the_code_format(length: int, prefix: str, check: bool,
                                                  seed: int) -> None:
    """The vectorized format check says what `CodeFormat.is_valid` says, code by code."""
    from veil.vault.codes import CodeFormat
    from veil.vault.statement_checks import _in_format

    fmt = CodeFormat(length, prefix=prefix, check=check)
    rng = random.Random(seed)
    good = fmt.draw(20)
    # one symbol changed, two swapped, one dropped, or a foreign symbol: mostly invalid
    bad = []
    for code in good:
        i = rng.randrange(len(prefix), len(code) - 1)
        symbol = rng.choice(fmt.alphabet)
        bad += [code[:i] + symbol + code[i + 1:], code[:i] + code[i + 1] + code[i] + code[i + 2:],
                code[:i] + code[i + 1:], code[:i] + "!" + code[i + 1:]]
    codes = pl.Series([*good, *bad], dtype=pl.String)
    assert _in_format(codes, fmt).tolist() == [fmt.is_valid(c) for c in codes]


def test_the_vault_catches_a_release_coded_in_another_scope(
        shredded: Shredded, capsys: pytest.CaptureFixture[str]) -> None:
    """Codes of a live scope with the same format pass every format check; only the vault
    can tell they are not the shredded scope's (their key still exists)."""
    keyed = ("--vault", shredded.url, "--key-file", str(shredded.key))
    assert run_cli(capsys, "vault", "scope", "add", "study-2", *keyed).code == 0
    other = shredded.tmp / "other.csv"
    outcome = run_cli(capsys, "pseudonymize", str(_source(shredded.tmp / "source2.csv")),
                      "--column", "mrn", "--scope", "study-2", "-o", str(other), *keyed)
    assert outcome.code == 0, outcome
    without_vault = run_cli(capsys, "vault", "statement", str(other), "--record",
                            str(shredded.record), "--code-column", "mrn", "--qi",
                            "sex,age_band", "--k", "5", "-o", str(shredded.tmp / "a"))
    assert without_vault.code == 0  # indistinguishable by format alone (a documented caveat)
    with_vault = run_cli(capsys, "vault", "statement", str(other), "--record",
                         str(shredded.record), "--code-column", "mrn", "--qi", "sex,age_band",
                         "--k", "5", "-o", str(shredded.tmp / "b"), *keyed)
    assert with_vault.code == 1, with_vault
    data = _read(shredded, "b")
    assert data["anonymized"] is False
    failed = next(c for c in data["conditions"] if c["name"] == "vault confirms the shredding")
    assert "are not codes of the scope" in failed["detail"]
