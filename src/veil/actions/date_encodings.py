"""Dates held as numbers: Unix epoch seconds or milliseconds, spreadsheet serial
days and yyyymmdd integers, as numbers or as strings of digits.

Each decoder is one Polars expression from a column of integers, floats or text
to a Date. A value that is not a number, or not one of the encoding's shape
(yyyymmdd with an impossible month or day), or that lies outside years 1-9999,
becomes null: nothing passes through undecoded (fail closed). Epoch times are
UTC. Digit strings are what CSV columns hold, since veil reads CSV as text.

Spreadsheet serials follow the 1900 date system of Excel, Lotus 1-2-3 and
LibreOffice: serial 1 is 1900-01-01, serial 60 the nonexistent 1900-02-29 (a
bug kept for Lotus compatibility), so from serial 61 on the date is 1899-12-30
plus the serial (25569 = 1970-01-01). A fraction is a time of day and is dropped.

>>> import polars as pl
>>> frame = pl.DataFrame({"t": ["1673740800", "45000", "x"]})
>>> frame.select(decode(pl.col("t"), pl.String, "epoch_s").dt.year())["t"].to_list()
[2023, 1970, None]
"""

from __future__ import annotations

import polars as pl

NUMERIC_ENCODINGS: tuple[str, ...] = ("epoch_s", "epoch_ms", "excel_serial", "yyyymmdd",
                                      "sas_date", "sas_datetime", "stata_tc", "unix_days")
"""The encodings decoded here (the same names as `YearOnly.encoding`).

`sas_date` and Stata `%td` are days since 1960-01-01 (negative before), `sas_datetime`
seconds and `stata_tc` (Stata `%tc`) milliseconds since 1960-01-01 00:00, `unix_days`
days since 1970-01-01. A number alone rarely says which of the encodings of its unit
(days: `excel_serial`, `sas_date`, `unix_days`; seconds: `epoch_s`, `sas_datetime`;
milliseconds: `epoch_ms`, `stata_tc`) it is in, and they give years decades apart:
see `veil.scan.numeric_dates.resolve_encoding`."""

SAME_UNIT: dict[str, tuple[str, ...]] = {
    "excel_serial": ("excel_serial", "sas_date", "unix_days"),
    "sas_date": ("excel_serial", "sas_date", "unix_days"),
    "unix_days": ("excel_serial", "sas_date", "unix_days"),
    "epoch_s": ("epoch_s", "sas_datetime"),
    "sas_datetime": ("epoch_s", "sas_datetime"),
    "epoch_ms": ("epoch_ms", "stata_tc"),
    "stata_tc": ("epoch_ms", "stata_tc"),
    "yyyymmdd": ("yyyymmdd",),
}
"""Encodings that read the same numbers in the same unit from different epochs."""
SAS_EPOCH_DAYS = 3_653
"""Days from 1960-01-01 (the SAS and Stata epoch) to 1970-01-01."""

_DAY_S = 86_400
_DAY_MS = 86_400_000
_FIRST_DAY = -719_162  # 0001-01-01 in days since 1970-01-01
_LAST_DAY = 2_932_896  # 9999-12-31
LIMITS: dict[str, tuple[int, int]] = {
    "epoch_s": (_FIRST_DAY * _DAY_S, (_LAST_DAY + 1) * _DAY_S - 1),
    "epoch_ms": (_FIRST_DAY * _DAY_MS, (_LAST_DAY + 1) * _DAY_MS - 1),
    "excel_serial": (1, 2_958_465),  # 1900-01-01 .. 9999-12-31
    "yyyymmdd": (10_000_101, 99_991_231),
    "sas_date": (_FIRST_DAY + SAS_EPOCH_DAYS, _LAST_DAY + SAS_EPOCH_DAYS),
    "unix_days": (_FIRST_DAY, _LAST_DAY),
    "sas_datetime": ((_FIRST_DAY + SAS_EPOCH_DAYS) * _DAY_S,
                     (_LAST_DAY + SAS_EPOCH_DAYS + 1) * _DAY_S - 1),
    "stata_tc": ((_FIRST_DAY + SAS_EPOCH_DAYS) * _DAY_MS,
                 (_LAST_DAY + SAS_EPOCH_DAYS + 1) * _DAY_MS - 1),
}
"""The values each decoder accepts (inclusive); anything else decodes to null."""

EXCEL_EPOCH = 25_569
"""The serial of 1970-01-01 in the 1900 date system."""

_NUMBER_TEXT = r"^([+-]?\d+(?:\.\d*)?)$"


def is_text(dtype: pl.DataType) -> bool:
    """True for String, Categorical and Enum."""
    return isinstance(dtype, pl.String | pl.Categorical | pl.Enum)


def as_number(expr: pl.Expr, dtype: pl.DataType) -> pl.Expr | None:
    """The values as Float64: numbers as they are, text only when it is a plain decimal
    number (digits, optional sign and fraction); None for other dtypes.

    Float64 holds every integer of the accepted ranges exactly (all below 2**53).
    """
    if dtype.is_integer() or dtype.is_float() or isinstance(dtype, pl.Decimal):
        return expr.cast(pl.Float64)
    if is_text(dtype):
        text = expr.cast(pl.String).str.strip_chars()
        return text.str.extract(_NUMBER_TEXT, 1).cast(pl.Float64, strict=False)
    return None


def _inside(number: pl.Expr, encoding: str) -> pl.Expr:
    """The whole part of `number` where it lies within the encoding's limits, else null."""
    low, high = LIMITS[encoding]
    whole = number.floor()
    return pl.when(whole.is_between(low, high)).then(whole)


def decode_number(number: pl.Expr, encoding: str) -> pl.Expr:
    """A Date from a Float64 expression of numbers in `encoding` (null where invalid)."""
    whole = _inside(number, encoding)
    if encoding == "epoch_s":
        days = (whole / _DAY_S).floor()
    elif encoding == "epoch_ms":
        days = (whole / _DAY_MS).floor()
    elif encoding == "excel_serial":
        # serials 1-60 are one day later than the rule from 61 on (the 1900 bug)
        days = whole - EXCEL_EPOCH + (whole < 61).cast(pl.Float64)
    elif encoding == "sas_date":
        days = whole - SAS_EPOCH_DAYS
    elif encoding == "unix_days":
        days = whole
    elif encoding == "sas_datetime":
        days = (whole / _DAY_S).floor() - SAS_EPOCH_DAYS
    elif encoding == "stata_tc":
        days = (whole / _DAY_MS).floor() - SAS_EPOCH_DAYS
    elif encoding == "yyyymmdd":
        exact = pl.when(number == number.floor()).then(whole)
        return exact.cast(pl.Int64).cast(pl.String).str.to_date("%Y%m%d", strict=False)
    else:
        raise ValueError(f"unknown date encoding {encoding!r}")
    return days.cast(pl.Int32).cast(pl.Date)


def decode(expr: pl.Expr, dtype: pl.DataType, encoding: str) -> pl.Expr | None:
    """A Date expression from a column of numbers or digit strings in `encoding`;
    None when the dtype cannot hold numbers (temporal, boolean, binary, nested)."""
    number = as_number(expr, dtype)
    return None if number is None else decode_number(number, encoding)
