"""Session 30 rules: initials that come before the name they stand for in brackets ('LOPA
(Louisiana Organ Procurement Agency)') recur as that facility; a number after a serial's label
is the device's whatever another rule typed it ('S/N 2933018821' is no phone) and the letter
of that label is no initial ('Roger Touchscreen S/N'); the letters before a digit are no word
of a name ('K' of 'KE7WBZ'); an amateur radio call sign after a word of the radio; a surname
that is also an eponym before a comma and the next name ('Sandra Pugh, Marcus Leflore'); a
name before a form's field gap and a score's word ('Student: Kit Abernethy   Grade: 10');
and the text each must leave alone."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered, touched
from veil.text import Scrubber
from veil.text.spans import PhiType

_SCRUBBER = Scrubber()


@pytest.mark.parametrize(("text", "value"), [
    ("He joined LOPA (Louisiana Organ Procurement Agency) in May. LOPA called back.", "LOPA"),
    ("She goes to RRDC (Rochester Recreation Deaf Club) on Fridays.", "RRDC"),
    ("Right: Cochlear Nucleus CI632 -- S/N 2933018821   Left: same", "S/N 2933018821"),
    ("My implant processor (S/N 4702193365) keeps saying coil off.", "S/N 4702193365"),
    ("loaner Nucleus 7 SN 4702210048 mapped and mailed", "SN 4702210048"),
    ("Remote mic Roger Touchscreen S/N 1908-33410.", "S/N 1908-33410"),
    ("My call sign is KI7QRM and the clinic wants to send results.", "KI7QRM"),
    ("relay through a ham operator, KE7WBZ. Is that allowed?", "KE7WBZ"),
    ("Witnesses: Sandra Pugh, Marcus Leflore", "Sandra Pugh"),
    ("Student: Tsiory Randrianasolo   Grade: 10", "Tsiory Randrianasolo"),
    ("INJURY REPORT  Student: Kit Abernethy-Sloane        Grade: 10", "Kit Abernethy-Sloane"),
])
def test_found(text: str, value: str) -> None:
    assert covered(_SCRUBBER, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("COPD (Chronic Obstructive Pulmonary Disease) was noted.", "COPD"),
    ("radio said A1C 7.2 and N2O given", "A1C"),
    ("radio said A1C 7.2 and N2O given", "N2O"),
    ("Hodgkin disease, Gleason grade 3", "Hodgkin"),
    ("Hodgkin   disease in remission", "remission"),
    ("Child-Pugh class B, MELD 14", "Child-Pugh"),
])
def test_left_alone(text: str, value: str) -> None:
    assert not touched(_SCRUBBER, text, value)


def test_serial_label_types_the_number_as_a_device() -> None:
    text = "processor SN 4702210048 mailed"
    spans = [s for s in _SCRUBBER.find(text) if "4702210048" in text[s.start:s.end]]
    assert [(text[s.start:s.end], s.type) for s in spans] == [("SN 4702210048", PhiType.DEVICE)]


def test_letters_before_a_digit_join_no_name() -> None:
    text = "ham radio (operator Verna Lusk, KE7WBZ) on the county repeater."
    names = [text[s.start:s.end] for s in _SCRUBBER.find(text) if s.type is PhiType.NAME]
    assert names == ["Verna Lusk"]
