"""Hypothesis strategies for health data: identifiers in the shapes real extracts hold.

`hypothesis` is a test dependency (the `test` extra), imported here only; importing
this module without it raises ImportError saying how to install it.

- `names()`: person names in several layouts; `ssns()`, `mrns()`, `zips()`;
- `ages()`: whole ages, a share of them over 89 (Safe Harbor's boundary);
- `dates()` and `encoded_dates()`: a date with one of many encodings (ISO, US and
  European text, month names, yyyymmdd, Excel serials, Unix seconds and milliseconds);
- `clinical_codes()` (and `icd10_codes()`): ICD-10-CM, CPT, LOINC (with its check digit), NDC;
- `health_tables()`: one row per patient; `longitudinal_tables()`: several visits per
  patient, dates increasing.

Example::

    from hypothesis import given
    from veil.testing import strategies as vst

    @given(vst.health_tables(min_rows=5))
    def test_no_name_survives(table): ...
"""

from __future__ import annotations

import datetime as dt
from typing import Any

try:
    from hypothesis import strategies as st
except ImportError as missing:  # pragma: no cover - depends on the environment
    raise ImportError(
        "veil.testing.strategies needs hypothesis, a test dependency: "
        "pip install 'veil[test]' (or pip install hypothesis)") from missing

import polars as pl

from veil.synth._vocab import FIRST_NAMES_FEMALE, FIRST_NAMES_MALE, LAST_NAMES, STATES

_FIRST = sorted({*FIRST_NAMES_FEMALE, *FIRST_NAMES_MALE})
_LAST = sorted(LAST_NAMES)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 25569 = 1970-01-01 (the 1900 leap-year bug)
_UNIX_EPOCH = dt.date(1970, 1, 1)

ENCODINGS = ("iso", "us", "european", "month_name", "abbreviated", "yyyymmdd", "yyyymmdd_int",
             "excel_serial", "epoch_s", "epoch_ms")
"""The date encodings `encoded_dates` draws from."""


def names() -> st.SearchStrategy[str]:
    """'Jane Doe', 'DOE, Jane', 'Jane Q. Doe' or 'doe jane'."""
    parts = st.tuples(st.sampled_from(_FIRST), st.sampled_from(_LAST),
                      st.sampled_from("ABCDEFGHJKLMNPRSTW"), st.integers(0, 3))

    def layout(p: tuple[str, str, str, int]) -> str:
        first, last, initial, style = p
        return (f"{first} {last}", f"{last.upper()}, {first}", f"{first} {initial}. {last}",
                f"{last.lower()} {first.lower()}")[style]

    return parts.map(layout)


def ssns() -> st.SearchStrategy[str]:
    """Valid-looking SSNs (area 001-665 or 667-899, group and serial not zero)."""
    area = st.one_of(st.integers(1, 665), st.integers(667, 899))
    return st.tuples(area, st.integers(1, 99), st.integers(1, 9999)).map(
        lambda p: f"{p[0]:03d}-{p[1]:02d}-{p[2]:04d}")


def mrns() -> st.SearchStrategy[str]:
    """Medical record numbers: 'MRN-00123456', 'A1234567' or 8-10 digits."""
    return st.one_of(
        st.integers(1, 99_999_999).map(lambda n: f"MRN-{n:08d}"),
        st.tuples(st.sampled_from("ABCDEFGHKMNPRSTVWXZ"), st.integers(0, 9_999_999)).map(
            lambda p: f"{p[0]}{p[1]:07d}"),
        st.integers(10_000_000, 9_999_999_999).map(str),
    )


def zips(*, plus4: bool = True) -> st.SearchStrategy[str]:
    """Five-digit ZIP codes (leading zeros kept), some ZIP+4."""
    five = st.integers(501, 99950).map(lambda n: f"{n:05d}")
    if not plus4:
        return five
    return st.one_of(five, st.tuples(five, st.integers(0, 9999)).map(
        lambda p: f"{p[0]}-{p[1]:04d}"))


def ages(*, max_age: int = 115) -> st.SearchStrategy[int]:
    """Whole ages in years; about a third of them 90 or over."""
    return st.one_of(st.integers(0, 89), st.integers(0, 89), st.integers(90, max_age))


def dates(*, min_value: dt.date = dt.date(1900, 1, 1),
          max_value: dt.date = dt.date(2030, 12, 31)) -> st.SearchStrategy[dt.date]:
    return st.dates(min_value=min_value, max_value=max_value)


def encode_date(day: dt.date, encoding: str) -> str | int:
    """`day` written in `encoding` (one of `ENCODINGS`)."""
    if encoding == "iso":
        return day.isoformat()
    if encoding == "us":
        return f"{day.month}/{day.day}/{day.year}"
    if encoding == "european":
        return f"{day.day:02d}.{day.month:02d}.{day.year}"
    if encoding == "month_name":
        return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"
    if encoding == "abbreviated":
        return f"{day.day:02d}-{_MONTHS[day.month - 1][:3]}-{day.year}"
    if encoding == "yyyymmdd":
        return day.strftime("%Y%m%d")
    if encoding == "yyyymmdd_int":
        return int(day.strftime("%Y%m%d"))
    if encoding == "excel_serial":
        return (day - _EXCEL_EPOCH).days
    if encoding == "epoch_s":
        return (day - _UNIX_EPOCH).days * 86_400
    if encoding == "epoch_ms":
        return (day - _UNIX_EPOCH).days * 86_400_000
    raise ValueError(f"unknown date encoding {encoding!r}; expected one of {ENCODINGS}")


def encoded_dates(*, encodings: tuple[str, ...] = ENCODINGS,
                  min_value: dt.date = dt.date(1901, 1, 1),
                  max_value: dt.date = dt.date(2030, 12, 31),
                  ) -> st.SearchStrategy[tuple[dt.date, str, str | int]]:
    """(date, encoding, encoded value): the truth beside what a file would hold."""
    return st.tuples(dates(min_value=min_value, max_value=max_value),
                     st.sampled_from(encodings)).map(lambda p: (p[0], p[1],
                                                                encode_date(p[0], p[1])))


def _loinc(number: int) -> str:
    """LOINC code with its mod-10 check digit (Luhn over the digits)."""
    digits = str(number)
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return f"{digits}-{(10 - total % 10) % 10}"


def icd10_codes() -> st.SearchStrategy[str]:
    """ICD-10-CM diagnosis codes: a letter, two digits, optionally a dot and 1-4 more."""
    return st.tuples(st.sampled_from("ABCDEFGHIJKLMNOPQRSTZ"), st.integers(0, 99),
                     st.one_of(st.just(""), st.integers(0, 9999).map(str))).map(
        lambda p: f"{p[0]}{p[1]:02d}" + (f".{p[2]}" if p[2] else ""))


def clinical_codes() -> st.SearchStrategy[tuple[str, str]]:
    """(system, code): ICD-10-CM ('E11.65'), CPT ('99213'), LOINC ('2345-7') or NDC
    ('0002-3227-30')."""
    return st.one_of(
        icd10_codes().map(lambda c: ("icd10cm", c)),
        st.integers(10_000, 99_499).map(lambda n: ("cpt", str(n))),
        st.integers(1000, 99999).map(lambda n: ("loinc", _loinc(n))),
        st.tuples(st.integers(1, 9999), st.integers(1, 9999), st.integers(1, 99)).map(
            lambda p: ("ndc", f"{p[0]:04d}-{p[1]:04d}-{p[2]:02d}")),
    )


def _patient() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({
        "mrn": mrns(), "name": names(), "ssn": ssns(),
        "birth_date": dates(min_value=dt.date(1915, 1, 1), max_value=dt.date(2025, 12, 31)),
        "age": ages(), "zip": zips(plus4=False), "state": st.sampled_from(sorted(STATES)),
        "sex": st.sampled_from(["F", "M", "X"]),
        "diagnosis": icd10_codes(),
    })


def health_tables(*, min_rows: int = 1, max_rows: int = 30) -> st.SearchStrategy[pl.DataFrame]:
    """One row per patient (unique MRN): identifiers, quasi-identifiers and a diagnosis."""
    return st.lists(_patient(), min_size=min_rows, max_size=max_rows,
                    unique_by=lambda p: p["mrn"]).map(
        lambda rows: pl.DataFrame(rows, schema={
            "mrn": pl.String, "name": pl.String, "ssn": pl.String, "birth_date": pl.Date,
            "age": pl.Int64, "zip": pl.String, "state": pl.String, "sex": pl.String,
            "diagnosis": pl.String}))


def longitudinal_tables(*, max_patients: int = 8, max_visits: int = 6,
                        ) -> st.SearchStrategy[pl.DataFrame]:
    """Several visits per patient: the patient's identifiers repeated on every row, visit
    dates increasing from a first visit, a lab value and a code per visit."""
    visit = st.tuples(st.integers(1, 400), st.floats(3.0, 14.0, allow_nan=False),
                      clinical_codes().map(lambda c: c[1]))
    patient = st.tuples(_patient(), dates(min_value=dt.date(2000, 1, 1),
                                          max_value=dt.date(2024, 12, 31)),
                        st.lists(visit, min_size=1, max_size=max_visits))

    def rows(patients: list[tuple[dict[str, Any], dt.date, list[Any]]]) -> pl.DataFrame:
        out = []
        for person, first, visits in patients:  # a bounded test table, not data
            day = first
            for gap, value, code in visits:
                day = day + dt.timedelta(days=gap)
                out.append({**person, "visit_date": day, "hba1c": round(value, 1),
                            "code": code})
        return pl.DataFrame(out, schema={
            "mrn": pl.String, "name": pl.String, "ssn": pl.String, "birth_date": pl.Date,
            "age": pl.Int64, "zip": pl.String, "state": pl.String, "sex": pl.String,
            "diagnosis": pl.String, "visit_date": pl.Date, "hba1c": pl.Float64,
            "code": pl.String})

    return st.lists(patient, min_size=1, max_size=max_patients,
                    unique_by=lambda p: p[0]["mrn"]).map(rows)
