"""Header words never turn numbers into dates: day counts, durations, times of day and
years of something stay measurements unless their content decodes to dates.

Headers and values here are not the generator's: supply and stay lengths, follow-up
times, DICOM/HL7 HHMMSS times, years of exposure; and the numbers sit beside real
date columns (context that must not leak into them).
"""

from __future__ import annotations

import random

import polars as pl
import pytest

from veil.categories import Kind
from veil.policy.models import Keep, TopCode
from veil.policy.profiles import safe_harbor_proposal
from veil.scan import scan_frame

N = 3_000


def _frame(header: str, values: list[str]) -> pl.DataFrame:
    rnd = random.Random(header)
    return pl.DataFrame({
        "admit_dt": [f"2022-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}" for _ in range(N)],
        header: values,
    })


def _ints(low: int, high: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return [str(rnd.randint(low, high)) for _ in range(N)]


@pytest.mark.parametrize(("header", "values"), [
    ("RX_DAY_SUPPLY", [random.Random(1).choice(("28", "30", "84", "90")) for _ in range(N)]),
    ("stay_days", _ints(0, 60, 2)),
    ("Time_To_Death_Days", [f"{random.Random(i).uniform(0, 3000):.1f}" for i in range(N)]),
    ("followup_time", _ints(1, 1800, 4)),
    ("days_since_admit", _ints(0, 400, 5)),
])
def test_counts_and_durations_under_date_words_stay_measurements(
        header: str, values: list[str]) -> None:
    finding = scan_frame(_frame(header, values)).finding(header)
    assert finding.kind not in (Kind.DATE, Kind.BIRTH_DATE, Kind.DEATH_DATE, Kind.YEAR), \
        finding.to_dict()
    assert isinstance(safe_harbor_proposal(finding).rule, Keep)


def test_times_of_day_as_hhmmss_are_kept() -> None:
    rnd = random.Random(9)
    values = [f"{rnd.randint(0, 23):02d}{rnd.randint(0, 59):02d}{rnd.randint(0, 59):02d}"
              f"{rnd.choice(('', '.5', '.250'))}" for _ in range(N)]
    finding = scan_frame(_frame("AcquisitionTime", values)).finding("AcquisitionTime")
    assert isinstance(safe_harbor_proposal(finding).rule, Keep), finding.to_dict()


def test_numbers_under_a_years_header_are_top_coded_not_calendar_years() -> None:
    finding = scan_frame(_frame("smoking_yrs", _ints(0, 95, 6))).finding("smoking_yrs")
    assert finding.kind is Kind.AGE
    assert isinstance(safe_harbor_proposal(finding).rule, TopCode)


def test_real_dates_under_date_words_are_still_dates() -> None:
    rnd = random.Random(3)
    values = [f"{rnd.randint(2019, 2023)}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}"
              for _ in range(N)]
    assert scan_frame(_frame("svc_date", values)).finding("svc_date").kind is Kind.DATE
