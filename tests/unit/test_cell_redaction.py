"""A measurement column with a few dirty cells loses those cells, not its values: the
verification pass sees every row, and the remediation replaces only values that are not
measurements (`Redact.keep_matching` with `veil.detect.measurement.MEASUREMENT`)."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import polars as pl

from veil.actions.basic import redact
from veil.actions.context import ActionContext
from veil.detect.measurement import MEASUREMENT
from veil.policy.models import Redact

ROWS = 20_000


def test_keep_matching_replaces_only_other_values() -> None:
    import datetime as dt

    rule = Redact(action="redact", keep_matching=MEASUREMENT)
    values = ["5.4", "<0.5", "132-45-6789", "4.0-5.6 mmol/L", "GARCIA, ROSA", None, "3/4/61",
              "negative", "555 201 4477", "12.5 mg/dL"]
    ctx = ActionContext(column="v", dtype=pl.String, reference_date=dt.date(2026, 1, 1))
    out = pl.DataFrame({"v": values}).select(redact(rule, ctx)).to_series().to_list()
    assert out == ["5.4", "<0.5", "[REDACTED]", "4.0-5.6 mmol/L", "[REDACTED]", None,
                   "[REDACTED]", "negative", "[REDACTED]", "12.5 mg/dL"]


def _veil() -> list[str]:
    script = Path(sys.executable).parent / "veil"
    return [str(script)] if script.exists() else [sys.executable, "-m", "veil"]


def test_three_ssns_in_a_lab_column_cost_three_cells(tmp_path: Path) -> None:
    rnd = random.Random(8)
    result = [f"{rnd.uniform(3.5, 9.9):.1f}" for _ in range(ROWS)]
    dirty = sorted(rnd.sample(range(ROWS * 9 // 10, ROWS), 3))  # late in the file
    for i in dirty:
        result[i] = f"{rnd.randint(132, 665)}-{rnd.randint(10, 99)}-{rnd.randint(1000, 9999)}"
    frame = pl.DataFrame({"test_name": [rnd.choice(("K", "NA", "GLU")) for _ in range(ROWS)],
                          "lab_result": result})
    source = tmp_path / "labs.csv"
    frame.write_csv(source)
    out = tmp_path / "out"
    done = subprocess.run([*_veil(), "deidentify", str(source), "--profile", "safe-harbor",
                           "--reference-date", "2026-01-01", "-o", str(out)],
                          capture_output=True, text=True, check=False,
                          env={**os.environ, "NO_COLOR": "1"})
    assert done.returncode == 0, done.stderr[-500:]
    written = pl.read_csv(out / "labs.csv", infer_schema=False)["lab_result"].to_list()
    changed = [i for i, (a, b) in enumerate(zip(result, written, strict=True)) if a != b]
    assert changed == dirty
    warnings = json.loads((out / "report.json").read_text())["warnings"]
    assert any("lab_result" in w and "G 3" in w for w in warnings), warnings
    assert not any(result[i] in done.stdout + done.stderr + str(warnings) for i in dirty)


def test_a_column_level_finding_still_redacts_the_column(tmp_path: Path) -> None:
    """Months of an event stored alone are a date element as a whole (no single cell is
    one): the column is redacted, and the run still succeeds."""
    rnd = random.Random(9)
    n = 3_000
    frame = pl.DataFrame({"SURGMO": [str(rnd.randint(1, 12)) for _ in range(n)],
                          "hgb": [f"{rnd.uniform(9, 16):.1f}" for _ in range(n)]})
    source = tmp_path / "reg.csv"
    frame.write_csv(source)
    out = tmp_path / "out"
    done = subprocess.run([*_veil(), "deidentify", str(source), "--profile", "safe-harbor",
                           "--reference-date", "2026-01-01", "-o", str(out)],
                          capture_output=True, text=True, check=False,
                          env={**os.environ, "NO_COLOR": "1"})
    assert done.returncode == 0, done.stderr[-500:]
    written = pl.read_csv(out / "reg.csv", infer_schema=False)
    assert set(written["SURGMO"].drop_nulls().to_list()) <= {"[REDACTED]"}
    assert written["hgb"].to_list() == frame["hgb"].to_list()
