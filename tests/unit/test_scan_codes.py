"""Clinical code systems and measurements are recognized from content, and kept; identifiers
under code-like headers are not.

Table-driven: each case is a column (header, values) and the kind the scanner
must (or must not) propose. Check digits are computed here independently of
the implementation (LOINC's mod 10 as the LOINC Users' Guide spells it, the
Verhoeff tables), so a wrong validator cannot agree with itself.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from typing import Any

import polars as pl
import pytest

from tests.unit.test_scan_gates import UNGATED
from veil.categories import Kind, Role
from veil.policy.models import Keep, TopCode, Zip3
from veil.policy.profiles import safe_harbor_proposal
from veil.scan import DEFAULT_RECOGNIZERS, ColumnSample, Rule, classify_column, scan_frame
from veil.scan.clinical import blood_pressure_ok
from veil.scan.codes import (
    NDC_CODE_NAMED,
    PROCEDURE_CODE,
    PROCEDURE_CODE_NAMED,
    cpt_or_hcpcs_ok,
    loinc_ok,
    sctid_ok,
)

N = 120


def _many(make: Callable[[random.Random], Any], n: int = N, seed: int = 0) -> list[Any]:
    rnd = random.Random(seed)
    return [make(rnd) for _ in range(n)]


# ----------------------------------------------------------------- check digits, by the book

def loinc_check_digit(body: str) -> str:
    """LOINC Users' Guide mod 10: odd positions from the right form a number that is doubled,
    the even-position digits are appended, the digits are summed; the check digit is what
    brings the sum up to the next multiple of ten."""
    reversed_digits = body[::-1]
    odd = reversed_digits[0::2][::-1]
    even = reversed_digits[1::2][::-1]
    joined = str(int(odd) * 2) + even
    total = sum(int(c) for c in joined)
    return str((10 - total % 10) % 10)


_D = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
      [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
      [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
      [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
      [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
_P = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
      [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
      [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
      [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_digit(body: str) -> str:
    check = 0
    for i, ch in enumerate(reversed(body)):
        check = _D[check][_P[(i + 1) % 8][int(ch)]]
    return str(_INV[check])


def _sctid(r: random.Random, partition: str = "00") -> str:
    digits = r.randint(4, 8) if partition[0] == "0" else r.randint(9, 14)
    body = str(r.randint(1, 9)) + "".join(r.choice(string.digits) for _ in range(digits - 1))
    return body + partition + verhoeff_digit(body + partition)


def _loinc(r: random.Random) -> str:
    body = str(r.randint(1, 99_999))
    return f"{body}-{loinc_check_digit(body)}"


def _ssn(r: random.Random) -> str:
    return f"{r.randint(1, 665):03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"


def _npi(r: random.Random) -> str:
    body = str(r.choice([1, 2])) + "".join(r.choice(string.digits) for _ in range(8))
    total = 0
    for i, ch in enumerate(reversed("80840" + body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return body + str((10 - total % 10) % 10)


REAL_SNOMED = ["38341003", "44054006", "195967001", "73211009", "22298006", "84114007",
               "233604007", "49436004", "13645005", "59621000"]
REAL_LOINC = ["2345-7", "4548-4", "2160-0", "718-7", "8480-6", "8462-4", "1742-6", "2093-3",
              "6690-2", "777-3", "2951-2", "33914-3"]
CPT = ["99213", "99214", "99203", "36415", "80053", "85025", "93000", "71046", "99283",
       "90471", "27447", "45378", "99285", "97110"]
ANESTHESIA = ["00100", "00790", "01402", "01996"]
HCPCS = ["J1100", "G0438", "A0425", "J3490", "Q4081", "G0008", "E0114", "L3908"]
CPT_LETTERS = ["3074F", "1036F", "0042T", "0001U"]
ICD10 = ["E11.9", "I10", "J45.909", "U07.1", "S72.001A", "M1A.0110", "Z3A.20", "C4A.9",
         "I25.10", "F32.9"]
ICD9 = ["250.00", "401.9", "428.0", "272.4", "V58.61", "V70.0", "E880.9", "038.9", "496"]
ICD9_BARE = ["25000", "4019", "4280", "2724", "V5861", "0389"]


def _zip(r: random.Random) -> str:
    return f"{r.randint(10_000, 99_950):05d}"


def _bp(r: random.Random) -> str:
    return f"{r.randint(95, 185)}/{r.randint(50, 94)}"


def _dose(r: random.Random) -> str:
    amount = r.choice(["5", "10", "0.5", "250", "500", "1", "2", ".25"])
    unit = r.choice(["mg", "mL", "units", "tabs", "mcg", "g", "mg/kg", "IU"])
    tail = r.choice(["", " PO", " IV BID", " q6h PRN", " daily"])
    return f"{amount} {unit}{tail}"


def _lab(r: random.Random) -> str:
    return r.choice([f"{r.uniform(4, 12):.1f}", "<0.5", f"{r.uniform(3, 9):.1f} mmol/L",
                     ">100", f"{r.randint(70, 200)} mg/dL", f"{r.uniform(3, 11):.1f} x10^9/L"])


POSITIVE: list[tuple[str, str, list[Any], Kind]] = [
    ("cpt under a cpt header", "cpt_code", _many(lambda r: r.choice(CPT + ANESTHESIA)),
     Kind.PROCEDURE_CODE),
    ("cpt integers under a cpt header", "CPT",
     _many(lambda r: int(r.choice(CPT + ANESTHESIA))), Kind.PROCEDURE_CODE),
    ("cpt under procedure", "Procedure", _many(lambda r: r.choice(CPT)), Kind.PROCEDURE_CODE),
    ("cpt under proc_cd (weak)", "proc_cd", _many(lambda r: r.choice(CPT)), Kind.PROCEDURE_CODE),
    ("cpt under code (weak)", "code", _many(lambda r: r.choice(CPT)), Kind.PROCEDURE_CODE),
    ("cpt with hcpcs and category ii/iii, no header", "c0",
     _many(lambda r: r.choice(CPT + HCPCS + CPT_LETTERS)), Kind.PROCEDURE_CODE),
    ("hcpcs under an hcpcs header", "hcpcs", _many(lambda r: r.choice(HCPCS)),
     Kind.PROCEDURE_CODE),
    ("icd-10 (U codes, 7th characters)", "c0", _many(lambda r: r.choice(ICD10)),
     Kind.DIAGNOSIS_CODE),
    ("icd-9 with V and E codes", "c0", _many(lambda r: r.choice(ICD9)), Kind.DIAGNOSIS_CODE),
    ("icd-9 and icd-10 mixed", "c0", _many(lambda r: r.choice(ICD9 + ICD10)),
     Kind.DIAGNOSIS_CODE),
    ("undotted icd-9 under a dx header", "dx_code", _many(lambda r: r.choice(ICD9_BARE)),
     Kind.DIAGNOSIS_CODE),
    ("loinc", "c0", _many(_loinc), Kind.CLINICAL_CODE),
    ("real loinc codes", "c0", _many(lambda r: r.choice(REAL_LOINC)), Kind.CLINICAL_CODE),
    ("ndc hyphenated forms", "c0",
     _many(lambda r: r.choice([f"{r.randint(1000, 9999)}-{r.randint(1000, 9999)}-"
                               f"{r.randint(10, 99)}",
                               f"{r.randint(10000, 99999)}-{r.randint(100, 999)}-"
                               f"{r.randint(10, 99)}",
                               f"{r.randint(10000, 99999)}-{r.randint(1000, 9999)}-"
                               f"{r.randint(0, 9)}",
                               f"{r.randint(0, 99999):05d}-{r.randint(0, 9999):04d}-"
                               f"{r.randint(0, 99):02d}"])), Kind.CLINICAL_CODE),
    ("ndc 11 digits under an ndc header", "NDC11",
     _many(lambda r: f"{r.randint(0, 99999):05d}{r.randint(0, 9999):04d}{r.randint(0, 99):02d}",
           n=40) * 3, Kind.CLINICAL_CODE),
    ("snomed ids", "c0", _many(_sctid), Kind.CLINICAL_CODE),
    ("snomed extension ids", "c0", _many(lambda r: _sctid(r, "10")), Kind.CLINICAL_CODE),
    ("snomed integers", "c0", _many(lambda r: int(_sctid(r))), Kind.CLINICAL_CODE),
    ("real snomed ids", "c0", _many(lambda r: r.choice(REAL_SNOMED)), Kind.CLINICAL_CODE),
    ("blood pressure", "c0", _many(_bp), Kind.CLINICAL),
    ("blood pressure with unit", "c0", _many(lambda r: f"{_bp(r)} mmHg"), Kind.CLINICAL),
    ("doses", "c0", _many(_dose), Kind.CLINICAL),
    ("lab results with units and comparators", "c0", _many(_lab), Kind.LAB_VALUE),
    ("analyte and value", "c0", _many(lambda r: f"HbA1c {r.uniform(4, 12):.1f}%"),
     Kind.LAB_VALUE),
    ("ages in words under an age header", "age",
     _many(lambda r: r.choice(["nineteen", "ninety-two", "45", "6 mo", "19yo", "90+"])),
     Kind.AGE),
    ("ages with yo and y/o, no header", "c0",
     _many(lambda r: f"{r.randint(0, 104)} {r.choice(['yo', 'y/o', 'yrs', 'years old'])}"),
     Kind.AGE),
]


@pytest.mark.parametrize(("header", "values", "expected"),
                         [c[1:] for c in POSITIVE], ids=[c[0] for c in POSITIVE])
def test_codes_and_measurements_are_recognized(header: str, values: list[Any],
                                               expected: Kind) -> None:
    found = scan_frame(pl.DataFrame({header: values})).finding(header)
    assert found.kind is expected, found.to_dict()
    assert found.role is (Role.DIRECT if expected is Kind.AGE else Role.SENSITIVE)
    assert any(e.source == "values" and e.score >= 0.8 for e in found.evidence), found.to_dict()


IDENTIFIER_WINS: list[tuple[str, str, list[Any], Kind | None]] = [
    ("ssns under a cpt header", "cpt_code", _many(_ssn), Kind.SSN),
    ("ssns under a procedure header", "procedure", _many(_ssn), Kind.SSN),
    ("ssns under a loinc header", "loinc_code", _many(_ssn), Kind.SSN),
    ("ssns under an icd header", "icd_code", _many(_ssn), Kind.SSN),
    ("ssns under a snomed header", "snomed_id", _many(_ssn), Kind.SSN),
    # nine bare digits are an SSN or a ZIP+4: a direct identifier either way
    ("bare ssns under an ndc header", "ndc", _many(lambda r: _ssn(r).replace("-", "")), None),
    ("zips without a header stay zips", "c0", _many(_zip), Kind.ZIP),
    ("zips under a zip_code header", "zip_code", _many(_zip), Kind.ZIP),
    ("zip integers under a zip header", "zip", _many(lambda r: int(_zip(r))), Kind.ZIP),
    ("bare cpt-range numbers that are not billed codes fail closed as zips", "c0",
     _many(lambda r: f"{r.randint(10_100, 69_900)}"), Kind.ZIP),
    ("...and under a cpt header too", "cpt", _many(lambda r: f"{r.randint(10_100, 69_900)}"),
     Kind.ZIP),
    ("phones under a cpt header", "cpt", _many(lambda r: f"({r.randint(201, 989)}) "
                                            f"{r.randint(200, 999)}-{r.randint(0, 9999):04d}"),
     Kind.PHONE),
]


@pytest.mark.parametrize(("header", "values", "expected"),
                         [c[1:] for c in IDENTIFIER_WINS], ids=[c[0] for c in IDENTIFIER_WINS])
def test_identifier_content_beats_a_code_header(header: str, values: list[Any],
                                                expected: Kind | None) -> None:
    found = scan_frame(pl.DataFrame({header: values})).finding(header)
    assert found.role is Role.DIRECT, found.to_dict()
    assert expected is None or found.kind is expected, found.to_dict()


NOT_CODES: list[tuple[str, str, list[Any], Kind]] = [
    ("mrn-like numbers are not snomed", "c0", _many(lambda r: str(r.randint(10**5, 10**10))),
     Kind.CLINICAL_CODE),
    ("mrn-like integers are not snomed", "c0", _many(lambda r: r.randint(10**5, 10**10)),
     Kind.CLINICAL_CODE),
    ("repeating mrns are not snomed", "c0",
     _many(lambda r: str(r.randint(10**6, 10**6 + 30))), Kind.CLINICAL_CODE),
    ("unique npis under an ndc header are not ndcs", "ndc", _many(_npi, n=300),
     Kind.CLINICAL_CODE),
    ("unique letter-and-digit ids are not diagnoses", "c0",
     [f"{c}{n:05d}" for c, n in zip(random.Random(3).choices("ABCDEFGHJK", k=300),
                                    random.Random(4).sample(range(100_000), 300), strict=True)],
     Kind.DIAGNOSIS_CODE),
    ("unique five-digit numbers under a cpt header are not procedures", "cpt",
     [f"{n:05d}" for n in random.Random(5).sample(range(10_000, 99_607), 300)],
     Kind.PROCEDURE_CODE),
    ("plain decimals are not icd-9 codes", "c0", _many(lambda r: f"{r.uniform(130, 150):.1f}"),
     Kind.DIAGNOSIS_CODE),
    ("canadian postal codes are not icd-10 codes", "c0",
     _many(lambda r: r.choice(["K1A0B1", "M5B2H1", "H3Z2Y7", "T2P1J9", "V6B4Y8"])),
     Kind.DIAGNOSIS_CODE),
    ("month/day dates are not blood pressures", "c0",
     _many(lambda r: f"{r.randint(1, 12):02d}/{r.randint(1, 28):02d}"), Kind.CLINICAL),
    ("full dates are not lab results", "c0",
     _many(lambda r: f"{r.randint(1, 12):02d}/{r.randint(1, 28):02d}/{r.randint(1930, 2020)}"),
     Kind.LAB_VALUE),
    ("room numbers are not lab results", "c0", _many(lambda r: f"Room {r.randint(1, 400)}"),
     Kind.LAB_VALUE),
    ("durations in months are not ages", "c0", _many(lambda r: f"{r.randint(1, 60)} months"),
     Kind.AGE),
]


@pytest.mark.parametrize(("header", "values", "forbidden"),
                         [c[1:] for c in NOT_CODES], ids=[c[0] for c in NOT_CODES])
def test_lookalikes_are_not_codes(header: str, values: list[Any], forbidden: Kind) -> None:
    found = scan_frame(pl.DataFrame({header: values})).finding(header)
    assert found.kind is not forbidden, found.to_dict()


def test_repeating_npis_under_an_ndc_header_have_no_code_evidence() -> None:
    """Provider numbers repeat in a visit table: the NDC check must not count them."""
    npis = _many(_npi, n=15) * 8
    found = NDC_CODE_NAMED.check(ColumnSample("ndc", pl.Series(npis)))
    assert found is not None and found.share < 0.2
    finding = scan_frame(pl.DataFrame({"ndc": npis})).finding("ndc")
    assert not isinstance(safe_harbor_proposal(finding).rule, Keep), finding.to_dict()


def test_a_frame_with_meaningless_headers() -> None:
    """Codes and measurements keep their kinds (and are kept) when headers say nothing;
    identifiers beside them are still found."""
    columns: dict[str, tuple[list[Any], Kind]] = {
        "icd10": (_many(lambda r: r.choice(ICD10), seed=1), Kind.DIAGNOSIS_CODE),
        "icd9": (_many(lambda r: r.choice(ICD9), seed=2), Kind.DIAGNOSIS_CODE),
        "cpt_hcpcs": (_many(lambda r: r.choice(CPT + HCPCS), seed=3), Kind.PROCEDURE_CODE),
        "loinc": (_many(lambda r: r.choice(REAL_LOINC), seed=4), Kind.CLINICAL_CODE),
        "snomed": (_many(lambda r: r.choice(REAL_SNOMED), seed=5), Kind.CLINICAL_CODE),
        "ndc": (_many(lambda r: f"{r.randint(10000, 99999)}-{r.randint(100, 999)}-"
                                f"{r.randint(10, 99)}", seed=6), Kind.CLINICAL_CODE),
        "bp": (_many(_bp, seed=7), Kind.CLINICAL),
        "dose": (_many(_dose, seed=8), Kind.CLINICAL),
        "lab": (_many(_lab, seed=9), Kind.LAB_VALUE),
        "age": (_many(lambda r: f"{r.randint(1, 99)}yo", seed=10), Kind.AGE),
        "ssn": (_many(_ssn, seed=11), Kind.SSN),
        "zip": (_many(_zip, seed=12), Kind.ZIP),
        # frequently billed codes are codes by content; other five-digit numbers stay ZIPs
        "cpt": (_many(lambda r: r.choice(CPT), seed=13), Kind.PROCEDURE_CODE),
        "cpt_range": (_many(lambda r: f"{r.randint(10_100, 69_900)}", seed=14), Kind.ZIP),
    }
    frame = pl.DataFrame({f"c{i}": values for i, (values, _) in enumerate(columns.values())})
    result = scan_frame(frame)
    for i, (name, (_, kind)) in enumerate(columns.items()):
        finding = result.finding(f"c{i}")
        assert finding.kind is kind, (name, finding.to_dict())
        rule = safe_harbor_proposal(finding).rule
        if finding.role is Role.SENSITIVE:
            assert isinstance(rule, Keep), (name, rule)
    assert isinstance(safe_harbor_proposal(result.finding("c9")).rule, TopCode)
    assert isinstance(safe_harbor_proposal(result.finding("c11")).rule, Zip3)
    assert isinstance(safe_harbor_proposal(result.finding("c13")).rule, Zip3)


def test_a_procedure_header_keeps_five_digits() -> None:
    """A five-digit column named like procedures is kept whole, not cut to a ZIP3."""
    finding = scan_frame(pl.DataFrame({"proc_code": _many(lambda r: r.choice(CPT))})) \
        .finding("proc_code")
    assert isinstance(safe_harbor_proposal(finding).rule, Keep)


# ----------------------------------------------------------------- validators

def test_loinc_validator_is_the_users_guide_algorithm() -> None:
    rnd = random.Random(0)
    for body in [str(rnd.randint(1, 99_999)) for _ in range(3_000)] + ["1", "10", "99999"]:
        right = loinc_check_digit(body)
        assert loinc_ok(f"{body}-{right}")
        assert not loinc_ok(f"{body}-{(int(right) + 1) % 10}")
    assert all(loinc_ok(code) for code in REAL_LOINC)
    assert not loinc_ok("-7")


@pytest.mark.parametrize(("value", "valid"), [
    *((code, True) for code in REAL_SNOMED),
    ("38341004", False),  # check digit off by one
    ("38341013", False),  # partition 01 with a wrong check digit
    ("123456", False),
    ("9990001234567105", False),
])
def test_sctid_validator(value: str, valid: bool) -> None:
    assert sctid_ok(value) is valid


def test_sctid_validator_agrees_with_the_verhoeff_tables() -> None:
    rnd = random.Random(1)
    for partition in ("00", "01", "02", "10", "11", "12"):
        for _ in range(200):
            code = _sctid(rnd, partition)
            assert sctid_ok(code), code
            wrong = code[:-1] + str((int(code[-1]) + rnd.randint(1, 9)) % 10)
            assert not sctid_ok(wrong), wrong
    body = "1234567"
    assert not sctid_ok(body + "05" + verhoeff_digit(body + "05"))  # unknown partition


@pytest.mark.parametrize(("value", "valid"), [
    ("99213", True), ("00100", True), ("100", True), ("01999", True), ("02139", False),
    ("09999", False), ("99999", False), ("3074F", True), ("0001U", True), ("J1100", True),
    ("W1234", False),
])
def test_cpt_validator(value: str, valid: bool) -> None:
    assert cpt_or_hcpcs_ok(value) is valid


@pytest.mark.parametrize(("value", "valid"), [
    ("132/63", True), ("90/60", True), ("120 / 80 mmHg", True), ("12/25", False),
    ("80/90", False), ("350/100", False), ("120/15", False),
])
def test_blood_pressure_validator(value: str, valid: bool) -> None:
    assert blood_pressure_ok(value) is valid


# ----------------------------------------------------------------- gates

_GATE_COLUMNS = {name: pl.Series(values) for name, _, values, _ in
                 (*POSITIVE, *IDENTIFIER_WINS, *NOT_CODES)}


@pytest.mark.parametrize("name", list(_GATE_COLUMNS))
def test_gates_bound_the_new_checks(name: str) -> None:
    for rule in DEFAULT_RECOGNIZERS:
        assert isinstance(rule, Rule)
        gate = rule.gate(ColumnSample("c0", _GATE_COLUMNS[name]))
        if gate is None:
            continue
        found = rule.check(ColumnSample("c0", _GATE_COLUMNS[name]))
        if not gate:
            assert found is None or found.share == 0.0, rule.name
            continue
        column = ColumnSample("c0", _GATE_COLUMNS[name])
        column.prime(r for p in gate for r in p.regexes)
        bound = max(column.share_bound(p) for p in gate)
        assert found is not None and found.share <= bound + 1e-9, (rule.name, found, bound)
    gated = classify_column(ColumnSample("c0", _GATE_COLUMNS[name]), DEFAULT_RECOGNIZERS)
    assert gated == classify_column(ColumnSample("c0", _GATE_COLUMNS[name]), UNGATED)


def test_procedure_rules_need_letters_or_content_evidence() -> None:
    billed = ColumnSample("c0", pl.Series(_many(lambda r: r.choice(CPT))))
    assert PROCEDURE_CODE.check(billed).share == 1.0  # type: ignore[union-attr]
    bare = ColumnSample("c0", pl.Series(_many(lambda r: f"{r.randint(10_100, 69_900)}")))
    assert PROCEDURE_CODE.check(bare) is not None
    assert PROCEDURE_CODE.check(bare).share == 0.0  # type: ignore[union-attr]
    assert PROCEDURE_CODE_NAMED.check(bare).share == 0.0  # type: ignore[union-attr]
    assert PROCEDURE_CODE_NAMED.needs_header
    assert PROCEDURE_CODE_NAMED.header_score("zip_code") == 0.0
    assert PROCEDURE_CODE_NAMED.header_score("cpt") == 1.0


def test_lists_of_diagnosis_codes_in_one_cell_are_codes() -> None:
    values = ["E11.65;J45.909", "I10", "K35.80, E78.5", "S72.001A | E78.5", "V45.81/250.00"]
    found = scan_frame(pl.DataFrame({"c7": values * 40})).finding("c7")
    assert found.kind is Kind.DIAGNOSIS_CODE


def test_a_list_hiding_an_ssn_is_not_a_code_list() -> None:
    values = ["E11.65;123-45-6789", "I10;234-56-7890"] * 40
    assert scan_frame(pl.DataFrame({"c7": values})).finding("c7").kind is not Kind.DIAGNOSIS_CODE
