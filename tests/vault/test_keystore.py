"""The vault as the key store of the `pseudonym` action, through `apply_policy`."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from veil.pipeline import ApplyOptions, InputSpec, Keys, LoadedPolicy, apply_policy
from veil.policy.load import parse_policy
from veil.vault import Vault, VaultKeyStore


def test_apply_policy_codes_through_the_vault(vault: Vault, tmp_path: Path) -> None:
    data = tmp_path / "visits.csv"
    pl.DataFrame({"mrn": ["M1", "M2", "M1", None], "ward": ["a", "b", "c", "d"]}).write_csv(data)
    text = ('profile: safe-harbor\ncolumns:\n  "mrn": {action: pseudonym, scope: study-1}\n'
            '  "ward": {action: keep}\n')
    store = VaultKeyStore(vault, actor="pipeline", purpose="release 1")
    runs = []
    for name in ("first", "second"):
        result = apply_policy(InputSpec(data), LoadedPolicy(parse_policy(text), text),
                              tmp_path / name,
                              options=ApplyOptions(keys=Keys(keystore=store), with_risk=False))
        runs.append(pl.read_csv(result.data_file, infer_schema=False)["mrn"].to_list())
        assert "key vault" in str(result.report)
    assert runs[0] == runs[1]
    assert runs[0][0] == runs[0][2] and runs[0][3] is None
    assert vault.reidentify("study-1", [runs[0][1]], actor="t", purpose="p") == {
        runs[0][1]: "M2"}
    assigns = [e for e in vault.audit() if e.action == "assign"]
    assert [(e.actor, e.purpose, e.counts["new"]) for e in assigns] == [
        ("pipeline", "release 1", 2), ("pipeline", "release 1", 0)]
    assert store.location.startswith("key vault (")
