"""Session 14 mechanisms: facilities named by a kind word of community care, recovery,
justice and practice; unit tails and ZIP codes after street lines; coined brands; and the
false positives they must not bring (clinical acronyms, headings, year ranges, verbs)."""

from __future__ import annotations

import pytest

from veil.text import Scrubber, ScrubOptions
from veil.text.spans import PhiType


@pytest.fixture(scope="module")
def scrubber() -> Scrubber:
    return Scrubber(ScrubOptions(ner=False))


def _covered(scrubber: Scrubber, text: str, value: str) -> bool:
    start = text.index(value)
    spans = scrubber.find(text)
    return all(any(s.start <= p < s.end for s in spans)
               for p in range(start, start + len(value)) if text[p].isalnum())


def _types(scrubber: Scrubber, text: str, value: str) -> set[PhiType]:
    start = text.index(value)
    return {s.type for s in scrubber.find(text) if s.start < start + len(value) and s.end > start}


@pytest.mark.parametrize(("text", "value"), [
    ("Transferred from Bighorn County Detention Facility Medical Unit today.",
     "Bighorn County Detention Facility Medical Unit"),
    ("He was held at Tamarack Correctional Complex for two years.",
     "Tamarack Correctional Complex"),
    ("Her GP at Larchwood Surgery started ramipril.", "Larchwood Surgery"),
    ("Reviewed by the GP (Swaledale Practice) last week.", "Swaledale Practice"),
    ("Lives at Coldharbour Aged Care, room 4.", "Coldharbour Aged Care"),
    ("Discharged to Pinecrest Sober Living on Tuesday.", "Pinecrest Sober Living"),
    ("cc: Ribblesdale District Nursing Team", "Ribblesdale District Nursing Team"),
    ("Seen by the Wensum Memory Service in clinic.", "Wensum Memory Service"),
    ("Methadone dosing at Sagebrush Opioid Treatment Program resumed.",
     "Sagebrush Opioid Treatment Program"),
    ("Status report to the Gallatin County Veterans Treatment Court.",
     "Gallatin County Veterans Treatment Court"),
    ("Referred to Calderdale Council adult social care.", "Calderdale Council"),
    ("Aftercare with Llano Estacado Community Centers weekly.", "Llano Estacado Community Centers"),
    ("Stayed at the Hartwell Family Hospitality House near the hospital.",
     "Hartwell Family Hospitality House"),
    ("Works as receptionist at Brightwater Dental.", "Brightwater Dental"),
    ("Follow-up: Northern Ohio Family Service, bilingual counselor.",
     "Northern Ohio Family Service"),
    ("Primary care at Ashland Avenue CHC, every 3 months.", "Ashland Avenue CHC"),
    ("Dr. Osei\nJuniper Creek Family Practice\n210 Miner St, Golden, CO 80401\n",
     "Juniper Creek Family Practice"),
])
def test_facilities_named_by_a_kind_word(scrubber: Scrubber, text: str, value: str) -> None:
    assert _covered(scrubber, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Sent to your Walgreens. Also start cephalexin.", "Walgreens"),
    ("My pharmacy is Walgreens on Elm Ave, they said no refills.", "Walgreens"),
    ("Is UNC better for cystic fibrosis care?", "UNC"),
])
def test_coined_brands_alone(scrubber: Scrubber, text: str, value: str) -> None:
    assert PhiType.FACILITY in _types(scrubber, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Fire in his SRO room at 1150 W Monroe, Rm 214). Speaks Polish.", "1150 W Monroe, Rm 214"),
    ("Lives at 2722 S. Kolin Ave, 2nd fl rear, Chicago IL 60623.",
     "2722 S. Kolin Ave, 2nd fl rear"),
    ("Lives with son at 7741 S. Dorchester Ave, garden unit. Works nights.",
     "7741 S. Dorchester Ave, garden unit"),
    ("Discharged home to 4410 W. 28th St, Apt 3, 60623.", "60623"),
    ("Letter to his aunt at 1820 N. Kildare Ave, 60639.", "60639"),
])
def test_units_and_zip_after_street_lines(scrubber: Scrubber, text: str, value: str) -> None:
    assert _covered(scrubber, text, value)


def test_a_street_name_inside_an_address_stays_an_address(scrubber: Scrubber) -> None:
    text = "Fire in his room at 1150 W Madison, Rm 214. Madison is a nice street."
    assert _types(scrubber, text, "1150 W Madison") == {PhiType.ADDRESS}


@pytest.mark.parametrize(("text", "word"), [
    ("Lab: Sputum AFB smear 3+", "AFB"),
    ("Reason for CHC: uncontrolled pain.", "Reason"),
    ("Primary Care, Patient Aligned Care Team 3", "Aligned"),
    ("OPIOID TREATMENT PROGRAM -- DOSING NOTE", "OPIOID"),
    ("ADDICTION RECOVERY PROGRAM -- VISIT", "ADDICTION"),
    ("A Best Practice Advisory fired for sepsis.", "Best"),
    ("CVS: RRR, no murmurs.", "CVS"),
    ("Discussed CVS now vs amniocentesis at 16 weeks.", "CVS"),
    ("Korea veteran, Army, served 1950-1953. Hx Parkinson's disease.", "1950"),
    ("Navy (1984-1992, boatswain's mate), homeless since.", "1984"),
    ("Space heater fire. Speaks mostly Polish.", "Speaks"),
    ("Heard from daughter today.", "Heard"),
    ("Mr Norton saw him yesterday.", "saw"),
    ("Tio is supportive, works at Fine Fare on Jerome Ave.", "works"),
    ("Park at the Shady Pines mobile home park office.", "mobile"),
])
def test_no_false_positive(scrubber: Scrubber, text: str, word: str) -> None:
    assert not _types(scrubber, text, word)


@pytest.mark.parametrize(("text", "value"), [
    ("Family aware and agrees with plan. -- KL", "KL"),
    ("Dressing changed, tolerated well. Review Mon. P.W.", "P.W."),
    ("Present (initials for the record): B.K., TS, J.M.R., DW3", "J.M.R"),
    ("Result received 09:12 by rkt -- filed.", "rkt"),
    ("Physician: Dr Ames        Scribe: lqv", "lqv"),
    ("She will turn 94 next month.", "94"),
    ("About Maud: Ninety-two, widowed, a retired teacher.", "Ninety-two"),
    ("Weight: 51 kg    Age: 96    D.O.B. 02/02/1928", "96"),
    ("He is 99 years young and proud of it.", "99 years young"),
])
def test_initials_and_ages(scrubber: Scrubber, text: str, value: str) -> None:
    assert _covered(scrubber, text, value)


@pytest.mark.parametrize(("text", "word"), [
    ("Plan discussed with family. OK", "OK"),
    ("1. CHF -- HTN", "HTN"),
    ("PMH:\n- DM\n- HTN", "DM"),
    ("Arrived 23:15 by MP vehicle.", "MP"),
    ("EDD 5 Sept 2025 by LMP 29 Nov 2024.", "LMP"),
    ("Walked ninety-five feet with a walker.", "ninety"),
    ("Ninety-two percent of the cohort responded.", "Ninety"),
    ("PT: turn 90 degrees to the left.", "90"),
    ("Slurred speech.\n\nMDM\nCT head negative.", "MDM"),
])
def test_no_false_positive_initials_ages(scrubber: Scrubber, text: str, word: str) -> None:
    assert not _types(scrubber, text, word)


@pytest.mark.parametrize(("text", "value"), [
    ("Calls were missed on 14/3 and 15/3, per the family.", "15/3"),
    ("17/11 08:45 - BM 6.2. Insulin 12 units given.", "17/11"),
    ("hydrocortisone 100 mg IV at 2200 5/6, 0400 & 1000 5/7", "5/7"),
])
def test_short_dates_beside_a_date_or_a_clock(scrubber: Scrubber, text: str, value: str) -> None:
    assert PhiType.DATE in _types(scrubber, text, value)


@pytest.mark.parametrize(("text", "word"), [
    ("Strength 5/5 and 4/5 bilaterally.", "4/5"),
    ("Grade 2/6 murmur and 3/6 at apex.", "3/6"),
    ("0800 1/2 tab given with food.", "1/2"),
    ("Eats 1/4 of meals, 1/2 at lunch.", "1/2"),
])
def test_fractions_stay(scrubber: Scrubber, text: str, word: str) -> None:
    assert not _types(scrubber, text, word)


@pytest.mark.parametrize(("text", "value"), [
    ("Pt: Stanislaw Nowak    PHIN 227 118 904    Rm 4B", "227 118 904"),
    ("OHIP: 6612 118 204 QR\n12 Bay St", "6612 118 204 QR"),
    ("Private health: HCF 0022 1188 4", "0022 1188 4"),
    ("My grandfather's service number from Korea was RA 16 221 447.", "RA 16 221 447"),
    ("Question about my claim. VA file C-31 224 118, please help.", "C-31 224 118"),
    ("His DVA gold card (NX 221874) covers it.", "NX 221874"),
    ("2. SOCIAL SECURITY NO: 4l2 - 77 - 9O18 3. DATE", "4l2 - 77 - 9O18"),
    ("Group note for: Jo Tsosie   L4 5512", "5512"),
    ("We live at Unit 4, 7 Jetty Tce, Port Elliot.", "7 Jetty Tce"),
    ("Home: Lot 1187 Moora Rd, Wongan Hills WA 6603", "Lot 1187 Moora Rd"),
])
def test_numbers_and_addresses_abroad(scrubber: Scrubber, text: str, value: str) -> None:
    assert _covered(scrubber, text, value)


@pytest.mark.parametrize(("text", "word"), [
    ("Medicare Part B premium is 174 70 this year.", "174"),
    ("Disc bulge at L4 - L5 and L5 - S1.", "L5"),
])
def test_no_false_positive_numbers(scrubber: Scrubber, text: str, word: str) -> None:
    assert not _types(scrubber, text, word)


@pytest.mark.parametrize(("text", "value"), [
    ("I'm Hodan, 48, from Hargeisa. My aunt had a stroke.", "Hargeisa"),
    ("One deployment to Ramadi in 2006, then discharged.", "Ramadi"),
    ("Her grandfather was in Saigon in 1968.", "Saigon"),
    ("Tea sent by her cousin in Hue every month.", "Hue"),
])
def test_world_cities_by_their_other_names(scrubber: Scrubber, text: str, value: str) -> None:
    assert PhiType.CITY in _types(scrubber, text, value)


@pytest.mark.parametrize(("text", "word"), [
    ("Antegrade and retrograde del Nido cardioplegia given.", "Nido"),
    ("Appropriate ICD shock for VF in HCM, likely from dehydration.", "HCM"),
    ("Family fled to Guatemala in 2019.", "Guatemala"),
])
def test_world_city_words_that_are_no_city(scrubber: Scrubber, text: str, word: str) -> None:
    assert PhiType.CITY not in _types(scrubber, text, word)


@pytest.mark.parametrize(("text", "word"), [
    # review of the session's rules: clinical text the new rules must leave alone
    ("Hodgkin NAS.", "NAS"), ("Losartan ARB.", "ARB"), ("Blood AFB", "AFB"),
    ("Ehlers-Danlos MCAS", "MCAS"),
    ("Day 2 Troponin Rise noted.", "Rise"), ("Stage 2 Posterior Approach planned.", "Approach"),
    ("Changed 2 CPAP Circuit today.", "Circuit"), ("Na 138 HCO3 24 Cl 101.", "Cl"),
    ("Systolic ninety-two after the bolus.", "ninety"), ("EF ninety-two.", "ninety"),
    ("Serial sevens: ninety-three, eighty-six, seventy-nine.", "ninety"),
    ("Room ninety-two.", "ninety"), ("She drinks ninety-two ounces a day.", "ninety"),
    ("0800 1/2 L NS.", "1/2"), ("1300 1/4 lunch eaten.", "1/4"), ("0600 7/10 headache.", "7/10"),
    ("In 2019 3/4 patients responded.", "3/4"),
    ("Admitted 12/03/2024, 1/2 NS running.", "1/2"),
    ("Seen 14/02/2024, 2/4 blood cultures positive.", "2/4"),
    ("Referred to Community Nursing Team.", "Community"), ("Seen at GP Practice.", "GP"),
    ("Evidence-Based Practice Council met.", "Council"),
    ("General Dental Council letter.", "Council"),
    ("Enrolled in MOUD Treatment Program.", "Program"), ("Seen by the HTT Crisis Team.", "Team"),
    ("NHS CHC funding approved.", "CHC"), ("Saw the Opticians.", "Opticians"),
    ("HPC\nFell at home, no head injury.", "HPC"), ("PMH: asthma. D.M.", "D.M"),
    ("Reviewed 14:30 by SpR.", "SpR"), ("His CVS exam is unremarkable.", "CVS"),
    ("s/p L4 2015 fusion.", "2015"), ("Counts 120 - 80 - 1000 ml.", "120"),
    ("PHN visit 12 03 2024.", "12"), ("Medicare patients 1 2 3 4 5 6.", "1"),
])
def test_review14_misfires(scrubber: Scrubber, text: str, word: str) -> None:
    assert not _types(scrubber, text, word)


@pytest.mark.parametrize(("text", "value"), [
    ("Mrs Mary jones called.", "jones"),
    ("Dr Anna kowalski reviewed.", "kowalski"),
    ("Seen on 12/02/2024 and 13/2.", "13/2"),
    ("Fielding Family Dental, after integration.", "Fielding Family Dental"),
    ("ROYAL DARWIN HOSPITAL - Top End Health Service", "Top End Health Service"),
])
def test_review14_keeps(scrubber: Scrubber, text: str, value: str) -> None:
    assert _covered(scrubber, text, value)


def test_units_after_many_streets_stay_linear(scrubber: Scrubber) -> None:
    """A run of street lines each followed by units is read in bounded steps per line (the
    unit tail is taken at most three times), so the finder's output stays right on it."""
    text = "Lives at 12 Oak St, Apt 1" * 300
    assert _covered(scrubber, text, "12 Oak St, Apt 1")


@pytest.mark.parametrize(("text", "value"), [
    ("I'm Sun-Hee, a pharmacist. Is this dose safe?", "Sun-Hee"),
    ("ok so im Destiny and they say my toe is infected", "Destiny"),
    ("Hi, I'm Crystal Two Crow. The clinic closed.", "Crystal Two Crow"),
    ("accompagné de son épouse, Mme Lise Bouchard.", "Lise Bouchard"),
    ("Prescriber signature:  ____A. Ghuman____      Date: 1/29/25", "A. Ghuman"),
    ("Parent signature: __Deepa S.__     Date: 8-28-24", "Deepa S"),
])
def test_self_introductions_titles_and_signature_rules(scrubber: Scrubber, text: str,
                                                       value: str) -> None:
    assert _covered(scrubber, text, value)


@pytest.mark.parametrize(("text", "word"), [
    ("I'm Catholic and I wonder if that matters.", "Catholic"),
    ("I'm Black and 45, is my risk higher?", "Black"),
    ("I'm Diabetic, can I fast?", "Diabetic"),
    ("I'm Young and healthy otherwise.", "Young"),
    ("Reviewed: __Yes__ __No__", "Yes"),
])
def test_no_false_positive_introductions(scrubber: Scrubber, text: str, word: str) -> None:
    assert not _types(scrubber, text, word)


def test_rule_names_are_unique() -> None:
    """Prefilters, gates and first-character classes are keyed by rule name: two rules of
    one name share them, so one would run only where the other's words stand."""
    from collections import Counter

    from veil.text.rules import RULES
    counts = Counter(rule.name for rule in RULES)
    assert [name for name, n in counts.items() if n > 1] == []


@pytest.mark.parametrize(("text", "value"), [
    ("Next visit Thurs 11th (twice weekly).", "Thurs 11th"),
    ("Prochaine visite: lundi 12, à domicile.", "lundi 12"),
    ("Dictated Jan 23/24 by the registrar.", "Jan 23/24"),
    ("Review again mid-May or sooner.", "mid-May"),
    ("She fell on Anzac Day and fractured her pelvis.", "Anzac Day"),
    ("She lives on Mulberry Street with her son.", "Mulberry Street"),
])
def test_dates_and_streets_of_session14(scrubber: Scrubber, text: str, value: str) -> None:
    assert _covered(scrubber, text, value)


def test_second_degree_stays(scrubber: Scrubber) -> None:
    assert not _types(scrubber, "Sun 2nd degree burn on the forearm.", "2nd")


def test_long_term_care_is_no_rank(scrubber: Scrubber) -> None:
    """'LTC' is long-term care in notes far more often than a lieutenant colonel."""
    assert not _types(scrubber, "LTC CONSULTANT PHARMACIST -- MONTHLY REVIEW", "CONSULTANT")


def test_military_ranks_before_names(scrubber: Scrubber) -> None:
    text = "Sponsor: SSG Bryce Strand. Note by PFC Tran and CPL Ortiz."
    assert all(_covered(scrubber, text, v) for v in ("Bryce Strand", "Tran", "Ortiz"))


def test_led_scan_resumes_after_each_match() -> None:
    """A led pattern searched on from each match's end gives the plain pattern's matches,
    also on a long run one match covers (a form's blank line of underscores) and on empty
    matches."""
    from veil.text.regex_lead import fast_compile

    for pattern, text in ((r":|\.{3,}|_{3,}|…+", "a" + "_" * 5000 + ": b ... c"),
                          (r"(?=[A-Z])(?:AB)?", "xABxAyB"),
                          (r"_{2,}+[ \t]*+([A-Z][a-z]+)", "__Ann__ ____Bo__" * 50)):
        fast = fast_compile(pattern)
        plain = __import__("re").compile(pattern)
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_signature_rule_of_underscores_alone(scrubber: Scrubber) -> None:
    assert scrubber.find("Signature: " + "_" * 20000 + "  Date: " + "_" * 30) == []
