"""PHI that field names mark in structured data pasted into notes (veil.text.structured)."""

from __future__ import annotations

import itertools
import time

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from veil.text.fields import classify
from veil.text.lexicon import Lexicon, lexicon
from veil.text.spans import PhiType, Span
from veil.text.structured import structured_spans

N, D, M, S, P, E = (PhiType.NAME, PhiType.DATE, PhiType.MRN, PhiType.SSN, PhiType.PHONE,
                    PhiType.EMAIL)


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return lexicon()


def found(text: str, lex: Lexicon) -> set[tuple[PhiType, str]]:
    """(type, covered text) of every span; checks the spans' shared invariants on the way."""
    spans = structured_spans(text, lex)
    _check_invariants(text, spans)
    return {(s.type, text[s.start:s.end]) for s in spans}


def _check_invariants(text: str, spans: list[Span]) -> None:
    for a, b in itertools.pairwise(spans):
        assert a.end <= b.start
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        value = text[span.start:span.end]
        assert value == value.strip(" \t\r\n\"")
        assert span.source.startswith("structured_")
        assert span.score == 0.85


# --- field names ----------------------------------------------------------------------

@pytest.mark.parametrize(("label", "phi"), [
    ("Patient Name", N), ("pt_name", N), ("LastName", N), ("First", N), ("Initials", N),
    ("Next of Kin", N), ("Emergency Contact", N), ("Mother's Maiden Name", N),
    ("Ordering Provider", N), ("DOB", D), ("Date of Birth", D), ("birth_date", D),
    ("Admit Date", D), ("effectiveDateTime", D), ("Visit", D), ("MRN", M),
    ("Medical Record #", M), ("SSN", S), ("Social Security No.", S), ("Home Phone", P),
    ("Emergency Contact Phone", P), ("Fax", PhiType.FAX), ("E-mail Address", E),
    ("IP Address", PhiType.IP), ("Street Address", PhiType.ADDRESS),
    ("City/State/Zip", PhiType.ADDRESS), ("City", PhiType.CITY), ("County", PhiType.COUNTY),
    ("Zip Code", PhiType.ZIP), ("postalCode", PhiType.ZIP), ("Acct #", PhiType.ACCOUNT),
    ("Encounter ID", PhiType.ACCOUNT), ("Member ID", PhiType.HEALTH_PLAN),
    ("Group #", PhiType.HEALTH_PLAN), ("NPI", PhiType.LICENSE),
    ("License Plate", PhiType.PLATE), ("VIN", PhiType.VIN), ("Device Serial", PhiType.DEVICE),
    ("Website", PhiType.URL), ("Username", PhiType.ID), ("Patient ID", PhiType.ID),
    ("Facility Name", PhiType.FACILITY), ("Age", PhiType.AGE),
])
def test_field_names_map_to_their_type(label: str, phi: PhiType) -> None:
    assert classify(label) is phi


@pytest.mark.parametrize("label", [
    "Drug Name", "Medication", "Dose", "Route", "Result", "Units", "Test", "Test ID", "Code",
    "Status", "Comment", "Reason", "Sex", "Unit", "Room", "Bed", "Birth Weight", "Cell Count",
    "Social History", "Family History", "Plan", "Insurance", "Blood Group", "Value", "Time",
    "Admit Time", "Reference Range", "display", "prefix", "system", "Eligible", "Relationship",
    "State", "Last Dose",
])
def test_other_field_names_map_to_nothing(label: str) -> None:
    assert classify(label) is None


# --- delimited tables -----------------------------------------------------------------

def test_csv_with_initials_mrn_dob_and_age(lex: Lexicon) -> None:
    text = ("Census pulled 11/03:\nInitials,MRN,DOB,Age,Diagnosis\n"
            "J.S.,88104471,03/12/1931,95,CHF exacerbation\n"
            "R.Q.,88104472,1960-01-02,65,COPD\n"
            "A.M.,N/A,unknown,92,sepsis\nMI,88104473,,,STEMI\n\nPlan reviewed with team.")
    assert found(text, lex) == {
        (N, "J.S."), (M, "88104471"), (D, "03/12/1931"), (PhiType.AGE, "95"),
        (N, "R.Q."), (M, "88104472"), (D, "1960-01-02"), (N, "A.M."), (PhiType.AGE, "92"),
        (N, "MI"), (M, "88104473"),
    }


def test_pipe_table_with_patient_name_column(lex: Lexicon) -> None:
    text = ("Handoff list\n| Bed | Patient Name | MRN | Issue |\n|-----|:-------------|----|----|\n"
            "| 4B | Okafor, Chidi | 5512093 | K 5.9 |\n"
            "| 5 | Mary-Lou Vandersloot | 5513110 | fall |\n")
    assert found(text, lex) == {(N, "Okafor, Chidi"), (M, "5512093"),
                                (N, "Mary-Lou Vandersloot"), (M, "5513110")}


def test_windows_line_endings(lex: Lexicon) -> None:
    text = "| Patient | MRN |\r\n|---|---|\r\n| Petra Lindgren | 4471902 |\r\n\r\nok"
    assert found(text, lex) == {(N, "Petra Lindgren"), (M, "4471902")}


def test_tsv_table_in_the_middle_of_a_note(lex: Lexicon) -> None:
    text = ("Called the following patients today.\nName\tPhone\tCallback\n"
            "Ruth Quist\t(301) 555-0199\tyes\nTeodoro Brancusi\t301.555.0142\tno\n\n"
            "All reached.")
    assert found(text, lex) == {(N, "Ruth Quist"), (P, "(301) 555-0199"),
                                (N, "Teodoro Brancusi"), (P, "301.555.0142")}


def test_quoted_csv_cells_keep_their_commas(lex: Lexicon) -> None:
    text = ('"Patient","DOB","Address","Notes"\n'
            '"Smith, John A","1958-03-12","12 Elm St, Apt 4","prefers ""Jack"", deaf L ear"\n'
            'Nguyen Thi Lan,07/04/1972,"9 Oak Rd, Unit B",none\n')
    assert found(text, lex) == {
        (N, "Smith, John A"), (D, "1958-03-12"), (PhiType.ADDRESS, "12 Elm St, Apt 4"),
        (N, "Nguyen Thi Lan"), (D, "07/04/1972"), (PhiType.ADDRESS, "9 Oak Rd, Unit B"),
    }


def test_semicolon_table_skips_ragged_rows_and_ends_at_a_blank_line(lex: Lexicon) -> None:
    text = ("Nom;Last Name;MRN\nx;Hebert;778812\nbroken; row\ny;Delacroix;778813;extra\n"
            "z;Fontaine;778814\n\nLast Name;MRN was asked twice; all fine.")
    assert found(text, lex) == {(N, "Hebert"), (M, "778812"), (N, "Fontaine"),
                                (M, "778814")}


def test_a_line_without_the_delimiter_ends_the_table(lex: Lexicon) -> None:
    text = "Name,MRN\nIrma Quade,661204\nSee below for the rest\nLisinopril 10, daily\n"
    assert found(text, lex) == {(N, "Irma Quade"), (M, "661204")}


def test_vertical_label_value_table(lex: Lexicon) -> None:
    text = ("| Field | Value |\n|---|---|\n| Patient | Wilhelmina Ostrowski |\n"
            "| DOB | 1944-08-30 |\n| MRN | 00937731 |\n| Allergies | PCN |\n")
    assert found(text, lex) == {(N, "Wilhelmina Ostrowski"), (D, "1944-08-30"),
                                (M, "00937731")}


def test_two_column_table_with_relatives_is_read_by_columns(lex: Lexicon) -> None:
    text = "Name | Phone\n--- | ---\nDad | 555-201-7788\nSister | 555-201-9911\n"
    assert found(text, lex) == {(N, "Dad"), (P, "555-201-7788"), (P, "555-201-9911")}


def test_placeholders_and_scrubbed_tags_are_not_marked(lex: Lexicon) -> None:
    text = ("Name,SSN,Email\n[REDACTED],***,N/A\n[NAME_2],xxx-xx-8841,none\n"
            "-,unknown,jo.bell@example.org\n")
    assert found(text, lex) == {(S, "xxx-xx-8841"), (E, "jo.bell@example.org")}


@pytest.mark.parametrize("text", [
    # medication list
    "Medication | Dose | Route | Frequency\n--- | --- | --- | ---\n"
    "Lisinopril | 10 mg | PO | daily\nMetformin | 500 mg | PO | BID\n",
    # a 'Name' column of drugs
    "Name,Strength,Qty,Refills\nAtorvastatin,40 mg,90,3\nAmoxicillin,500 mg,30,0\n"
    "Warfarin,5 mg,30,1\n",
    # the same without any other clinical column: the names are drugs
    "Name,Start,Comment\nLisinopril,2026,ok\nMetformin,2025,with meals\nAspirin,2020,\n",
    # lab results
    "Test\tResult\tUnits\tReference Range\tFlag\nHemoglobin\t9.1\tg/dL\t12-16\tL\n"
    "Creatinine\t1.4\tmg/dL\t0.6-1.2\tH\nSodium\t134\tmmol/L\t135-145\tL\n",
    "Name | Value | Units\n|---|---|---|\n| Hemoglobin | 13.2 | g/dL |\n| Glucose | 98 | mg/dL |\n",
    # vitals
    "Time | BP | HR | RR | SpO2 | Temp\n08:00 | 128/76 | 88 | 16 | 97% | 37.1\n"
    "12:00 | 131/80 | 92 | 18 | 96% | 37.8\n",
    # prose with commas is no table
    "Patient name, DOB, and MRN verified.\nLungs clear, heart regular, abdomen soft.\n",
    "Seen today, stable.\nLast, she reports, the pain is better.\n",
])
def test_clinical_tables_and_prose_yield_nothing(lex: Lexicon, text: str) -> None:
    assert found(text, lex) == set()


def test_ages_under_90_and_non_dates_are_not_marked(lex: Lexicon) -> None:
    text = "Name,Age,Admit Date\nDoris Kettleby,88,today\nAbe Lindqvist,90,3/14\n"
    assert found(text, lex) == {(N, "Doris Kettleby"), (N, "Abe Lindqvist"),
                                (PhiType.AGE, "90"), (D, "3/14")}


# --- JSON / FHIR ----------------------------------------------------------------------

PATIENT = """Pasted from the portal:
{
  "resourceType": "Patient",
  "identifier": [{"type": {"coding": [{"code": "MR"}], "text": "MRN"},
                  "system": "urn:oid:1.2.3", "value": "MRN-0042217"}],
  "name": [{"use": "official", "family": "Okafor", "given": ["Chidi", "Emeka"],
            "prefix": ["Mr."]}],
  "telecom": [{"system": "phone", "value": "(555) 201-3344", "use": "home"},
              {"system": "email", "value": "chidi.okafor@example.com"}],
  "gender": "male",
  "birthDate": "1958-03-12",
  "address": [{"line": ["88 Patton Ave", "Apt 4"], "city": "Asheville",
               "district": "Buncombe", "state": "NC", "postalCode": "28801"}],
  "contact": [{"relationship": [{"text": "wife"}], "name": {"text": "Ngozi Okafor"}}],
  "generalPractitioner": [{"reference": "Practitioner/prac-77", "display": "Helen Park"}]
}
Reviewed with patient."""

PATIENT_FOUND = {
    (PhiType.ID, "MRN-0042217"), (N, "Okafor"), (N, "Chidi"), (N, "Emeka"),
    (P, "(555) 201-3344"), (E, "chidi.okafor@example.com"), (D, "1958-03-12"),
    (PhiType.ADDRESS, "88 Patton Ave"), (PhiType.ADDRESS, "Apt 4"),
    (PhiType.CITY, "Asheville"), (PhiType.COUNTY, "Buncombe"), (PhiType.ZIP, "28801"),
    (N, "Ngozi Okafor"), (PhiType.ID, "prac-77"), (N, "Helen Park"),
}


def test_fhir_patient_pretty_printed(lex: Lexicon) -> None:
    assert found(PATIENT, lex) == PATIENT_FOUND


def test_fhir_patient_on_one_line(lex: Lexicon) -> None:
    assert found(" ".join(PATIENT.split()), lex) == PATIENT_FOUND


def test_truncated_json_keeps_what_it_has(lex: Lexicon) -> None:
    text = PATIENT[:PATIENT.index('"gender"')]
    assert found(text, lex) == {
        (PhiType.ID, "MRN-0042217"), (N, "Okafor"), (N, "Chidi"), (N, "Emeka"),
        (P, "(555) 201-3344"), (E, "chidi.okafor@example.com"),
    }


def test_plain_json_record_with_numbers(lex: Lexicon) -> None:
    text = ('event payload: {"patient_name": "Lorna Beddoes", "mrn": 4471902, "ssn": '
            '"123-45-6789", "dob": "03/12/1949", "age": 96, "ward": "4 West", "bed": 12}')
    assert found(text, lex) == {(N, "Lorna Beddoes"), (M, "4471902"), (S, "123-45-6789"),
                                (D, "03/12/1949"), (PhiType.AGE, "96")}


def test_fhir_observation_yields_nothing(lex: Lexicon) -> None:
    text = ('{"resourceType": "Observation", "status": "final", "code": {"coding": [{"system":'
            ' "http://loinc.org", "code": "718-7", "display": "Hemoglobin [Mass/volume] in '
            'Blood"}], "text": "Hemoglobin"}, "valueQuantity": {"value": 13.2, "unit": "g/dL",'
            ' "system": "http://unitsofmeasure.org", "code": "g/dL"}, "interpretation": '
            '[{"coding": [{"code": "N", "display": "Normal"}]}], "referenceRange": [{"low": '
            '{"value": 12.0, "unit": "g/dL"}, "high": {"value": 16.0, "unit": "g/dL"}}]}')
    assert found(text, lex) == set()


def test_json_list_of_named_lab_results_yields_nothing(lex: Lexicon) -> None:
    text = ('labs: [{"name": "Hemoglobin", "value": 9.1, "unit": "g/dL"}, {"unit": "mg/dL", '
            '"name": "Creatinine", "value": 1.4}, {"name": "Troponin I", "result": "<0.01"}]\n'
            'contacts: [{"name": "Odile Vance", "phone": "555-201-7788"}, {"name": "Jo Pike"')
    assert found(text, lex) == {(N, "Odile Vance"), (P, "555-201-7788"), (N, "Jo Pike")}


def test_fhir_medication_name_is_no_person(lex: Lexicon) -> None:
    text = ('{"medication": {"name": "Lisinopril"}, "organization": {"name": '
            '"Blue Ridge Internal Medicine"}, "subject": {"display": "Ilse Vandermeer"}}')
    assert found(text, lex) == {(PhiType.FACILITY, "Blue Ridge Internal Medicine"),
                                (N, "Ilse Vandermeer")}


# --- XML / CDA ------------------------------------------------------------------------

CDA = """<recordTarget><patientRole><id root="2.16.840.1.113883.19.5" extension="998877"/>
<addr use="HP"><streetAddressLine>1419 Birch Hollow Rd</streetAddressLine>
<city>Frederick</city><state>MD</state><postalCode>21701</postalCode></addr>
<telecom value="tel:+1-301-555-0199" use="HP"/><telecom value="mailto:r.quist@example.org"/>
<patient><name><given>Ruth</given><family>Quist</family></name>
<administrativeGenderCode code="F"/><birthTime value="19400517"/></patient>
</patientRole></recordTarget>
<observation><code code="2345-7" displayName="Glucose"/>
<value xsi:type="PQ" value="7.2" unit="mmol/L"/></observation>"""


def test_cda_fragment(lex: Lexicon) -> None:
    assert found(CDA, lex) == {
        (PhiType.ID, "998877"), (PhiType.ADDRESS, "1419 Birch Hollow Rd"),
        (PhiType.CITY, "Frederick"), (PhiType.ZIP, "21701"), (P, "+1-301-555-0199"),
        (E, "r.quist@example.org"), (N, "Ruth"), (N, "Quist"), (D, "19400517"),
    }


# --- key=value ------------------------------------------------------------------------

def test_key_value_dump(lex: Lexicon) -> None:
    text = ("ADT msg: name=Smith, John; dob=1958-03-12; mrn=12345; sex=M; room=4B\n"
            "url: https://portal.example.org/chart?patient_id=A88213&user=jdoe7\n"
            "labs: Hgb=9.1, K=5.9, pt=improving, EF=55%")
    assert found(text, lex) == {
        (N, "Smith, John"), (D, "1958-03-12"), (M, "12345"), (PhiType.ID, "A88213"),
        (PhiType.ID, "jdoe7"),
    }


def test_key_value_comma_ends_a_value_in_prose(lex: Lexicon) -> None:
    text = ("POA = Rosalind Achterberg, number on the facesheet\n"
            "caller=Vance, Odile\nlogin=jdoe; mrn=A-7730\n")
    assert found(text, lex) == {(N, "Rosalind Achterberg"), (N, "Vance, Odile"),
                                (PhiType.ID, "jdoe"), (M, "A-7730")}


def test_markup_ids_and_resource_names_are_no_identifiers(lex: Lexicon) -> None:
    text = ('<section id="risk"><h2 id="risk-models" class="x">Risk</h2></section>\n'
            '{"resourceType": "Patient", "id": "example", "active": true}')
    assert found(text, lex) == set()


# --- invariants and speed -------------------------------------------------------------

_HEADERS = ["Name", "Patient", "DOB", "MRN", "Phone", "City", "Zip", "Dose", "Result", "Notes",
            "Drug", "Email", "Account", "Age", "Admit Date", "ID"]
_CELL = st.text(alphabet=st.sampled_from("abcXYZ019 .-/@_"), max_size=12)


@settings(max_examples=150, deadline=None)
@given(headers=st.lists(st.sampled_from(_HEADERS), min_size=2, max_size=5),
       data=st.data(), delimiter=st.sampled_from([",", "\t", "|", ";"]),
       quote=st.booleans(), before=st.sampled_from(["", "Seen today.\n", "x\n\n"]))
def test_table_spans_are_cell_values(headers: list[str], data: st.DataObject, delimiter: str,
                                     quote: bool, before: str) -> None:
    rows = data.draw(st.lists(st.lists(_CELL, min_size=len(headers), max_size=len(headers)),
                              min_size=1, max_size=6))

    def line(cells: list[str]) -> str:
        if quote and delimiter == ",":
            cells = [f'"{c}"' for c in cells]
        joined = delimiter.join(cells)
        return f"| {joined} |" if delimiter == "|" else joined

    text = before + "\n".join(line(r) for r in [headers, *rows]) + "\nDone."
    spans = structured_spans(text, lexicon())
    _check_invariants(text, spans)
    values = {c.strip() for r in rows for c in r}
    assert all(text[s.start:s.end] in values for s in spans)


def test_long_note_is_linear(lex: Lexicon) -> None:
    block = (PATIENT + "\n" + CDA + "\nName,DOB,MRN\nJo Ann Pike,1958-03-12,12345\n\n"
             "name=John Smith; dob=1958-03-12\nPt said \"fine\" [x], a=b, c;d | e\n")
    text = (block * (300_000 // len(block) + 1))[:300_000]
    flat = text.replace("\n", " ")
    started = time.perf_counter()
    spans = structured_spans(text, lex)
    flat_spans = structured_spans(flat, lex)
    elapsed = time.perf_counter() - started
    assert len(spans) > 1000 and len(flat_spans) > 1000
    assert elapsed < 5.0  # about 0.2 s on one core; quadratic scanning would take minutes


# --- label/value pairs side by side ---------------------------------------------------

HP, V = PhiType.HEALTH_PLAN, PhiType.VIN
PAIR_ROWS = ("| MRN | 4471882 | | VIN (MVC) | 1FTYR2CM5HKA81172 |\n"
             "| Insurance | MCD4378421 | | Emergency | Felipe Suárez (mother) |\n")
PAIR_FOUND = {(M, "4471882"), (V, "1FTYR2CM5HKA81172"), (N, "Felipe Suárez (mother)")}


@pytest.mark.parametrize("text", [
    PAIR_ROWS,
    "| Field | Value | | Field | Value |\n|---|---|---|---|---|\n" + PAIR_ROWS,
    "Face sheet\n\n" + PAIR_ROWS.replace(" | | ", " | ") + "\nSeen in clinic.",
    PAIR_ROWS.replace("\n", "\r\n"),
])
def test_pairs_side_by_side_mark_values_never_labels(lex: Lexicon, text: str) -> None:
    assert found(text, lex) == PAIR_FOUND


def test_three_pairs_a_row_and_empty_values(lex: Lexicon) -> None:
    text = ("| Patient | Rosalind Achterberg | | DOB | 03/12/1931 | | Phone | 555-201-7788 |\n"
            "| Allergies | PCN | | Emergency | | | Plate | 7KQM214 |\n")
    assert found(text, lex) == {(N, "Rosalind Achterberg"), (D, "03/12/1931"),
                                (P, "555-201-7788"), (PhiType.PLATE, "7KQM214")}


def test_one_line_of_two_pairs(lex: Lexicon) -> None:
    assert found("| MRN | 4471882 | | VIN | 1FTYR2CM5HKA81172 |", lex) == {
        (M, "4471882"), (V, "1FTYR2CM5HKA81172")}
    assert found("MRN\t4471882\tDOB\t1944-08-30\n", lex) == {(M, "4471882"),
                                                              (D, "1944-08-30")}


def test_a_two_column_table_whose_first_row_is_a_pair(lex: Lexicon) -> None:
    text = ("| MRN | 4471882 |\n| Emergency | Rosa Suarez |\n| Insurance | Health Alliance |\n"
            "| Payer | Blue Cross |\n")
    assert found(text, lex) == {(M, "4471882"), (N, "Rosa Suarez")}


@pytest.mark.parametrize("text", [
    "| Patient | Complaint | DOB | Notes |\n",  # a header without rows
    "Name\tDose\n",
    "| Patient | | MRN | |\n| Emergency | | Allergies | |\n",  # a blank form
])
def test_headers_are_no_pairs(lex: Lexicon, text: str) -> None:
    assert found(text, lex) == set()


def test_a_two_column_table_with_a_field_header_is_read_by_columns(lex: Lexicon) -> None:
    text = "| Name | Diagnosis |\n|---|---|\n| Dad | CHF |\n| Sister | asthma |\n"
    assert {value for _, value in found(text, lex)} <= {"Dad", "Sister"}


_PAIR_LABELS = ["MRN", "DOB", "Emergency", "Insurance", "VIN (MVC)", "Payer", "Plan", "Phone",
                "Member ID", "Patient", "Allergies"]


@settings(max_examples=150, deadline=None)
@example(rows=[[("Patient", "X"), ("MRN", "")], [("VIN (MVC)", ""), ("MRN", "")]],
         separator=False, delimiter="|")  # a label with a note: once found at random
@given(rows=st.lists(st.lists(st.tuples(st.sampled_from(_PAIR_LABELS), _CELL), min_size=1,
                              max_size=3), min_size=1, max_size=5),
       separator=st.booleans(), delimiter=st.sampled_from(["\t", "|"]))
def test_pair_rows_never_mark_a_label(rows: list[list[tuple[str, str]]], separator: bool,
                                      delimiter: str) -> None:
    width = max(len(r) for r in rows)
    gap = f"{delimiter}{delimiter}" if separator else delimiter
    lines, labels = [], set()
    offset = 0
    for row in rows:
        row = row + [("Allergies", "none")] * (width - len(row))
        line = "| " if delimiter == "|" else ""
        for j, (label, value) in enumerate(row):
            if j:
                line += gap
            labels.add(offset + len(line))
            line += f"{label}{delimiter}{value}"
        lines.append(line)
        offset += len(line) + 1
    text = "\n".join(lines)
    spans = structured_spans(text, lexicon())
    _check_invariants(text, spans)
    assert not {s.start for s in spans} & labels


# --- insurers, plans and placeholders -------------------------------------------------

@pytest.mark.parametrize("label", [
    "payer", "Payer ID", "payor", "Insurer", "Insurance Carrier", "carrier name", "Plan Name",
    "plan_name", "Health Plan", "Payer Phone", "Insurance Company", "coverage_end",
])
def test_insurer_and_plan_fields_map_to_nothing(label: str) -> None:
    assert classify(label) is None


@pytest.mark.parametrize("label", ["Payer Member ID", "Subscriber ID", "Policy #",
                                   "Group Number", "Insurance ID"])
def test_insured_person_numbers_stay_plan_numbers(label: str) -> None:
    assert classify(label) is PhiType.HEALTH_PLAN


def test_tab_key_value_dump_of_coverage(lex: Lexicon) -> None:
    text = ("subscriber\tRosa Diaz\npayer\tHealth Alliance Plan\nplan\tPPO 2500\n"
            "coverage_begin\t01/01/2026\ncoverage_end\t(open-ended)\nmember_id\tXJH448812\n"
            "group_number\t(pending)\ncarrier\tAetna\n")
    assert found(text, lex) == {(N, "Rosa Diaz"), (HP, "XJH448812")}
    flat = ("payer\tHealth Alliance plan\tPPO 2500 coverage_begin\t01/01/2026 "
            "coverage_end\t(open-ended)")
    assert found(flat, lex) == set()


def test_identifier_values_need_a_digit_and_plan_products_are_none(lex: Lexicon) -> None:
    text = ("Name,Member ID,Policy,Acct #,NPI,MRN,Patient ID\n"
            "Rosa Diaz,XJHABC,PPO 2500,none,pending,ABCD,example\n"
            "Jo Pike,XJH448812,W123456789,A-55120,1234567893,4471882,P-00412\n")
    assert found(text, lex) == {
        (N, "Rosa Diaz"), (N, "Jo Pike"), (HP, "XJH448812"), (HP, "W123456789"),
        (PhiType.ACCOUNT, "A-55120"), (PhiType.LICENSE, "1234567893"), (M, "4471882"),
        (PhiType.ID, "P-00412"),
    }


@pytest.mark.parametrize("value", ["(open-ended)", "(none)", "(pending)", "(N/A)", "[unknown]",
                                   "(not on file)", "open-ended"])
def test_parenthesized_placeholders_are_no_values(lex: Lexicon, value: str) -> None:
    text = f"Name\tPhone\tDOB\nRosa Diaz\t{value}\t{value}\n{value}\t555-201-7788\t1/2/1950\n"
    assert found(text, lex) == {(N, "Rosa Diaz"), (P, "555-201-7788"), (D, "1/2/1950")}


# --- session-8 review: clinical values under person fields, header rows, ages -----------

@pytest.mark.parametrize(("text", "kept"), [
    ('{"name": "Parkinson Disease", "onset": "2019"}\n{"name": "Ada Okafor", "gender": "f"}',
     "Ada Okafor"),
    ('{"name": "Hodgkin lymphoma"}\n{"name": "James Parkinson"}', "James Parkinson"),
    ('{"name": "Braden Scale"}\n{"name": "Rose Young"}', "Rose Young"),
    ('{"name": "Lupus", "clinicalStatus": "active"}\n{"name": "Lupe Ortiz"}', "Lupe Ortiz"),
    ('{"name": "Asthma", "severity": "mild"}\n{"name": "Wei Zhang"}', "Wei Zhang"),
])
def test_json_condition_or_scale_names_are_no_persons(lex: Lexicon, text: str,
                                                      kept: str) -> None:
    assert found(text, lex) == {(N, kept)}


def test_json_resource_type_decides_whose_name(lex: Lexicon) -> None:
    text = ('{"resourceType":"Medication", "code": {"text": "tacrolimus"}, "name":"Prograf"}\n'
            '{"resourceType":"Patient", "contained": [{"resourceType": "Medication", '
            '"name": "Envarsus"}], "name": "Jane Okafor"}\n'
            '{"resourceType":"Organization", "name": "Mercy General Hospital"}')
    assert found(text, lex) == {(N, "Jane Okafor"),
                                (PhiType.FACILITY, "Mercy General Hospital")}


def test_xml_clinical_sibling_vetoes_a_bare_name(lex: Lexicon) -> None:
    text = ("<result><name>Tacrolimus</name><value>8.2</value></result>\n"
            '<med><unit>mg</unit><code code="1"/><name>Prograf</name></med>\n'
            "<contact><name>Jane Okafor</name><relationship>sister</relationship></contact>\n"
            "<observation><value>1</value></observation><pt><name>Tom Brandt</name></pt>")
    assert found(text, lex) == {(N, "Jane Okafor"), (N, "Tom Brandt")}


def test_key_value_clinical_key_on_the_line_vetoes_a_bare_name(lex: Lexicon) -> None:
    text = "name=Tacrolimus; value=8.2\nname=Envarsus; dose=4 mg\nname=Jane Okafor; age=40\n"
    assert found(text, lex) == {(N, "Jane Okafor")}


@pytest.mark.parametrize("text", [
    "Bed|Patient|Dx\n4|Afib RVR|Afib\n5|Okafor, Chinwe|CHF",
    "Bed|Patient|Dx\n4|troponin leak|NSTEMI\n5|Okafor, Chinwe|CHF",
    "Bed|Patient|Dx\n4|Tacrolimus toxicity|AKI\n5|Okafor, Chinwe|CHF",
    "Patient|Diagnosis\nstable|CHF\nimproving|COPD\nOkafor, Chinwe|CHF",
    "Bed\tPatient\tDx\n4\tPancreatitis\tETOH\n5\tOkafor, Chinwe\tCHF",
])
def test_board_patient_column_keeps_only_person_names(lex: Lexicon, text: str) -> None:
    assert found(text, lex) == {(N, "Okafor, Chinwe")}


def test_board_patient_column_keeps_names_that_share_a_shape(lex: Lexicon) -> None:
    text = "Bed|Patient|Dx\n1|Brooke Chase|CHF\n2|James Parkinson|PD\n3|Jose de la Cruz|AKI"
    assert found(text, lex) == {(N, "Brooke Chase"), (N, "James Parkinson"),
                                (N, "Jose de la Cruz")}


def test_a_header_row_below_pairs_is_never_a_value(lex: Lexicon) -> None:
    text = "MRN|4471882\nContact|Relationship\nMother|Parent\nJane Doe|Sister"
    assert found(text, lex) == {(M, "4471882"), (N, "Jane Doe")}
    assert found("Contact|Relationship\nMother|Parent", lex) == set()


def test_age_column_of_a_two_column_csv(lex: Lexicon) -> None:
    assert found("Age,Count\n90,12\n95,3\n45,20", lex) == {(PhiType.AGE, "90"),
                                                            (PhiType.AGE, "95")}
    assert found("Patient, Stable\n90, 12", lex) == set()
