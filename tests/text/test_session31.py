"""Session 31 rules: a found facility's initials recur as that facility elsewhere in the same
text ('Boone County Hospital' ... 'BCH records'); a name before a form's field gap and a label of
two words ('Bass, Grace      Exam Date:'); a 'Last, First' header after a label such as 'PT
NAME:' with its middle initial; airports by their codes beside the words of flying, flights'
numbers, an issuer's letters before a number after '#', air and rail lines named by any
capitalized word; and the text each must leave alone."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered, touched
from veil.text import Scrubber

_SCRUBBER = Scrubber()


@pytest.mark.parametrize(("text", "value"), [
    ("Transferred from Boone County Hospital last week. BCH records reviewed.", "BCH"),
    ("Seen at Chicago Dept of Public Health on 3/4; CDPH nurse called back.", "CDPH"),
    ("Letter from KITSAP RECOVERY CENTER. Client KRC-19055 is enrolled at KRC.", "KRC"),
    ("She studies at Hill Country University. HCU student ID on file.", "HCU"),
    ("Patient Name: Bass, Forest R.        Exam Date: Jul-08-2024", "Bass, Forest R"),
    ("Patient Name: Bass, Grace        Exam Date: Jul-08-2024", "Bass, Grace"),
    ("PT NAME: VANDERWATER, CLEMENTINE A        MRN: SH-2207731", "VANDERWATER, CLEMENTINE A"),
    ("Resident Name: Hill, Grace R.   Room 4", "Hill, Grace R"),
    ("FA, ATL base, emp # PQ-118842", "ATL"),
    ("she can't take tomorrow's ATL-BOG trip.", "BOG"),
    ("Tentative 1/12 KEF-DEN nonstop, arriving DEN 18:05", "KEF"),
    ("flight BCX 9012 (Chicago ORD -> ANC), aircraft N782BC", "ANC"),
    ("Brought in by coworker from ANC north cargo ramp.", "ANC"),
    ("continued on; landed at DFW 0751 per crew", "DFW"),
    ("Itinerary: SJU to EWR May 18, 2024; return EWR to SJU", "SJU"),
    ("flight BCX 9012 (Chicago ORD -> ANC), aircraft N782BC", "BCX 9012"),
    ("layover in Lima, Peru after flt PQ 627", "PQ 627"),
    ("first officer, crew # BCX 5530", "BCX 5530"),
    ("passenger on Front Range Airways flight 1187", "Front Range Airways"),
    ("flight attendant with Lakeshore Airlines since 2010", "Lakeshore Airlines"),
    ("conductor, Denali Northern Railroad; emp no. DNR-006312", "Denali Northern Railroad"),
    ("Slavic Family Pharmacy * 6824 Madison Ave", "Slavic Family Pharmacy"),
    ("PCP of record is Dr. Melnyk at Slavic Medical Center.", "Slavic Medical Center"),
    ("case mgr (Jewish Family Service LA -- MSSP site)", "Jewish Family Service"),
    ("Attends Nairi ADHC Tue/Thu.", "Nairi ADHC"),
    ("20 h/wk from Sheepshead Bay Home Care LHCSA. Will request", "LHCSA"),
    ("Transport: Atlantic Ambulette BLS unit AA-17", "Atlantic Ambulette"),
    ("via Shant Car Service, driver stayed", "Shant Car Service"),
    ("flies ATL-BOG twice a month", "BOG"),
    ("SEA/ANC/FAI/SEA pairing next week", "FAI"),
    ("domiciled at MSP since 2019", "MSP"),
    ("landed at MCO at 2200", "MCO"),
    ("Patient Name: Grace Lopez      Exam Date/Time: 3/4/2024", "Grace Lopez"),
    ("MEMBER:        PATTERSON, DOLORES A", "PATTERSON, DOLORES A"),
    ("Peachtree Air F/O A220 / base ATL; crew ID PQ-133518", "ATL"),
    ("on flight TSY 1408 (Tulsa to DFW), A321 reg N588TS", "DFW"),
    ("flight SBR 3391 on approach to DEN runway 16R", "DEN"),
    ("OCCUPATION: flight attendant, Trinity Skyways, file # TS F-20917", "Trinity Skyways"),
    ("advised to consult union (Aircraft Mechanics Guild Local 17) rep.", "Guild Local 17"),
    ("catenary maintainer, emp LCR 28417", "LCR 28417"),
    ("Emp. no ...... JLF 0521", "JLF 0521"),
    ("(engineer, T. Rasmussen, kit FRA-K 24-10934): reported", "FRA-K 24-10934"),
])
def test_found(text: str, value: str) -> None:
    assert covered(_SCRUBBER, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Transferred from Northwick Park Hospital; NPH insulin 10 units at night.", "NPH"),
    ("Seen at American School for the Deaf. ASD evaluation is pending.", "ASD"),
    ("Admitted to Mercy Intensive Care Unit; ICU team aware.", "ICU"),
    ("Transferred from Boone County Hospital. BCHX panel sent.", "BCHX"),
    ("Drug Name: Amoxicillin, Clavulanate   500 mg", "Amoxicillin"),
    ("Donor: DDKT, KDPI 34%, donor ID on file", "DDKT"),
    ("Hunt Hess\tGrade 2", "Hunt Hess"),
    ("CABG x3 (LIMA-LAD, SVG-PDA), vein harvest L leg", "LAD"),
    ("Hx NSTEMI w/ DES to LAD, LDL still 104", "LAD"),
    ("arrived via SIV/refugee pathway 7/15", "SIV"),
    ("ANC 1.2, LOS 4 days. Landed on his arm.", "LOS"),
    ("LANDED ON HIS ARM", "HIS"),
    ("flight of ideas; two flights of stairs", "flight"),
    ("Hx of Reactive Airways Disease, on albuterol", "Reactive Airways"),
    ("Return on Qatar Airways flight, then Alaska Airlines home", "Alaska Airlines"),
    ("son and daughter visit. Family Catholic (parish nearby)", "Family Catholic"),
    ("On arrival to the Emergency Department converted from SVT to NSR", "NSR"),
    ("Presented to the Emergency Department. MRI: acute ACA-MCA watershed infarcts", "MCA"),
    ("Dyspnea after 1 flight of stairs. Echo: RCA-PDA territory", "PDA"),
    ("Trip and fall at home. SBP-DBP 140/80", "SBP"),
    ("apixaban continued for PAF; heparin continued for VTE", "PAF"),
    ("weight-based TPA; connected to EVD; arrived to SDU", "TPA"),
    ("PCA terminal branches; The LAD terminal segment", "LAD"),
    ("calls arrive via VRS or IP-Relay", "VRS"),
    ("ICS base; ICS operations center opened", "ICS"),
    ("Referred to PT to ICU for care", "ICU"),
    ("Staff: RN 2 on duty; kit CBC 100 drawn; Crew HR 110", "CBC 100"),
    ("Seen at North Shore Rehabilitation in May. ECG today: NSR, rate 72.", "NSR"),
    ("Atlantic Cardiology Specialists follow-up. ACS ruled out by troponins.", "ACS"),
    ("Right Nare packed. NGT Site: Left Nare", "Nare"),
    ("Diet: Keto. Wants to continue Keto", "Keto"),
    ("PELVIS XR: Ilia intact", "Ilia"),
    ("Assessment and Plan\n# HTN 160/100", "HTN 160"),
    ("Labs ordered # LFT 101", "LFT 101"),
    ("flight HR 110, Post flight BP 150/95, flight ETA 25 min", "HR 110"),
    ("transport note: flight O2 2 L/min", "O2 2"),
    ("Surgical Airways; Nasopharyngeal Airways; on Secured Airways checklist", "Airways"),
    ("Retired Railroad worker; Commuter Railroad; Regional Airlines", "Railroad"),
    ("Employee: Yes, Full-time", "Yes"),
    ("Resident Alert, Cooperative", "Alert"),
    ("Abdomen: soft. Murphy's     Sign Present: no", "Murphy"),
    ("Allen's       Test Right Radial: patent", "Allen"),
    ("Medication Name: Errin", "Errin"),
    ("Sonographer: Amber Lee, RVT    Interpreting: Thaddeus Olsen, MD", "Interpreting"),
])
def test_left_alone(text: str, value: str) -> None:
    assert not touched(_SCRUBBER, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Hi, this is Seta Kalaydjian from the ARS chapter, 818-241-0000", "Seta Kalaydjian"),
    ("With gratitude,\n\nSeta Kalaydjian\nSocial Services Volunteer", "Seta Kalaydjian"),
])
def test_a_given_name_that_is_a_word_before_a_rare_surname(text: str, value: str) -> None:
    assert covered(_SCRUBBER, text, value)


def test_a_word_pair_after_an_introduction_is_no_name() -> None:
    assert not touched(_SCRUBBER, "this is Good Samaritan calling back", "Good Samaritan")
    assert not touched(_SCRUBBER, "This is Social Services with an update", "Social Services")


@pytest.mark.parametrize(("text", "value"), [
    ("Sporothrix schenckii complex isolated from the wound.", "Sporothrix"),
    ("Culture: Providencia stuartii and Morganella morganii", "Providencia"),
    ("Mycobacterium tuberculosis H37Rv handled in BSL-3.", "Mycobacterium"),
    ("Gemella haemolysans bacteremia; Rothia mucilaginosa", "Rothia"),
])
def test_an_organism_genus_is_no_name(text: str, value: str) -> None:
    assert not touched(_SCRUBBER, text, value)
