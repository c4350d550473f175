"""Recognizers for clinical content: diagnosis codes, lab values, length of stay (sensitive)
and body measures (height, weight: quasi-identifiers).

Only ICD-10 codes have a shape of their own. Numbers are told apart by the
header alone; a numeric column without a telling header falls back to CLINICAL
in the scanner.
"""

from __future__ import annotations

from veil.categories import Kind
from veil.scan.recognizer import Check, Header, Rule, ValueCheck, gate_on, pattern_check
from veil.scan.sample import ColumnSample, Prefilter

ICD10 = r"^[A-TV-Z][0-9][0-9AB](\.?[0-9A-TV-Z]{1,4})?$"
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


DIAGNOSIS_CODE = Rule(
    name="diagnosis_code",
    kind=Kind.DIAGNOSIS_CODE,
    header=Header(strong=("icd", "icd code", "dx", "dx code", "diagnosis", "diagnoses", "diag",
                          "diagnosis code", "condition", "problem", "primary dx",
                          "principal diagnosis", "cause of death", "comorbidity")),
    value_check=pattern_check(ICD10, detail="are ICD-10 codes", strength=0.95),
)

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

RECOGNIZERS = (DIAGNOSIS_CODE, LENGTH_OF_STAY, HEIGHT, WEIGHT, LAB_VALUE, VITAL_SIGN)
