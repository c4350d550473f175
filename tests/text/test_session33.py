"""Session 33: the texts of one patient share what was found in them (a name found in the ED
note is found in the phone message that only says 'juvencio'), never a false find that is an
everyday word, a language or medicine; the output stays the same whatever the workers; and
lab tests, isotopes, visa classes and role phrases that read as names or ids are left alone."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.text.coverage import covered, touched
from veil.errors import UsageError
from veil.text import Scrubber

_SCRUBBER = Scrubber()

_ED = "ED course: Juvencio Marroquin, seen after a fall from a ladder at work."
_LATER = [
    ("pain 4/10 per marroquin, ice and rest.", "marroquin"),
    ("Ladder fall f/u. juvencio back at work light duty.", "juvencio"),
]


def _values(text: str, spans: list) -> list[str]:
    return [text[s.start:s.end] for s in spans]


@pytest.mark.parametrize(("later", "value"), _LATER)
def test_a_patients_notes_share_found_names(later: str, value: str) -> None:
    alone = _SCRUBBER.find_batch([_ED, later])[1]
    assert value not in _values(later, alone)  # the point of the test: not found by itself
    shared = _SCRUBBER.find_batch([_ED, later], None, ["P1", "P1"])[1]
    assert value in _values(later, shared)


@pytest.mark.parametrize(("later", "value"), _LATER)
def test_other_patients_and_unkeyed_texts_share_nothing(later: str, value: str) -> None:
    for keys in (["P1", "P2"], ["P1", None], [None, None]):
        assert value not in _values(later, _SCRUBBER.find_batch([_ED, later], None, keys)[1])


def test_sharing_is_the_same_in_either_order() -> None:
    later, value = _LATER[0]
    first = _SCRUBBER.find_batch([later, _ED], None, ["P1", "P1"])[0]
    assert value in _values(later, first)


def test_a_false_find_of_an_everyday_word_does_not_spread() -> None:
    # 'orchard' read as a town in one note must not become a town in every note of the chart;
    # whatever the first note finds, the second keeps its plain words
    first = "Mixteco interpreter: Ofelia Ruiz. Pt from orchard camp, Trauma Surgery Dr. Beal."
    second = "Back to the orchard, Mixteco interpreter used; trauma precautions reviewed."
    spans = _SCRUBBER.find_batch([first, second], None, ["P7", "P7"])[1]
    for word in ("orchard", "Mixteco", "trauma"):
        assert word not in _values(second, spans)
    for surface in ("orchard", "ranch", "Mixteco", "Trauma", "palliative", "Spanish"):
        assert not _SCRUBBER._shareable(surface)
    for surface in ("Marroquin", "VVCH", "Cuevas Farm Labor Services", "Daisy", "MRN 448812"):
        assert _SCRUBBER._shareable(surface)


def test_a_legend_key_stays_in_its_own_text() -> None:
    legend = "Initials key: AB = Andrea Bias RN. 0800 AB: vitals stable. 1000 AB: ambulating."
    other = "Labs: AB negative blood type confirmed."
    spans = _SCRUBBER.find_batch([legend, other], None, ["P2", "P2"])[1]
    assert "AB" not in _values(other, spans)


def test_patient_keys_need_one_per_text() -> None:
    with pytest.raises(UsageError):
        _SCRUBBER.find_batch(["a", "b"], None, ["P1"])


def test_scrub_batch_shares_too() -> None:
    later, value = _LATER[1]
    out = _SCRUBBER.scrub_batch([_ED, later], None, ["P1", "P1"])[1]
    assert value not in out


def _scrub_jsonl(lines: list[dict[str, str]], *args: str) -> str:
    stdin = "".join(json.dumps(line) + "\n" for line in lines)
    done = subprocess.run([sys.executable, "-m", "veil.text.cli", "--jsonl", "--no-ner", *args],
                          input=stdin, capture_output=True, text=True, check=True)
    return done.stdout


def test_the_cli_shares_by_link_and_any_worker_count_gives_the_same_bytes() -> None:
    lines = []
    for n in range(12):  # three patients, their notes interleaved
        pid = f"P{n % 3}"
        text = _ED if n < 3 else _LATER[n % 2][0]
        lines.append({"pid": pid, "text": text})
    one = _scrub_jsonl(lines, "--link", "pid", "--workers", "1", "--batch-size", "12")
    two = _scrub_jsonl(lines, "--link", "pid", "--workers", "2", "--batch-size", "12")
    assert one == two
    out = [json.loads(line)["text"] for line in one.splitlines()]
    assert not any("marroquin" in text or "juvencio" in text for text in out)
    unlinked = _scrub_jsonl(lines, "--workers", "1", "--batch-size", "12")
    assert "marroquin" in unlinked  # without --link nothing is shared


@pytest.mark.parametrize(("text", "value"), [
    ("Hep B Surface Ab, Quant: 12 mIU/mL", "Surface Ab, Quant"),
    ("Hep B Surface Ag neg, Hep B Core Ab total: neg", "Surface"),
    ("Treponemal Ab NR; HCV Ab: NR", "Treponemal Ab"),
    ("Seed implant I-125 placed in the prostate.", "I-125"),
    ("Thyroid uptake after Tc-99m pertechnetate", "Tc-99m"),
    ("Lives in employer H-2A housing; visa class H-2A", "H-2A"),
    ("Coverage: H-2A -- sliding fee A", "H-2A"),
    ("crew member: crew chief", "crew"),
    ("Code status: daughter is DPOA; full code", "DPOA"),
])
def test_left_alone(text: str, value: str) -> None:
    assert not touched(_SCRUBBER, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("nurse tank rented from Dakota Prairie Ag; hose coupler failed", "Dakota Prairie Ag"),
    ("officer Marisa Teague (badge AC-117) took phone report", "AC-117"),
    ("Investigator: K. Washington (badge I-114)", "I-114"),
    ("Seen by Maria Lopez today", "Maria Lopez"),
    ("patient: grace smith", "grace smith"),
    ("Member ID: H-2A77 on file", "H-2A77"),
])
def test_found(text: str, value: str) -> None:
    assert covered(_SCRUBBER, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("She volunteers at Meadowlark Cat Rescue on weekends.", "Meadowlark Cat Rescue"),
    ("44F works in the food-prep kitchen of Cobalt Coast Aquarium, thawing fish",
     "Cobalt Coast Aquarium"),
    ("a keeper for Heartland Zoo since 2019", "Heartland Zoo"),
    ("kennel attendant at Second Chance Paws shelter, f/u rash", "Second Chance Paws"),
    ("who owns Blue Heron Grooming on Main Street", "Blue Heron Grooming"),
    ("cellar worker at Abbaye des Collines Cellars in Dundee", "Abbaye des Collines Cellars"),
    ("employed by Los Carneros Vineyard Management as a pruner", "Los Carneros Vineyard"),
    ("adopted from the Hartwell Humane Society adoption center", "Hartwell Humane Society"),
])
def test_organizations_by_their_noun(text: str, value: str) -> None:
    assert covered(_SCRUBBER, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Bitten at work; reported to Animal Control the same day.", "Animal Control"),
    ("Adopted the cat from the Humane Society last year.", "Humane Society"),
    ("Referred to Area Agency on Aging for a waiver.", "Area Agency"),
    ("Name can be updated at Driver Services next week.", "Driver Services"),
    ("Records requests go to Health Information Management.", "Health Information Management"),
    ("Brochure from the American Cancer Society given.", "American Cancer Society"),
    ("Connected to a Korean Christian church group off base.", "Korean Christian"),
    ("Arrived by LVFR Rescue 11 at 0112.", "Rescue 11"),
    ("MEDICAL HISTORY FOR COAL MINE WORKERS", "COAL MINE"),
    ("Carries a card from The Ehlers-Danlos Society.", "Ehlers-Danlos Society"),
])
def test_kinds_of_organization_are_no_name(text: str, value: str) -> None:
    assert not touched(_SCRUBBER, text, value)


@pytest.mark.parametrize(("text", "value", "found"), [
    ("Pearl, 31F, marine mammal trainer, Bluewater Oceanarium emp# BWO-11920",
     "Bluewater Oceanarium", True),
    ("volunteer at a big-cat sanctuary (Lionsgate Big Cat Refuge, outside Kerrville)",
     "Lionsgate Big Cat Refuge", True),
    ("the carnivore section of Ashgrove Zoo & Botanical Garden", "Ashgrove Zoo & Botanical Garden",
     True),
    ("Referred by his lawyer, Jones Group handles the claim", "Jones Group", False),
])
def test_a_strong_noun_after_a_comma_or_bracket(text: str, value: str, found: bool) -> None:
    assert covered(_SCRUBBER, text, value) is found


@pytest.mark.parametrize(("text", "value", "found"), [
    ("Her supervisor (Will Grant) told her to mention seal finger.", "Will Grant", True),
    ("the foreman (Chepe) and another co-worker both cough", "Chepe", True),
    ("The crew boss Beto drove him in.", "Beto", True),
    ("Janelle Ortiz, RN, Clinical Manager\nDate of incident: 08/05", "Date", False),
    ("Janelle Ortiz, Clinical Manager (emp 003990)", "emp", False),
])
def test_a_workers_boss_names_a_person(text: str, value: str, found: bool) -> None:
    assert covered(_SCRUBBER, text, value) is found
