"""`veil apply --vault URL --scope S`: a policy's pseudonym rule takes its codes from the key
vault, two batches months apart give returning patients the same codes, and the output
holds only codes."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from tests.e2e.cli import run_cli

POLICY = """\
version: 1
profile: safe-harbor
reference_date: 2026-01-01
columns:
  "mrn": {action: pseudonym, category: H, scope: ignored-when-scope-given}
  "visit": {action: keep, reviewed: true}
"""


def _batch(path: Path, mrns: list[str]) -> Path:
    pl.DataFrame({"mrn": mrns, "visit": [f"v{i}" for i in range(len(mrns))]}).write_csv(path)
    return path


def test_two_batches_share_codes_through_the_vault(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VEIL_MASTER_KEY", raising=False)
    url = f"sqlite:///{tmp_path / 'vault.db'}"
    key = tmp_path / "master.key"
    assert run_cli(capsys, "vault", "init", "--vault", url, "--key-file", str(key)).code == 0
    assert run_cli(capsys, "vault", "scope", "add", "study-9", "--vault", url,
                   "--key-file", str(key)).code == 0
    policy = tmp_path / "policy.yaml"
    policy.write_text(POLICY, encoding="utf-8")
    vaulted = ("--vault", url, "--vault-key-file", str(key), "--scope", "study-9")
    codes = {}
    for name, mrns in (("january", ["MRN-0001", "MRN-0002"]),
                       ("june", ["MRN-0002", "MRN-0003", "MRN-0001"])):
        source = _batch(tmp_path / f"{name}.csv", mrns)
        out = tmp_path / f"out-{name}"
        outcome = run_cli(capsys, "apply", str(source), "--policy", str(policy), "-o", str(out),
                          "--no-risk", *vaulted)
        assert outcome.code == 0, outcome
        released = pl.read_csv(out / f"{name}.csv", infer_schema=False)
        assert not released["mrn"].str.contains("MRN").any()  # only codes leave
        codes[name] = dict(zip(mrns, released["mrn"].to_list(), strict=True))
        report = (out / "report.json").read_text(encoding="utf-8")
        assert "MRN-000" not in report
    assert codes["june"]["MRN-0001"] == codes["january"]["MRN-0001"]
    assert codes["june"]["MRN-0002"] == codes["january"]["MRN-0002"]
    assert codes["june"]["MRN-0003"] not in codes["january"].values()
    both = run_cli(capsys, "apply", str(tmp_path / "june.csv"), "--policy", str(policy),
                   "-o", str(tmp_path / "x"), "--key-file", str(tmp_path / "k.parquet"),
                   *vaulted)
    assert both.code == 2 and "not both" in both.stderr
