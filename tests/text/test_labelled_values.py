"""Identifiers found by the label before them, in the layouts forms print them (session 8).

Forms print an identifier in groups ('887 4410 2291'), behind a letter prefix ('CLM 2026 1104
88213'), after leader dots ('Group # ......... TN1180-07'), after a joined field name
('group_number') or a parenthesis ('NAM (RAMQ) :'); phone numbers come in national layouts
after a phone word ('Tel 017687 55501'); SSNs come masked ('xxx-xx-8841'). Each mechanism is
checked beside the clinical text its guard must leave alone.
"""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text.scrubber import Scrubber


@pytest.mark.parametrize(("text", "value"), [
    ("Member ID ....... ZXP901447812   Group # ......... TN1180-07   Address", "TN1180-07"),
    ("RE: Claim Number CLM 2026 1104 88213     Member ID MVP-300-418-771",
     "CLM 2026 1104 88213"),
    ("Platform: video visit, session 887 4410 2291 Pt location: home", "887 4410 2291"),
    ("No de dossier : EJ0448172    NAM (RAMQ) : TREM 7254 0918 Date", "TREM 7254 0918"),
    ("Jean-Philippe Ouellet, MD, FRCPC  — permis 1-09482", "1-09482"),
    ("Reference lab, Lenexa, KS. CLIA 17D0648160", "17D0648160"),
    ("REID, MARTA subscriber_id\tW227481093 group_number\t0088417-002 dependent", "0088417-002"),
    ("Auth visits remaining: 4 (BCBS-IL auth PT88104471)  S: Pt reports", "PT88104471"),
    ("ACCESSION: KL883104Q    REQ#: 0042-7718-19 PATIENT: seen", "0042-7718-19"),
    ("Police report: NCPD 2026-118804 Treating: ortho", "NCPD 2026-118804"),
    ("Unit # W0366 26 118847 8   ABO: O NEG", "W0366 26 118847 8"),
    ("Registry check: donor, MI DL P 361 448 902 117 donor designation Y.", "P 361 448 902 117"),
])
def test_labelled_identifiers_in_form_layouts(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Employee: O. B.   SSN (last 4): xxx-xx-8841 DOB: 9-9-1985", "8841"),
    ("DOB: 1983   SSN (last four): 0447   MRN: 7710442", "0447"),
    ("last 4 of my social is 7720", "7720"),
    ("Surgery, Keswick. Tel 017687 55501   Fax 017687 55509", "017687 55501"),
    ("Surgery, Keswick. Tel 017687 55501   Fax 017687 55509", "017687 55509"),
    ("she can drive her (mobile 07700 900418).", "07700 900418"),
    ("über den Verlauf informiert (Tel. 08161 555 4471).", "08161 555 4471"),
    ("Dr C. W., RMO, pager 0400 555 912", "0400 555 912"),
    ("Phone: 612/555/0191   Interpreter: Somali", "612/555/0191"),
    ("Charmaine W., LCSW  ext 6-4471", "6-4471"),
])
def test_masked_ssns_and_phones_in_any_layout(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "PHYSICAL EXAM: T 37.1 C, BP 142/88, HR 96, RR 18",
    "Exam: BP 148/92 HR 104 RR 18 SpO2 97% RA.",
    "Care plan: TYPE 1 DIABETES, insulin pump",
    "12-lead: AF 110, no STE.",
    "order 1000 mg acetaminophen now",
    "Plan A 12345 units heparin bolus then infusion.",
    "Phone 2 times daily, contact 1 2 tabs",
    "ph 7.35 pCO2 40 HCO3 24",
])
def test_clinical_values_after_label_like_words_stay(scrubber: Scrubber, text: str) -> None:
    assert scrubber.find(text) == []


@pytest.mark.parametrize(("text", "value"), [
    ("MHV secure messaging: enrolled, user bmcallister11B. /es/ signed", "bmcallister11B"),
    ("Portal username: dachebelowry70   Email on file", "dachebelowry70"),
    ("my username is sunflower_mama77 and it says locked", "sunflower_mama77"),
    ("Note from HIM (user d.kowalczyk): DOB truncated", "d.kowalczyk"),
    ("His prescription number for that one is RX 6 6 1 0 4 4 7. Agent: ok", "6 6 1 0 4 4 7"),
    ("medical record number I think is 1 1 0 0 4 4 7 1 8 2. He has fever",
     "1 1 0 0 4 4 7 1 8 2"),
    ("Pay online with code PAY-7Q4K-22XM or call the office", "PAY-7Q4K-22XM"),
])
def test_handles_read_out_numbers_and_codes(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "user reports pain 6/10 and user denies fever",
    "login admin failed twice",
    "count 1 2 3 4 5 6 7 8 backwards; reflexes 2 2 2 2 2 2 2",
])
def test_prose_after_user_words_and_counts_stay(scrubber: Scrubber, text: str) -> None:
    assert scrubber.find(text) == []


@pytest.mark.parametrize(("text", "value"), [
    ("moms tricare number ABH 3310 9984, does it cover hospice", "ABH 3310 9984"),
    ("registration, two charts merged?? MRNs 44102 and 44120", "44120"),
    ("home IP offline 3 days, pt Fitzgerald 93 lives alone, welfare check?", "93"),
    ("pt J.R. 58M MRN 3320881 K 6.2 on lisinopril", "J.R"),
    ("bf thinks i have mono, we went to minute clinic 4/1", "4/1"),
])
def test_payers_coordination_ages_and_closing_dates(scrubber: Scrubber, text: str,
                                                    value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "my pain is 4/10",
    "strength 4/5.",
    "i took 1/2",
    "BP 120/80 and glucose 110/115 hmm",
    "is medicare part B number of visits limited",
])
def test_scores_and_payer_questions_stay(scrubber: Scrubber, text: str) -> None:
    assert scrubber.find(text) == []


def test_a_lot_label_decides_over_a_code_shape(scrubber: Scrubber) -> None:
    text = "Cement Simplex P w/ tobramycin LOT MLK225  Findings: tricompartmental"
    assert covered(scrubber, text, "MLK225")


@pytest.mark.parametrize("text", ["lead V5 shows ST depression", "sn 1 day", "a lot 2024 of them",
                                  "lot size of tablets 100 ct vs 30 ct"])
def test_leads_and_lots_of_words_stay(scrubber: Scrubber, text: str) -> None:
    assert scrubber.find(text) == []


@pytest.mark.parametrize(("text", "value"), [
    ("Edad: 54 años NSS: 4307 72 1148-3   CURP: TEGF720315MNLRRR06 Do", "4307 72 1148-3"),
    ("Prontuário nº 3.441.207-9   Cartão SUS: 898 0014 4721 0336 Paciente", "898 0014 4721 0336"),
    ("Nasc.: 03/05/1991   CPF: 402.118.957-31 Endereço", "402.118.957-31"),
    ("Adres: Oudegracht 301 bis, 3511 PB Utrecht BSN: 1841.02.377", "1841.02.377"),
    ("UHID: KH.1188402     IP No.: IP/26/119482 Consultant", "IP/26/119482"),
    ("Aadhaar: xxxx xxxx 4410 Payer: Star Health", "4410"),
    ("Dra. L. F. — CRM-SP 188.204 / R2", "188.204"),
    ("J. O., MD CCFP — CPSO 118420", "118420"),
    ("Dr F. M. — HPCSA MP 0772194", "MP 0772194"),
    ("Dra. N. C. (nº col. 08-44172)  Motivo", "08-44172"),
    ("M. E., huisarts   AGB-code 01-047882", "01-047882"),
    ("Dr. D. (Reg. No. MMC 2009/04/1873). Emergency", "2009/04/1873"),
    ("N. P., Attorney at Law, WSBA #40177 Encl.", "40177"),
    ("Discharging doctor: Dr H. L. (Prov. no. 4431287T)", "4431287T"),
    ("call to update your payment method ending in 4471. Detach", "4471"),
    ("spouse, 34, SSN ends 8842 (ITIN before)", "8842"),
    ("ID DDM00482117, grp 30166 Visit today", "30166"),
    ("Oudegracht 301 bis, 3511 PB Utrecht", "3511 PB"),
    ("105 Rocklands Drive, Tiwi NT 0810", "0810"),
])
def test_identifiers_abroad_by_their_labels(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "pan troglodytes; chi square test 12.4; sin 2x cos; dni 2000 units",
    "give 1000 MG Tylenol and 2000 IU Vitamin D",
    "HBO session # 24/40 (2.4 ATA x 90 min)",
    "dupilumab (Dupixent) 300 mg/2 mL PFS",
    "behavioral activation homework (walk along the river trail 3x/wk)",
])
def test_words_and_counts_like_labels_stay(scrubber: Scrubber, text: str) -> None:
    assert scrubber.find(text) == []
