"""Hierarchy builders: propose a generalization hierarchy from the data.

Each builder takes a column's values (a Polars Series, or a sequence converted
with Polars' type inference) and returns a validated :class:`Hierarchy` whose
level 0 is the values' text form, exactly what `Hierarchy.expression` looks up.
Per-value work runs as Polars expressions over the distinct values; Python only
loops over a level's groups to write their labels. Missing values (null, or
the empty string, which the model treats alike) get a row `""` that maps to
the most general label at every level above 0.

Labels: integers `20-29` (both ends included; one-wide: `20`), floats `[20, 30)`
(half-open, 12 significant digits), dates `2020-03`, `2020-Q1`, `2020`, `2020s`,
masks `0213*`, ordered runs `low-mid`. Wrong arguments raise UsageError; values
a builder cannot place raise HierarchyError naming how many, never which.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import polars as pl
import yaml

from veil.errors import HierarchyError, InternalError, UsageError
from veil.hierarchy.model import NULL_VALUE, Hierarchy

Values = pl.Series | Sequence[Any]
Fanout = int | Sequence[int]
Groups = Mapping[Any, Any] | Sequence[Mapping[Any, Any]]

DATE_LEVELS = ("month", "quarter", "year", "decade")
_ISO_DATE = r"^-?\d{4,}-\d{2}-\d{2}(?:[T ].*)?$"
_CODE = r"^[0-9A-Za-z]*[0-9][0-9A-Za-z]*$"
_MAX_INTERVALS = 2**53


def intervals(values: Values, *, width: float, fanout: Fanout = 2, start: float | None = None,
              top: str = "*", attribute: str | None = None) -> Hierarchy:
    """Numbers -> intervals of `width` -> `fanout` adjacent intervals per level -> `top`.

    Level 1 cuts at `start + k * width`. An int `fanout` merges until one
    interval remains; a sequence gives each level's fan-out, then jumps to
    `top` (`width=5, fanout=(2, 2)`: 5-, 10- and 20-wide bands, as in ARX's
    Adult age hierarchy). The default `start` is a multiple of the widest
    band's width, so every level's bands start at round numbers (`10-19`,
    `0-39`); for data on both sides of 0 it is the multiple of `width` at or
    below the minimum. Integer data with integral `width` and `start` get
    integer labels, anything else float labels. Strings are parsed as numbers;
    a value that is not a finite number is an error.
    """
    series, name = _as_series(values, attribute)
    _check_positive("width", width)
    if start is not None and not (isinstance(start, int | float) and math.isfinite(start)):
        raise UsageError("the 'start' parameter must be a finite number or None",
                         hint="leave it unset to start at a round number")
    fans = _fanouts(fanout)
    frame, has_null = _distinct(series)
    frame, integral = _numbers(frame, name)
    integral = integral and _integral(width) and (start is None or _integral(start))
    levels: list[pl.Series] = []
    if frame.height:
        low, high = _number(frame["x"].min()), _number(frame["x"].max())
        step: float = int(width) if integral else float(width)
        first = _grid_start(low, high, step, fans) if start is None else start
        first = int(first) if integral else float(first)
        if not (math.isfinite(first) and (high - first) / step <= _MAX_INTERVALS):
            raise UsageError(f"intervals for {name!r}: the 'width' parameter would cut more "
                             f"than {_MAX_INTERVALS} intervals", hint="choose a larger width")
        if first > low:
            raise HierarchyError(f"intervals for {name!r}: {int((frame['x'] < first).sum())} "
                                 "distinct value(s) lie below the 'start' parameter",
                                 hint="lower 'start' or leave it unset")
        x = pl.col("x")
        k = (x - first) // step
        if not integral:  # against the edges as labeled (12 digits), not float rounding
            raw = ((x - first) / step).floor().cast(pl.Int64)
            edge = [(first + (raw + i) * step).round_sig_figs(12) for i in (0, 1)]
            k = pl.when(x < edge[0]).then(raw - 1).when(x >= edge[1]).then(raw + 1).otherwise(raw)
        frame = frame.sort("x", "text").with_columns(k.alias("k"))
        for size in _sizes(int(_number(frame["k"].max())) + 1, fans, include_one=True):
            groups = frame["k"] // size
            table = {g: _interval_label(first, step, g, size, integral)
                     for g in groups.unique().to_list()}
            if len(set(table.values())) < len(table):  # 12 digits were too few: write exactly
                table = {g: _interval_label(first, step, g, size, integral, ".17g")
                         for g in table}
            levels.append(groups.replace_strict(table, return_dtype=pl.String))
    return _assemble(name, frame["text"], levels, has_null, top)


def dates(values: Values, *, levels: Sequence[str] = DATE_LEVELS, top: str = "*",
          attribute: str | None = None) -> Hierarchy:
    """Days -> month `2020-03` -> quarter `2020-Q1` -> year `2020` -> decade `2020s` -> `top`.

    `levels` picks any of those, finest first. Accepts Date and Datetime columns
    and ISO strings (`2020-03-15`, optionally followed by `T` or a space and a
    time); a string that is not an ISO date is an error.
    """
    series, name = _as_series(values, attribute)
    ranks = [DATE_LEVELS.index(level) if level in DATE_LEVELS else -1 for level in levels]
    if -1 in ranks or ranks != sorted(set(ranks)):
        raise UsageError(f"the 'levels' parameter must be distinct names from {DATE_LEVELS}, "
                         "finest first", hint="e.g. levels=('month', 'year')")
    frame, has_null = _distinct(series)
    frame = frame.with_columns(_days(frame, series.dtype, name).alias("day")).sort("day", "text")
    day = pl.col("day")
    year = day.dt.strftime("%Y")
    labels = {
        "month": day.dt.strftime("%Y-%m"),
        "quarter": pl.concat_str(year, pl.lit("-Q"), day.dt.quarter().cast(pl.String)),
        "year": year,
        "decade": pl.concat_str((day.dt.year() // 10 * 10).cast(pl.String), pl.lit("s")),
    }
    out = frame.select([labels[level].alias(level) for level in levels])
    return _assemble(name, frame["text"], [out[level] for level in levels], has_null, top)


def masking(values: Values, *, char: str = "*", step: int = 1, top: str | None = None,
            attribute: str | None = None) -> Hierarchy:
    """Codes such as ZIP: mask `step` more trailing characters per level (`0213*`, `021**`).

    Values of different lengths align at the left: every label is as wide as
    the longest value W; level i keeps a value's first `W - i * step`
    characters and right-pads with `char` (`021` becomes `021**` at level 1,
    beside `0213*`). The last level is all `char`, one value for the column;
    `top` adds one more level above it (e.g. ARX's `*`). Missing values are
    all `char` at every level.
    """
    series, name = _as_series(values, attribute)
    if len(char) != 1:
        raise UsageError(f"the 'char' parameter must be one character; got {len(char)}",
                         hint="e.g. char='*'")
    _check_positive("step", step)
    if not isinstance(step, int):
        raise UsageError("the 'step' parameter must be an int", hint="e.g. step=1")
    frame, has_null = _distinct(series)
    if has_null:
        frame = pl.concat([frame, pl.DataFrame({"text": [NULL_VALUE]})], how="diagonal")
    frame = frame.sort("text")
    wide = int(_number(frame["text"].str.len_chars().max()))
    keeps = [max(keep, 0) for keep in range(wide - step, -step, -step)] or [0]
    out = frame.select([pl.col("text").str.slice(0, keep).str.pad_end(max(wide, 1), char)
                        .alias(str(i)) for i, keep in enumerate(keeps)])
    columns = [frame["text"].to_list(), *(out[column].to_list() for column in out.columns)]
    if top is not None and top != columns[-1][0]:
        columns.append([top] * frame.height)
    return Hierarchy.from_levels(name, columns)


def mapping(values: Values, groups: Groups, *, top: str = "*",
            attribute: str | None = None) -> Hierarchy:
    """Categories grouped by hand (e.g. from YAML); every value of the data must be covered.

    `groups` is either a nested dict, outermost group first, whose leaves are
    lists of values all at the same depth (`{"Higher education":
    {"Undergraduate": ["Bachelors", "Some-college"]}}`), or a list of level
    dicts, finest first, each mapping a value to its group (`{"Bachelors":
    "Undergraduate"}`) or a group to its members (`{"Undergraduate": [...]}`).
    Values in `groups` but not in the data are kept. `top` is added unless the
    last level already is that one value. A `null` member groups missing
    values; otherwise they map to `top`.
    """
    series, name = _as_series(values, attribute)
    return _from_groups(name, groups, series, top)


def mapping_from_yaml(path: Path | str, attribute: str, *, values: Values | None = None,
                      top: str = "*") -> Hierarchy:
    """`mapping` groups read from YAML: the file's key `attribute` if it has one, else the file.

    With `values`, the data's coverage is checked as in `mapping`. Quote codes
    in YAML (`"02139"`), or YAML reads them as numbers.
    """
    path = Path(path)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise HierarchyError(f"{path}: no such file", hint="check the path") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        mark = getattr(error, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark else ""
        raise HierarchyError(f"{path}{where}: not readable as UTF-8 YAML",
                             hint="check the encoding, indentation and quoting") from None
    if isinstance(document, Mapping) and attribute in document:
        document = document[attribute]
    series = None if values is None else _as_series(values, attribute)[0]
    try:
        return _from_groups(attribute, document, series, top)
    except HierarchyError as error:
        raise HierarchyError(f"{path}: {error.message}", hint=error.hint) from None


def ordered(values: Values, *, order: Sequence[Any], fanout: Fanout = 2, top: str = "*",
            separator: str = "-", attribute: str | None = None) -> Hierarchy:
    """Ordered categories -> runs of `fanout` consecutive ones (`low-mid`) -> ... -> `top`.

    `order` lists every category, lowest first; the data may hold only some.
    `fanout` works as in `intervals`, but level 1 already merges categories.
    """
    series, name = _as_series(values, attribute)
    fans = _fanouts(fanout)
    names = [_cell(item) for item in order]
    if not names or len(set(names)) != len(names):
        raise UsageError(f"the 'order' parameter for {name!r} must list distinct categories; "
                         f"{len(names) - len(set(names))} of {len(names)} are repeats",
                         hint="list each category once, lowest first")
    frame, has_null = _distinct(series)
    _check_covered(name, frame["text"], names, "the 'order' parameter")
    levels: list[pl.Series] = []
    for size in _sizes(len(names), fans, include_one=False):
        runs = [names[start:start + size] for start in range(0, len(names), size)]
        labels = [run[0] if len(run) == 1 else f"{run[0]}{separator}{run[-1]}" for run in runs]
        if len(set(labels)) < len(labels):
            raise HierarchyError(f"ordered for {name!r}: two runs get the same label because "
                                 "category names contain the separator",
                                 hint="pass another 'separator', e.g. separator='..'")
        levels.append(pl.Series([label for label, run in zip(labels, runs, strict=True)
                                 for _ in run], dtype=pl.String))
    return _assemble(name, pl.Series(names, dtype=pl.String), levels,
                     has_null and NULL_VALUE not in names, top)


def auto(series: Values, *, fanout: Fanout = 2, top: str = "*", max_categories: int = 1000,
         attribute: str | None = None) -> Hierarchy:
    """Propose a hierarchy from the column's type and values.

    * numbers, or strings that all are numbers: `intervals` with the largest
      1-2-5 width giving at least 10 level-1 intervals (10-25 bands: a useful
      first coarsening; the `fanout` levels above it halve the count);
    * dates, datetimes, or strings that all are ISO dates: `dates`;
    * an Enum: `ordered`, in the Enum's order;
    * fixed-length codes (strings of one length >= 2, letters and digits, a
      digit in each, and a letter, a leading zero or length >= 5, e.g. ZIP
      `02139`, ICD `A01`): `masking` plus `top`, as their prefixes nest;
    * anything else with at most `max_categories` distinct values: flat,
      value -> `top`, the one grouping that needs no domain knowledge. More
      distinct values suggests an identifier, which is an error.
    """
    data, name = _as_series(series, attribute)
    if isinstance(data.dtype, pl.Categorical):  # same text form, so the same hierarchy
        data = data.cast(pl.String)
    dtype = data.dtype
    if dtype.is_numeric():
        return _auto_intervals(data, name, fanout, top)
    if dtype == pl.Date or isinstance(dtype, pl.Datetime):
        return dates(data, top=top, attribute=name)
    if isinstance(dtype, pl.Enum):
        return ordered(data, order=dtype.categories.to_list(), fanout=fanout, top=top,
                       attribute=name)
    frame, has_null = _distinct(data)
    text = frame["text"]
    if dtype == pl.String and text.len():
        day = text.str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False)
        if (text.str.contains(_ISO_DATE) & day.is_not_null()).all():
            return dates(data, top=top, attribute=name)
        if _looks_like_codes(text):
            return masking(data, top=top, attribute=name)
        numbers = text.cast(pl.Float64, strict=False)
        if numbers.is_not_null().all() and numbers.is_finite().all():
            return _auto_intervals(data, name, fanout, top)
    if text.len() > max_categories:
        raise HierarchyError(f"auto for {name!r}: {text.len()} distinct values, more than "
                             f"max_categories={max_categories}",
                             hint="this looks like an identifier: drop or pseudonymize it, or "
                                  "build its hierarchy with intervals, masking or mapping")
    return _assemble(name, text, [], has_null, top)


def _as_series(values: Values, attribute: str | None) -> tuple[pl.Series, str]:
    """The values as a Series, and the attribute name the hierarchy gets."""
    if isinstance(values, str | bytes):
        raise UsageError("the values must be a Series or a sequence, not one string",
                         hint="wrap a single value in a list")
    series = values if isinstance(values, pl.Series) else pl.Series("", list(values),
                                                                    strict=False)
    return series, attribute or series.name or "value"


def _distinct(series: pl.Series) -> tuple[pl.DataFrame, bool]:
    """Distinct non-missing values (`value`, and `text` as the model sees it); any missing?"""
    if series.len() == 0:
        raise HierarchyError(f"column {series.name!r} has no values to build a hierarchy from",
                             hint="build from the data the hierarchy will be applied to")
    try:
        text = series.cast(pl.String)
    except pl.exceptions.PolarsError:
        raise HierarchyError(f"column {series.name!r} has dtype {series.dtype}, which has no "
                             "text form", hint="convert it to numbers, dates or strings") from None
    frame = pl.DataFrame({"value": series, "text": text})
    missing = pl.col("text").is_null() | (pl.col("text") == NULL_VALUE)
    has_null = bool(frame.select(missing.any()).item())
    return frame.filter(~missing).unique(subset="text", maintain_order=True), has_null


def _assemble(name: str, originals: pl.Series, levels: Sequence[pl.Series], has_null: bool,
              top: str) -> Hierarchy:
    """Level columns plus the `top` level, and the missing-value row when needed."""
    columns = [originals.to_list(), *(level.to_list() for level in levels)]
    columns.append([top] * len(originals))
    if has_null:
        columns = [[*column, top] for column in columns]
        columns[0][-1] = NULL_VALUE
    return Hierarchy.from_levels(name, columns)


def _numbers(frame: pl.DataFrame, name: str) -> tuple[pl.DataFrame, bool]:
    """Add column `x` (Int64 when every value is an integer, else Float64); refuse the rest."""
    dtype = frame.schema["value"]
    integral = dtype.is_integer()
    if dtype == pl.String:
        integral = bool(frame["text"].cast(pl.Int64, strict=False).is_not_null().all())
    elif not dtype.is_numeric() and dtype != pl.Null:  # Null: every value missing
        raise HierarchyError(f"intervals for {name!r}: the column has dtype {dtype}, not numbers",
                             hint="use dates() for dates, mapping() or masking() for categories")
    source = "text" if dtype == pl.String else "value"
    x = pl.col(source).cast(pl.Int64 if integral else pl.Float64, strict=False)
    frame = frame.with_columns(x.alias("x"))
    bad = pl.col("x").is_null() | ~pl.col("x").cast(pl.Float64).is_finite()
    count = int(frame.select(bad.sum()).item())
    if count:
        raise HierarchyError(f"intervals for {name!r}: {count} distinct value(s) are not finite "
                             "numbers", hint="clean or drop them first, or use mapping()")
    return frame, integral


def _days(frame: pl.DataFrame, dtype: pl.DataType, name: str) -> pl.Expr:
    """Each distinct value's calendar day; refuses what is not a date."""
    if dtype in (pl.Date, pl.Null):
        return pl.col("value").cast(pl.Date)
    if isinstance(dtype, pl.Datetime):
        return pl.col("value").dt.date()
    if dtype != pl.String:
        raise HierarchyError(f"dates for {name!r}: the column has dtype {dtype}, not dates",
                             hint="pass a Date/Datetime column or ISO strings like 2020-03-15")
    day = (pl.when(pl.col("text").str.contains(_ISO_DATE))
           .then(pl.col("text").str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False)))
    count = int(frame.select(day.is_null().sum()).item())
    if count:
        raise HierarchyError(f"dates for {name!r}: {count} distinct value(s) are not ISO dates",
                             hint="write dates as YYYY-MM-DD, or parse them first")
    return day


def _from_groups(name: str, groups: Any, series: pl.Series | None, top: str) -> Hierarchy:
    """The `mapping` table from either layout, checked against the data when given."""
    rows = _nested_rows(groups) if isinstance(groups, Mapping) else _level_rows(groups)
    originals = [row[0] for row in rows]
    if not rows or len(set(originals)) != len(originals):
        raise HierarchyError(f"the groups for {name!r} list no values" if not rows else
                             f"the groups for {name!r} list "
                             f"{len(originals) - len(set(originals))} value(s) more than once",
                             hint="put each value in exactly one group")
    has_null = False
    if series is not None:
        frame, has_null = _distinct(series)
        _check_covered(name, frame["text"], originals, "the groups")
    levels = [pl.Series(column, dtype=pl.String) for column in zip(*rows, strict=True)]
    if len(levels) > 1 and levels[-1].unique().to_list() == [top]:
        levels.pop()
    return _assemble(name, levels[0], levels[1:], has_null and NULL_VALUE not in originals, top)


def _nested_rows(groups: Mapping[Any, Any]) -> list[list[str]]:
    """Rows `value, innermost group, ..., outermost group` from the nested layout."""
    rows: list[list[str]] = []

    def walk(node: Any, path: list[str]) -> None:
        if isinstance(node, Mapping):
            for key, child in node.items():
                walk(child, [_cell(key), *path])
        else:
            rows.extend([_cell(item), *path]
                        for item in (node if isinstance(node, list | tuple) else [node]))

    walk(groups, [])
    depths = {len(row) - 1 for row in rows}
    if len(depths) > 1:
        raise HierarchyError(f"the groups nest to different depths ({min(depths)} and "
                             f"{max(depths)} levels)",
                             hint="nest every value equally deep; repeat a group name if needed")
    return rows


def _level_rows(groups: Any) -> list[list[str]]:
    """Rows from the list-of-level-dicts layout (finest level first)."""
    if not isinstance(groups, list | tuple) or not all(isinstance(g, Mapping) for g in groups):
        raise HierarchyError("the groups must be a nested mapping or a list of mappings",
                             hint="see veil.hierarchy.mapping for the two layouts")
    rows: list[list[str]] = []
    for number, level in enumerate(groups, start=1):
        parent: dict[str, str] = {}
        for key, item in level.items():
            pairs = ([(_cell(member), _cell(key)) for member in item]
                     if isinstance(item, list | tuple) else [(_cell(key), _cell(item))])
            for child, group in pairs:
                if parent.setdefault(child, group) != group:
                    raise HierarchyError(f"level {number} of the groups puts a value in two "
                                         "groups", hint="list each value once per level")
        if number == 1:
            rows = [[value] for value in parent]
        lost = sum(row[-1] not in parent for row in rows)
        if lost:
            raise HierarchyError(f"level {number} of the groups has no group for {lost} "
                                 f"label(s) of level {number - 1}",
                                 hint="every label of one level needs a group in the next")
        rows = [[*row, parent[row[-1]]] for row in rows]
    return rows


def _cell(item: Any) -> str:
    return NULL_VALUE if item is None else str(item)


def _check_covered(name: str, texts: pl.Series, known: Sequence[str], source: str) -> None:
    count = int((~texts.is_in(list(known))).sum())
    if count:
        raise HierarchyError(f"{source} for {name!r} miss {count} distinct value(s) of the data",
                             hint="cover every value the column holds")


def _fanouts(fanout: Fanout) -> tuple[tuple[int, ...], bool]:
    """Fan-outs per level and whether the last one repeats (an int) or not (a sequence)."""
    fans = (fanout,) if isinstance(fanout, int) else tuple(fanout)
    if not fans or not all(isinstance(f, int) and not isinstance(f, bool) and f >= 2
                           for f in fans):
        raise UsageError("the 'fanout' parameter must be an int >= 2 or a non-empty sequence "
                         "of them", hint="e.g. fanout=2 or fanout=(2, 5)")
    return fans, isinstance(fanout, int)


def _sizes(count: int, fanouts: tuple[tuple[int, ...], bool], *, include_one: bool) -> list[int]:
    """How many base groups each level merges, until one group holds all `count`."""
    fans, repeat = fanouts
    sizes = [1]
    while sizes[-1] < count and (repeat or len(sizes) <= len(fans)):
        sizes.append(sizes[-1] * fans[min(len(sizes) - 1, len(fans) - 1)])
    return sizes if include_one else sizes[1:]


def _grid_start(low: float, high: float, step: float,
                fanouts: tuple[tuple[int, ...], bool]) -> float:
    """Default `start`: a multiple of the widest band, so every level's bands are round."""
    fans, repeat = fanouts
    if not repeat:
        widest = step * math.prod(fans)
        return _floor_to(low, widest)
    plain = start = _floor_to(low, step)
    size = 1
    for _ in range(0 if low < 0 <= high else 64):  # 0 is an edge at every level: no band
        count = (_floor_to(high, step) - start) / step + 1  # bands from start to high;
        if not math.isfinite(count):  # this settles in two or three rounds
            break
        need = _sizes(round(count), fanouts, include_one=True)[-1]
        if need <= size:
            return start
        size = need
        start = _floor_to(low, step * size)
    return plain


def _floor_to(value: float, unit: float) -> float:
    """The multiple of `unit` at or below `value` (never above it, despite float rounding)."""
    start = value // unit * unit
    return start if start <= value else min(start - unit, value)


def _interval_label(first: float, step: float, group: int, size: int, integral: bool,
                    spec: str = ".12g") -> str:
    low, high = first + group * size * step, first + (group + 1) * size * step
    if integral:
        return str(low) if size * step == 1 else f"{low}-{high - 1}"
    return f"[{low:{spec}}, {high:{spec}})"


def _number(value: object) -> float:
    """A Series min/max as a number (callers know the Series is numeric and non-empty)."""
    if not isinstance(value, int | float):
        raise InternalError(f"expected a number, got {type(value).__name__}")
    return value


def _integral(number: float) -> bool:
    return isinstance(number, int) or number.is_integer()


def _check_positive(parameter: str, number: float) -> None:
    """A finite number > 0, and a normal float (Polars divides by multiplying by 1/number)."""
    if isinstance(number, bool) or not isinstance(number, int | float) or not (
            math.isfinite(number) and number >= sys.float_info.min):
        raise UsageError(f"the {parameter!r} parameter must be a finite number > 0 "
                         f"(at least {sys.float_info.min:.3g})", hint=f"e.g. {parameter}=5")


def _auto_intervals(data: pl.Series, name: str, fanout: Fanout, top: str) -> Hierarchy:
    """`intervals` with the largest 1-2-5 width that gives at least 10 level-1 intervals."""
    frame, integral = _numbers(_distinct(data)[0], name)
    span = _number(frame["x"].max()) - _number(frame["x"].min()) if frame.height else 0.0
    width: float = 1
    if span >= 1e-300:  # below that, one band of width 1 will do
        base = 10.0 ** math.floor(math.log10(span / 10))
        width = max(m * base for m in (1, 2, 5, 10) if m * base <= span / 10 * (1 + 1e-9))
    if integral:
        width = max(1, round(width))
    return intervals(data, width=width, fanout=fanout, top=top, attribute=name)


def _looks_like_codes(text: pl.Series) -> bool:
    """One length >= 2, alphanumeric with a digit each, and a letter, leading 0 or length >= 5."""
    lengths = text.str.len_chars()
    wide = int(_number(lengths.max()))
    if wide < 2 or lengths.min() != wide or not text.str.contains(_CODE).all():
        return False
    return wide >= 5 or bool(text.str.contains("[A-Za-z]").any()
                             or text.str.starts_with("0").any())
