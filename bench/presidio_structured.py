"""Benchmark: `veil deidentify` side by side with Microsoft presidio-structured, same table.

Run by hand, not in CI:  .venv/bin/python bench/presidio_structured.py --rows 100000

Input. The 30-column patient table of bench/safe_harbor.py (its `table(rows)`, so the
bytes are the same), from veil's synthetic generator, plus a CSV copy of it. Both tools
read the CSV copy (same bytes); veil is also run on the Parquet file for reference.

presidio. Installed into its own environment, bench/out/.venv-presidio, from
bench/requirements-presidio.txt (pinned; never a dependency of veil), and run there as
a child process: this same file with `--child`. It uses presidio-structured's
DataFrame API with its defaults (one process: n_process=1, batch_size=1):

    analysis = PandasAnalysisBuilder(analyzer=analyzer).generate_analysis(df)
    StructuredEngine().anonymize(df, analysis, {"DEFAULT": OperatorConfig("replace")})

`generate_analysis` is called with its default `n=None`, which analyses every row
(it shuffles with `df.sample(len(df))`, it does not subsample); `--presidio-sample N`
passes `n=N` instead. A column is flagged as soon as any analysed cell matched any
recognizer, and labelled with the entity type matched most often (selection strategy
"most_common", the default). "replace" then rewrites every cell of a flagged column;
presidio-structured does not pass the entity type to the operator, so without a
`new_value` the cells become the literal "<None>" (not "<ENTITY_TYPE>").

presidio's offline configuration. The default AnalyzerEngine loads spaCy's
en_core_web_lg, downloading it at start-up, which cannot work here (no network but
package registries). The analyzer is therefore built on the stock `SpacyNlpEngine`,
with its model being a blank English pipeline (`spacy.blank("en")` saved to
bench/out/spacy-blank-en and passed as a model path, which spaCy loads like any
installed model): tokenizer only, no tagger, lemmatizer, parser or NER. All of
presidio's predefined English recognizers are registered as usual and the
regex/checksum ones (US_SSN, PHONE_NUMBER, EMAIL_ADDRESS, URL, IP_ADDRESS,
CREDIT_CARD, DATE_TIME, US_DRIVER_LICENSE, US_BANK_NUMBER, MEDICAL_LICENSE, ...)
work unchanged, but the SpacyRecognizer has no entities to report: there is no
PERSON, LOCATION, NRP or ORGANIZATION detection (and no NER dates), so names,
streets, cities and counties can only be caught by a pattern recognizer by chance.
Context words still apply, without lemmas. The email recognizer's tldextract
dependency is pointed at its bundled public-suffix snapshot instead of fetching the
list (TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS), which changes nothing in detection. With
en_core_web_lg presidio would be slower still (the full pipeline runs on every cell),
so its time here is a lower bound.

Measurements. Each tool is a child process; the wall time is the child's whole life
(interpreter start, imports, reading, work, writing) and the peak memory is the
child's own ru_maxrss, from os.wait4. presidio's child also reports its phases
(setup, read, analysis, anonymization, write). Output: one JSON line per run, one
with the ratios (presidio wall / veil wall), and one comparing which columns each
tool treated as identifiers (presidio's entity mapping; veil's report.json columns
whose action is not "keep").
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "out"
VENV = OUT / ".venv-presidio"
REQUIREMENTS = BENCH / "requirements-presidio.txt"
BLANK_MODEL = OUT / "spacy-blank-en"

PRESIDIO_CONFIG = (
    "AnalyzerEngine(nlp_engine=SpacyNlpEngine(models=[{'lang_code': 'en', 'model_name': "
    "<spacy.blank('en') saved to disk>}]), supported_languages=['en']); predefined English "
    "recognizers; no NER model, so no PERSON/LOCATION/NRP/ORGANIZATION detection; "
    "PandasAnalysisBuilder(analyzer).generate_analysis(df, n=N) (selection most_common); "
    "StructuredEngine().anonymize(df, analysis, {'DEFAULT': OperatorConfig('replace')})"
)


# --- child: runs inside bench/out/.venv-presidio ------------------------------------


def presidio_child(source: Path, target: Path, sample: int | None) -> None:
    """Analyse and anonymise `source` with presidio-structured; print one JSON line."""
    started = time.perf_counter()
    # This file is named like the package: keep its folder off the import path.
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != BENCH]
    spec = importlib.util.find_spec("tldextract")
    if spec is not None and spec.origin is not None:
        snapshot = Path(spec.origin).parent / ".tld_set_snapshot"
        os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = str(snapshot)
        os.environ["TLDEXTRACT_CACHE"] = str(OUT / "tldextract-cache")

    import pandas as pd
    import spacy
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import SpacyNlpEngine
    from presidio_anonymizer.entities import OperatorConfig
    from presidio_structured import PandasAnalysisBuilder, StructuredEngine

    if not BLANK_MODEL.exists():
        spacy.blank("en").to_disk(BLANK_MODEL)
    nlp_engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": str(BLANK_MODEL)}])
    analyzer = AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"])
    recognizers = sorted(r.name for r in analyzer.registry.recognizers)
    setup = time.perf_counter()

    frame = pd.read_csv(source, dtype=str, keep_default_na=False)
    read = time.perf_counter()

    analysis = PandasAnalysisBuilder(analyzer=analyzer).generate_analysis(frame, n=sample)
    analysed = time.perf_counter()

    result = StructuredEngine().anonymize(
        frame, analysis, operators={"DEFAULT": OperatorConfig("replace")}
    )
    anonymised = time.perf_counter()

    result.to_csv(target, index=False)
    written = time.perf_counter()

    print(json.dumps({
        "presidio_structured": _version("presidio-structured"),
        "presidio_analyzer": _version("presidio-analyzer"),
        "spacy": spacy.__version__,
        "pandas": pd.__version__,
        "recognizers": recognizers,
        "rows": len(frame),
        "rows_analysed": len(frame) if sample is None else min(sample, len(frame)),
        "setup_seconds": round(setup - started, 2),
        "read_seconds": round(read - setup, 2),
        "analysis_seconds": round(analysed - read, 2),
        "anonymization_seconds": round(anonymised - analysed, 2),
        "write_seconds": round(written - anonymised, 2),
        "entity_mapping": dict(analysis.entity_mapping),
    }))


def _version(distribution: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return None


# --- parent: runs in veil's environment -------------------------------------------


def inputs(rows: int) -> tuple[Path, Path]:
    """The benchmark table as Parquet (bench/safe_harbor.py's) and as a CSV copy."""
    import polars as pl

    spec = importlib.util.spec_from_file_location("safe_harbor", BENCH / "safe_harbor.py")
    assert spec is not None and spec.loader is not None
    safe_harbor = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(safe_harbor)
    parquet: Path = safe_harbor.table(rows)
    csv = parquet.with_suffix(".csv")
    if not csv.exists() or csv.stat().st_mtime < parquet.stat().st_mtime:
        pl.read_parquet(parquet).write_csv(csv)
    return parquet, csv


def presidio_python() -> Path:
    """bench/out/.venv-presidio's interpreter, created and installed when needed."""
    python = VENV / "bin" / "python"
    stamp = VENV / "requirements.sha256"
    digest = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    if python.exists() and stamp.exists() and stamp.read_text() == digest:
        return python
    if not python.exists():
        base = shutil.which("python3") or sys.executable
        subprocess.run([base, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet",
                    "--disable-pip-version-check", "-r", str(REQUIREMENTS)], check=True)
    stamp.write_text(digest)
    return python


def measure(cmd: list[str], log: Path) -> tuple[float, int, str]:
    """Run `cmd`; its wall seconds, its own peak RSS (KiB) and its stdout."""
    with log.open("w") as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=errors, text=True)
        assert proc.stdout is not None
        stdout = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    if proc.returncode != 0:
        tail = log.read_text()[-3000:]
        raise RuntimeError(f"{cmd[0]} exited {proc.returncode}; stderr ends:\n{tail}")
    return wall, usage.ru_maxrss, stdout


def run_veil(source: Path, rows: int) -> dict[str, Any]:
    """`veil deidentify` on `source` in a child process."""
    out = OUT / f"veil_{rows}_{source.suffix.lstrip('.')}"
    shutil.rmtree(out, ignore_errors=True)
    veil = Path(sys.executable).parent / "veil"
    wall, peak_kib, _ = measure(
        [str(veil), "deidentify", str(source), "-o", str(out), "--reference-date", "2026-01-01"],
        OUT / f"veil_{rows}.log",
    )
    report = json.loads((out / "report.json").read_text())
    flagged = {c["input"]: f"{c['action']} ({c['kind']})"
               for c in report["columns"] if c["action"] != "keep"}
    return {
        "tool": "veil",
        "input": source.name,
        "rows": rows,
        "wall_seconds": round(wall, 2),
        "rows_per_second": round(rows / wall),
        "peak_rss_mib": round(peak_kib / 1024),
        "flagged": flagged,
    }


def run_presidio(source: Path, rows: int, sample: int | None) -> dict[str, Any]:
    """presidio-structured on `source`, in its own environment, in a child process."""
    python = presidio_python()
    target = OUT / f"presidio_{rows}.csv"
    cmd = [str(python), str(Path(__file__).resolve()), "--child", str(source), str(target)]
    if sample is not None:
        cmd += ["--presidio-sample", str(sample)]
    wall, peak_kib, stdout = measure(cmd, OUT / f"presidio_{rows}.log")
    child = json.loads(stdout.strip().splitlines()[-1])
    return {
        "tool": "presidio-structured",
        "input": source.name,
        "rows": rows,
        "wall_seconds": round(wall, 2),
        "rows_per_second": round(rows / wall),
        "peak_rss_mib": round(peak_kib / 1024),
        "config": PRESIDIO_CONFIG.replace("n=N", f"n={sample}"),
        **child,
    }


def compare(columns: list[str], veil: dict[str, str], presidio: dict[str, str]) -> dict[str, Any]:
    """Which columns each tool treated as identifiers."""
    return {
        "columns": {c: {"veil": veil.get(c, "keep"), "presidio": presidio.get(c, "-")}
                    for c in columns},
        "both": [c for c in columns if c in veil and c in presidio],
        "veil_only": [c for c in columns if c in veil and c not in presidio],
        "presidio_only": [c for c in columns if c in presidio and c not in veil],
        "neither": [c for c in columns if c not in veil and c not in presidio],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--presidio-sample", type=int, default=None,
                        help="rows presidio analyses (generate_analysis n=); default all")
    parser.add_argument("--child", nargs=2, type=Path, metavar=("CSV", "OUT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        presidio_child(args.child[0], args.child[1], args.presidio_sample)
        return

    import polars as pl

    parquet, csv = inputs(args.rows)
    print(json.dumps({"machine": f"{platform.machine()}, {os.cpu_count()} cores",
                      "python": platform.python_version(), "polars": pl.__version__,
                      "rows": args.rows, "columns": len(pl.read_parquet_schema(parquet)),
                      "csv_mib": round(csv.stat().st_size / 2**20, 1)}), flush=True)
    veil_parquet = run_veil(parquet, args.rows)
    print(json.dumps(veil_parquet), flush=True)
    veil_csv = run_veil(csv, args.rows)
    print(json.dumps(veil_csv), flush=True)
    presidio = run_presidio(csv, args.rows, args.presidio_sample)
    print(json.dumps(presidio), flush=True)
    wall = presidio["wall_seconds"]
    print(json.dumps({
        "ratio_presidio_over_veil_csv": round(wall / veil_csv["wall_seconds"], 1),
        "ratio_presidio_over_veil_parquet": round(wall / veil_parquet["wall_seconds"], 1),
        "memory_ratio_csv": round(presidio["peak_rss_mib"] / veil_csv["peak_rss_mib"], 1),
    }), flush=True)
    columns = list(pl.read_parquet_schema(parquet))
    print(json.dumps(compare(columns, veil_csv["flagged"], presidio["entity_mapping"])))


if __name__ == "__main__":
    main()
