"""Date and age forms added in session 8, each beside the clinical text its guard keeps."""

from __future__ import annotations

import pytest

from veil.text.scrubber import Scrubber


def _found(scrubber: Scrubber, text: str) -> list[str]:
    return [text[s.start:s.end] for s in scrubber.find(text)]


@pytest.mark.parametrize(("text", "value"), [
    ("HbA1c 9.6% (lab del 20 nov). Monofilamento disminuido", "20 nov"),
    ("DOB: 1949 Dec 30   Study date: 2026 Dec 01   Location", "1949 Dec 30"),
    ("DATE OF NOTE: DEC 01, 2026@10:42   ENTRY DATE", "DEC 01, 2026@10:42"),
    ("der sich vom 24.11. bis 29.11.2026 in Behandlung befand", "24.11"),
    ("called re: Medicaid transport, rebooked 12/09.", "12/09"),
    ("my zoom link for 12/8 is ready", "12/8"),
    ("Ages of residents range 78 to 98 in this outbreak.", "98"),
])
def test_date_and_age_forms(scrubber: Scrubber, text: str, value: str) -> None:
    assert value in _found(scrubber, text)


@pytest.mark.parametrize("text", [
    "the bottle says 3/4 teaspoon for 12-17 lb babies",
    "give for 1/2 hour then stop",
    "metoprolol for 3/4 of a tab",
    "take for 2/3 days",
    "email me @10:30 ok",
    "Ages of residents range 78 to 88.",
])
def test_fractions_weights_and_lone_times_stay(scrubber: Scrubber, text: str) -> None:
    assert _found(scrubber, text) == []
