"""Run every red-team extract through the real CLI and say what survived.

    .venv/bin/python -m tests.redteam.attacks --out /tmp/redteam [--only a,b] [--jobs 2]
        [--scale 1.0] [--seed 0]

For each extract: write the file under OUT/<name>/, run
`veil deidentify FILE --profile safe-harbor --reference-date 2026-01-01 -o OUT/<name>/out`,
then EITHER (exit 0) audit the output directory: planted cells surviving in any column
(tests/shapes/audit.py), date parts and age-revealing years surviving row-aligned,
planted values in report.json / report.html / policy.yaml / manifest.json / column
names / the terminal, utility columns changed; OR (non-zero) check that the run failed
closed: no output directory, nothing else beside the input than the documented
rejection report, a short message with counts and no planted value, not a crash.

Prints one Markdown table (counts, columns and categories only, never a value) and
writes OUT/results.md and OUT/results.json. Exit status 0 whatever was found: this is
a measuring tool, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

import polars as pl

from tests.redteam import shapes_a, shapes_b, shapes_c, shapes_d, shapes_e
from tests.redteam.kit import Attack, Builder
from tests.shapes.audit import (
    Audit,
    _cells_changed,
    audit_frames,
    flatten,
    key,
    read_table,
    searchable,
    text_leaks,
)
from tests.shapes.match import as_text

REFERENCE = "2026-01-01"
DATA_SUFFIXES = (".csv", ".tsv", ".parquet", ".jsonl", ".ndjson")

ATTACKS: dict[str, tuple[Builder, int]] = {
    "pharmacy_fills": (shapes_a.pharmacy_fills, 3_000),
    "appointments_intl": (shapes_a.appointments_intl, 2_500),
    "national_ids": (shapes_a.national_ids, 2_000),
    "registry_date_parts": (shapes_a.registry_date_parts, 3_000),
    "pandas_float_ids": (shapes_a.pandas_float_ids, 3_000),
    "arrow_odd_types": (shapes_a.arrow_odd_types, 2_000),
    "arrow_exotic_types": (shapes_a.arrow_exotic_types, 1_000),
    "telemetry_jsonl": (shapes_b.telemetry_jsonl, 3_000),
    "dicom_index": (shapes_b.dicom_index, 2_000),
    "hl7_x12": (shapes_b.hl7_x12, 1_500),
    "wide_flowsheet": (shapes_b.wide_flowsheet, 1_000),
    "header_lies": (shapes_b.header_lies, 2_000),
    "category_contamination": (shapes_b.category_contamination, 5_000),
    "eav_sparse": (shapes_c.eav_sparse, 4_000),
    "ages_exotic": (shapes_c.ages_exotic, 3_000),
    "nicu_peds": (shapes_c.nicu_peds, 2_500),
    "utility_traps": (shapes_c.utility_traps, 3_000),
    "latin1_export": (shapes_c.latin1_export, 1_500),
    "adam_sas_dates": (shapes_c.adam_sas_dates, 3_000),
    "geo_codes": (shapes_d.geo_codes, 3_000),
    "unicode_contamination": (shapes_d.unicode_contamination, 5_000),
    "file_name_identifiers": (shapes_d.file_name_identifiers, 1_000),
    "late_key_jsonl": (shapes_d.late_key_jsonl, 1_500),
    "keyed_jsonl": (shapes_d.keyed_jsonl, 600),
    "single_patient_chart": (shapes_d.single_patient_chart, 400),
    "claims_regional_zips": (shapes_e.claims_regional_zips, 3_000),
    "foreign_names_category": (shapes_e.foreign_names_category, 4_000),
}
"""name -> (builder, default rows)"""


@dataclass
class Outcome:
    """What one attack found (counts, labels and categories only)."""

    name: str
    aims: str
    file: str
    rows: int
    columns: int
    code: int = -1
    seconds: float = 0.0
    crashed: bool = False
    verdict: str = ""
    survivors: list[dict[str, object]] = field(default_factory=list)
    """per planted entry with survivors: label, category, cells, planted, exact, action"""
    aligned: list[dict[str, object]] = field(default_factory=list)
    leaks: dict[str, int] = field(default_factory=dict)
    """place outside the data -> distinct planted values found there"""
    utility: list[dict[str, object]] = field(default_factory=list)
    """per utility column changed: column, lost, rows, missing, action"""
    refusal: list[str] = field(default_factory=list)
    """why a non-zero exit did not fail closed (empty when it did)"""
    message_lines: int = 0
    message: str = ""
    """veil's own message, kept only when no planted value was found in it"""
    audit_error: str = ""

    def by_category(self) -> dict[str, int]:
        counts: Counter[str] = Counter()
        for s in [*self.survivors, *self.aligned]:
            counts[str(s["category"])] += int(str(s["cells"]))
        return dict(counts)


def veil_command() -> list[str]:
    script = Path(sys.executable).parent / "veil"
    return [str(script)] if script.exists() else [sys.executable, "-m", "veil"]


def run_one(name: str, *, out: Path, scale: float, seed: int) -> Outcome:
    builder, default = ATTACKS[name]
    attack = builder(max(60, int(default * scale)), seed)
    extract = attack.extract
    run_dir = out / name
    run_dir.mkdir(parents=True)
    source = extract.write(run_dir)
    columns = (len(extract.frame.columns) if extract.writer is None or extract.suffix != ".parquet"
               else _parquet_columns(source))
    shown = "<identifying file name>" + source.suffix if attack.file_needles else source.name
    result = Outcome(name, attack.aims, shown, extract.frame.height, columns)
    target = run_dir / "out"
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}
    started = time.perf_counter()
    done = subprocess.run([*veil_command(), "deidentify", str(source), "--profile", "safe-harbor",
                           "--reference-date", REFERENCE, "-o", str(target)],
                          capture_output=True, text=True, env=env, timeout=900, check=False)
    result.seconds = round(time.perf_counter() - started, 1)
    result.code = done.returncode
    messages = done.stdout + "\n" + done.stderr
    lowered = messages.lower()
    result.crashed = done.returncode == 1 or "traceback" in lowered or "internal error" in lowered
    result.message_lines = sum(1 for line in done.stderr.splitlines() if line.strip())
    terminal = text_leaks(messages, extract.planted, "terminal")
    for leak in terminal:
        result.leaks["terminal"] = result.leaks.get("terminal", 0) + leak.values
    named = _file_needle_hits(attack, messages)
    if named:
        result.leaks["terminal (file name)"] = named
    if not terminal and not named:
        result.message = messages.strip()[:1200]
    try:
        if done.returncode == 0:
            _audit_output(attack, source, target, result)
        else:
            _check_refusal(attack, run_dir, source, target, done.stderr, result)
    except Exception as err:
        result.audit_error = f"{type(err).__name__}: {traceback.format_exc(limit=2)[-600:]}"
    result.verdict = _verdict(result)
    return result


def _file_needle_hits(attack: Attack, text: str) -> int:
    """How many identifying parts of the input file's name occur in `text`."""
    lowered = text.lower()
    return sum(1 for n in attack.file_needles if n.lower() in lowered)


def _parquet_columns(path: Path) -> int:
    import pyarrow.parquet as pq

    return len(pq.read_schema(path).names)


def _source(attack: Attack, source: Path) -> pl.DataFrame:
    """The input as an auditor reads it (Parquet through pyarrow: Polars' own reader
    returns nulls for a time32 column); the builder's frame when the file is one the
    auditor's reader cannot open (a non-UTF-8 CSV)."""
    try:
        if source.suffix == ".parquet":
            import pyarrow.parquet as pq

            table = pl.from_arrow(pq.read_table(source))
            assert isinstance(table, pl.DataFrame)
            return _printable(table)
        return _printable(read_table(source, has_header=attack.extract.has_header))
    except Exception:
        return attack.extract.frame


def _read_output(path: Path) -> pl.DataFrame:
    """An output file as the auditor reads it (Parquet through pyarrow, as the input)."""
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        table = pl.from_arrow(pq.read_table(path))
        assert isinstance(table, pl.DataFrame)
        return _printable(table)
    return _printable(read_table(path))


def _printable(frame: pl.DataFrame) -> pl.DataFrame:
    """Binary columns as hex, durations as whole milliseconds (the auditor reads every
    column as text)."""
    return frame.with_columns(
        *(pl.col(c).bin.encode("hex") for c, d in frame.schema.items() if d == pl.Binary),
        *(pl.col(c).dt.total_milliseconds() for c, d in frame.schema.items()
          if isinstance(d, pl.Duration)))


def _actions(target: Path) -> dict[str, tuple[str, str]]:
    """input column -> (action, kind) from report.json."""
    path = target / "report.json"
    if not path.exists():
        return {}
    report = json.loads(path.read_text(encoding="utf-8"))
    return {str(c.get("input")): (str(c.get("action")), str(c.get("kind")))
            for c in report.get("columns", []) if isinstance(c, dict)}


def _action_of(actions: dict[str, tuple[str, str]], column: str) -> str:
    base = column.split("[]")[0]
    for candidate in (column, base, base.split(".")[0]):
        if candidate in actions:
            action, kind = actions[candidate]
            return f"{action} ({kind})"
    nested = sorted({v for k, v in actions.items() if k.startswith(base + ".")})
    if nested:
        return "; ".join(f"{a} ({k})" for a, k in nested)
    return "?"


def _audit_output(attack: Attack, source: Path, target: Path, result: Outcome) -> None:
    extract = attack.extract
    data = [p for p in sorted(target.iterdir())
            if p.is_file() and p.suffix.lower() in DATA_SUFFIXES]
    frames = [_read_output(p) for p in data]
    output = pl.concat(frames, how="diagonal_relaxed") if frames else pl.DataFrame()
    texts = {p.name: searchable(p) for p in sorted(target.rglob("*"))
             if p.is_file() and p not in data and p.suffix.lower() != ".parquet"}
    src = _source(attack, source)
    audit: Audit = audit_frames(extract, src, output, texts)
    actions = _actions(target)
    label_of = {p.label: p for p in extract.planted}
    for e in audit.entries:
        if e.cells:
            p = label_of[e.label]
            result.survivors.append({
                "label": e.label, "category": e.category.value, "cells": e.cells,
                "planted": e.planted_cells, "exact": e.exact,
                "action": "(header)" if p.in_header else _action_of(actions, p.column)})
    for leak in audit.leaks:
        result.leaks[leak.where] = result.leaks.get(leak.where, 0) + leak.values
    if attack.file_needles:
        names = "\n".join(str(p.relative_to(target)) for p in target.rglob("*"))
        for where, text in [("output file names", names), *texts.items()]:
            hits = _file_needle_hits(attack, text)
            if hits:
                label = f"{where} (input file name)"
                result.leaks[label] = result.leaks.get(label, 0) + hits
    for u in audit.utility:
        if u.lost:
            result.utility.append({"column": u.column, "lost": u.lost, "rows": u.rows,
                                   "missing": u.missing, "action": _action_of(actions, u.column)})
    out = flatten(output)
    src_flat = flatten(src)
    for a in attack.aligned:
        pool = ({n: v for n, v in out.items() if key(n) == key(a.column)} if a.same_name
                else out)
        cells, total = _aligned(src_flat[a.column], a.rows, pool, least=0.0 if a.same_name
                                else 0.5)
        if cells:
            result.aligned.append({"label": a.label or a.column, "category": a.category.value,
                                   "cells": cells, "planted": total,
                                   "action": _action_of(actions, a.column)})
    out_by_key = {key(n): s for n, s in out.items()}
    for y in attack.years:
        after = out_by_key.get(key(y.column))
        if after is None or after.len() != len(y.years):
            continue
        truth = pl.Series(y.years, dtype=pl.Int64)
        got = as_text(after).str.strip_chars().cast(pl.Int64, strict=False)
        if got.drop_nulls().len() == 0 or not got.drop_nulls().is_between(1000, 2999).all():
            continue  # not written as years (redacted, dropped, kept as is)
        wrong = int(((got != truth) & got.is_not_null()).sum())
        if wrong:
            result.utility.append({"column": f"{y.column} (wrong year)", "lost": wrong,
                                   "rows": len(y.years), "missing": False,
                                   "action": _action_of(actions, y.column)})
    for g in attack.ages:
        after = out_by_key.get(key(g.column))
        truth = pl.Series(g.ages, dtype=pl.Int64)
        rows = int(truth.is_not_null().sum())
        if after is None or after.len() != truth.len():
            lost = rows
        else:
            got = _whole_years(after)
            lost = int((truth.is_not_null() & ~(got == truth).fill_null(False)).sum())
        if lost:
            result.utility.append({"column": f"{g.column} (ages up to 89)", "lost": lost,
                                   "rows": rows, "missing": after is None,
                                   "action": _action_of(actions, g.column)})
    for c in attack.clean:
        before = src_flat[c.column]
        keep = pl.Series(c.rows)
        after = out_by_key.get(key(c.column))
        rows = int(keep.sum())
        if after is None or after.len() != before.len():
            lost, missing = rows, True
        else:
            lost, missing = _cells_changed(before.filter(keep), after.filter(keep)), False
        if lost:
            result.utility.append({"column": f"{c.column} (clean rows)", "lost": lost,
                                   "rows": rows, "missing": missing,
                                   "action": _action_of(actions, c.column)})


def _whole_years(s: pl.Series) -> pl.Series:
    """Whole years from an age as written: 45, "45.75", "45 años", "45 Jahre", "P45Y3M",
    "45y 3m", DICOM "045Y" / "006M" / "003W" / "010D"; null when unreadable."""
    text = as_text(s).str.strip_chars().str.to_lowercase().str.replace(r"^p(\d)", "$1")
    parts = text.str.extract_groups(r"^(\d+(?:\.\d+)?)\s*([a-zñä]*)")
    frame = pl.DataFrame({"n": parts.struct.field("1").cast(pl.Float64, strict=False),
                          "u": parts.struct.field("2")})
    unit = pl.col("u")
    per_year = (pl.when(unit.str.starts_with("m")).then(12.0)
                .when(unit.str.starts_with("w")).then(52.0)
                .when(unit.str.starts_with("d")).then(365.25).otherwise(1.0))
    return frame.select((pl.col("n") / per_year).floor().cast(pl.Int64)).to_series()


def _aligned(src: pl.Series, rows: tuple[bool, ...], out: dict[str, pl.Series], *,
             least: float) -> tuple[int, int]:
    """Identifying cells of `src` found unchanged in the same row of an output column
    (a column counts only when it holds at least the fraction `least` of them: chance
    equality of small numbers in an unrelated column is not a survival)."""
    want = pl.Series(rows, dtype=pl.Boolean)
    total = int(want.sum())
    s = as_text(src).str.strip_chars()
    fs = s.cast(pl.Float64, strict=False)
    best = 0
    for name, o in out.items():
        if o.len() != s.len() or "[]" in name:
            continue
        t = as_text(o).str.strip_chars()
        same = ((s == t).fill_null(False) | (fs == t.cast(pl.Float64, strict=False))
                .fill_null(False)) & want
        n = int(same.sum())
        if total and n and n >= least * total:
            best = max(best, n)
    return best, total


def _check_refusal(attack: Attack, run_dir: Path, source: Path, target: Path, stderr: str,
                   result: Outcome) -> None:
    problems = result.refusal
    if target.exists():
        problems.append("the output directory exists")
    beside = [p for p in run_dir.iterdir() if p != source and p != target]
    rejected = [p for p in beside if p.name.endswith(".rejected-verification.json")]
    others = [p for p in beside if p not in rejected]
    if others:
        problems.append(f"{len(others)} other files left beside the input")
    for p in rejected:
        text = searchable(p)
        for leak in text_leaks(text, attack.extract.planted, p.name):
            result.leaks["rejection report"] = result.leaks.get("rejection report", 0) + leak.values
        if _file_needle_hits(attack, text):
            result.leaks["rejection report (file name)"] = _file_needle_hits(attack, text)
    lines = [line for line in stderr.splitlines() if line.strip()]
    if not lines:
        problems.append("no message on stderr")
    elif len(lines) > 3:
        problems.append(f"a message of {len(lines)} lines, not one")
    if result.code == 3 and not any(ch.isdigit() for ch in stderr):
        problems.append("the message gives no count")
    if result.crashed:
        problems.append("a crash, not a refusal")
    if result.leaks:
        problems.append("planted values in the message or rejection report")


def self_check(name: str, *, out: Path, scale: float, seed: int) -> list[str]:
    """The auditor audited: with the input itself as the 'output', every planted entry,
    aligned check and file-name part must be found (else the attack could not see a
    leak). Returns the labels it would miss; veil is not run."""
    builder, default = ATTACKS[name]
    attack = builder(max(60, int(default * scale)), seed)
    run_dir = out / name
    run_dir.mkdir(parents=True)
    source = attack.extract.write(run_dir)
    target = run_dir / "out"
    target.mkdir()
    copy = target / source.name
    copy.write_bytes(source.read_bytes())
    if attack.extract.suffix == ".csv" and not _utf8(source):
        copy.write_text(source.read_bytes().decode("cp1252"), encoding="utf-8")
    result = Outcome(name, attack.aims, source.name, attack.extract.frame.height, 0)
    _audit_output(attack, source, target, result)
    seen = {str(s["label"]) for s in [*result.survivors, *result.aligned]}
    missed = [p.label for p in attack.extract.planted if p.cells and not p.in_header
              and p.label not in seen]
    missed += [a.label or a.column for a in attack.aligned
               if any(a.rows) and (a.label or a.column) not in seen]
    if result.utility:
        missed += [f"utility {u['column']} differs from itself" for u in result.utility]
    if attack.file_needles and not any("file name" in k for k in result.leaks):
        missed.append("file name parts")
    headers = [p.label for p in attack.extract.planted if p.in_header]
    if headers and "column names" not in result.leaks:
        missed.append("identifiers in headers")
    return missed


def _utf8(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _verdict(r: Outcome) -> str:
    if r.audit_error:
        return "AUDIT ERROR"
    if r.crashed:
        return "CRASH"
    if r.code == 0:
        tags = []
        if r.survivors or r.aligned:
            tags.append("LEAK")
        if r.leaks:
            tags.append("LEAK outside data")
        if r.utility:
            tags.append("UTILITY LOSS")
        return ", ".join(tags) or "pass"
    state = "failed closed" if not r.refusal else "refused, NOT cleanly"
    if r.leaks:
        state += ", LEAK in messages"
    return f"{state} (exit {r.code})"


def _cell(items: dict[str, int] | list[str]) -> str:
    if isinstance(items, dict):
        return "; ".join(f"{k}: {v}" for k, v in items.items()) or "-"
    return "; ".join(items) or "-"


def table(results: list[Outcome]) -> str:
    head = ("| attack | file | exit | s | verdict | surviving identifier cells by category | "
            "where (planted column: cells of planted, veil's action) | leaks outside data | "
            "utility changed (column: cells of rows, action) |")
    lines = [head, "|" + "---|" * 9]
    for r in results:
        where = [f"{s['label']}: {s['cells']}/{s['planted']} [{s['action']}]"
                 for s in [*r.survivors, *r.aligned]]
        util = [f"{u['column']}: {'missing' if u['missing'] else u['lost']}/{u['rows']} "
                f"[{u['action']}]" for u in r.utility]
        extra = r.refusal + ([r.audit_error.splitlines()[0]] if r.audit_error else [])
        lines.append(
            f"| {r.name} | {r.file} ({r.rows}x{r.columns}) | {r.code} | {r.seconds} | "
            f"{r.verdict}{' - ' + _cell(extra) if extra else ''} | {_cell(r.by_category())} | "
            f"{_cell(where)} | {_cell(r.leaks)} | {_cell(util)} |")
    return "\n".join(lines)


def _revision() -> str:
    """The commit veil ran at, and whether src/ had uncommitted changes."""
    root = Path(__file__).resolve().parents[2]
    try:
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--", "src"],
                               capture_output=True, text=True, check=True).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        return "(revision unknown)"
    return f"at {head}" + (f" with {len(dirty)} uncommitted file(s) under src/" if dirty else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=Path("/tmp/redteam"))
    parser.add_argument("--only", default="", help="comma-separated attack names")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--list", action="store_true", help="list the attacks and exit")
    parser.add_argument("--self-check", action="store_true",
                        help="audit each input as if it were the output (no veil run): "
                             "every planted identifier must be found")
    args = parser.parse_args(argv)
    if args.list:
        for name, (builder, rows) in ATTACKS.items():
            doc = (builder.__doc__ or "").split("\n")[0]
            print(f"{name} ({rows} rows): {doc}")
        return 0
    names = [n for n in args.only.split(",") if n] or list(ATTACKS)
    unknown = [n for n in names if n not in ATTACKS]
    if unknown:
        parser.error(f"unknown attacks: {', '.join(unknown)}")
    out: Path = args.out
    if out.exists() and any(out.iterdir()):
        stamp = time.strftime("%Y%m%d-%H%M%S")
        out = out / stamp
    out.mkdir(parents=True, exist_ok=True)
    if args.self_check:
        blind = {n: self_check(n, out=out, scale=args.scale, seed=args.seed) for n in names}
        for n, missed in blind.items():
            print(f"{n}: {'ok' if not missed else 'MISSES ' + '; '.join(missed)}")
        return 1 if any(blind.values()) else 0
    run: Callable[[str], Outcome] = lambda n: run_one(n, out=out, scale=args.scale,  # noqa: E731
                                                       seed=args.seed)
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(run, names))
    text = (f"veil {_revision()}, reference date {REFERENCE}, seed {args.seed}, "
            f"scale {args.scale}\n\n" + table(results))
    print(text)
    (out / "results.md").write_text(text + "\n", encoding="utf-8")
    (out / "results.json").write_text(json.dumps(
        [asdict(r) | {"by_category": r.by_category()} for r in results], indent=1),
        encoding="utf-8")
    print(f"\nfiles, outputs and results under {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
