"""Slot rules for informal text (veil.text.slots): hand-written sentences, one per frame.

The sentences are our own; the words in them are chosen to be outside every list the
other recognizers use where that matters (brand-like facility names, rare given names),
so that only the slot frame can find them.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veil.text.lexicon import lexicon
from veil.text.scrubber import Scrubber
from veil.text.slots import SlotFinder
from veil.text.spans import PhiType


@pytest.fixture(scope="module")
def finder() -> SlotFinder:
    return SlotFinder(lexicon())



def found(finder: SlotFinder, text: str) -> set[tuple[str, PhiType]]:
    return {(text[s.start:s.end], s.type) for s in finder.find(text)}


@pytest.mark.parametrize(("text", "entity", "kind"), [
    # facility after a care, movement or purchase verb and a location preposition
    ("we drove to quikmedo care on elm 3/2 and waited 4 hours", "quikmedo care on elm",
     PhiType.FACILITY),
    ("my nana keeps tripping at rosewood commons, who can help", "rosewood commons",
     PhiType.FACILITY),
    ("can i grab a new meter at zorbex tonight", "zorbex", PhiType.FACILITY),
    ("i had an mri at vantrelle on monday and nobody called", "vantrelle", PhiType.FACILITY),
    ("they transferred him to kelvaro on the 3rd", "kelvaro", PhiType.FACILITY),
    ("the np okonkwo at trevandi said my a1c is ok", "trevandi", PhiType.FACILITY),
    # town after a movement or residence verb
    ("we relocated from tulsa to zanbrook and need a cardiologist", "tulsa", PhiType.CITY),
    ("we relocated from tulsa to zanbrook and need a cardiologist", "zanbrook", PhiType.CITY),
    ("i live in tulsa now, which clinic is closest", "tulsa", PhiType.CITY),
    # a given name after a relation or role word, or in an introduction
    ("gf marisol says i have strep", "marisol", PhiType.NAME),
    ("my auntie Ottilie (93) fell twice", "Ottilie", PhiType.NAME),
    ("the pa okonkwo at trevandi said my a1c is ok", "okonkwo", PhiType.NAME),
    ("the nurse hope said i can shower", "hope", PhiType.NAME),
    ("this is thandiwe, my inhaler ran out", "thandiwe", PhiType.NAME),
    ("HALVORSEN INGRID 03/11/1948 NEEDS REFILL", "HALVORSEN INGRID", PhiType.NAME),
    ("okonkwo chidi dob 4/5/61 - need my results", "okonkwo chidi", PhiType.NAME),
    # an age over 89 right after a person reference
    ("my auntie Ottilie (93) fell twice", "93", PhiType.AGE),
    ("told my grandpa (ninety-six!) he can stop the statin", "ninety-six", PhiType.AGE),
    ("my nana, 94, lives with us", "94", PhiType.AGE),
])
def test_slot_positives(finder: SlotFinder, text: str, entity: str, kind: PhiType) -> None:
    assert (entity, kind) in found(finder, text)


@pytest.mark.parametrize("text", [
    "we went to the er last night",
    "she is safer at home",
    "moved from icu to floor this am",
    "can i get one at night",
    "my mom (on metformin) is dizzy",
    "the pa said it was fine",
    "my husband thinks it is the flu",
    "went to urgent care yesterday",
    "pain at rest, worse at night",
    "she is at risk for falls at baseline",
    "switched from metformin to insulin",
    "does KRAS G12C respond to sotorasib 960 mg daily?",
    "im tired, can you help",
    "its ok, never mind",
    "this is bad, what should i do",
    "transferred to the floor from the pacu",
    "follow up in 2 weeks at the clinic",
    "my mom (age 90) is fine",  # age in parentheses with a label is the age rules' business
    "BP 120/80 at 3 pm",
    "Lipid panel 03/04/2024 normal",
    "my son will be home soon",
    "the nurse practitioner said to rest",
    "we went to school and then to work",
])
def test_slot_negatives(finder: SlotFinder, text: str) -> None:
    spans = [s for s in finder.find(text) if s.type is not PhiType.AGE]
    assert spans == []


def test_spans_keep_their_source_and_offsets(finder: SlotFinder) -> None:
    text = "Bf Rodriguo thinks we should go to Zorbex Care 9/23"
    spans = finder.find(text)
    assert spans and all(s.source.startswith("slot_") for s in spans)
    for span in spans:
        assert text[span.start:span.end].strip() == text[span.start:span.end]


def test_case_insensitive_frames_keep_offsets_with_non_ascii(finder: SlotFinder) -> None:
    # 'İ' lower-cases to two characters: offsets must still be the text's own
    text = "İİ my gf oğuzhana says hi"
    spans = [s for s in finder.find(text) if s.type is PhiType.NAME]
    assert [text[s.start:s.end] for s in spans] == ["oğuzhana"]


def test_scrubber_uses_the_slots(scrubber: Scrubber) -> None:
    text = "bf rodriguo thinks i have mono, we went to zorbex care 9/23"
    out = scrubber.scrub(text)
    assert "rodriguo" not in out and "zorbex" not in out
    assert "mono" in out
    spans = scrubber.find(text)
    assert any(s.type is PhiType.FACILITY for s in spans)


@pytest.mark.parametrize(("text", "entity", "kind"), [
    # a generic facility named by its street
    ("we went to urgent care on birchwood 5/14", "urgent care on birchwood", PhiType.FACILITY),
    # 'St.' does not end the clause that holds the transfer verb
    ("transferred from St. Agnes to Kelvaro on May 2", "Kelvaro", PhiType.FACILITY),
    # a town after an office or a specialist
    ("whats the number for dr lee's office in tulsa?", "tulsa", PhiType.CITY),
    # English words that are names by a hyphen or an inflection rule, before '(' or 'said'
    ("my auntie Hee-jin (91) fell again", "Hee-jin", PhiType.NAME),
    ("the nurse sander said it was fine", "sander", PhiType.NAME),
    ("jean-luc marie-claire 2/3/1931 needs records", "jean-luc marie-claire", PhiType.NAME),
])
def test_slot_positives_more(finder: SlotFinder, text: str, entity: str, kind: PhiType) -> None:
    assert (entity, kind) in found(finder, text)


@pytest.mark.parametrize("text", [
    "we went to urgent care on saturday",
    "pt pulled at lines x2 overnight",
    "ED charge nurse. Reason: housing",
    "my son played at school today",
])
def test_slot_negatives_more(finder: SlotFinder, text: str) -> None:
    assert [s for s in finder.find(text) if s.type is not PhiType.AGE] == []


def test_possessive_is_not_part_of_the_name(finder: SlotFinder) -> None:
    text = "routed to dr okonkwo's pool"
    assert ("okonkwo", PhiType.NAME) in found(finder, text)


@pytest.mark.parametrize(("text", "entity", "kind"), [
    ("my gran Odalys Quispe is ninety-three and still drives", "ninety-three", PhiType.AGE),
    ("my sibling rodriguo (4) has a fever too", "rodriguo", PhiType.NAME),
    ("she was referred to Lakeview Family Health Inc for contraception",
     "Lakeview Family Health Inc", PhiType.FACILITY),
    ("referred to Primary Health Care LLC last week", "Primary Health Care LLC",
     PhiType.FACILITY),
    ("asks about the trial at OHSU - declines travel", "OHSU", PhiType.FACILITY),
])
def test_slot_positives_third(finder: SlotFinder, text: str, entity: str, kind: PhiType) -> None:
    assert (entity, kind) in found(finder, text)


@pytest.mark.parametrize("text", [
    "my dad heart rate is 95 today",
    "my mom is 100% sure",
    "my son is 90 lbs now",
])
def test_no_age_from_measurements(finder: SlotFinder, text: str) -> None:
    assert [s for s in finder.find(text) if s.type is PhiType.AGE] == []


@pytest.mark.parametrize(("text", "entity", "kind"), [
    ("couldnt get to the zorbex, ran out of lasix", "zorbex", PhiType.FACILITY),
    ("had a stress test in 2021 at Kaiser. Symptoms began", "Kaiser", PhiType.FACILITY),
    ("the aide from Zorbex Care said her ankles are swollen", "Zorbex Care", PhiType.FACILITY),
])
def test_slot_positives_fourth(finder: SlotFinder, text: str, entity: str, kind: PhiType) -> None:
    assert (entity, kind) in found(finder, text)


@pytest.mark.parametrize("text", [
    "scheduled with Dr. Jung in the cath lab",
    "couldnt get to the pharmacy",
    "went to the docter yesterday",
    "she is at Rest, pain free",
])
def test_slot_negatives_fourth(finder: SlotFinder, text: str) -> None:
    assert [s for s in finder.find(text) if s.type is not PhiType.AGE] == []


@pytest.mark.parametrize(("text", "entity", "kind"), [
    ("my uncle was at Holyoke for a week, is that normal", "Holyoke", PhiType.FACILITY),
    ("whats the number for dr lee's office in chester?", "chester", PhiType.CITY),
    ("odalys from tulsa: can i get the flu shot while pregnant", "tulsa", PhiType.CITY),
])
def test_slot_positives_fifth(finder: SlotFinder, text: str, entity: str, kind: PhiType) -> None:
    assert (entity, kind) in found(finder, text)


@pytest.mark.parametrize("text", [
    "bp was at Goal last visit",
    "a specialist in chester county pain",
    "results from Tuesday: normal",
])
def test_slot_negatives_fifth(finder: SlotFinder, text: str) -> None:
    assert [s for s in finder.find(text) if s.type is not PhiType.AGE] == []


def test_an_order_sent_to_a_vendor_is_no_slot(finder: SlotFinder) -> None:
    assert finder.find("Start CPAP 11 cm H2O; DME order to Zorbexa.") == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "my", "the", "pa", "bf", "auntie", "nurse", "at", "to", "from", "in", "went", "moved",
    "get", "care", "clinic", "zorbex", "tulsa", "Ottilie", "(", ")", "93", "ninety-two", "!",
    ",", ".", "dob", "3/4/1950", "\n", "İ", "oğuz", "St.", "on", "elm", "Inc", "is", "this",
]), max_size=14))
def test_spans_are_valid_offsets(finder: SlotFinder, parts: list[str]) -> None:
    text = " ".join(parts)
    for span in finder.find(text):
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start:span.end].strip()
        assert span.source.startswith("slot_")


@pytest.mark.parametrize(("text", "entity", "kind"), [
    ("back to her apartment with Zorbexa Care aides", "Zorbexa Care", PhiType.FACILITY),
    ("Pt says pharmacy (Costco pharmacy) did not get the rx", "Costco pharmacy",
     PhiType.FACILITY),
    ("Sibling also febrile, seen at the urgent care on 5th yesterday", "urgent care on 5th",
     PhiType.FACILITY),
])
def test_slot_positives_sixth(finder: SlotFinder, text: str, entity: str, kind: PhiType) -> None:
    assert (entity, kind) in found(finder, text)


@pytest.mark.parametrize("text", [
    "referred to anticoag clinic for INR checks",
    "ANTICOAG CLINIC NOTE",
    "needs Foley care and PICC care daily",
    "Wound Care: dressing changed",
])
def test_brand_head_negatives(finder: SlotFinder, text: str) -> None:
    assert [s for s in finder.find(text) if s.type is PhiType.FACILITY] == []


@pytest.mark.parametrize(("text", "entity"), [
    ("pt id band checked x2. --dagnyra rn", "dagnyra"),
    ("call back if worse — ottilie marsh, np", "ottilie marsh"),
    ("case # 12-JV-0001, worker Odalys Quispe (651.555.0100)", "Odalys Quispe"),
])
def test_sign_off_and_worker_names(finder: SlotFinder, text: str, entity: str) -> None:
    assert (entity, PhiType.NAME) in found(finder, text)


@pytest.mark.parametrize("text", [
    "-- charge rn aware",
    "-- night rn notified",
    "worker comp claim pending",
])
def test_sign_off_negatives(finder: SlotFinder, text: str) -> None:
    assert [s for s in finder.find(text) if s.type is PhiType.NAME] == []


@pytest.mark.parametrize(("text", "entity"), [
    ("she was transferred from Green Memorial Hospital overnight", "Green Memorial Hospital"),
    ("labs sent from Mount Ward Hospital.", "Mount Ward Hospital"),
])
def test_capitalized_names_make_service_facilities(finder: SlotFinder, text: str,
                                                   entity: str) -> None:
    assert (entity, PhiType.FACILITY) in found(finder, text)
