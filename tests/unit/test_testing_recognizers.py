"""The built-in recognizers through `veil.testing.check_recognizer`: planted positives from
the synthetic patients generator (`PLANTED` says which column holds what) and explicit
ones are found, alone and among all default recognizers; hard negatives are not."""

from __future__ import annotations

import polars as pl
import pytest

from veil.scan import DEFAULT_RECOGNIZERS, Recognizer
from veil.synth.patients import PLANTED, people
from veil.testing import ConformanceError, check_recognizer

RECOGNIZERS = {r.name: r for r in DEFAULT_RECOGNIZERS}
HARD_NEGATIVES = ("7.2", "E11.9", "140", "negative", "000-00-0000", "5 mg", "n/a", "120/80")

# recognizer -> the generated column holding its kind in the form it recognizes
PLANTED_PAIRS = [
    ("ssn", "ssn"), ("vin", "vehicle_vin"), ("device_code", "device_udi"), ("email", "email"),
    ("photo", "photo_file"), ("url", "portal_url"), ("ip_address", "ipv4_address"),
    ("ip_address", "ipv6_address"), ("phone", "phone"), ("fax", "fax"),
    ("date", "admission_date"), ("date", "lab_collected_at"), ("age", "age"),
    ("street_address", "street_address"), ("county", "county"), ("zip", "zip"),
    ("state", "state"), ("city", "city"), ("sex", "sex"), ("race", "race"),
    ("ethnicity", "ethnicity"), ("person_name", "first_name"), ("person_name", "last_name"),
    ("biometric", "fingerprint_id"), ("mrn", "mrn"), ("health_plan", "health_plan_id"),
    ("account", "account_number"), ("license", "drivers_license"),
    ("license_plate", "license_plate"), ("device", "device_udi"),
    ("diagnosis_code", "diagnosis_code"), ("diagnosis_code_named", "secondary_diagnoses"),
    ("length_of_stay", "length_of_stay"), ("height", "height_cm"), ("weight", "weight_kg"),
    ("lab_value", "hba1c_pct"), ("lab_result_text", "creatinine_mg_dl"), ("free_text", "note"),
]

# found by the recognizer alone, but the whole registry proposes another kind of the
# same Safe Harbor category (a date, an identifier): pinned, so a change is noticed
SHADOWED = {("birth_date", "birth_date"): "date", ("death_date", "death_date"): "date",
            ("other_id", "study_subject_id"): "mrn"}


@pytest.fixture(scope="module")
def patients() -> pl.DataFrame:
    return people(0, 400, seed=5)


def _values(frame: pl.DataFrame, column: str) -> list[str]:
    return frame.get_column(column).drop_nulls().cast(pl.String).unique(
        maintain_order=True).to_list()


@pytest.mark.parametrize(("name", "column"), PLANTED_PAIRS)
def test_builtin_recognizer_finds_planted_column(patients: pl.DataFrame, name: str,
                                                 column: str) -> None:
    recognizer = RECOGNIZERS[name]
    assert PLANTED[column] == recognizer.kind
    result = check_recognizer(recognizer, positives=_values(patients, column), header=column,
                              negatives=HARD_NEGATIVES, alongside=DEFAULT_RECOGNIZERS)
    assert result.negatives_kind != recognizer.kind.value


@pytest.mark.parametrize(("pair", "instead"), sorted(SHADOWED.items()))
def test_shadowed_recognizers_are_pinned(patients: pl.DataFrame, pair: tuple[str, str],
                                         instead: str) -> None:
    name, column = pair
    recognizer = RECOGNIZERS[name]
    check_recognizer(recognizer, positives=_values(patients, column), header=column,
                     negatives=HARD_NEGATIVES)
    with pytest.raises(ConformanceError, match=f"are {instead}, not"):
        check_recognizer(recognizer, positives=_values(patients, column), header=column,
                         alongside=DEFAULT_RECOGNIZERS)


EXPLICIT: list[tuple[str, str, tuple[str, ...]]] = [
    ("loinc", "c0", ("2345-7", "4548-4", "2160-0", "718-7", "17861-6", "2951-2")),
    ("ndc", "c0", ("0002-3227-30", "50090-2875-0", "0378-0208-01", "68180-0517-01")),
    ("procedure_code_named", "cpt_code", ("99213", "99214", "93000", "80053", "36415")),
    ("blood_pressure", "c0", ("120/80", "135/85", "110/70", "142/91", "128/76")),
    ("year", "c0", ("1987", "2001", "1999", "2015", "1972", "2020")),
    ("geo_pair", "c0", ("42.3601,-71.0589", "40.7128,-74.0060", "34.0522,-118.2437")),
    ("payment_card", "c0", ("4111111111111111", "5500005555555559", "340000000000009",
                            "6011000000000004", "4012888888881881")),
    ("iban", "c0", ("GB82WEST12345698765432", "DE89370400440532013000",
                    "FR1420041010050500013M02606", "NL91ABNA0417164300")),
    ("snomed_ct", "c0", ("73211009", "44054006", "38341003", "195967001", "22298006")),
    ("dose", "c0", ("500 mg", "10 mg", "2.5 mL", "40 mg", "1 g")),
    ("vital_sign", "pulse", ("72", "88", "64", "101", "77")),
    ("ndc_named", "ndc", ("00023227", "50090287500", "03780208", "681800517")),
    ("procedure_code", "c0", ("99213", "99214", "0DTJ4ZZ", "93000", "80053")),
    ("age_stated", "c0", ("45 years", "72 yo", "3 months", "67 y/o", "90 years")),
    ("geo_number", "latitude", ("42.3601", "40.7128", "34.0522", "41.8781")),
    ("facility_place", "c0", ("Mercy Hospital", "St. Mary's Medical Center",
                              "Boston Children's Hospital")),
    ("address_in_text", "c0", ("lives at 12 Oak Street, Springfield",
                               "moved to 400 Elm Ave")),
    ("facility_name", "facility", ("Mercy Hospital", "General Clinic", "St. Luke's")),
    ("medicare_mbi", "c0", tuple(
        f"{d1}{a}{b}{d2}{c}{e}{d3}{f}{g}{d4:02d}" for d1, a, b, d2, c, e, d3, f, g, d4 in zip(
            "1234567891234", "ACDEFGHJKMNPQ", "RTUVWXY0ACDEF", "0123456789012",
            "GHJKMNPQRTUVW", "XY1234567ACDE", "9876543210987", "FGHJKMNPQRTUV",
            "WXYACDEFGHJKM", range(10, 23), strict=True))),
]


def test_every_builtin_recognizer_is_checked() -> None:
    checked = ({name for name, _ in PLANTED_PAIRS} | {name for name, _ in SHADOWED}
               | {name for name, _, _ in EXPLICIT})
    assert checked == set(RECOGNIZERS)


@pytest.mark.parametrize(("name", "header", "positives"), EXPLICIT)
def test_builtin_recognizer_finds_explicit_positives(name: str, header: str,
                                                     positives: tuple[str, ...]) -> None:
    check_recognizer(RECOGNIZERS[name], positives=positives, header=header,
                     negatives=("negative", "n/a", "pending", "see note"))


def test_check_catches_a_recognizer_that_misses_or_overreaches() -> None:
    ssn = RECOGNIZERS["ssn"]
    with pytest.raises(ConformanceError, match="planted positive"):
        check_recognizer(ssn, positives=["078-05-1121", "000-12-3456"])  # invalid SSNs
    with pytest.raises(ConformanceError, match="hard negative"):
        check_recognizer(ssn, positives=["123-45-6789"], negatives=["234-56-7890"])


def test_recognizer_leaking_a_value_in_evidence_is_caught() -> None:
    from dataclasses import replace

    from veil.scan import ColumnSample, ValueCheck
    from veil.scan.recognizer import Check

    def leaky(column: ColumnSample) -> ValueCheck:
        return ValueCheck(1.0, column.nonnull, "first value Jane Q. Doe")

    rule = replace(RECOGNIZERS["email"], value_check=Check(leaky), name="leaky")
    with pytest.raises(ConformanceError, match="quotes a value"):
        check_recognizer(rule, positives=["Jane Q. Doe"])


def test_recognizer_protocol_is_what_is_checked() -> None:
    assert all(isinstance(r.name, str) for r in DEFAULT_RECOGNIZERS)
    recognizer: Recognizer = RECOGNIZERS["mrn"]
    assert recognizer.needs_header
