"""Postal-confirmed places and case-free cues (veil.text.postal, veil.text.cues)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veil.text.cues import CueFinder
from veil.text.lexicon import lexicon
from veil.text.postal import PostalFinder, postal_places
from veil.text.spans import PhiType
from veil.text.words import zipf


@pytest.fixture(scope="module")
def postal() -> PostalFinder:
    return PostalFinder(lexicon())


@pytest.fixture(scope="module")
def cues() -> CueFinder:
    return CueFinder(lexicon())


def _found(finder: PostalFinder | CueFinder, text: str) -> list[tuple[str, PhiType]]:
    return sorted((text[s.start:s.end], s.type) for s in finder.find(text))


def test_the_postal_gazetteer_holds_small_towns_counties_and_zips() -> None:
    places = postal_places()
    assert "MD" in places.towns["ACCIDENT"]
    assert "KENAI PENINSULA BOROUGH" in places.counties
    assert "70301" in places.zips and "00000" not in places.zips
    assert len(places.towns) > 20_000


@pytest.mark.parametrize(("text", "town"), [
    ("going to accident maryland next month", "accident"),
    ("i live in normal il, is the clinic good", "normal"),
    ("im from mexico missouri not the country", "mexico"),
    ("Referred from Truth or Consequences, NM for MRI", "Truth or Consequences"),
    ("tulsa, ok 74012", "tulsa"),
    ("moved to st louis mo last year", "st louis"),
])
def test_a_town_before_its_state_is_a_city_in_any_case(postal: PostalFinder, text: str,
                                                       town: str) -> None:
    assert (town, PhiType.CITY) in _found(postal, text)


@pytest.mark.parametrize("text", [
    "my hope in god keeps me going",          # 'in' is a word, not Indiana, without a comma
    "she grew up in west texas and rural iowa",
    "is it ok to take tylenol",
    "the CT scan in PA view was normal",
    "history of MS and MI, seen by Jane Smith MD",
])
def test_no_town_without_a_real_town_state_pair(postal: PostalFinder, text: str) -> None:
    assert [t for t in _found(postal, text) if t[1] is PhiType.CITY] == []


def test_counties_by_name_with_the_suffix(postal: PostalFinder) -> None:
    assert ("kenai peninsula borough", PhiType.COUNTY) in _found(
        postal, "i live in kenai peninsula borough and theres no endocrinologist")
    assert ("harlan county", PhiType.COUNTY) in _found(postal, "my mom lives in harlan county")
    assert _found(postal, "the county clinic closed and the next county is far") == []


def test_zips_need_a_real_zip_and_a_residence_word(postal: PostalFinder) -> None:
    found = _found(postal, "we moved from 70301 to 70360, does my plan change")
    assert [t for t, k in found if k is PhiType.ZIP] == ["70301", "70360"]
    assert _found(postal, "platelets went from 15000 to 45000 after transfusion") == []
    assert _found(postal, "we moved. walked 10001 steps") == []


def test_towns_after_in_must_be_rare_words(postal: PostalFinder) -> None:
    assert ("peoria", PhiType.CITY) in _found(postal, "can i pick it up at thrifty white in peoria")
    for text in ("grown in vitro", "she was in normal spirits", "in commerce and trade",
                 "we were in jordan last year"):
        assert [t for t in _found(postal, text) if t[1] is PhiType.CITY] == [], text


@pytest.mark.parametrize(("text", "name"), [
    ("pt okafor in bed 12, K 6.1", "okafor"),
    ("got a call from dr. love re: pt w/ GBS", "love"),
    ("mrs ng's INR is 5.2", "ng"),
    ("please send records attention brenda", "brenda"),
    ("hi my name is autumn rain and i need my tdap record", "autumn rain"),
    ("hi its miguel angel, MRN 44219078", "miguel angel"),
])
def test_case_free_cues_mark_names(cues: CueFinder, text: str, name: str) -> None:
    assert (name, PhiType.NAME) in _found(cues, text)


@pytest.mark.parametrize("text", [
    "should we ask for a PT eval or a bed alarm",
    "Patient SSN verified with card",
    "my MS doctor needs to sign the form",
    "MRI DR pacemaker, SN on file",
    "the dr office said to wait",
    "hi i'm worried about my a1c",
    "pt refused ambulation, pt c/o pain",
    "count one two three before the injection",
])
def test_cues_leave_everyday_and_clinical_words(cues: CueFinder, text: str) -> None:
    assert _found(cues, text) == []


def test_spoken_phone_and_personal_pages(cues: CueFinder) -> None:
    text = ("my phone is four oh four, five five five, one two one two; blog "
            "jenfightsflares.wordpress.com for my rheumatologist")
    found = _found(cues, text)
    assert ("four oh four, five five five, one two one two", PhiType.PHONE) in found
    assert ("jenfightsflares.wordpress.com", PhiType.URL) in found


def test_word_frequency_orders_everyday_words_above_rare_ones() -> None:
    assert zipf("THE") > zipf("NORMAL") > zipf("TULSA") > zipf("KAHULUI")
    assert zipf("NOT-A-WORD-XYZ") == 0.0


_CLINICAL = ["metformin", "500 mg", "BID", "HbA1c 7.2", "BP 128/82", "Parkinson disease",
             "Hodgkin lymphoma", "ICD-10 E11.9", "in vitro", "PT eval", "MS flare",
             "ok to discharge", "in 2019", "Texas", "follow up in 3 months", "CT abdomen",
             "EF 55%", "BRCA1", "stage II", "Apgar 9", "10000 units", "MR angiography"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_CLINICAL), min_size=1, max_size=6),
       st.sampled_from([str.lower, str.upper, lambda s: s]))
def test_no_postal_or_cue_span_in_clinical_phrases(parts: list[str], case: object) -> None:
    """Invariant: phrases made only of clinical vocabulary, states and years give no span."""
    text = case(", ".join(parts))  # type: ignore[operator]
    finder_p = PostalFinder(lexicon())
    finder_c = CueFinder(lexicon())
    assert finder_p.find(text) == [] and finder_c.find(text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("i was told my BRCA2 is positive, does my sister grace need testing", "grace"),
    ("my wife joy is 31 weeks and her feet are swelling", "joy"),
    ("miles is 2 and got a DTaP on the 5th", "miles"),
    ("we moved and need a new pediatrician, sunny is 3", "sunny"),
    ("need a letter for work: marcus bell, out of work jan 10", "marcus bell"),
    ("family wants updates, pt hassan in ICU 3", "hassan"),
    ("outside records coming via fax, pt al-sayed transferred from osh", "al-sayed"),
])
def test_relation_age_and_pair_cues(cues: CueFinder, text: str, name: str) -> None:
    assert (name, PhiType.NAME) in _found(cues, text)


@pytest.mark.parametrize("text", [
    "my son will need a booster", "my husband may have covid", "pain is 7 and worse at night",
    "she is 3 weeks postpartum", "the ana panel came back", "my mom just got home",
])
def test_relation_age_and_pair_cues_leave_words(cues: CueFinder, text: str) -> None:
    assert [t for t in _found(cues, text) if t[1] is PhiType.NAME] == []


def test_a_facility_before_a_hospital_unit(cues: CueFinder) -> None:
    assert ("Bethesda", PhiType.FACILITY) in _found(cues, "Dad (91yo) at Bethesda ICU - why?")
    assert [t for t in _found(cues, "admitted to the Medical ICU overnight")
            if t[1] is PhiType.FACILITY] == []


def test_a_postal_town_after_a_street_line(postal: PostalFinder) -> None:
    text = "send the results to 2217 e 9th st, apt 3, tulsa please"
    town = postal.town_after_street(text, text.index(", tulsa"))
    assert town is not None and text[town.start:town.end] == "tulsa"
    text = "lives at 12 Oak St, March 3 visit"
    assert postal.town_after_street(text, text.index(", March")) is None


def test_capitalized_pairs_of_names_of_any_origin(cues: CueFinder) -> None:
    text = "Living donor work-up: Sathish Kulkarni (coworker), HLA 3/6"
    assert ("Sathish Kulkarni", PhiType.NAME) in _found(cues, text)
    for other in ("Candida Glabrata grew in 2/2 bottles", "seen in Los Angeles County",
                  "Hernández Soto   Fecha de nacimiento", "Started Jardiance Tuesday"):
        assert [t for t in _found(cues, other) if t[1] is PhiType.NAME] == [], other


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("PID|1||MF004471902^^^MFS^MR||NAKAMURA^HIROSHI^K||19410312|M", "NAKAMURA^HIROSHI^K",
     PhiType.NAME),
    ("PID|1||123||DOE^JANE||19410312|F|||1900 N 50TH ST^^FORT SMITH^AR^72904||", "FORT SMITH",
     PhiType.CITY),
    ("PID|1||123||DOE^JANE||19410312|F|||1900 N 50TH ST^^FORT SMITH^AR^72904||", "72904",
     PhiType.ZIP),
    ("Magic Valley - Cardiology Unit\nHi Faith! These are written for you", "Faith",
     PhiType.NAME),
    ("can you tell me the address? Thank you, Toyin 425-306-8891", "Toyin", PhiType.NAME),
    ("list held by Employee Health, Tavita Faleolo, RN); fit status", "Tavita Faleolo",
     PhiType.NAME),
    ("started 14:10 by RN Nicolette Bouchard, stopped 14:32", "Nicolette Bouchard",
     PhiType.NAME),
    ("tribal CHR Lorelei Two Crow will do home visits", "Lorelei Two Crow", PhiType.NAME),
])
def test_hl7_greetings_sign_offs_and_roles(cues: CueFinder, text: str, value: str,
                                           kind: PhiType) -> None:
    assert (value, kind) in _found(cues, text)


@pytest.mark.parametrize("text", [
    "OBX|1|NM|2345-7^GLUCOSE^LN||95|mg/dL", "ORC|NW|123^EPIC|ORU^R01",
    "Hi team, quick update on bed 4", "Thanks, Doctor. Will do.",
    "RN Assessment completed; MD Notified at 0300", "Dear Colleague,\nThank you for the referral",
])
def test_hl7_codes_and_generic_greetings_stay(cues: CueFinder, text: str) -> None:
    assert [t for t in _found(cues, text) if t[1] is PhiType.NAME] == []


def test_a_possessive_ends_a_role_name(cues: CueFinder) -> None:
    text = "It's about my caregiver Arjun's Kawasaki disease biopsy."
    assert all("Kawasaki" not in t for t, _k in _found(cues, text))


@pytest.mark.parametrize(("text", "city"), [
    ("3-week trip: flew to Lima May 22, bus to Iquitos May 25", "Iquitos"),
    ("heading to Cancun dec 19, do i need any vaccine", "Cancun"),
    ("she reports their father had similar illness in Ibadan.", "Ibadan"),
    ("He's traveling to Thessaloniki in February", "Thessaloniki"),
])
def test_cities_abroad_after_travel_words(postal: PostalFinder, text: str, city: str) -> None:
    assert (city, PhiType.CITY) in _found(postal, text)


def test_cities_abroad_leave_everyday_words(postal: PostalFinder) -> None:
    for text in ("she is in good spirits", "refer to Cardiology", "went to bed early",
                 "in spite of it", "visiting hours end at 8",
                 "Found in Paris classification stage 0-IIa"):
        assert [t for t in _found(postal, text) if t[1] is PhiType.CITY] == [], text
