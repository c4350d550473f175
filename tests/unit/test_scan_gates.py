"""Gates: the scanner skips checks that cannot score, and that never changes a finding.

A gate bounds a check's share by prefilter row shares; the scanner tests those
prefilters on a head of the distinct values first. These tests pin the two
promises down: every gate bounds its check, and a scan with gates gives the very
same findings as one that runs every check in full.
"""

from __future__ import annotations

import datetime as dt
import random
import string

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veil.categories import Kind
from veil.scan import (
    DEFAULT_RECOGNIZERS,
    ColumnSample,
    Recognizer,
    Rule,
    ValueCheck,
    classify_column,
)
from veil.scan.sample import HEAD_MIN_DISTINCT, HEAD_SHARES, Prefilter


class _Ungated:
    """A recognizer that forwards to a Rule but is not one, so the scanner never skips it."""

    def __init__(self, rule: Recognizer) -> None:
        self._rule = rule
        self.name = rule.name
        self.kind: Kind = rule.kind
        self.needs_header = rule.needs_header
        self.min_share = rule.min_share
        self.prefilters = rule.prefilters

    def header_score(self, header: str) -> float:
        return self._rule.header_score(header)

    def check(self, column: ColumnSample) -> ValueCheck | None:
        return self._rule.check(column)


UNGATED: tuple[Recognizer, ...] = tuple(_Ungated(r) for r in DEFAULT_RECOGNIZERS)


def _columns(rows: int = 3_000, seed: int = 11) -> dict[str, pl.Series]:
    """Columns of many shapes, most with enough distinct values for head tests."""
    rnd = random.Random(seed)

    def each(make: object) -> list[object]:
        assert callable(make)
        return [make() for _ in range(rows)]

    def digits(n: int) -> str:
        return "".join(rnd.choice(string.digits) for _ in range(n))

    def word(n: int) -> str:
        return "".join(rnd.choice(string.ascii_lowercase) for _ in range(n)).title()

    base = dt.date(1950, 1, 1)
    return {
        "ssn": pl.Series(each(lambda: f"{rnd.randint(1, 665):03d}-{rnd.randint(1, 99):02d}-"
                                      f"{rnd.randint(1, 9999):04d}")),
        "digits9": pl.Series(each(lambda: digits(9))),
        "digits10": pl.Series(each(lambda: digits(10))),
        "phone": pl.Series(each(lambda: f"({rnd.randint(201, 989)}) {digits(3)}-{digits(4)}")),
        "dates": pl.Series(each(lambda: (base + dt.timedelta(days=rnd.randrange(25_000)))
                                .strftime(rnd.choice(["%m/%d/%Y", "%Y-%m-%d", "%d-%b-%Y"])))),
        "compact": pl.Series(each(lambda: int((base + dt.timedelta(days=rnd.randrange(25_000)))
                                              .strftime("%Y%m%d")))),
        "words": pl.Series(each(lambda: f"{word(rnd.randint(3, 9))} {word(rnd.randint(3, 9))}")),
        "code": pl.Series(each(lambda: f"{word(2).upper()}-{digits(6)}")),
        "mixed": pl.Series(each(lambda: rnd.choice([digits(9), word(7), f"{digits(3)} Main St",
                                                    f"{word(5)}@example.org", "1.2.3.4"]))),
        "ip": pl.Series(each(lambda: ".".join(str(rnd.randint(0, 255)) for _ in range(4)))),
        "decimals": pl.Series(each(lambda: f"{rnd.uniform(0, 200):.1f}")),
        "half_digits": pl.Series(each(lambda: digits(8) if rnd.random() < 0.5 else word(8))),
        "note": pl.Series(each(lambda: " ".join(word(rnd.randint(2, 8)) for _ in range(12)))),
        "ints": pl.Series(each(lambda: rnd.randint(0, 10**6))),
        "floats": pl.Series(each(lambda: rnd.uniform(-100, 100))),
        "repeats": pl.Series(each(lambda: f"V{rnd.randint(0, 1_500)}")),
        "sorted_codes": pl.Series(sorted(each(lambda: rnd.choice([word(6), digits(6)])))),
    }


COLUMNS = _columns()


def test_the_columns_are_big_enough_for_head_tests() -> None:
    big = [n for n, s in COLUMNS.items() if s.n_unique() >= HEAD_MIN_DISTINCT]
    assert len(big) >= 10


@pytest.mark.parametrize("name", list(COLUMNS))
@pytest.mark.parametrize("header", ["c0", None])
def test_gated_scan_gives_the_same_finding(name: str, header: str | None) -> None:
    series = COLUMNS[name]
    label = header or name
    gated = classify_column(ColumnSample(label, series), DEFAULT_RECOGNIZERS)
    full = classify_column(ColumnSample(label, series), UNGATED)
    assert gated == full


@pytest.mark.parametrize("name", list(COLUMNS))
def test_every_gate_bounds_its_check(name: str) -> None:
    for rule in DEFAULT_RECOGNIZERS:
        assert isinstance(rule, Rule)
        column = ColumnSample("c0", COLUMNS[name])
        gate = rule.gate(column)
        if gate is None:
            continue
        found = rule.check(ColumnSample("c0", COLUMNS[name]))
        if not gate:
            assert found is None or found.share == 0.0, rule.name
            continue
        column.prime(r for p in gate for r in p.regexes)
        bound = max(column.share_bound(p) for p in gate)
        assert found is not None, rule.name
        assert found.share <= bound + 1e-9, (rule.name, found.share, bound)


@pytest.mark.parametrize("name", [n for n, s in COLUMNS.items() if s.dtype == pl.String])
def test_head_bounds_are_upper_bounds_and_results_complete(name: str) -> None:
    patterns = (r"\d", r"^[A-Za-z ]+$", r"^\d{3}", r"\s")
    prefilters = [Prefilter((r"\d",)), Prefilter((r"\d", r"^\d{3}"), (r"\s",)),
                  Prefilter((), (r"\d",)), Prefilter((r"^[A-Za-z ]+$",), (r"\s", r"\d"))]
    exact = ColumnSample("c0", COLUMNS[name])
    exact.prime(patterns)
    headed = ColumnSample("c0", COLUMNS[name])
    for share in HEAD_SHARES:
        headed.prime_head(patterns, share)
        for prefilter in prefilters:
            assert headed.share_bound(prefilter) >= exact.share_bound(prefilter) - 1e-12
    for pattern in patterns[:2]:
        assert headed.contains(pattern).equals(exact.contains(pattern))
    headed.prime(patterns)
    for prefilter in prefilters:
        assert headed.share_bound(prefilter) == pytest.approx(exact.share_bound(prefilter))
        assert headed.share_bound(prefilter) == pytest.approx(
            exact.row_share(*prefilter.patterns, exclude=prefilter.exclude))


def test_counts_keep_first_seen_order() -> None:
    column = ColumnSample("c", pl.Series(["b", " a", "b", None, "a ", "c"]))
    assert column.counts.rows() == [("b", 2), ("a", 2), ("c", 1)]
    unique = ColumnSample("c", pl.Series(["z", "y", "x"]))
    assert unique.counts.rows() == [("z", 1), ("y", 1), ("x", 1)]
    assert unique.counts.schema == column.counts.schema


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from([
    "123-45-6789", "(617) 555-0199", "2021-03-04", "03/04/2021", "John Smith", "Boston",
    "MA", "02139", "1.2.3.4", "E11.9", "12 Main St", "x@y.org", "ZQ-123456", "42", "7.5",
]), min_size=1, max_size=60), st.integers(min_value=0, max_value=3_000))
def test_gates_never_change_findings_of_random_mixtures(values: list[str], extra: int) -> None:
    series = pl.Series([*values, *(f"K{i:06d}" for i in range(extra))])
    gated = classify_column(ColumnSample("c0", series), DEFAULT_RECOGNIZERS)
    full = classify_column(ColumnSample("c0", series), UNGATED)
    assert gated == full
