"""The issue's "done when": `veil deidentify --engine spark` writes exactly the Polars
engine's output, `veil risk --engine spark --json` prints the same JSON, at 1M rows
too, and on `local-cluster` (several executor JVMs)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from tests.e2e.cli import run_cli
from tests.spark.parity import assert_same, read
from veil.engines.polars_engine import PolarsEngine
from veil.engines.spark_engine import SparkEngine
from veil.pipeline import InputSpec, deidentify
from veil.synth.patients import people

QI = "sex,birth_date,zip"
REFERENCE = "2026-01-01"


def _patients(rows: int, path: Path) -> Path:
    people(0, rows, seed=2026).drop("note").write_parquet(path, row_group_size=100_000)
    return path


def _comparable(report: dict[str, Any]) -> dict[str, Any]:
    """report.json without what may differ: times, hashes (Spark writes parts)."""
    report = json.loads(json.dumps(report))
    report.pop("generated_at", None)
    report.get("verification", {}).pop("seconds", None)
    report.pop("manifest", None)
    return report


def _data(outdir: Path) -> pl.DataFrame:
    [data] = [p for p in outdir.iterdir() if p.name.endswith(".parquet")]
    return read(data)


def _same_run(spark_out: Path, polars_out: Path) -> None:
    assert_same(_data(spark_out), _data(polars_out))
    reports = [json.loads((d / "report.json").read_text()) for d in (spark_out, polars_out)]
    assert _comparable(reports[0]) == _comparable(reports[1])
    manifests = [json.loads((d / "manifest.json").read_text()) for d in (spark_out, polars_out)]
    assert manifests[0]["parameters"]["engine"] == "spark"
    assert {**manifests[0]["parameters"], "engine": "polars"} == manifests[1]["parameters"]
    parts = [o for o in manifests[0]["outputs"] if o["file"].endswith(".parquet")]
    written = sorted(p for p in (spark_out / parts[0]["file"]).parent.iterdir())
    assert [o["file"].split("/")[-1] for o in parts] == [p.name for p in written]


def test_cli_deidentify_and_risk_match_polars(spark_engine: SparkEngine, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    source = _patients(20_000, tmp_path / "patients.parquet")
    outs = {}
    for engine in ("polars", "spark"):
        outs[engine] = tmp_path / f"out-{engine}"
        extra = ["--engine", "spark", "--master", "local[2]"] if engine == "spark" else []
        done = run_cli(capsys, "deidentify", str(source), "--profile", "safe-harbor",
                       "--reference-date", REFERENCE, "-o", str(outs[engine]), *extra)
        assert done.code == 0, done.stderr
    _same_run(outs["spark"], outs["polars"])
    printed = {}
    for engine in ("polars", "spark"):
        extra = ["--engine", "spark", "--master", "local[2]"] if engine == "spark" else []
        done = run_cli(capsys, "risk", str(source), "--qi", QI, "--sensitive",
                       "diagnosis_code", "--json", *extra)
        assert done.code == 0, done.stderr
        printed[engine] = json.loads(done.stdout)
    assert printed["spark"] == printed["polars"]
    assert printed["spark"]["records"] == 20_000


@pytest.mark.slow
def test_safe_harbor_at_one_million_rows(spark_engine: SparkEngine, tmp_path: Path) -> None:
    source = InputSpec(_patients(1_000_000, tmp_path / "patients.parquet"))
    reference = dt.date(2026, 1, 1)
    deidentify(source, tmp_path / "polars", reference_date=reference, engine=PolarsEngine())
    deidentify(source, tmp_path / "spark", reference_date=reference, engine=spark_engine)
    _same_run(tmp_path / "spark", tmp_path / "polars")


_CLUSTER = """
import sys
from pathlib import Path
import polars as pl
from veil.actions.secrets import Secret
from veil.engines.base import WriteOptions
from veil.engines.spark_engine import SparkEngine
from veil.engines.types import Source
from veil.io.formats import Format
from veil.plan import compile_plan
from veil.policy.models import Policy
master, source, policy, out = sys.argv[1:5]
engine = SparkEngine(master)
table = engine.open(Source(Path(source)))
plan = compile_plan(Policy.model_validate_json(Path(policy).read_text()), table.columns,
                    source="input")
engine.write(table, plan, WriteOptions(Path(out) / "data.parquet", Format.PARQUET,
                                       Secret(b"local-cluster test secret 0123", "t")))
keys = {"sex": pl.col("sex"), "zip3": pl.col("zip").str.slice(0, 3)}
engine.group_counts(table, keys, first_row=True).write_parquet(Path(out) / "counts.parquet")
# block managers: the driver's and one per executor JVM
print(engine.spark.sparkContext._jsc.sc().getExecutorMemoryStatus().size())
"""


@pytest.mark.slow
def test_local_cluster_with_several_executor_jvms(tmp_path: Path) -> None:
    """`local-cluster[2,1,1024]`: a standalone master and two workers, each executor its
    own JVM, launched through the scripts pyspark's package ships (SPARK_HOME is
    pointed there): the Safe Harbor write and the group counts equal Polars'. Its own
    process: Spark allows one context per process."""
    from tests.spark.conftest import require_spark
    from veil.actions.secrets import Secret
    from veil.engines.base import WriteOptions
    from veil.engines.types import Source
    from veil.io.formats import Format
    from veil.pipeline import propose_policy, scan_file
    from veil.plan import compile_plan

    require_spark()
    source = _patients(5_000, tmp_path / "patients.parquet")
    policy = propose_policy(scan_file(InputSpec(source)),
                            reference_date=dt.date(2026, 1, 1)).policy
    (tmp_path / "policy.json").write_text(policy.model_dump_json())
    (tmp_path / "spark").mkdir()
    done = subprocess.run(
        [sys.executable, "-c", _CLUSTER, "local-cluster[2,1,1024]", str(source),
         str(tmp_path / "policy.json"), str(tmp_path / "spark")], capture_output=True,
        text=True, timeout=600, env={**os.environ, "SPARK_LOCAL_IP": "127.0.0.1"},
        check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split()[-1] == "3"  # the driver and two executors
    polars = PolarsEngine()
    table = polars.open(Source(source))
    plan = compile_plan(policy, table.columns, source="input")
    polars.write(table, plan, WriteOptions(tmp_path / "polars.parquet", Format.PARQUET,
                                           Secret(b"local-cluster test secret 0123", "t")))
    assert_same(read(tmp_path / "spark" / "data.parquet"), read(tmp_path / "polars.parquet"))
    keys = {"sex": pl.col("sex"), "zip3": pl.col("zip").str.slice(0, 3)}
    assert_same(pl.read_parquet(tmp_path / "spark" / "counts.parquet"),
                polars.group_counts(table, keys, first_row=True))


def test_notes_scrubbed_on_spark_without_a_master(tmp_path: Path) -> None:
    """`veil deidentify --engine spark` with no --master (Spark's own default) from another
    directory, on a table with a free-text column: the workers run this venv's Python (the
    first `python3` on PATH has no veil), the notes are scrubbed on the executors exactly
    as Polars scrubs them, and the verification pass re-checks them. Its own process:
    Spark allows one context per process."""
    from tests.spark.conftest import require_spark
    from veil.synth.notes import generate_notes

    require_spark()
    notes, table = generate_notes(30, seed=23)
    mrns = {r["patient_id"]: r["mrn"] for r in table.to_dicts()}
    source = tmp_path / "visits.parquet"
    pl.DataFrame({"mrn": [mrns[n.patient_id] for n in notes],
                  "note": [n.text for n in notes]}).write_parquet(source)
    env = {k: v for k, v in os.environ.items() if k != "PYSPARK_PYTHON"}
    for engine in ("polars", "spark"):
        done = subprocess.run(
            [sys.executable, "-m", "veil", "deidentify", source.name, "--profile",
             "safe-harbor", "--reference-date", REFERENCE, "-o", f"out-{engine}",
             "--engine", engine], cwd=tmp_path, env={**env, "SPARK_LOCAL_IP": "127.0.0.1"},
            capture_output=True, text=True, timeout=600, check=False)
        assert done.returncode == 0, done.stderr[-2000:]
    _same_run(tmp_path / "out-spark", tmp_path / "out-polars")
    report = json.loads((tmp_path / "out-spark" / "report.json").read_text())
    assert report["verification"]["passed"] is True
    scrubbed = _data(tmp_path / "out-spark").get_column("note")
    assert scrubbed.str.contains(r"\[NAME").all()
