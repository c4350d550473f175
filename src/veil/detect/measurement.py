"""The shape of a measurement value: what a lab result or vital sign column holds.

A column whose kind the scanner established as measurements (lab values, vital signs)
may still hold a few cells typed in by hand: a name, a birth date, a telephone number.
Those cells, not the whole column, are what Safe Harbor removes: values of this shape
are kept, every other value is replaced (`Redact.keep_matching`). The shape is narrow
on purpose: a number (at most six digits before the decimal mark, so no telephone,
record or social security number), an optional comparator, range and unit, or one of
the qualitative results labs report.
"""

from __future__ import annotations

from veil.categories import Kind

_NUMBER = r"[+\-]?[0-9]{1,6}(?:[.,][0-9]+)?"
_UNIT = r"(?:\s*%|\s*[A-Za-zµμ][A-Za-zµμ0-9/*^.]{0,11}|\s+10[*^][0-9]{1,2}/[A-Za-zµμ]{1,4})?"
"""A unit: a word that starts with a letter ('mg/dL', 'mmol/L'), a percent sign, or a
count per volume ('10*3/uL'); never digits after a slash first ('3/4/61' is a date)."""
_QUALITATIVE = (
    "negative|positive|neg|pos|trace|detected|not detected|none detected|normal|abnormal|"
    "reactive|nonreactive|non-reactive|equivocal|indeterminate|pending|cancelled|canceled|"
    "hemolyzed|clotted|qns|tnp|h|l|hh|ll|a|n|see note|see comment|present|absent|"
    "clear|cloudy|yellow|amber|straw|few|moderate|many|rare|small|large"
)
MEASUREMENT = (
    rf"(?i)\s*(?:(?:[<>≤≥]=?|=)?\s*{_NUMBER}(?:\s*(?:-|–|to)\s*{_NUMBER})?{_UNIT}"
    rf"(?:\s+(?:h|l|hh|ll|a|\*))?|{_QUALITATIVE}|\+{{1,4}})\s*"
)
"""A whole value that is a measurement (matched in full: `^(?:MEASUREMENT)$`)."""

MEASUREMENT_KINDS: frozenset[Kind] = frozenset({Kind.LAB_VALUE, Kind.CLINICAL, Kind.WEIGHT,
                                                Kind.HEIGHT})
"""Kinds of measurement columns: once established, their offending cells are replaced,
not the column."""
