"""Numbers in the epochs of SAS and Stata (days, seconds, milliseconds since 1960) or Unix
days are read in the epoch the content and the table choose, never silently in another
one (a year decades off); when nothing tells the epochs apart, the column is redacted
with a warning instead of written with a wrong year.

Shapes differ from the generator: a Stata registry export with %td and %tc columns and
a dd/mm/yyyy text date, a SAS lab feed whose datetime column comes late and alone with
a `_sas` header, a bare day count with a date header and no other date.
"""

from __future__ import annotations

import datetime as dt
import random

import polars as pl
import pytest

from veil.actions.date_encodings import decode_number
from veil.categories import Kind
from veil.policy.models import Redact, YearOnly
from veil.policy.profiles import safe_harbor_proposal
from veil.scan import scan_frame

N = 2_500
SAS0 = dt.date(1960, 1, 1)


def _days(rnd: random.Random, start: int, end: int) -> list[dt.date]:
    return [dt.date(start, 1, 1) + dt.timedelta(days=rnd.randrange((end - start) * 365))
            for _ in range(N)]


@pytest.mark.parametrize(("encoding", "value", "year"), [
    ("sas_date", 22_300, 2021), ("sas_date", -10_000, 1932), ("unix_days", 18_700, 2021),
    ("sas_datetime", 1_925_000_000, 2020), ("stata_tc", 1_925_000_000_000, 2020)])
def test_decoders(encoding: str, value: int, year: int) -> None:
    frame = pl.DataFrame({"x": [float(value)]})
    assert frame.select(decode_number(pl.col("x"), encoding).dt.year()).item() == year


def test_a_stata_export_is_read_on_the_1960_epoch_beside_a_text_date() -> None:
    rnd = random.Random(5)
    seen = _days(rnd, 2012, 2024)
    frame = pl.DataFrame({
        "pid": [str(i % 40) for i in range(N)],
        "seen_on": [d.strftime("%d/%m/%Y") for d in seen],
        "consent": [str((d - SAS0).days - rnd.randrange(0, 60)) for d in seen],  # %td
        "sample_clock": [str(((d - SAS0).days * 86_400 + rnd.randrange(86_400)) * 1000)
                         for d in seen],  # %tc
    })
    found = scan_frame(frame)
    assert found.finding("consent").date_encoding == "sas_date"
    assert found.finding("sample_clock").date_encoding == "stata_tc"
    rule = safe_harbor_proposal(found.finding("consent")).rule
    assert isinstance(rule, YearOnly) and rule.encoding == "sas_date"


def test_a_sas_header_names_the_epoch_of_a_lone_datetime_column() -> None:
    rnd = random.Random(6)
    moments = _days(rnd, 2003, 2015)
    values: list[str | None] = [None] * (N - 400) + [
        str((d - SAS0).days * 86_400 + rnd.randrange(86_400)) for d in moments[:400]]
    frame = pl.DataFrame({"collected_dttm_sas": values, "result": [str(i % 97) for i in range(N)]})
    finding = scan_frame(frame).finding("collected_dttm_sas")
    assert finding.kind is Kind.DATE and finding.date_encoding == "sas_datetime"


def test_a_day_count_with_nothing_to_choose_its_epoch_is_redacted() -> None:
    rnd = random.Random(7)
    values = [str(rnd.randrange(15_000, 20_000)) for _ in range(N)]
    frame = pl.DataFrame({"event_date": values, "grade": [str(i % 4) for i in range(N)]})
    finding = scan_frame(frame).finding("event_date")
    assert finding.kind is Kind.DATE and finding.date_encoding is None
    assert set(finding.ambiguous_encodings) >= {"sas_date", "excel_serial"}
    proposal = safe_harbor_proposal(finding)
    assert isinstance(proposal.rule, Redact)
    assert proposal.warning is not None and "encodings" in proposal.warning
