"""Session 10 mechanisms: address fields past short abbreviations, ages after a sex and a
comma or after 'at' before a pronoun."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text.scrubber import Scrubber
from veil.text.spans import PhiType


@pytest.mark.parametrize(("text", "value"), [
    ("Domicilio: Av. Corrientes 1234, piso 5 depto B, C1043AAZ Buenos Aires.",
     "Av. Corrientes 1234, piso 5 depto B, C1043AAZ Buenos Aires"),
    ("Address: 12 Mt. Pleasant Rd. Apt. 4, Springfield. She is well.",
     "12 Mt. Pleasant Rd. Apt. 4, Springfield"),
])
def test_address_fields_run_past_short_abbreviations(scrubber: Scrubber, text: str,
                                                     value: str) -> None:
    assert covered(scrubber, text, value, only=PhiType.ADDRESS)


@pytest.mark.parametrize(("text", "value"), [
    ("Sex/age: F, 93", "93"),
    ("Seen today: male, 96, from home.", "96"),
    ("at 91 she still drives to church", "91"),
    ("Remarkably, at 96, he walks daily.", "96"),
])
def test_ages_after_a_sex_or_at_before_a_pronoun(scrubber: Scrubber, text: str,
                                                 value: str) -> None:
    assert covered(scrubber, text, value, only=PhiType.AGE)


@pytest.mark.parametrize("text", [
    "T 101 F, 95 HR, RR 18",
    "Temp 99 F, 92% RA",
    "Wt: M, 95 kg",
    "BP at 95, she was dizzy",
    "Sats at 92, she was placed on O2",
    "at 90 mg daily she felt better",
])
def test_vitals_and_doses_are_no_ages(scrubber: Scrubber, text: str) -> None:
    assert not [s for s in scrubber.find(text) if s.type is PhiType.AGE]


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("She lives at 2-14-5 Nishi-Shinjuku, Shinjuku-ku, Tokyo 160-0023 with her son.",
     "2-14-5 Nishi-Shinjuku", PhiType.ADDRESS),
    ("She lives at 2-14-5 Nishi-Shinjuku, Shinjuku-ku, Tokyo 160-0023 with her son.",
     "Shinjuku-ku", PhiType.CITY),
    ("She lives at 2-14-5 Nishi-Shinjuku, Shinjuku-ku, Tokyo 160-0023 with her son.",
     "Tokyo", PhiType.CITY),
    ("Son: c/o H.No. 221, Sector 15, Noida 201301", "H.No. 221, Sector 15, Noida", PhiType.ADDRESS),
    ("Flat No. 4B, Sai Residency, Baner Road, Pune. Ph 98220 12345",
     "Flat No. 4B, Sai Residency, Baner Road, Pune", PhiType.ADDRESS),
    ("Send results to 45 Gladstone Rd, Parnell, Auckland 1052", "1052", PhiType.ZIP),
    ("moved to Pune 411 001 last year", "Pune", PhiType.CITY),
    ("Kochi 682016, Kerala", "682016", PhiType.ZIP),
])
def test_addresses_and_postcodes_abroad(scrubber: Scrubber, text: str, value: str,
                                        kind: PhiType) -> None:
    assert covered(scrubber, text, value, only=kind)


@pytest.mark.parametrize("text", [
    "Reading 120 over 80 on the home cuff.",
    "Bath 2000 mL given.",
    "Lasix 40 mg daily.",
    "Ward No. 7 had an outbreak.",
    "Anti-Xa level was 0.5 at 4 hours.",
])
def test_counts_and_doses_are_no_places(scrubber: Scrubber, text: str) -> None:
    assert not [s for s in scrubber.find(text)
                if s.type in (PhiType.CITY, PhiType.ZIP, PhiType.ADDRESS)]


@pytest.mark.parametrize(("text", "kinds"), [
    ("MAP at 90 he was started on pressors.", (PhiType.AGE,)),
    ("Desaturated at 91 the patient was intubated.", (PhiType.AGE,)),
    ("Stopped at 90 she felt better.", (PhiType.AGE,)),
    ("Admission 24/7 monitoring.", (PhiType.DATE,)),
    ("Fri 24/7 access to crisis line.", (PhiType.DATE,)),
    ("Contacted 2/3 attempts unsuccessful.", (PhiType.DATE,)),
    ("Consulted 3/7 ago by ortho.", (PhiType.DATE,)),
    ("Reviewed 2/7 post-op.", (PhiType.DATE,)),
    ("Volume 1950/2 mL split.", (PhiType.DATE,)),
    ("Transferred from County jail to ED.", (PhiType.FACILITY,)),
    ("Discharged home from General ward.", (PhiType.FACILITY,)),
    ("Cardiothoracic Surgery review.", (PhiType.FACILITY,)),
    ("Ortho Surgery aware.", (PhiType.FACILITY,)),
    ("Pediatric Surgery for Children with anomalies.", (PhiType.FACILITY,)),
    ("Local NHS Trust policy on sepsis.", (PhiType.FACILITY,)),
    ("IV NS ED bolus given.", (PhiType.FACILITY,)),
    ("The ACS ED pathway was followed.", (PhiType.FACILITY,)),
    ("Admitted to Ward No. 12, bed 4, stable.", (PhiType.ADDRESS,)),
    ("Saline 1500 today.", (PhiType.CITY, PhiType.ZIP)),
    ("Kappa 1500 today.", (PhiType.CITY, PhiType.ZIP)),
    ("Tiene noventa y cinco de tensión sistólica.", (PhiType.AGE,)),
])
def test_measurements_services_and_care_words_are_no_phi(scrubber: Scrubber, text: str,
                                                          kinds: tuple[PhiType, ...]) -> None:
    assert not [s for s in scrubber.find(text) if s.type in kinds]


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("Even at 92 she lives alone.", "92", PhiType.AGE),
    ("Pt came from County today.", "County", PhiType.FACILITY),
    ("Registered at Parkside Surgery.", "Parkside Surgery", PhiType.FACILITY),
    ("Referred by Leeds Teaching Hospitals NHS Trust.", "Leeds Teaching Hospitals NHS Trust",
     PhiType.FACILITY),
    ("BMH ED attendance 3 days ago.", "BMH", PhiType.FACILITY),
    ("Address: Ward No. 7, Gandhi Nagar, Patna 800001", "Ward No. 7, Gandhi Nagar",
     PhiType.ADDRESS),
    ("Cumplió noventa y dos, vive sola.", "noventa y dos", PhiType.AGE),
])
def test_tightened_rules_still_find(scrubber: Scrubber, text: str, value: str,
                                    kind: PhiType) -> None:
    assert covered(scrubber, text, value, only=kind)


@pytest.mark.parametrize("text", ["Er lebt in Einzelzimmer.", "Sie wohnt in Pflege seit 2019.",
                                  "Geboren in Schädellage, APGAR 9."])
def test_german_care_nouns_after_verbs_of_living_are_no_towns(scrubber: Scrubber,
                                                              text: str) -> None:
    assert not [s for s in scrubber.find(text) if s.source == "city_after_verb_abroad"]
