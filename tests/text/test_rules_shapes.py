"""Pattern rules added for shapes the generator does not write (hand-written sentences):
glued MRN prefixes and 'MR#:' labels, ZIP after a lower-case state code, rural routes and
intersections, ages after 'died at' and chat contractions, short dates in labelled fields,
parts of months, spelled-out e-mail addresses."""

from __future__ import annotations

import pytest

from veil.text.scrubber import Scrubber
from veil.text.spans import PhiType


def _kind_at(scrubber: Scrubber, text: str, value: str) -> PhiType | None:
    start = text.index(value)
    end = start + len(value)
    for span in scrubber.find(text):
        if span.start <= start and span.end >= end:
            return span.type
    return None


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("MR#: MR8812034 admitted overnight", "MR8812034", PhiType.MRN),
    ("MRN#:41-77120 on the wristband", "41-77120", PhiType.MRN),
    ("WALSH, PETRA (MR7012345) to radiology", "MR7012345", PhiType.MRN),
    ("ship to Stillwater, ok 74074 please", "74074", PhiType.ZIP),
    ("mailing: Rural Route 4 Box 118, Cordell", "Rural Route 4 Box 118", PhiType.ADDRESS),
    ("lives out on HC 71 Box 9", "HC 71 Box 9", PhiType.ADDRESS),
    ("found down at the corner of 3rd and Maple", "3rd and Maple", PhiType.ADDRESS),
    ("her sister died at 102 last spring", "102", PhiType.AGE),
    ("shes 91 now and still drives", "91", PhiType.AGE),
    ("DATE OF SERVICE: 11/3", "11/3", PhiType.DATE),
    ("| DOB | 4/19 |", "4/19", PhiType.DATE),
    ("COMPARISON: 6/30 chest film", "6/30", PhiType.DATE),
    ("symptoms began in mid-October", "mid-October", PhiType.DATE),
    ("email me at hal dot ortiz at outlook dot com", "hal dot ortiz at outlook dot com",
     PhiType.EMAIL),
    ("contact: t.nguyen(at)clinicmail(dot)org", "t.nguyen(at)clinicmail(dot)org", PhiType.EMAIL),
])
def test_shapes_found(scrubber: Scrubber, text: str, value: str, kind: PhiType) -> None:
    assert _kind_at(scrubber, text, value) is kind


@pytest.mark.parametrize("text", [
    "look at this dot com era of health apps",
    "MI at 45 and CHF at 60, both treated",
    "Met at baseline and at 3 months",
    "Mr 2 grade murmur; MR moderate on echo",
    "Temp 99F at 0800 and 98F at 1200",
    "early satiety and late dumping",
    "Dose reduced to 90 mg/day after he died at home",
])
def test_shapes_not_over_found(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize("text", [
    "count in 15000 range", "give me 10000 units", "Ordered 20000 or 30000 units",
])
def test_zip_after_state_code_needs_a_state(scrubber: Scrubber, text: str) -> None:
    assert scrubber.scrub(text) == text


@pytest.mark.parametrize(("text", "value"), [
    ("she is 93 y.o. (per son), or 94 per her own count", "94"),
    ("Husband Kurt, ninety, also frail", "ninety"),
])
def test_second_age_and_age_in_words_after_a_name(scrubber: Scrubber, text: str,
                                                  value: str) -> None:
    assert _kind_at(scrubber, text, value) is PhiType.AGE


@pytest.mark.parametrize("text", ["age 92 and BP 95 over 60", "aged 91. Temp 98 or 99 F",
                                  "age 93. sat 94 to 96%"])
def test_vitals_after_an_age_are_not_ages(scrubber: Scrubber, text: str) -> None:
    spans = scrubber.find(text)
    assert sum(1 for s in spans if s.type is PhiType.AGE) == 1
