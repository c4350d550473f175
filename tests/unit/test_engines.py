"""The engine seam: every full-dataset path runs through the engine the caller gives.

A recording engine wraps the Polars engine behind tables of its own class (so a
path that reached for Polars internals would fail), every other module's way to
open or write a file is disabled while the paths run (so a path that bypassed
the engine would fail), and the outputs must equal the default engine's.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from veil.actions.keystore import LocalKeyStore
from veil.actions.secrets import Secret
from veil.anonymize.recode import RecodeTargets, recode_file
from veil.anonymize.run import AnonymizeOptions, anonymize_file
from veil.dp.release import release
from veil.engines import get_engine
from veil.engines.base import RowTransform, Table, WriteOptions
from veil.engines.polars_engine import PolarsEngine, PolarsTable
from veil.engines.types import (
    Capability,
    LogicalType,
    Schema,
    Source,
    WriteResult,
    logical_type,
)
from veil.errors import CapabilityError, EngineError, VeilError
from veil.io.formats import Format
from veil.io.hashing import sha256_file
from veil.io.read import open_dataset
from veil.pipeline import ApplyOptions, InputSpec, Keys, LoadedPolicy, apply_policy, deidentify
from veil.plan import Plan, compile_plan
from veil.policy.load import parse_policy
from veil.risk.assess import assess, assess_table
from veil.synth.patients import write_patients
from veil.vault.files import pseudonymize_file
from veil.verify import verify_file

REFERENCE = dt.date(2026, 1, 1)


@dataclass(frozen=True, eq=False)
class _Wrapped:
    """A table of the recording engine: only the `Table` protocol, nothing of Polars'."""

    inner: PolarsTable

    path = property(lambda self: self.inner.path)
    format = property(lambda self: self.inner.format)
    separator = property(lambda self: self.inner.separator)
    columns = property(lambda self: self.inner.columns)
    schema = property(lambda self: self.inner.schema)
    batch_schema = property(lambda self: self.inner.batch_schema)
    rows = property(lambda self: self.inner.rows)


@dataclass
class RecordingEngine:
    """A second engine: the Polars engine's results, each call recorded."""

    name: str = "recording"
    capabilities: frozenset[Capability] = frozenset(Capability)
    calls: list[str] = field(default_factory=list)
    inner: PolarsEngine = field(default_factory=PolarsEngine)

    def _unwrap(self, table: Table) -> PolarsTable:
        assert isinstance(table, _Wrapped), f"a table of another engine: {type(table)}"
        return table.inner

    def open(self, source: Source) -> Table:
        self.calls.append("open")
        return _Wrapped(self.inner.open(source))

    def driver_frame(self, table: Table) -> pl.LazyFrame:
        self.calls.append("driver_frame")
        return self.inner.driver_frame(self._unwrap(table))

    def distinct(self, table: Table, values: Mapping[str, pl.Expr]) -> pl.DataFrame:
        self.calls.append("distinct")
        return self.inner.distinct(self._unwrap(table), values)

    def group_counts(self, table: Table, keys: Mapping[str, pl.Expr], *,
                     where: pl.Expr | None = None, where_keys: pl.Expr | None = None,
                     first_row: bool = False) -> pl.DataFrame:
        self.calls.append("group_counts")
        return self.inner.group_counts(self._unwrap(table), keys, where=where,
                                       where_keys=where_keys, first_row=first_row)

    def sums(self, table: Table, values: Mapping[str, pl.Expr], *,
             derived: Sequence[pl.Expr] = ()) -> dict[str, int]:
        self.calls.append("sums")
        return self.inner.sums(self._unwrap(table), values, derived=derived)

    def take_every(self, table: Table, columns: Sequence[str], step: int) -> pl.DataFrame:
        self.calls.append("take_every")
        return self.inner.take_every(self._unwrap(table), columns, step)

    def write(self, table: Table, transform: Plan | RowTransform,
              options: WriteOptions) -> WriteResult:
        self.calls.append("write" if isinstance(transform, Plan) else "write_rows")
        return self.inner.write(self._unwrap(table), transform, options)


def _refuse(*_: Any, **__: Any) -> Any:
    raise AssertionError("a full-dataset path opened or wrote data outside the engine")


@pytest.fixture
def only_the_engine_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside the Polars engine's own module, no module may open or sink a dataset (every
    module the paths use is imported at the top of this file, so all are covered)."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("veil.") or name == "veil.engines.polars_engine":
            continue
        for attribute in ("open_dataset", "sink"):
            if hasattr(module, attribute):
                monkeypatch.setattr(module, attribute, _refuse)


@pytest.fixture(scope="module")
def patients(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("data") / "patients.parquet"
    write_patients(path, 3_000, seed=5)
    return path


def _same_run(a: Path, b: Path) -> None:
    """Two run directories hold the same data and the same report (times, hashes aside)."""
    data = sorted(p.name for p in a.iterdir() if p.suffix in (".parquet", ".csv", ".jsonl"))
    assert data
    for name in data:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    first, second = (json.loads((d / "report.json").read_text()) for d in (a, b))
    for report in (first, second):
        report.pop("generated_at", None)
        report.pop("manifest", None)
        report["verification"].pop("seconds", None)
    assert first == second


def test_deidentify_runs_every_pass_on_the_given_engine(
        patients: Path, tmp_path: Path, only_the_engine_reads: None) -> None:
    engine = RecordingEngine()
    run = deidentify(InputSpec(patients), tmp_path / "rec", reference_date=REFERENCE,
                     engine=engine)
    assert {"open", "driver_frame", "write", "sums", "group_counts",
            "take_every"} <= set(engine.calls)
    manifest = json.loads((run.outdir / "manifest.json").read_text())
    assert manifest["parameters"]["engine"] == "recording"
    default = deidentify(InputSpec(patients), tmp_path / "polars", reference_date=REFERENCE)
    _same_run(run.outdir, default.outdir)


def test_apply_policy_takes_a_loaded_policy_and_options(
        patients: Path, tmp_path: Path, only_the_engine_reads: None) -> None:
    columns = pl.read_parquet_schema(patients)
    text = "profile: safe-harbor\ncolumns:\n" + "".join(
        f"  {name!r}: {{action: {'pseudonym' if i == 0 else 'drop'}}}\n"
        for i, name in enumerate(columns))
    policy_file = tmp_path / "policy.yaml"
    policy_file.write_text(text)
    loaded = LoadedPolicy.from_file(policy_file)
    keys = Keys(Secret(b"0123456789abcdef0123"), LocalKeyStore(tmp_path / "codes.parquet"))
    engine = RecordingEngine()
    result = apply_policy(InputSpec(patients), loaded, tmp_path / "out",
                          options=ApplyOptions(keys=keys, with_risk=False, engine=engine))
    assert engine.calls.count("distinct") == 1  # the pseudonymized column's values
    assert "write" in engine.calls
    assert (result.outdir / "policy.yaml").read_text() == text
    coded = pl.read_parquet(result.data_file)
    assert coded.columns == [next(iter(columns))]
    assert result.report["keys"]["pseudonym"].startswith("random codes for")


def test_verify_and_risk_run_on_the_given_engine(
        patients: Path, only_the_engine_reads: None) -> None:
    engine = RecordingEngine()
    found = verify_file(patients, engine=engine)
    assert {"open", "sums", "take_every"} <= set(engine.calls)
    assert found.to_dict(rows=True)["residuals"] == verify_file(patients).to_dict(
        rows=True)["residuals"]
    engine.calls.clear()
    table = engine.open(Source(patients))
    quasi = list(table.columns[:3])
    risk = assess_table(engine, table, quasi=quasi, pairs=True).to_dict()
    assert engine.calls == ["open", "group_counts"]
    assert risk == assess(pl.scan_parquet(patients), quasi=quasi).to_dict()


def test_anonymize_prepare_and_apply_run_on_the_given_engine(
        tmp_path: Path, only_the_engine_reads: None) -> None:
    data = tmp_path / "d.csv"
    pl.DataFrame({
        "sex": ["F", "M"] * 200, "age": [str(20 + i % 50) for i in range(400)],
        "dx": [f"D{i % 7}" for i in range(400)], "id": [str(i) for i in range(400)],
    }).write_csv(data)
    policy = parse_policy(
        "expert:\n  quasi_identifiers:\n    sex: auto\n"
        "    age: {builder: intervals, width: 10, fanout: 2}\n"
        "  privacy:\n    k: 5\n    l: [{attribute: dx, value: 2}]\n  drop: [id]\n")
    assert policy.expert is not None
    engine = RecordingEngine()
    summary = anonymize_file(Source(data), policy.expert, tmp_path / "rec",
                             options=AnonymizeOptions(engine=engine))
    assert {"distinct", "group_counts", "write_rows"} <= set(engine.calls)
    default = anonymize_file(Source(data), policy.expert, tmp_path / "polars")
    assert summary["levels"] == default["levels"]
    assert (tmp_path / "rec" / "d.csv").read_bytes() == \
        (tmp_path / "polars" / "d.csv").read_bytes()


def test_pseudonymize_file_runs_on_the_given_engine(
        tmp_path: Path, only_the_engine_reads: None) -> None:
    data = tmp_path / "v.csv"
    pl.DataFrame({"mrn": ["M1", "M2", "M1", None], "ward": ["a", "b", "c", "d"]}).write_csv(data)
    engine = RecordingEngine()
    store = LocalKeyStore(tmp_path / "codes.parquet")
    result = pseudonymize_file(data, tmp_path / "out.csv", columns=["mrn"], keystore=store,
                               scope="s", engine=engine)
    assert engine.calls == ["open", "distinct", "write"]
    out = pl.read_csv(result.output, infer_schema=False)
    assert out.columns == ["mrn", "ward"] and out["ward"].to_list() == ["a", "b", "c", "d"]
    codes = out["mrn"].to_list()
    assert codes[0] == codes[2] != codes[1] and codes[3] is None and "M1" not in codes


def test_features_an_engine_lacks_are_refused_by_name(tmp_path: Path) -> None:
    data = tmp_path / "n.csv"
    pl.DataFrame({"a": [str(i) for i in range(20)]}).write_csv(data)
    engine = RecordingEngine(name="spark", capabilities=frozenset())
    for method, feature in (("mondrian", "Mondrian local recoding"),
                            ("mdav", "microaggregation")):
        with pytest.raises(CapabilityError) as refused:
            recode_file(open_dataset(data), RecodeTargets(method, ("a",), 2),  # type: ignore[arg-type]
                        tmp_path / method, engine=engine)
        assert refused.value.exit_code == 2
        assert f"{feature} cannot run on the spark engine" in str(refused.value)
        assert "--engine polars" in str(refused.value)
        assert not (tmp_path / method).exists()
    assert engine.calls == []  # refused before anything was read


def test_dp_release_is_refused_without_opendp(tmp_path: Path) -> None:
    engine = RecordingEngine(name="spark", capabilities=frozenset({Capability.RECODING}))
    with pytest.raises(CapabilityError, match="differentially private release"):
        release(tmp_path / "missing.csv", object(), spec_text="", out_dir=tmp_path / "o",  # type: ignore[arg-type]
                ledger_url=None, preview=True, data_engine=engine)


def test_get_engine_names_and_refusals(monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(get_engine("polars"), PolarsEngine)
    with pytest.raises(EngineError, match="unknown engine 'dask'") as unknown:
        get_engine("dask")
    assert unknown.value.exit_code == 2
    with pytest.raises(EngineError, match="--engine spark only"):
        get_engine("polars", master="local[2]")

    def missing(name: str) -> Any:
        raise ModuleNotFoundError(f"No module named {name!r}", name="pyspark")

    monkeypatch.setattr("veil.engines.importlib.import_module", missing)
    with pytest.raises(EngineError, match="Spark engine is not available") as absent:
        get_engine("spark", master="local[2]")
    assert isinstance(absent.value, VeilError) and "pyspark" in str(absent.value)


def test_polars_engine_operations_on_a_small_table(tmp_path: Path) -> None:
    data = tmp_path / "t.parquet"
    pl.DataFrame({"a": ["x", "y", "x", None], "n": [1, 2, 3, None]}).write_parquet(data)
    engine = PolarsEngine()
    table = engine.open(Source(data))
    assert table.schema == Schema.from_polars({"a": pl.String(), "n": pl.Int64()})
    assert table.schema["n"] is LogicalType.INTEGER and table.rows == 4
    values = engine.distinct(table, {"a": pl.col("a")})["a"].to_list()
    assert sorted(values, key=lambda v: (v is None, v or "")) == ["x", "y", None]
    counts = engine.group_counts(table, {"a": pl.col("a")}, where=pl.col("n") > 1,
                                 first_row=True).sort("first")
    assert counts.rows() == [("y", 1, 1), ("x", 1, 2)]
    assert engine.sums(table, {"big": pl.col("n") > 1}) == {"rows": 4, "big": 2}
    assert engine.take_every(table, ["n"], 2)["n"].to_list() == [1, 3]
    with pytest.raises(ValueError, match="reserved"):
        engine.sums(table, {"rows": pl.col("n")})


def test_logical_types_of_polars_dtypes() -> None:
    cases = {pl.String(): LogicalType.STRING, pl.Categorical(): LogicalType.STRING,
             pl.UInt8(): LogicalType.INTEGER, pl.Float32(): LogicalType.FLOAT,
             pl.Decimal(10, 2): LogicalType.DECIMAL, pl.Date(): LogicalType.DATE,
             pl.Datetime("ns", "UTC"): LogicalType.DATETIME, pl.Time(): LogicalType.TIME,
             pl.Duration("ms"): LogicalType.DURATION, pl.List(pl.Int8()): LogicalType.LIST,
             pl.Struct({"x": pl.Int8()}): LogicalType.STRUCT, pl.Binary(): LogicalType.BINARY,
             pl.Boolean(): LogicalType.BOOLEAN, pl.Null(): LogicalType.NULL}
    for dtype, expected in cases.items():
        assert logical_type(dtype) is expected, dtype


def test_write_returns_the_part_hash(tmp_path: Path) -> None:
    data = tmp_path / "w.csv"
    pl.DataFrame({"a": ["1", "2"], "b": ["x", "y"]}).write_csv(data)
    engine = PolarsEngine()
    table = engine.open(Source(data))
    plan = compile_plan(parse_policy("profile: safe-harbor\ncolumns:\n  a: {action: keep}\n"
                                     "  b: {action: redact}\n"), table.columns, source="w")
    out = tmp_path / "o.csv"
    result = engine.write(table, plan, WriteOptions(out, Format.CSV))
    assert result.rows_out == 2 and result.columns_out == ("a", "b")
    assert [(p.path, p.sha256) for p in result.parts] == [("o.csv", sha256_file(out))]


def test_the_guard_catches_a_path_that_bypasses_the_engine(
        patients: Path, only_the_engine_reads: None) -> None:
    with pytest.raises(AssertionError, match="outside the engine"):
        InputSpec(patients).open()
