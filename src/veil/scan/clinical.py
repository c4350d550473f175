"""Recognizers for clinical content: measurements written with their units (blood
pressure, doses, lab results), lab values, length of stay (sensitive) and body measures
(height, weight: quasi-identifiers).

Code systems (ICD, CPT/HCPCS, LOINC, NDC, SNOMED CT) live in `veil.scan.codes`.
A measurement written with its unit ('132/63', '500 mg', '7.2 mmol/L', '<0.5')
has a shape no identifier has and is recognized from content. Bare numbers are
told apart by the header alone; a numeric column without a telling header falls
back to CLINICAL in the scanner.
"""

from __future__ import annotations

import re

from veil.categories import Kind
from veil.scan.recognizer import Check, Header, Rule, ValueCheck, gate_on, pattern_check, uses
from veil.scan.sample import ColumnSample, Prefilter

_NUMBER_TEXT = r"^[<>]?=?\s*[+\-]?\d+(\.\d+)?$"


def numeric_range(low: float, high: float, what: str) -> Check:
    """Share of numbers (or numeric strings) within [low, high]."""

    def check(column: ColumnSample) -> ValueCheck | None:
        if column.is_numeric:
            share = column.numeric_share(low, high)
            return ValueCheck(share, column.nonnull, f"are {what} in {low:g}-{high:g}")
        if column.is_string:
            share = column.row_share(_NUMBER_TEXT)
            return ValueCheck(share, column.nonnull, f"are numeric strings ({what})", 0.8)
        return None

    def gate(column: ColumnSample) -> tuple[Prefilter, ...] | None:
        if column.is_numeric:
            return None
        return gate_on(_NUMBER_TEXT) if column.is_string else ()

    return Check(check, (_NUMBER_TEXT,), gate)


LAB_VALUE = Rule(
    name="lab_value",
    kind=Kind.LAB_VALUE,
    header=Header(strong=(
        "lab", "lab value", "lab result", "result", "result value", "value", "level", "glucose",
        "hba1c", "a1c", "creatinine", "hemoglobin", "hgb", "hematocrit", "hct", "sodium",
        "potassium", "chloride", "bun", "cholesterol", "ldl", "hdl", "triglycerides", "wbc",
        "rbc", "platelets", "plt", "alt", "ast", "bilirubin", "albumin", "inr", "troponin",
        "bnp", "crp", "tsh", "egfr", "gfr", "lactate", "calcium", "magnesium", "ph", "pco2",
        "po2", "ferritin", "psa", "vitamin d",
    )),
    value_check=numeric_range(-1e9, 1e9, "numbers"),
    needs_header=True,
)

VITAL_SIGN = Rule(
    name="vital_sign",
    kind=Kind.CLINICAL,
    header=Header(strong=("bmi", "systolic", "diastolic", "sbp", "dbp", "blood pressure", "bp",
                          "heart rate", "hr", "pulse", "temperature", "temp", "resp rate", "rr",
                          "spo2", "o2 sat", "pain score", "score", "gcs", "apgar", "dose")),
    value_check=numeric_range(-1e9, 1e9, "numbers"),
    needs_header=True,
)

LENGTH_OF_STAY = Rule(
    name="length_of_stay",
    kind=Kind.LENGTH_OF_STAY,
    header=Header(strong=("los", "length of stay", "lengthofstay", "stay days", "stay length",
                          "days in hospital", "inpatient days", "hospital days", "los days")),
    value_check=numeric_range(0, 1000, "day counts"),
    needs_header=True,
)

HEIGHT = Rule(
    name="height",
    kind=Kind.HEIGHT,
    header=Header(strong=("height", "ht", "height cm", "height in", "stature", "body height",
                          "length cm")),
    value_check=numeric_range(20, 250, "heights (cm or in)"),
    needs_header=True,
)

WEIGHT = Rule(
    name="weight",
    kind=Kind.WEIGHT,
    header=Header(strong=("weight", "wt", "weight kg", "weight lb", "body weight", "mass",
                          "birth weight", "birthweight")),
    value_check=numeric_range(0.2, 7000, "weights (kg, lb or g)"),
    needs_header=True,
)

# --------------------------------------------------------------------------- measurements

_BLOOD_PRESSURE = r"(?i)^([0-9]{2,3})\s*/\s*([0-9]{2,3})(\s*mm\s*hg)?$"


def blood_pressure_ok(value: str) -> bool:
    """Systolic 50-300 over diastolic 20-200, systolic the higher ('12/25' is no pressure)."""
    found = re.match(_BLOOD_PRESSURE, value)
    if found is None:
        return False
    systolic, diastolic = int(found.group(1)), int(found.group(2))
    return 50 <= systolic <= 300 and 20 <= diastolic <= 200 and systolic > diastolic


BLOOD_PRESSURE = Rule(
    name="blood_pressure",
    kind=Kind.CLINICAL,
    header=Header(strong=("bp", "blood pressure", "bp reading", "nibp", "abp",
                          "arterial pressure", "bp mmhg")),
    value_check=pattern_check(_BLOOD_PRESSURE, detail="are blood pressures (systolic/diastolic "
                              "in plausible ranges)", validator=blood_pressure_ok, strength=0.9),
)

_AMOUNT = r"[0-9]+(\.[0-9]+)?|\.[0-9]+"
_DOSE_UNIT = (
    r"mg|mcg|µg|μg|ug|g|gm|grams?|kg|ml|l|units?|iu|u|meq|mmol|tabs?|tablets?|caps?|capsules?"
    r"|puffs?|drops?|gtts?|sprays?|patch(es)?|vials?|amps?|sachets?|suppositor(y|ies)"
    r"|applications?|doses?"
)
_DOSE_PER = r"(\s*/\s*(kg|hr|h|day|d|dose|min|m2))?"
_DOSE_WORDS = (
    r"po|iv|ivp|ivpb|im|sc|sq|subq|sl|pr|inh|top|topical|oral|daily|bid|tid|qid|qd|qhs|qam"
    r"|qpm|qod|prn|once|stat|weekly|q[0-9]{1,2}h|x\s*[0-9]+"
)
DOSE_PATTERN = (
    rf"(?i)^({_AMOUNT})\s*({_DOSE_UNIT}){_DOSE_PER}(\s+({_DOSE_WORDS}))*$"
)

DOSE = Rule(
    name="dose",
    kind=Kind.CLINICAL,
    header=Header(strong=("dose", "dosage", "dose amount", "strength", "sig", "med dose",
                          "administered dose", "dose given")),
    value_check=pattern_check(DOSE_PATTERN, detail="are doses (amount and unit, e.g. mg, mL, "
                              "units, tabs)", strength=0.9),
)

_LAB_UNIT = (
    r"%|mm\s*hg|fl|pg|sec|ratio|index|(x\s*)?10\s*[\^*e]\s*[0-9]{1,2}\s*/\s*[a-zµμ]{1,3}"
    r"|[a-zµμ]{0,5}/[a-zµμ][a-zµμ0-9]{0,7}(/[a-zµμ0-9.]{1,8})?"
)
"""Lab units: percent, mmHg, cell counts (10^9/L, x10^3/uL) and concentrations (mg/dL,
mmol/L, U/L, ng/mL, mL/min/1.73m2...)."""
_LAB_PREFIX = r"([a-z][a-z0-9\-]{0,14}(\s+[a-z][a-z0-9\-]{0,14})?\s*:?\s+)?"
"""An optional analyte name before the value ('HbA1c 6.5%', 'Glucose: 110 mg/dL')."""
_CMP = r"[<>]=?|≤|≥"
LAB_RESULT = rf"(?i)^{_LAB_PREFIX}({_CMP})?\s*({_AMOUNT})\s*({_LAB_UNIT})?$"
_LAB_MARKED = rf"(?i)((^|\s)({_CMP})\s*[0-9.]|[0-9.]\s*({_LAB_UNIT})$)"
"""A comparator or a unit: what tells a lab result from any number ('Room 12' has neither)."""
_LONG_INTEGER = r"^[0-9]{5,}$"
LAB_MARK_EVIDENCE = 0.2
"""Share of rows with a comparator or unit from which plain numbers beside them count."""


def _lab_gate(column: ColumnSample) -> tuple[Prefilter, ...]:
    return gate_on(LAB_RESULT, exclude=(_LONG_INTEGER,)) if column.is_string else ()


@uses(LAB_RESULT, _LAB_MARKED, _LONG_INTEGER, gate=_lab_gate)
def _lab_result_check(column: ColumnSample) -> ValueCheck | None:
    """Lab results written as text: '<0.5', '7.2 mmol/L', 'HbA1c 6.5%', and plain numbers
    beside them (but no long integers, which may be identifiers)."""
    if not column.is_string:
        return None
    marked = column.row_share(LAB_RESULT, _LAB_MARKED, exclude=(_LONG_INTEGER,))
    if marked < LAB_MARK_EVIDENCE:
        return ValueCheck(marked, column.nonnull, "are lab results with a comparator or unit",
                          strength=0.9)
    share = column.row_share(LAB_RESULT, exclude=(_LONG_INTEGER,))
    return ValueCheck(share, column.nonnull, "are lab results (numbers, with a comparator "
                      "or unit in some)", strength=0.9)


LAB_RESULT_TEXT = Rule(
    name="lab_result_text",
    kind=Kind.LAB_VALUE,
    header=LAB_VALUE.header,
    value_check=_lab_result_check,
)

RECOGNIZERS = (LENGTH_OF_STAY, HEIGHT, WEIGHT, LAB_VALUE, VITAL_SIGN, BLOOD_PRESSURE, DOSE,
               LAB_RESULT_TEXT)
"""Diagnosis codes, once first here, are `veil.scan.codes.DIAGNOSIS_CODE`."""
