"""The verification pass: every value of every output column, streamed, checked.

Two passes, both Polars expressions under the streaming engine:

1. One `select` of aggregates over the whole file: per column, how many values
   match the alternation of every detector's prefilter (`ANY_PATTERN`), how many
   break the shape the column's action promises (a year, a ZIP3, a top-coded
   age, the redaction constant), and the column-level statistics that no single
   value decides (integers in the range of epoch seconds or milliseconds,
   yyyymmdd numbers, spreadsheet serial days under a date-like header, long
   numbers, whole values that are first or last names or city names, ages over
   89 under an age-like header).
2. Only for columns with prefilter hits: the matching values are grouped to
   distinct values (with their count and first row) and every detector, with
   its validation (checksums, name dictionaries), runs on those. On clean output
   this pass reads nothing.

Header names are checked with the same detectors (they are data too); a column
whose name is identifier-shaped is reported as `column_N`, never by its name.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from veil.categories import Category
from veil.detect.header import header_findings, safe_label
from veil.detect.patterns import ANY_PATTERN, DETECTORS, cities_list, single_names
from veil.engines.types import COUNT, FIRST, Capability, require
from veil.errors import InputError
from veil.io.formats import Format
from veil.verify import text_check
from veil.verify.codes import zip_code_aggregates, zip_codes_under_code_header
from veil.verify.model import ColumnExpectation, Expect, Residual, Verification
from veil.verify.shapes import name_shape_stats, name_shaped_residual

if TYPE_CHECKING:
    from veil.engines.base import Engine, Table

FIRST_ROWS = 5
"""How many row positions of each finding the data owner's report lists."""
_MOSTLY = 0.9
_NAME_SHARE = 0.5
_NAME_DISTINCT = 10
_CITY_DISTINCT = 5
_LONG_NUMBER = 100_000_000  # nine digits: SSNs, phone numbers, accounts, epoch times
_EPOCH_S = (-2_208_988_800, 2_524_608_000)  # 1900-01-01 .. 2050-01-01
_EPOCH_MS = (_EPOCH_S[0] * 1000, _EPOCH_S[1] * 1000)
_SERIAL = (3_654, 73_415)  # spreadsheet days 1910-01-01 .. 2100-12-31
_DATE_HINT = r"(?i)(?:^|[^a-z])(?:date|dt|dte|day|time|ts|timestamp|dob|birth|born|death|died|" \
             r"admit|admission|discharge|visit|seen|collected|epoch|serial|when)(?:$|[^a-z])"
_AGE_HINT = r"(?i)(?:^|[^a-z])(?:age|ages|aged|age_?yrs|age_?years)(?:$|[^a-z])|^age"
_EVENT = r"(?:birth|dob|dx|diag|admit|adm|admission|disch|discharge|death|dth|dod|visit|proc|" \
         r"surg|onset|event|enc|service|svc|test|collect|specimen|lab)"
_DAY_PART = (r"(?i)(?:^|[^a-z])" + _EVENT + r"[_ .\-]?(?:dy|day|dd|dom|date)$|"
             r"^(?:dy|day|dd)[_ .\-]?(?:of[_ .\-]?)?" + _EVENT)
_MONTH_PART = (r"(?i)(?:^|[^a-z])" + _EVENT + r"[_ .\-]?(?:mo|mon|month|mm)$|"
               r"^(?:mo|mon|month|mm)[_ .\-]?(?:of[_ .\-]?)?" + _EVENT)
_DOY_PART = r"(?i)(?:^|[^a-z])(?:doy|day[_ .\-]?of[_ .\-]?year|julian[_ .\-]?day)(?:$|[^a-z])"
"""Headers of columns that hold one element of a date (a day, a month, a day of the
year) as a small number: registries split dates that way."""
_ZIP_HINT = r"(?i)(?:zip|postal|postcode)"
_AGE_TEXT = r"(?i)^\s*([0-9]{1,3})(?:\.[0-9]+)?\s*(?:y|yo|y/o|yr|yrs|years?(?:\s+old)?)?\s*$"


_DASHES = "[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]"
_INVISIBLE = "[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"


_FIRST_PASS = f"{ANY_PATTERN}|[^\\x00-\\x7F]"


def canonical(text: pl.Expr) -> pl.Expr:
    """Text as the detectors read it: NFKC (full-width digits and letters, no-break
    spaces, ligatures to their plain forms), every dash to '-', invisible and bidi
    characters removed, so '１２３‐４５‐６７８９' or 'jo\u200bhn@…' is not a way around."""
    return (text.str.normalize("NFKC").str.replace_all(_DASHES, "-")
            .str.replace_all(_INVISIBLE, ""))


@dataclass(frozen=True)
class _Column:
    """One output column prepared for the passes."""

    index: int
    name: str
    label: str
    dtype: pl.DataType
    expect: ColumnExpectation

    @property
    def alias(self) -> str:
        return f"c{self.index}"

    def text(self) -> pl.Expr | None:
        """The column as text for the regex detectors (None: nothing textual to check)."""
        col = pl.col(self.name)
        if self.dtype in (pl.String, pl.Categorical) or isinstance(self.dtype, pl.Enum):
            return col.cast(pl.String)
        if isinstance(self.dtype, pl.Struct | pl.List | pl.Array):
            # nested leaves are checked like top-level values, through their JSON text
            return pl.struct(col).struct.json_encode()
        return None

    def number(self) -> pl.Expr | None:
        """The column as integers (digit strings included), for the numeric shapes."""
        if self.dtype.is_integer():
            return pl.col(self.name).cast(pl.Int64)
        if self.dtype.is_float():
            value = pl.col(self.name)
            return pl.when(value == value.round(0)).then(value).otherwise(None).cast(
                pl.Int64, strict=False)
        if self.dtype in (pl.String, pl.Categorical) or isinstance(self.dtype, pl.Enum):
            text = pl.col(self.name).cast(pl.String).str.strip_chars()
            return text.str.replace(r"\.0+$", "").cast(pl.Int64, strict=False)
        return None

    @property
    def runs_detectors(self) -> bool:
        return self.expect.expect in (Expect.ANY, Expect.SURROGATE)


def verify_frame(
    frame: pl.LazyFrame,
    *,
    expectations: Mapping[str, ColumnExpectation] | None = None,
    source: str = "",
    emptied: Mapping[str, int] | None = None,
) -> Verification:
    """Check every value of an in-memory or lazy Polars `frame` (and its column names)
    for residual identifiers, on the Polars engine (see `verify_table`).

    >>> import polars as pl
    >>> found = verify_frame(pl.LazyFrame({"a": ["ok", "123-45-6789"], "b": ["F", "M"]}))
    >>> found.passed, found.summary_line()
    (False, 'residual identifiers in 1 column(s) of 2 rows: a (G social security numbers: 1)')
    """
    from veil.engines.polars_engine import PolarsEngine, PolarsTable

    return verify_table(PolarsEngine(), PolarsTable.of_frame(frame, source or "<frame>"),
                        expectations=expectations, source=source, emptied=emptied)


def verify_table(
    engine: Engine,
    table: Table,
    *,
    expectations: Mapping[str, ColumnExpectation] | None = None,
    source: str = "",
    emptied: Mapping[str, int] | None = None,
) -> Verification:
    """Check every value of `frame` (and its column names) for residual identifiers.

    Every pass runs on `engine`: one `sums` pass, a `take_every` sample, and a
    `group_counts` pass per column with prefilter hits. Without `expectations`
    every column is treated as kept (the standalone `veil verify`). Raises
    nothing for findings: they are in the result.
    """
    started = time.perf_counter()
    schema = table.batch_schema
    names = list(schema.names())
    heads, labels = header_residuals(names)
    expectations = expectations or {}
    columns = [
        _Column(i, name, labels[i], schema[name], expectations.get(name, ColumnExpectation()))
        for i, name in enumerate(names)
    ]
    stats = _first_pass(engine, table, columns)
    stats.update(_name_and_city_shares(engine, table, columns, stats["rows"]))
    residuals: list[Residual] = []
    not_inspected: list[str] = []
    for column in columns:
        if column.dtype == pl.Binary or column.dtype == pl.Object:
            not_inspected.append(column.label)
        residuals.extend(_column_residuals(column, stats))
        text = column.text()
        if column.expect.expect is Expect.SCRUBBED and text is not None:
            residuals.extend(text_check.residuals(engine, table, column.label, text, stats,
                                                  column.alias, column.expect, FIRST_ROWS))
        if column.runs_detectors and column.text() is not None \
                and stats.get(f"{column.alias}_any", 0):
            residuals.extend(_second_pass(engine, table, column))
    return Verification(
        source=source,
        rows=int(stats["rows"]),
        columns_checked=len(columns),
        residuals=tuple(residuals),
        header_residuals=tuple(heads),
        emptied={k: v for k, v in (emptied or {}).items() if v},
        nonnull={c.label: stats.get(f"{c.alias}_nonnull", 0) for c in columns},
        not_inspected=tuple(not_inspected),
        seconds=time.perf_counter() - started,
    )


def verify_file(path: Path, *, fmt: Format | None = None, separator: str | None = None,
                engine: Engine | None = None) -> Verification:
    """Open any CSV, Parquet or JSON lines file strictly and verify all of it on `engine`
    (default: the Polars engine)."""
    from veil.engines.types import Source

    if engine is None:
        from veil.engines.polars_engine import PolarsEngine

        engine = PolarsEngine()
    table = engine.open(Source(Path(path), fmt, separator))
    try:
        return verify_table(engine, table, source=str(table.path))
    except pl.exceptions.PolarsError as err:
        raise InputError(f"{table.path}: the file could not be read to the end "
                         f"({type(err).__name__})",
                         hint="check that the file is complete and well-formed") from err


def header_residuals(names: list[str]) -> tuple[list[Residual], list[str]]:
    """Findings in the column names, and the label to report each column by."""
    found = header_findings(names)
    labels = [safe_label(i) if i in found else n for i, n in enumerate(names)]
    residuals = [Residual(safe_label(i), category, detector, 1)
                 for i, (category, detector) in sorted(found.items())]
    return residuals, labels


def _first_pass(engine: Engine, table: Table, columns: list[_Column]) -> dict[str, int]:
    """One pass of sums (the count under "rows")."""
    derived: list[pl.Expr] = []
    values: dict[str, pl.Expr] = {}
    for column in columns:
        derived.extend(_derived(column))
        values.update(_aggregates(column))
    return engine.sums(table, values, derived=derived)


SHARE_SAMPLE = 100_000
"""Rows (evenly spread over the file) on which whole-value name and city shares are
estimated: a dictionary lookup of every value costs more than the rest of the pass, and
a share of at least half the values is a statistic, not a per-value finding."""


def _name_and_city_shares(engine: Engine, table: Table, columns: list[_Column],
                          rows: int) -> dict[str, int]:
    """Per textual column: estimated values that are first/last names or city names, and
    how many distinct such values the sample holds."""
    textual = [c for c in columns if c.runs_detectors and c.text() is not None
               and not isinstance(c.dtype, pl.Struct | pl.List | pl.Array)]
    if not textual or rows == 0:
        return {}
    step = max(1, rows // SHARE_SAMPLE)
    require(engine, Capability.TAKE_EVERY, "the verification pass (name and city shares)")
    sample = engine.take_every(table, [c.name for c in textual], step)
    found: dict[str, int] = {}
    for column in textual:
        whole = sample.get_column(column.name).cast(pl.String).str.strip_chars() \
            .str.to_uppercase()
        for what, words in (("names", single_names), ("cities", cities_list)):
            hits = whole.filter(whole.is_in(words()))
            found[f"{column.alias}_{what}"] = hits.len() * step
            found[f"{column.alias}_{what}_distinct"] = hits.n_unique()
        found.update(name_shape_stats(sample.get_column(column.name), column.alias, step))
    return found


def _derived(column: _Column) -> Iterable[pl.Expr]:
    """Per-row values several aggregates share, computed once (numbers, upper-cased text)."""
    text = column.text()
    if column.expect.expect is Expect.SCRUBBED and text is not None:
        yield text_check.mask_column(text, f"__{column.alias}_phi")
    if not column.runs_detectors:
        return
    number = column.number()
    if number is not None:
        yield number.alias(f"__{column.alias}_num")


def _aggregates(column: _Column) -> Iterable[tuple[str, pl.Expr]]:
    """Per-row booleans (and counts) whose sums over the file are the column's statistics."""
    a = column.alias
    col = pl.col(column.name)
    text = column.text()
    number = None if column.number() is None else pl.col(f"__{a}_num")
    yield f"{a}_nonnull", col.is_not_null()
    if column.expect.expect is Expect.SCRUBBED and text is not None:
        yield from text_check.aggregates(f"__{a}_phi", a)
    if column.runs_detectors and text is not None:
        # any non-ASCII character sends the value to the second pass, which reads it in
        # canonical form (normalizing every value here would cost more than the pass)
        yield f"{a}_any", text.str.contains(_FIRST_PASS)
    shape = _shape_violation(column)
    if shape is not None:
        yield f"{a}_shape", shape
    if not column.runs_detectors:
        return
    if number is not None:
        yield f"{a}_ints", number.is_not_null()
        yield f"{a}_long", (number.abs() >= _LONG_NUMBER)
        size = number.abs()
        yield f"{a}_epoch_s", (number.is_between(*_EPOCH_S) & (size >= _LONG_NUMBER))
        yield f"{a}_epoch_ms", (number.is_between(*_EPOCH_MS) & (size >= 100_000_000_000))
        month = (number // 100) % 100
        day = number % 100
        yield f"{a}_ymd", (number.is_between(18_000_101, 21_991_231)
                           & month.is_between(1, 12) & day.is_between(1, 31))
        yield f"{a}_serial", number.is_between(*_SERIAL)
        yield f"{a}_le12", number.is_between(1, 12)
        yield f"{a}_le31", number.is_between(1, 31)
        yield f"{a}_le366", number.is_between(1, 366)
    if text is not None:
        yield f"{a}_zip5", text.str.contains(r"^\s*[0-9]{5}(?:-[0-9]{4})?\s*$")
    yield from ((f"{a}_{k}", e) for k, e in zip_code_aggregates(column.name, text, number))
    age = _age_values(column)
    if age is not None:
        yield f"{a}_age_over", (age > 89)


def _age_values(column: _Column) -> pl.Expr | None:
    """Ages as numbers, for columns whose action or header says they are ages."""
    if not (column.expect.age_column or re.search(_AGE_HINT, column.name)):
        return None
    col = pl.col(column.name)
    if column.dtype.is_numeric():
        value = col.cast(pl.Float64)
    elif column.text() is not None and not isinstance(column.dtype, pl.Struct | pl.List):
        value = col.cast(pl.String).str.extract(_AGE_TEXT, 1).cast(pl.Float64, strict=False)
    else:
        return None
    return pl.when(value <= 150).then(value).otherwise(None)


def _shape_violation(column: _Column) -> pl.Expr | None:
    """Boolean per value: the value breaks the shape its action promises."""
    expect = column.expect
    col = pl.col(column.name)
    text = col.cast(pl.String).str.strip_chars()
    present = col.is_not_null()
    if expect.expect is Expect.YEAR:
        year = text.cast(pl.Int64, strict=False)
        bad = ~text.str.contains(r"^[0-9]{4}$")
        if expect.min_year is not None:
            bad = bad | (year < expect.min_year)
        return present & bad
    if expect.expect is Expect.ZIP3:
        bad = ~text.str.contains(r"^[0-9]{3}$")
        restricted = sorted(expect.restricted_zip3 - {"000"})
        if restricted:  # a regular expression: `is_in` with a list leaves the streaming engine
            listed = "|".join(re.escape(z) for z in restricted)
            bad = bad | text.str.contains(f"^(?:{listed})$")
        return present & bad
    if expect.expect is Expect.AGE:
        number = text.cast(pl.Int64, strict=False)
        bad = ~((text == expect.label) | number.is_between(0, expect.age_at - 1))
        return present & bad
    if expect.expect is Expect.REDACTED:
        return present & (text != expect.label.strip())
    if expect.expect is Expect.MASKED:
        rest = text.str.replace_all(_literal(expect.label), "")
        return present & rest.str.contains(r"[0-9A-Za-z]")
    if column.dtype == pl.Date or isinstance(column.dtype, pl.Datetime):
        return present  # a typed date always carries day and month
    return None


def _literal(text: str) -> str:
    return re.escape(text) if text else "(?!)"


def _column_residuals(column: _Column, stats: Mapping[str, int]) -> list[Residual]:
    """Findings decided by whole-column statistics (no single value decides them)."""
    a = column.alias
    expect = column.expect
    found: list[Residual] = []

    def add(category: Category, detector: str, values: int) -> None:
        if values > 0 and category not in expect.exempt:
            found.append(Residual(column.label, category, detector, values,
                                  accepted=expect.reviewed))

    shape = stats.get(f"{a}_shape", 0)
    if shape:
        if column.dtype == pl.Date or isinstance(column.dtype, pl.Datetime):
            add(Category.DATES, "typed_date", shape)
        else:
            add(expect.category or Category.OTHER_UNIQUE, f"not_{expect.expect.value}", shape)
    if not column.runs_detectors:
        return found
    nonnull = stats.get(f"{a}_nonnull", 0)
    ints = stats.get(f"{a}_ints", 0)
    numeric = nonnull > 0 and ints >= _MOSTLY * nonnull
    date_hint = re.search(_DATE_HINT, column.name) is not None
    if numeric and stats.get(f"{a}_epoch_ms", 0) >= _MOSTLY * ints:
        add(Category.DATES, "epoch_milliseconds", stats[f"{a}_epoch_ms"])
    elif numeric and stats.get(f"{a}_epoch_s", 0) >= _MOSTLY * ints:
        add(Category.DATES, "epoch_seconds", stats[f"{a}_epoch_s"])
    elif numeric and stats.get(f"{a}_ymd", 0) >= _MOSTLY * ints:
        add(Category.DATES, "yyyymmdd_number", stats[f"{a}_ymd"])
    elif numeric and date_hint and stats.get(f"{a}_serial", 0) >= _MOSTLY * ints:
        add(Category.DATES, "spreadsheet_serial_date", stats[f"{a}_serial"])
    elif numeric and _date_part(column.name, stats, a, ints):
        add(Category.DATES, "date_part", ints)
    elif not expect.clinical_code:
        add(Category.OTHER_UNIQUE, "long_number", stats.get(f"{a}_long", 0))
    if re.search(_ZIP_HINT, column.name) and nonnull and \
            stats.get(f"{a}_zip5", 0) >= _MOSTLY * nonnull:
        add(Category.GEOGRAPHY, "zip_code", stats[f"{a}_zip5"])
    add(Category.GEOGRAPHY, "zip_code", zip_codes_under_code_header(column.name, stats, a))
    names = stats.get(f"{a}_names", 0)
    if nonnull and names >= _NAME_SHARE * nonnull \
            and stats.get(f"{a}_names_distinct", 0) >= _NAME_DISTINCT:
        add(Category.NAMES, "name_values", names)
    cities = stats.get(f"{a}_cities", 0)
    if nonnull and cities >= _NAME_SHARE * nonnull \
            and stats.get(f"{a}_cities_distinct", 0) >= _CITY_DISTINCT:
        add(Category.GEOGRAPHY, "city_values", cities)
    add(Category.NAMES, "name_shaped_values", name_shaped_residual(stats, a))
    add(Category.DATES, "age_over_89", stats.get(f"{a}_age_over", 0))
    return found


def _date_part(name: str, stats: Mapping[str, int], a: str, ints: int) -> bool:
    """A day, month or day of the year of an event, stored alone under a telling header."""
    for pattern, key in ((_MONTH_PART, "le12"), (_DAY_PART, "le31"), (_DOY_PART, "le366")):
        if re.search(pattern, name) and stats.get(f"{a}_{key}", 0) >= _MOSTLY * ints:
            return True
    return False


def _second_pass(engine: Engine, table: Table, column: _Column) -> list[Residual]:
    """Every detector, validations included, on the distinct values the prefilter hit."""
    text = column.text()
    assert text is not None  # runs only for textual columns
    hits = engine.group_counts(
        table, {"v": canonical(text)}, where=text.str.contains(_FIRST_PASS),
        where_keys=pl.col("v").str.contains(ANY_PATTERN), first_row=True,
    ).rename({COUNT: "n", FIRST: "first"})
    active = [d for d in DETECTORS if d.category not in column.expect.exempt
              and d.name not in column.expect.exempt_detectors]
    flags = hits.select(
        pl.col("n"), pl.col("first"),
        *[d.matches(pl.col("v")).alias(d.name) for d in active],
    )
    found = []
    for item in active:
        matched = flags.filter(pl.col(item.name))
        if matched.height:
            first = tuple(int(r) for r in matched.get_column("first").sort().head(FIRST_ROWS))
            found.append(Residual(column.label, item.category, item.name,
                                  int(matched.get_column("n").sum()), first,
                                  accepted=column.expect.reviewed))
    return found
