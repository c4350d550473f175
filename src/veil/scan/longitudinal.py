"""Cross-row evidence: a code constant within each person and distinct across persons.

HIPAA's "any other unique identifying number, characteristic, or code" (R) is
about people, not rows. In a table with one row per visit, a provider number or
a patient account code repeats across a person's rows, so its row distinct
ratio is low and a row-level rule lets it pass; yet it takes one value per
person and different values for different persons, which is exactly what links
rows to a person.

`find_per_person_codes` finds a person link (a column classified MRN, SSN,
health plan number, OTHER_ID or PERSON_NAME, or with a header like
'patient_id', 'subject' or 'mrn', whose values repeat across rows; a first and
a last name column together also link) and re-classifies as OTHER_ID every
other string or integer column that is

- nearly constant within a person: at least `CONSTANT_SHARE` of the persons
  with two or more values of the column have a single value, and
- distinct across persons: at least `DISTINCT_SHARE` x persons and at least
  `MIN_DISTINCT` distinct values,

unless it already has positive evidence of a clinical code, category or
measurement kind (diagnosis and procedure codes, lab values, body measures,
sex, race, state...), which are left as they are, as are columns already
classified as identifiers. Decimal numbers are measurements, not codes, and
are left too. Everything is one Polars group-by per person link.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import polars as pl

from veil.categories import KIND_CATEGORY, Kind, role_of
from veil.scan.model import ColumnFinding, Evidence
from veil.scan.recognizer import Header
from veil.scan.sample import normalize_header

CONSTANT_SHARE = 0.9
"""Share of persons (with two or more values) that must have one value of the column."""
DISTINCT_SHARE = 0.5
"""Distinct values of the column per person, at least."""
MIN_DISTINCT = 20
"""Distinct values of the column, at least (fewer make a category, not a code)."""
MIN_PERSONS = 20
"""Persons in the sample from which a link column is used."""
MIN_REPEATED = 10
"""Persons with two or more rows (and values of the column) needed to judge constancy."""
MIN_ROWS_PER_PERSON = 1.5
"""Mean rows per person from which a table counts as longitudinal."""
MAX_LINKS = 3
EVIDENCE = "constant within each person and distinct across persons (per-person uniqueness)"

PERSON_HEADER = Header(
    strong=("patient id", "patientid", "patient", "person", "person id", "personid", "subject",
            "subject id", "participant", "participant id", "mrn", "medical record number",
            "pid", "pat id", "pt id", "member id", "enrollee", "beneficiary id", "client id",
            "resident id", "empi", "mpi", "patient key", "person key", "patient number",
            "chart number", "patient no", "pat no", "pt no"),
    exclude=("visit", "encounter", "claim", "order", "specimen", "sample", "provider",
             "physician", "doctor", "facility", "site", "count", "type", "status"),
)
"""Headers that name the person a row belongs to."""

_LINK_KINDS: dict[Kind, int] = {
    Kind.MRN: 0, Kind.SSN: 1, Kind.HEALTH_PLAN_ID: 1, Kind.OTHER_ID: 2, Kind.PERSON_NAME: 3,
}
"""Kinds that can link rows to a person, best first."""
_REVISABLE: frozenset[Kind] = frozenset({Kind.OTHER, Kind.CLINICAL, Kind.PROCEDURE_CODE})
"""Kinds without positive evidence of what the column is (the scanner's fallbacks and
header-only clinical numbers), and procedure codes: they vary within a person, so one held
for life and distinct across persons is an identifier (a ZIP or an account in disguise).
Every other kind is kept as classified."""
_DECIMAL = r"^[+\-]?\d*\.\d+$"


@dataclass(frozen=True)
class _Link:
    columns: tuple[str, ...]
    positions: tuple[int, ...]
    rank: tuple[int, int, int]


def find_per_person_codes(
    sample: pl.DataFrame, findings: tuple[ColumnFinding, ...]
) -> tuple[ColumnFinding, ...]:
    """Findings with per-person codes re-classified as OTHER_ID (see the module docstring).

    `findings` are in the sample's column order, as `scan_frame` makes them.

    >>> import polars as pl
    >>> from veil.scan import scan_frame
    >>> rows = [(f"P{p:03d}", f"ACCT-{p * 7919 % 10007}", v) for p in range(40) for v in range(4)]
    >>> frame = pl.DataFrame(rows, schema=["patient_id", "x", "visit"], orient="row")
    >>> found = find_per_person_codes(frame, scan_frame(frame).columns)
    >>> [f.kind.value for f in found]
    ['mrn', 'other_id', 'clinical']
    """
    if sample.height < MIN_PERSONS or not findings:
        return findings
    links = _links(sample, findings)
    candidates = [f for f in findings if _revisable(sample, f)]
    if not links or not candidates:
        return findings
    revised: dict[str, Evidence] = {}
    for link in links:
        pending = [f for f in candidates if f.column not in link.columns
                   and f.column not in revised]
        for column, evidence in _per_person(sample, link, pending).items():
            revised[column] = evidence
    return tuple(_as_code(f, revised[f.column]) if f.column in revised else f for f in findings)


def _links(sample: pl.DataFrame, findings: tuple[ColumnFinding, ...]) -> list[_Link]:
    """Person links, best first: header, then kind, then more distinct values."""
    found: list[_Link] = []
    names: list[tuple[int, int, str]] = []
    for position, finding in enumerate(findings):
        if finding.column not in sample.columns:
            continue
        header = PERSON_HEADER.score(normalize_header(finding.column)) > 0
        kind_rank = _LINK_KINDS.get(finding.kind)
        if not header and kind_rank is None:
            continue
        series = sample.get_column(finding.column)
        if not _repeats(series):
            continue
        distinct = series.drop_nulls().n_unique()
        rank = (0 if header else 1, 4 if kind_rank is None else kind_rank, -distinct)
        found.append(_Link((finding.column,), (position,), rank))
        if finding.kind is Kind.PERSON_NAME:
            names.append((distinct, position, finding.column))
    if len(names) >= 2:  # first and last name apart: the pair links better than either
        (d1, p1, c1), (d2, p2, c2) = sorted(names, reverse=True)[:2]
        pair = sample.select(c1, c2).drop_nulls()
        if pair.n_unique() > max(d1, d2) and pair.n_unique() * MIN_ROWS_PER_PERSON <= pair.height:
            found.append(_Link((c1, c2), (p1, p2), (1, 3, -pair.n_unique())))
    return sorted(found, key=lambda link: link.rank)[:MAX_LINKS]


def _repeats(series: pl.Series) -> bool:
    """Enough persons, and values that repeat across rows (several rows per person)."""
    values = series.drop_nulls()
    persons = values.n_unique()
    return persons >= MIN_PERSONS and values.len() >= MIN_ROWS_PER_PERSON * persons


def _revisable(sample: pl.DataFrame, finding: ColumnFinding) -> bool:
    """A string or integer column whose kind is no positive evidence of what it is."""
    if finding.kind not in _REVISABLE or finding.column not in sample.columns:
        return False
    series = sample.get_column(finding.column)
    dtype = series.dtype
    if dtype.is_integer():
        return True
    if not isinstance(dtype, pl.String | pl.Categorical | pl.Enum):
        return False
    text = series.cast(pl.String).drop_nulls().str.strip_chars()
    decimals = int(text.str.contains(_DECIMAL).sum())
    return text.len() > 0 and decimals < 0.5 * text.len()


def _per_person(sample: pl.DataFrame, link: _Link,
                findings: list[ColumnFinding]) -> dict[str, Evidence]:
    """The columns (of `findings`) that are constant within and distinct across persons."""
    if not findings:
        return {}
    columns = [f.column for f in findings]
    keyed = sample.lazy().filter(pl.all_horizontal(pl.col(c).is_not_null() for c in link.columns))
    values = [pl.col(c).cast(pl.String) if isinstance(sample.schema[c], pl.Categorical | pl.Enum)
              else pl.col(c) for c in columns]
    per_person = keyed.group_by(*link.columns).agg(
        *[v.drop_nulls().n_unique().alias(f"u{i}") for i, v in enumerate(values)],
        *[v.count().alias(f"n{i}") for i, v in enumerate(values)],
    )
    stats = per_person.select(
        *[(pl.col(f"n{i}") >= 1).sum().alias(f"persons{i}") for i in range(len(columns))],
        *[(pl.col(f"n{i}") >= 2).sum().alias(f"repeated{i}") for i in range(len(columns))],
        *[((pl.col(f"n{i}") >= 2) & (pl.col(f"u{i}") == 1)).sum().alias(f"constant{i}")
          for i in range(len(columns))],
    )
    distinct = keyed.select(*[v.drop_nulls().n_unique().alias(f"d{i}")
                              for i, v in enumerate(values)])
    row = pl.concat([stats, distinct], how="horizontal").collect().row(0, named=True)
    where = " and ".join(f"column {p + 1}" for p in link.positions)
    revised: dict[str, Evidence] = {}
    for i, column in enumerate(columns):
        persons, repeated = int(row[f"persons{i}"]), int(row[f"repeated{i}"])
        constant, count = int(row[f"constant{i}"]), int(row[f"d{i}"])
        if repeated < MIN_REPEATED or persons == 0:
            continue
        share = constant / repeated
        if share >= CONSTANT_SHARE and count >= max(MIN_DISTINCT, DISTINCT_SHARE * persons):
            revised[column] = Evidence(
                "values",
                f"{EVIDENCE}: {share:.0%} of {repeated} persons with repeated rows have one "
                f"value; {count} distinct values for {persons} persons (person link: {where})",
                share,
            )
    return revised


def _as_code(finding: ColumnFinding, evidence: Evidence) -> ColumnFinding:
    return replace(
        finding,
        kind=Kind.OTHER_ID,
        role=role_of(Kind.OTHER_ID),
        category=KIND_CATEGORY[Kind.OTHER_ID],
        confidence=max(0.8, round(0.6 + 0.3 * evidence.score, 4)),
        evidence=(evidence, *finding.evidence),
        alternatives=((finding.kind, finding.confidence), *finding.alternatives[:2]),
    )
