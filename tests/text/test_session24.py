"""Session 24 mechanisms: columns of a table named by what people do in them ('Observer
(initials)', 'Given by', 'Worker') or by when ('Next due', 'Last fill'); court case numbers;
codes in a series or a range; capital labels before long numbers; boards' licences; the
numbered roads of a rural grid; initials that sign a log entry; an abbreviated first name,
a widow's name and a short middle name; consulates and institutions named in Spanish; and
the text each must leave alone."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text import Scrubber

_FLOWSHEET = (
    "Time  | Location | Behavior | Observer (initials) | Notes\n"
    "07:00 | B        | S        | JH                  | resp regular\n"
    "07:45 | M        | C        | RT                  | ate 50% bkfst\n"
    "08:00 | D        | T        | RT                  | crying\n"
)
_MAR = ("Date | Dose | Given by | Next due\n2/10 | 5 mg | JH | 3/10\n"
        "2/17 | 5 mg | Rhonda Tate | 3/17\n")
_LOG = ("8/12/24 10:02 Caller: mother. Mom informed 10:05. -ck\n\n---\n"
        "8/12/24 13:40 fax # given for subpoena. -ck\n---\nPA form to be faxed. -CK (Carrie "
        "Kowalski RN)\n")


@pytest.mark.parametrize(("text", "value"), [
    (_FLOWSHEET, "JH"),
    (_FLOWSHEET, "RT"),
    (_MAR, "JH"),
    (_MAR, "3/10"),
    ("Date        | Mode | Doses | Side effects | Worker\n3/4 | DOT | 1 | none | Marisol\n",
     "Marisol"),
    ("Fill date | Drug | Filled by\n4/2 | lisinopril 10 mg | Okafor\n", "Okafor"),
    # court case numbers: the year, the kind of case, the number
    ("ARENKO, Respondent        No. 2024 COMH 003817", "2024 COMH 003817"),
    ("Chukwuemeka Obi, Case 23 CR 0914402, MHC Participant No. MHC-1188", "23 CR 0914402"),
    ("Re: People v. Mariusz Gorski, 24 CF 1883 - Request to admit", "24 CF 1883"),
    ("campus police (UIC PD report 24-08817).", "24-08817"),
    ("TOXICOLOGY REPORT  |  Workorder 24-331987", "24-331987"),
    # a code after a name, codes in a series or a range
    ("Counselor: Tamsin Kraus (CC-117)", "CC-117"),
    ("Linked cases: PISP 24-1337 through PISP 24-1351", "PISP 24-1351"),
    ("MRN 4471882, 4471883 and 4471890 share a room", "4471890"),
    # labels no list knows, boards' licences
    ("Bird Orchards & Packing   UBI 602 118 447", "602 118 447"),
    ("Medicaid (Meridian), RIN 512 803 447.", "512 803 447"),
    ("Medical Board of California A 148302", "A 148302"),
    ("Provider # OR 104773", "OR 104773"),
    # numbered roads
    ("event occurred: Block 14, Road 176 & Avenue 24, Kern County", "Avenue 24"),
    ("camp), Road 24 SW, Mattawa", "Road 24 SW"),
    ("Address: Rancho Los Nogales, 21879 Ave 18 1/2, Madera CA 93637", "21879 Ave 18 1/2"),
    # initials that sign a log entry
    (_LOG, "ck"),
    (_LOG, "CK"),
    ("(21) completed separately.\n-- AR", "AR"),
    # an abbreviated first name, a widow's name, a short middle name
    ('Ma. Guadalupe "Lupita" Ríos, promotora / CHW', "Ma."),
    ("| Ma. Elena Ortiz Mejía       | 44  | eye burning |", "Ma. Elena"),
    ("Resident: Eulalia Contreras viuda de Mora   Room 114-B", "viuda de Mora"),
    ("voicemail: pt Li Na Huang states she is not ok", "Li Na Huang"),
    # consulates and institutions named in Spanish
    ("Consulado de México en Portland\nDepartamento de Protección", "Consulado de México"),
    ("Consulate of Guatemala in Seattle informed at pt's request", "Consulate of Guatemala"),
    ("requested by 3 patients: Consulado General de México en Fresno (Protección)",
     "Consulado General de México"),
    ("Para: Médico tratante, Unidad de Medicina Familiar No. 80 (IMSS), Morelia",
     "Unidad de Medicina Familiar No. 80"),
    ("gave card for Centro Binacional para el Desarrollo Indígena Oaxaqueño (CBDIO) line",
     "Centro Binacional para el Desarrollo Indígena Oaxaqueño"),
])
def test_found(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    # a list's items, an abbreviation alone on its line, words of a message
    "Plan:\n- NGS (pending)\n- OEF\n- IR aware of plan",
    "labs pending. -am\nwill call back. -ok\nreviewed. -RN",
    "Will check BMP. -BMP",
    # units, code systems and regulations between numbers
    "Per 42 CFR 418.26 and 45 CFR 164.402 no notice is needed.",
    "Infuse 24 HR 1000 mL; then 2019 COVID 1990 cohort",
    "Reference range 12.0 - 15.0 and 0.51 - 0.95 for this assay.",
    # roads of therapy, a count after a capital word
    "Road 2 of therapy was harder than the first.",
    # a table of drugs, a column of a measuring device
    "Drug name | Dose | Route\nLisinopril | 10 mg | PO\nMetformin | 500 mg | PO\n",
    "Time | Total Cl worker | Hardness gpg\n08:00 | 0.02 | 3\n",
])
def test_left_alone(scrubber: Scrubber, text: str) -> None:
    found = scrubber.find(text)
    assert found == [], [(s.type, text[s.start:s.end]) for s in found]
