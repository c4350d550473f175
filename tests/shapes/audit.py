"""Measure what of an extract's planted identifiers survives a de-identification run.

Given the extract (its planted map), the source file and an output directory, `audit_run`
counts, per planted entry (column, category, way of recognizing it), the output cells
that still hold a planted value, in any output column, under any name; it checks the
utility columns came through unchanged, and searches every other file of the output
directory (report.json, report.html, policy.yaml, manifest.json, ...) and the output's
column names for planted values. `failed_closed` checks a run that refused to write.

Nothing here prints a planted value: results are counts, a column (or a placeholder for a
column whose name is itself the identifier), a category, and output column positions.

    audit = audit_run(extract, source_path, out_dir)
    audit.surviving(), audit.by_category(), audit.utility_lost(), audit.leaked_into()
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from tests.shapes.match import Found, as_text, find, find_aligned, parse_ages
from tests.shapes.model import Category, Extract, Match, Planted, Utility

DATA_SUFFIXES = (".csv", ".tsv", ".parquet", ".jsonl", ".ndjson")
CATEGORY_WORDS = ("name", "date", "phone", "telephone", "fax", "email", "e-mail", "ssn",
                  "social", "record", "plan", "account", "licen", "vehicle", "device",
                  "serial", "url", "ip", "address", "geograph", "zip", "age", "identifier",
                  "categor")


def key(name: str) -> str:
    """Column names compared loosely: "obs.code", "obs_code" and "OBS Code" are one."""
    return re.sub(r"[^0-9a-z]+", "_", name.lower()).strip("_")


def read_table(path: Path, *, has_header: bool = True) -> pl.DataFrame:
    """A data file as an auditor reads it: CSV cells as text (no type guessing, so
    "00123" stays "00123"), Parquet and JSON lines with their own types."""
    suffix = path.suffix.lower()
    if path.stat().st_size == 0:
        return pl.DataFrame()  # every column dropped: nothing left to leak (or to use)
    if suffix in (".csv", ".tsv"):
        with path.open(encoding="utf-8", errors="replace") as f:
            head = f.readline()
        sep = max(",;\t|", key=head.count)
        return pl.read_csv(path, infer_schema=False, separator=sep, has_header=has_header)
    if suffix == ".parquet":
        return pl.read_parquet(path)
    if suffix in (".jsonl", ".ndjson"):
        return pl.read_ndjson(path, infer_schema_length=None)
    raise ValueError(f"not a data file: {path.name}")


def flatten(frame: pl.DataFrame) -> dict[str, pl.Series]:
    """Every leaf of the frame: struct fields as "a.b", list elements as "a[]" (exploded,
    so those leaves are not row-aligned), categoricals as text."""
    out: dict[str, pl.Series] = {}

    def walk(name: str, s: pl.Series) -> None:
        dtype = s.dtype
        if isinstance(dtype, pl.Struct):
            for f in dtype.fields:
                walk(f"{name}.{f.name}", s.struct.field(f.name))
        elif isinstance(dtype, pl.Array):
            walk(name, s.cast(pl.List(dtype.inner)))
        elif isinstance(dtype, pl.List):
            walk(f"{name}[]", s.explode().drop_nulls())
        elif isinstance(dtype, pl.Categorical | pl.Enum):
            out[name] = s.cast(pl.String)
        elif dtype in (pl.Binary, pl.Object):
            out[name] = s.cast(pl.String, strict=False)
        else:
            out[name] = s

    for column in frame.columns:
        walk(column, frame.get_column(column))
    return out


@dataclass(frozen=True)
class EntryResult:
    """How much of one planted entry survives."""

    label: str
    category: Category
    match: Match
    planted_cells: int
    cells: int
    """output cells holding a planted value (normalized match)"""
    exact: int
    """output cells equal to a planted value as written"""
    values: int
    """distinct planted values (needles) found"""
    out_columns: tuple[int, ...]
    """positions of the output (flattened) columns where they were found"""


@dataclass(frozen=True)
class UtilityResult:
    column: str
    kind: Utility
    rows: int
    lost: int
    missing: bool


@dataclass(frozen=True)
class TextLeak:
    """Planted values found in a file of the output directory, in its column names or in
    the run's messages."""

    where: str
    label: str
    category: Category
    values: int
    """distinct planted strings found (a value and a part of it can both count)"""


@dataclass(frozen=True)
class Audit:
    extract: str
    entries: tuple[EntryResult, ...]
    utility: tuple[UtilityResult, ...]
    leaks: tuple[TextLeak, ...] = field(default=())

    def surviving(self) -> int:
        """Output cells holding a planted identifier (an output cell holding values of
        two entries counts twice)."""
        return sum(e.cells for e in self.entries)

    def by_category(self) -> dict[str, int]:
        counts: Counter[str] = Counter()
        for e in self.entries:
            if e.cells:
                counts[e.category.value] += e.cells
        return dict(counts)

    def utility_lost(self) -> int:
        return sum(u.lost for u in self.utility)

    def leaked_into(self) -> dict[str, int]:
        """Where outside the data planted values were found: place -> distinct values."""
        counts: Counter[str] = Counter()
        for leak in self.leaks:
            counts[leak.where] += leak.values
        return dict(counts)

    def survivors_text(self) -> str:
        """One line per entry with survivors: counts, column label, category only."""
        lines = [f"  {e.label} [{e.category.value}]: {e.cells} of {e.planted_cells} planted "
                 f"cells survive ({e.exact} exact, {e.values} distinct values) in output "
                 f"columns {', '.join(f'#{i}' for i in e.out_columns)}"
                 for e in self.entries if e.cells]
        return "\n".join([f"{self.extract}: {self.surviving()} surviving identifier cells",
                          *lines])

    def leaks_text(self) -> str:
        lines = [f"  {leak.where}: {leak.values} planted values of {leak.label} "
                 f"[{leak.category.value}]" for leak in self.leaks]
        return "\n".join([f"{self.extract}: planted values outside the data", *lines])

    def utility_text(self) -> str:
        lines = [f"  {u.column} ({u.kind.value}): "
                 f"{'missing from the output' if u.missing else f'{u.lost} of {u.rows} lost'}"
                 for u in self.utility if u.lost]
        return "\n".join([f"{self.extract}: utility columns changed", *lines])


def audit_run(extract: Extract, source: Path, out_dir: Path) -> Audit:
    """Audit the output directory of a run on `source` (the extract as written)."""
    data = [p for p in sorted(out_dir.iterdir())
            if p.is_file() and p.suffix.lower() in DATA_SUFFIXES]
    frames = [read_table(p) for p in data]
    output = pl.concat(frames, how="diagonal_relaxed") if frames else pl.DataFrame()
    texts = {p.name: searchable(p) for p in sorted(out_dir.rglob("*"))
             if p.is_file() and p not in data and p.suffix.lower() != ".parquet"}
    return audit_frames(extract, read_table(source, has_header=extract.has_header), output,
                        texts)


def searchable(path: Path) -> str:
    """A report file's text to search. JSON is searched in its keys, strings and the
    numbers that could be identifiers (7 digits or more, or 4 decimals or more): byte
    sizes and counts would meet five-digit ZIP codes by chance."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix.lower() in (".html", ".htm"):
        # markup and style are not data ("white-space", <strong>, class="small" would meet
        # surnames): keep the text, scripts and attribute values other than class/style
        text = re.sub(r"(?is)<style\b.*?</style>", " ", text)
        return html.unescape(re.sub(r"<[^>]*>", lambda tag: " " + " ".join(
            v for k, v in re.findall(r'([\w-]+)\s*=\s*"([^"]*)"', tag.group(0))
            if k.lower() not in ("class", "style")) + " ", text))
    if path.suffix.lower() != ".json":
        return text
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        return text
    parts: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                parts.append(str(k))
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
        elif isinstance(node, str):
            parts.append(node)
        elif isinstance(node, bool) or node is None:
            pass
        elif isinstance(node, int) and abs(node) >= 1_000_000:
            parts.append(str(node))
        elif isinstance(node, float) and len(repr(node).partition(".")[2]) >= 4:
            parts.append(repr(node))

    walk(document)
    return "\n".join(parts)


def audit_frames(extract: Extract, source: pl.DataFrame, output: pl.DataFrame,
                 texts: dict[str, str]) -> Audit:
    """The audit proper: `texts` are the other files of the output directory by name."""
    src = flatten(source)
    out = flatten(output)
    src_by_key = {key(n): s for n, s in src.items()}
    planted_keys = {key(p.column) for p in extract.planted if not p.in_header}
    entries = []
    for p in extract.planted:
        cells = exact = 0
        values: set[str] = set()
        where = []
        for i, (name, series) in enumerate(out.items()):
            k = key(name)
            if p.match is Match.AGE and k != key(p.column):
                continue
            exclude: frozenset[str] = frozenset()
            if k not in planted_keys and k in src_by_key:
                # a column that held no identifier may hold values that happen to equal
                # a planted one ("White" the race, a lab value read as a date): only
                # values it did not already hold count
                exclude = find(src_by_key[k], p).values
            origin = src.get(p.column)
            aligned = (p.match in (Match.DATE, Match.COORD) and origin is not None
                       and "[]" not in p.column and "[]" not in name
                       and origin.len() == series.len())
            found: Found = (find_aligned(series, origin, p, exclude)
                            if aligned and origin is not None else find(series, p, exclude))
            if found.cells:
                cells += found.cells
                exact += found.exact
                values |= found.values
                where.append(i)
        entries.append(EntryResult(p.label, p.category, p.match, p.cells, cells, exact,
                                   len(values), tuple(where)))
    leaks = [leak for name, text in texts.items()
             for leak in text_leaks(text, extract.planted, name)]
    leaks += text_leaks("\n".join([*output.columns, *out]), extract.planted, "column names")
    return Audit(extract.name, tuple(entries), tuple(_utility(extract, src_by_key, out)),
                 tuple(leaks))


def _utility(extract: Extract, src_by_key: dict[str, pl.Series], out: dict[str, pl.Series]
             ) -> list[UtilityResult]:
    out_by_key = {key(n): s for n, s in out.items()}
    results = []
    for column, kind in extract.utility.items():
        before = src_by_key[key(column)]
        after = out_by_key.get(key(column))
        if after is None:
            results.append(UtilityResult(column, kind, before.len(), before.len(), True))
        elif kind is Utility.AGES_TO_89:
            results.append(UtilityResult(column, kind, before.len(),
                                         _ages_lost(before, after), False))
        elif after.len() != before.len():
            results.append(UtilityResult(column, kind, before.len(), before.len(), False))
        else:
            results.append(UtilityResult(column, kind, before.len(),
                                         _cells_changed(before, after), False))
    return results


def _cells_changed(before: pl.Series, after: pl.Series) -> int:
    """Cells that differ: text trimmed, "" and null alike, numbers compared as numbers
    unless a leading zero makes the text matter ("00123" is not 123 for a code)."""
    frame = pl.DataFrame({"a": as_text(before), "b": as_text(after)}).select(
        pl.when(pl.col(c).str.strip_chars() != "").then(pl.col(c).str.strip_chars())
        .alias(c) for c in ("a", "b"))
    a, b = pl.col("a"), pl.col("b")
    fa = a.str.replace(",", ".").cast(pl.Float64, strict=False)
    fb = b.str.replace(",", ".").cast(pl.Float64, strict=False)
    lead = a.str.contains(r"^-?0\d") | b.str.contains(r"^-?0\d")
    close = (fa - fb).abs() <= 1e-6 * pl.max_horizontal(fa.abs(), pl.lit(1.0))
    same = a.eq_missing(b) | (~lead & close).fill_null(False)
    return int(frame.select((~same).sum()).item())


def _ages_lost(before: pl.Series, after: pl.Series) -> int:
    """Ages of 89 and under in the input missing from the output (as a multiset of whole
    years: "6 mos" written as 0 is kept, emptied is lost)."""
    def counts(s: pl.Series) -> Counter[float]:
        ages = parse_ages(s).drop_nulls().floor()
        return Counter(ages.filter(ages <= 89).to_list())

    return sum((counts(before) - counts(after)).values())


def _text_needles(p: Planted) -> set[str]:
    """What of an entry is searched in reports and messages (short or purely numeric
    needles only where a word boundary makes a false hit unlikely; lone given or family
    names not at all, unless the name is a column's header)."""
    if p.match is Match.AGE:
        return set()
    out = {r.lower() for r in p.raw if len(r) >= 5 or p.in_header}
    if p.in_header:
        out |= set(p.needles)
    elif p.match is Match.TEXT:
        out |= {n for n in p.needles if len(n) >= 4}
    elif p.match is Match.TOKEN and p.category is Category.NAME:
        # a lone given or family name ("White", "Strong") is an ordinary word in a report
        out = set()
    elif p.match in (Match.CODE, Match.TOKEN):
        out |= {n for n in p.needles if len(n) >= 5}
    if p.match is Match.DATE:
        for iso in p.needles:
            y, m, d = iso.split("-")
            out |= {iso, f"{m}/{d}/{y}", f"{int(m)}/{int(d)}/{y}", f"{y}{m}{d}",
                    f"{d}.{m}.{y}"}
    return out


def text_leaks(text: str, planted: Iterable[Planted], where: str) -> list[TextLeak]:
    """Planted values found in `text` as whole words (case-insensitive)."""
    owners: dict[str, list[Planted]] = {}
    for p in planted:
        for needle in _text_needles(p):
            owners.setdefault(needle, []).append(p)
    if not owners or not text:
        return []
    lowered = text.lower()
    candidates = pl.Series([lowered]).str.extract_many(
        sorted(owners), overlapping=True).explode().drop_nulls().unique().to_list()
    hits: Counter[tuple[str, Category]] = Counter()
    for needle in candidates:
        numeric = needle.isdigit()
        before = r"(?<![^\W_])(?<!\.)" if numeric else r"(?<![^\W_])"
        after = r"(?![^\W_]|\.\d)" if numeric else r"(?![^\W_])"
        if re.search(before + re.escape(needle) + after, lowered):
            for p in owners[needle]:
                hits[(p.label, p.category)] += 1
    return [TextLeak(where, label, category, n) for (label, category), n in hits.items()]


def failed_closed(extract: Extract, run_dir: Path, out_dir: Path, source: Path,
                  messages: str) -> list[str]:
    """Problems with a run that exited non-zero, as a fail-closed run must look: no
    output directory and nothing else left beside the input, a message that is not a
    crash, names what was found (columns or categories, with counts), and holds no
    planted value. Empty when it failed closed."""
    problems = []
    if out_dir.exists():
        problems.append("the output directory exists")
    left = sorted(p.name for p in run_dir.iterdir() if p != source)
    if left:
        problems.append(f"{len(left)} other files or folders left beside the input")
    if not messages.strip():
        problems.append("no message")
    if "traceback" in messages.lower() or "internal error" in messages.lower():
        problems.append("the message is a crash, not a refusal")
    named = [p for p in extract.planted if not p.in_header]
    lowered = messages.lower()
    if not any(p.column.lower() in lowered for p in named) and not any(
            w in lowered for w in CATEGORY_WORDS):
        problems.append("the message names no column or category")
    if not re.search(r"\d", messages):
        problems.append("the message gives no count")
    for leak in text_leaks(messages, extract.planted, "messages"):
        problems.append(f"the message holds {leak.values} planted values of {leak.label} "
                        f"[{leak.category.value}]")
    return problems
