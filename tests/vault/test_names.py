"""Scope names, actors and purposes that could forge or hide text (issue 12, Low): a scope
"org-a\\n" was created beside "org-a"; purposes took line breaks, NEL, line and paragraph
separators and bidi overrides into the audit log."""

from __future__ import annotations

import pytest

from tests.e2e.cli import run_cli
from veil.errors import VaultError
from veil.vault import Vault

TRICKS = ["\n", "\r", "\x85", "\u2028", "\u2029", "\u202a", "\u202b", "\u202c", "\u202d",
          "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\x00", "\t", "\u200b", "\ufeff"]


@pytest.mark.parametrize("name", [
    "org-a\n", "org-a\r\n", "Org-A", "org-a ", " org-a", "org/a", "org:a", "org@a", "-org",
    ".org", "", "a" * 64, "orgа", "org\u202ea", "org\u2028a", "org-a\x85"])
def test_scope_names_are_restricted(vault: Vault, name: str) -> None:
    with pytest.raises(VaultError, match="scope name"):
        vault.add_scope(name, actor="tester")


@pytest.mark.parametrize("name", ["org-a", "study-2024.1", "mrn_domain", "a", "9" * 63])
def test_plain_scope_names_are_accepted(vault: Vault, name: str) -> None:
    assert vault.add_scope(name, actor="tester").name == name


@pytest.mark.parametrize("trick", TRICKS)
def test_purposes_and_actors_with_control_or_format_characters_are_refused(
        vault: Vault, trick: str) -> None:
    before = vault.audit()
    codes = vault.assign("study-1", ["MRN1"], actor="tester")
    with pytest.raises(VaultError, match=f"U\\+{ord(trick):04X}"):
        vault.reidentify("study-1", codes, actor="tester", purpose=f"audit{trick}ok")
    with pytest.raises(VaultError, match="purpose"):
        vault.assign("study-1", ["MRN1"], actor="tester", purpose=f"x{trick}")
    with pytest.raises(VaultError, match="actor"):
        vault.assign("study-1", ["MRN1"], actor=f"eve{trick}alice")
    with pytest.raises(VaultError, match="purpose"):
        vault.record("export", actor="tester", purpose=f"x{trick}y")
    assert len(vault.audit()) == len(before) + 1  # only the clean assignment
    assert vault.verify().ok


def test_unicode_text_in_purposes_is_kept(vault: Vault) -> None:
    vault.record("export", actor="Zoë Ångström", purpose="étude «cohorte» — 2024 ✓")
    assert vault.audit()[-1].purpose == "étude «cohorte» — 2024 ✓"


def test_the_cli_refuses_a_scope_name_with_a_line_break(
        tmp_path: object, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from pathlib import Path

    base = Path(str(tmp_path))
    monkeypatch.delenv("VEIL_MASTER_KEY", raising=False)
    url = f"sqlite:///{base / 'v.db'}"
    key = base / "master.key"
    assert run_cli(capsys, "vault", "init", "--vault", url, "--key-file", str(key)).code == 0
    keyed = ("--vault", url, "--key-file", str(key))
    assert run_cli(capsys, "vault", "scope", "add", "org-a", *keyed).code == 0
    outcome = run_cli(capsys, "vault", "scope", "add", "org-a\n", *keyed)
    assert outcome.code == 2 and outcome.stderr.count("\n") == 1, outcome
    outcome = run_cli(capsys, "vault", "scope", "list", "--json", *keyed)
    assert '"org-a"' in outcome.stdout and "org-a\\n" not in outcome.stdout


def test_a_bad_purpose_fails_only_its_own_request_in_a_batch(vault: Vault) -> None:
    from veil.vault.vault import ReidentifyRequest

    codes = vault.assign("study-1", ["MRN1", "MRN2"], actor="tester")
    results = vault.reidentify_batch([
        ReidentifyRequest("study-1", codes[:1], "token:a", "p1"),
        ReidentifyRequest("study-1", codes[1:], "token:b", "line\u2028break"),
        ReidentifyRequest("study-1", codes[1:], "token:c", "p3")])
    assert results[0] == {codes[0]: "MRN1"} and results[2] == {codes[1]: "MRN2"}
    assert isinstance(results[1], VaultError) and "U+2028" in results[1].message
    assert [e.purpose for e in vault.audit()[-2:]] == ["p1", "p3"]
