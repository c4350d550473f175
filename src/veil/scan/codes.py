"""Recognizers for clinical code systems: diagnoses (ICD-10-CM, ICD-9-CM), procedures
(CPT, HCPCS level II), lab tests (LOINC), drug products (NDC) and SNOMED CT ids.

Codes are clinical content, not identifiers, so Safe Harbor keeps them; each
rule therefore needs content evidence, and a header may add to it but never
replaces it. Codes with a check digit (LOINC's mod 10, SNOMED CT's Verhoeff
digit and partition) or a shape no identifier has (ICD-10 '[letter]dd.d',
hyphenated NDC, a mix of CPT with HCPCS letters) decide from content alone.

Bare numbers are another matter: a five-digit CPT code looks like a ZIP code,
an undotted ICD-9 code like a ZIP or a count, an 11-digit NDC like an account
number. Such columns are checked as codes only under a code-like header (`*_NAMED`
rules), never as an NPI by content (values that pass the NPI check digit are
not NDCs), and never when nearly every value is distinct: clinical codes repeat
across patients, identifiers do not (see `unique_per_row`). A header never makes
ZIP-shaped numbers codes by itself: five-digit numbers are CPT codes only on content
evidence (`veil.scan.cpt`), else they stay ZIP codes (zip3 is the safe action).
"""

from __future__ import annotations

import re

import polars as pl
from stdnum import luhn, verhoeff

from veil.categories import Kind
from veil.scan.cpt import cpt_evidence, established
from veil.scan.ids import UNIQUE_RATIO
from veil.scan.recognizer import Header, Rule, ValueCheck, gate_on, pattern_check, uses
from veil.scan.sample import ColumnSample, Prefilter

UNIQUE_MIN_DISTINCT = 100
"""Distinct values from which a column distinct in nearly every row looks like an identifier."""
ZIP_SHAPED_SHARE = 0.5
"""Share of five-digit values from which bare procedure numbers need content evidence."""
LETTER_EVIDENCE = 0.1
"""Share of rows with letter codes (HCPCS, CPT II/III; ICD V/E) that tells codes from numbers."""


def unique_per_row(column: ColumnSample) -> bool:
    """Nearly every value distinct, over many values: an identifier's pattern, not a code's."""
    return column.distinct_ratio >= UNIQUE_RATIO and column.distinct >= UNIQUE_MIN_DISTINCT


def _unique_note(column: ColumnSample, strength: float) -> tuple[float, str]:
    if unique_per_row(column):
        return min(strength, 0.6), f", but {column.distinct_ratio:.0%} of values are distinct"
    return strength, ""


# --------------------------------------------------------------------------- diagnoses

ICD10 = r"^[A-Z][0-9][0-9AB](\.?[0-9A-Z]{1,4})?$"
"""ICD-10(-CM): a letter, two characters, then up to four after an optional dot."""
_CA_POSTAL = r"^[A-Z][0-9][A-Z][0-9][A-Z][0-9]$"
"""A Canadian postal code without its space ('K1A0B1') fits ICD10 but is geography."""
ICD9_VE = r"^(V[0-9]{2}(\.[0-9]{1,2})?|E[0-9]{3}(\.[0-9])?)$"
ICD9_NUMBER = r"^[0-9]{3}(\.[0-9]{1,2})?$"
_ICD9_BARE = r"^([0-9]{3,5}|V[0-9]{2,4}|E[0-9]{3,4})$"
_DIAGNOSIS_ANY = rf"{ICD10}|{ICD9_VE}|{ICD9_NUMBER}"


def listed(pattern: str) -> str:
    """A whole-value pattern widened to a list of such values ('E11.65;J45.909'): EHR
    extracts often hold several codes in one cell, separated by ; , | or /."""
    body = pattern.removeprefix("^").removesuffix("$")
    return rf"^(?:{body})(?:\s*[;,|/]\s*(?:{body}))*$"


ICD10_LIST = listed(ICD10)
ICD9_VE_LIST = listed(ICD9_VE)
_DIAGNOSIS_LISTED = f"{ICD10_LIST}|{ICD9_VE_LIST}|{ICD9_NUMBER}"
_DOT = r"\."


def _diagnosis_gate(column: ColumnSample) -> tuple[Prefilter, ...]:
    return gate_on(_DIAGNOSIS_LISTED) if column.is_string else ()


@uses(ICD10_LIST, _CA_POSTAL, ICD9_VE_LIST, ICD9_NUMBER, _DIAGNOSIS_LISTED, _DOT,
      gate=_diagnosis_gate)
def _diagnosis_check(column: ColumnSample) -> ValueCheck | None:
    """ICD-10 codes, and ICD-9 codes in a column that has letter codes (V, E or ICD-10).

    Numeric ICD-9 codes ('250.00') alone are indistinguishable from decimals
    ('138.2' mmol/L): they count only beside letter codes, or under a header.
    In a column distinct in nearly every row only dotted codes count: an
    undotted 'A12345' may as well be an identifier.
    """
    if not column.is_string:
        return None
    letters = (column.mask((ICD10_LIST,), (_CA_POSTAL,)) | column.contains(ICD9_VE_LIST))
    codes = letters
    if column.share_of(letters) >= LETTER_EVIDENCE:
        codes = letters | column.contains(ICD9_NUMBER)
    detail = "are ICD-10 or ICD-9 diagnosis codes"
    if unique_per_row(column):
        codes = codes & column.contains(_DOT)
        detail += " (dotted ones: values are distinct in nearly every row)"
    return ValueCheck(column.share_of(codes), column.nonnull, detail, strength=0.95)


def _icd9_gate(column: ColumnSample) -> tuple[Prefilter, ...]:
    return gate_on(rf"{_DIAGNOSIS_ANY}|{_ICD9_BARE}") if column.has_text else ()


@uses(rf"{_DIAGNOSIS_ANY}|{_ICD9_BARE}", gate=_icd9_gate)
def _diagnosis_named_check(column: ColumnSample) -> ValueCheck | None:
    """Any ICD-9 or ICD-10 shape, undotted numbers too: for columns named like diagnoses."""
    if not column.has_text:
        return None
    share = column.row_share(rf"{_DIAGNOSIS_ANY}|{_ICD9_BARE}")
    strength, note = _unique_note(column, 0.95)
    return ValueCheck(share, column.nonnull, f"are ICD-9 or ICD-10 codes, with or without "
                      f"the dot{note}", strength)


_DIAGNOSIS_HEADER = Header(
    strong=("icd", "icd code", "icd9", "icd 9", "icd9 code", "icd10", "icd 10", "icd10 code",
            "dx", "dx code", "diagnosis", "diagnoses", "diag", "diagnosis code", "condition",
            "problem", "primary dx", "principal diagnosis", "cause of death", "comorbidity"),
    exclude=("date", "zip", "postal"),
)

DIAGNOSIS_CODE = Rule(
    name="diagnosis_code",
    kind=Kind.DIAGNOSIS_CODE,
    header=_DIAGNOSIS_HEADER,
    value_check=_diagnosis_check,
)

DIAGNOSIS_CODE_NAMED = Rule(
    name="diagnosis_code_named",
    kind=Kind.DIAGNOSIS_CODE,
    header=_DIAGNOSIS_HEADER,
    value_check=_diagnosis_named_check,
    needs_header=True,
)

# --------------------------------------------------------------------------- procedures

PROCEDURE = r"^([0-9]{5}|[0-9]{4}[FTU]|[A-V][0-9]{4})$"
"""CPT category I (5 digits), II/III and PLA (4 digits + F, T, U), HCPCS level II (A-V + 4)."""
_PROCEDURE_LETTER = r"^([0-9]{4}[FTU]|[A-V][0-9]{4})$"
_PROCEDURE_INT = r"^[0-9]{3,5}$"
_CPT_RANGES = ((100, 1999), (10000, 99607))
"""Category I codes: anesthesia 00100-01999, then surgery to medicine 10004-99607 (with
margins, as the edition's bounds move); ZIP codes 02000-09999 are not CPT codes."""


def cpt_or_hcpcs_ok(value: str) -> bool:
    """A CPT code in the category I ranges (integers lost their leading zeros), or a
    letter code of the right shape."""
    if value.isdigit():
        number = int(value)
        return any(low <= number <= high for low, high in _CPT_RANGES)
    return re.fullmatch(_PROCEDURE_LETTER, value) is not None


def _procedure_pattern(column: ColumnSample) -> str:
    return _PROCEDURE_INT if column.is_integer else PROCEDURE


def _procedure_gate(column: ColumnSample) -> tuple[Prefilter, ...]:
    return gate_on(_procedure_pattern(column)) if column.has_text else ()


def _procedures(column: ColumnSample) -> float:
    return column.validated(cpt_or_hcpcs_ok, _procedure_pattern(column)).share


def _letter_gate(column: ColumnSample) -> tuple[Prefilter, ...]:
    return gate_on(PROCEDURE) if column.is_string else ()


@uses(PROCEDURE, _PROCEDURE_LETTER, gate=_letter_gate)
def _procedure_check(column: ColumnSample) -> ValueCheck | None:
    """CPT/HCPCS codes in a column that has letter codes (HCPCS, CPT II/III), or whose
    bare five-digit numbers are mostly frequently billed CPT codes (`_bare_evidence`).

    Other bare five-digit numbers look like ZIP codes, and three-digit integers like
    counts: they count only under a header (`PROCEDURE_CODE_NAMED`), and five-digit
    ones not even there without content evidence.
    """
    if not column.is_string:
        return None
    strength, note = _unique_note(column, 0.95)
    if column.row_share(_PROCEDURE_LETTER) < LETTER_EVIDENCE:
        bare = _bare_evidence(column)
        if bare is None or not bare[0]:
            return ValueCheck(0.0, column.nonnull, "are CPT or HCPCS codes (no letter codes, "
                              "and bare numbers not established as CPT codes by content)")
        return ValueCheck(_procedures(column), column.nonnull,
                          f"are CPT procedure codes ({bare[1]}){note}", strength)
    return ValueCheck(_procedures(column), column.nonnull,
                      f"are CPT or HCPCS procedure codes{note}", strength)


@uses(PROCEDURE, _PROCEDURE_INT, _PROCEDURE_LETTER, gate=_procedure_gate)
def _procedure_named_check(column: ColumnSample) -> ValueCheck | None:
    """CPT/HCPCS codes in a column named like procedures.

    The header only lets the check run; it is not evidence. Bare five-digit numbers
    are ZIP-shaped, so they count as CPT codes only on content evidence
    (`veil.scan.cpt`): letter codes beside them, or mostly frequently billed codes and
    no number that only a ZIP code can be. Otherwise the check finds nothing and the
    column's ZIP shape decides (fail closed).
    """
    if not column.has_text:
        return None
    strength, note = _unique_note(column, 0.95)
    letters = column.is_string and column.row_share(_PROCEDURE_LETTER) >= LETTER_EVIDENCE
    if not letters:
        bare = _bare_evidence(column)
        if bare is not None and not bare[0]:
            return ValueCheck(0.0, column.nonnull, bare[1], strength)
        if bare is not None:
            note = f" ({bare[1]}){note}"
    return ValueCheck(_procedures(column), column.nonnull,
                      f"are CPT or HCPCS procedure codes{note}", strength)


def _bare_evidence(column: ColumnSample) -> tuple[bool, str] | None:
    """For a column of mostly five-digit numbers: (established as CPT, why); None for
    other columns (three- and four-digit numbers are no ZIP codes' shape as text)."""
    shaped, frequent, not_cpt = cpt_evidence(pl.col("v"), integer=column.is_integer)
    five = column.expr_share("cpt:five", shaped)
    if five < ZIP_SHAPED_SHARE:
        return None
    common = column.expr_share("cpt:frequent", frequent)
    zip_only = column.expr_share("cpt:not-cpt", not_cpt)
    if established(1.0, common, zip_only):
        return True, f"{common:.0%} of rows are frequently billed CPT codes"
    return False, (f"are five-digit numbers that are ZIP-shaped: only {common:.0%} of rows are "
                   f"frequently billed CPT codes and {zip_only:.1%} are numbers no CPT code has, "
                   "so the header is not evidence (fail closed: read as ZIP codes)")


_NOT_PROCEDURE = (
    "zip", "zipcode", "postal", "postcode", "post", "zcta", "fips", "area", "country", "county",
    "state", "city", "dx", "diag", "diagnosis", "icd", "ndc", "loinc", "snomed", "drug", "lab",
    "phone", "security", "access", "promo", "pin", "verification", "date", "provider", "npi",
    "physician", "doctor", "patient", "member", "employee", "user", "account", "facility",
)
_PROCEDURE_HEADER = Header(
    strong=("cpt", "cpt4", "cpt 4", "hcpcs", "procedure", "procedure code", "proc code",
            "px code", "cpt code", "hcpcs code", "cpt hcpcs"),
    weak=("proc", "px", "code", "service code", "billing code"),
    exclude=_NOT_PROCEDURE,
)

PROCEDURE_CODE = Rule(
    name="procedure_code",
    kind=Kind.PROCEDURE_CODE,
    header=_PROCEDURE_HEADER,
    value_check=_procedure_check,
)

PROCEDURE_CODE_NAMED = Rule(
    name="procedure_code_named",
    kind=Kind.PROCEDURE_CODE,
    header=_PROCEDURE_HEADER,
    value_check=_procedure_named_check,
    needs_header=True,
)

# --------------------------------------------------------------------------- LOINC

LOINC = r"^[0-9]{1,5}-[0-9]$"


def loinc_ok(value: str) -> bool:
    """The LOINC mod 10 check digit (LOINC Users' Guide): from the right, the digits in
    odd positions doubled as one number, the even ones appended, the digits summed; the
    check digit brings the sum to a multiple of ten. That is the Luhn digit of the body."""
    body, _, check = value.partition("-")
    return bool(body) and luhn.calc_check_digit(body) == check


LOINC_CODE = Rule(
    name="loinc",
    kind=Kind.CLINICAL_CODE,
    header=Header(strong=("loinc", "loinc code", "loinc num", "loinc number", "lab code",
                          "test code", "observation code")),
    value_check=pattern_check(LOINC, detail="are LOINC codes with a valid check digit",
                              validator=loinc_ok, strength=0.95),
)

# --------------------------------------------------------------------------- NDC

NDC = r"^([0-9]{4}-[0-9]{4}-[0-9]{2}|[0-9]{5}-[0-9]{3}-[0-9]{2}|[0-9]{5}-[0-9]{4}-[0-9]{1,2})$"
"""The 10-digit 4-4-2, 5-3-2 and 5-4-1 forms and the 11-digit 5-4-2 billing form."""
_NDC_BARE = r"^([0-9]{10,11}|[0-9]{4,5}-[0-9]{3,4}-[0-9]{1,2})$"
_NDC_INT = r"^[0-9]{8,11}$"
_NPI_PREFIX = "80840"


def _not_npi(value: str) -> bool:
    """False for a 10-digit National Provider Identifier (Luhn over '80840' + digits)."""
    digits = value.replace("-", "")
    return not (len(digits) == 10 and luhn.is_valid(_NPI_PREFIX + digits))


def _ndc_gate(column: ColumnSample) -> tuple[Prefilter, ...]:
    if not column.has_text:
        return ()
    return gate_on(_NDC_INT if column.is_integer else _NDC_BARE)


@uses(_NDC_BARE, _NDC_INT, gate=_ndc_gate)
def _ndc_named_check(column: ColumnSample) -> ValueCheck | None:
    """NDCs without hyphens, in a column named like drug codes; NPIs are not counted."""
    if not column.has_text:
        return None
    found = column.validated(_not_npi, _NDC_INT if column.is_integer else _NDC_BARE)
    strength, note = _unique_note(column, 0.95)
    return ValueCheck(found.share, found.tested, f"are 10-11 digit NDCs (not NPIs){note}",
                      strength)


_NDC_HEADER = Header(strong=("ndc", "ndc code", "ndc10", "ndc11", "ndc 10", "ndc 11",
                             "national drug code", "drug code", "product ndc", "package ndc"))

NDC_CODE = Rule(
    name="ndc",
    kind=Kind.CLINICAL_CODE,
    header=_NDC_HEADER,
    value_check=pattern_check(NDC, detail="are NDCs in a hyphenated 4-4-2, 5-3-2, 5-4-1 "
                              "or 5-4-2 form", strength=0.9),
)

NDC_CODE_NAMED = Rule(
    name="ndc_named",
    kind=Kind.CLINICAL_CODE,
    header=_NDC_HEADER,
    value_check=_ndc_named_check,
    needs_header=True,
)

# --------------------------------------------------------------------------- SNOMED CT

SCTID = r"^[1-9][0-9]{5,17}$"
_PARTITIONS = frozenset({"00", "01", "02", "10", "11", "12"})
"""Concept, description and relationship ids, in the short (0x) and extension (1x) format."""


def sctid_ok(value: str) -> bool:
    """A SNOMED CT id: a known partition before the Verhoeff check digit; an extension id
    (partition 1x) also holds a 7-digit namespace."""
    partition = value[-3:-1]
    if partition not in _PARTITIONS or (partition[0] == "1" and len(value) < 11):
        return False
    return bool(verhoeff.is_valid(value))


SNOMED_CT = Rule(
    name="snomed_ct",
    kind=Kind.CLINICAL_CODE,
    header=Header(strong=("snomed", "snomed ct", "snomedct", "sctid", "snomed code",
                          "snomed id", "concept id", "conceptid")),
    value_check=pattern_check(SCTID, detail="are SNOMED CT ids (partition and Verhoeff "
                              "check digit)", validator=sctid_ok, strength=0.95),
)

RECOGNIZERS = (DIAGNOSIS_CODE, DIAGNOSIS_CODE_NAMED, PROCEDURE_CODE, PROCEDURE_CODE_NAMED,
               LOINC_CODE, NDC_CODE, NDC_CODE_NAMED, SNOMED_CT)
"""Ties go to the earlier rule: a column of letter + 4 digits alone fits ICD-10 and HCPCS."""
