"""Recognizers for identifying numbers: SSN (G), MRN (H), health plan (I), account (J),
licence (K), vehicle (L), device (M) and any other unique code (R).

Checksums and strict formats (SSN area rules, Luhn, IBAN, VIN check digit, GS1,
Medicare MBI) decide from content alone. Most other numbers are opaque codes
that only the header can name; with a meaningless header such a column still
comes out as OTHER_ID when its values are distinct code-like strings, so an
identifier never falls through to a harmless kind.
"""

from __future__ import annotations

import re

from stdnum import ean, iban, luhn
from stdnum.us import ssn

from veil.categories import Kind
from veil.scan.recognizer import (
    Check,
    Header,
    Rule,
    ValueCheck,
    best_of,
    gate_on,
    pattern_check,
    uses,
)
from veil.scan.sample import ColumnSample, Prefilter

ID_LIKE = r"^[A-Za-z0-9#][A-Za-z0-9\-_./:# ]{2,63}$"
"""Code-like text: letters, digits and a few separators (used with HAS_DIGIT and ID_EXCLUDE)."""
HAS_DIGIT = r"\d"
ID_EXCLUDE = (r"^[+\-]?\d+\.\d+$", r"(\S+\s+){3}")
"""Not decimals, and not runs of four or more words."""


def id_like(strength: float = 0.8) -> Check:
    """Values that look like opaque identifiers (the generic content test of header-led kinds)."""
    return pattern_check(
        ID_LIKE, HAS_DIGIT, exclude=ID_EXCLUDE,
        detail="are code-like identifiers (letters, digits, separators)",
        strength=strength,
    )


_SSN = r"^\d{3}[\s\-]?\d{2}[\s\-]?\d{4}$"
_SSN_FORMATTED = r"^\d{3}[\s\-]\d{2}[\s\-]\d{4}$"
_SSN_INTEGER = r"^\d{7,9}$"


def _ssn_ok(value: str) -> bool:
    digits = re.sub(r"[\s\-]", "", value).zfill(9)
    return bool(ssn.is_valid(digits))


def _ssn_pattern(column: ColumnSample) -> str:
    return _SSN_INTEGER if column.is_integer else _SSN  # integers lose leading zeros


def _ssn_gate(column: ColumnSample) -> tuple[Prefilter, ...]:
    return gate_on(_ssn_pattern(column)) if column.has_text else ()


@uses(_SSN, _SSN_FORMATTED, _SSN_INTEGER, gate=_ssn_gate)
def _ssn_check(column: ColumnSample) -> ValueCheck | None:
    """Valid SSNs (stdnum: area, group, serial rules); bare 9-digit numbers count less."""
    if not column.has_text:
        return None
    pattern = _ssn_pattern(column)
    found = column.validated(_ssn_ok, pattern)
    formatted = column.row_share(_SSN_FORMATTED)
    strength = 0.75 + 0.25 * (min(formatted / found.share, 1.0) if found.share else 0.0)
    return ValueCheck(found.share, found.tested, "are valid SSNs (stdnum.us.ssn)", strength)


def _card_ok(value: str) -> bool:
    digits = re.sub(r"[\s\-]", "", value)
    return 13 <= len(digits) <= 19 and bool(luhn.is_valid(digits))


def _iban_ok(value: str) -> bool:
    return bool(iban.is_valid(value))


_VIN_VALUES = {
    **{str(d): d for d in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)), "P": 7, "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def vin_check_digit_ok(value: str) -> bool:
    """The ISO 3779 / North American check digit (position 9) of a 17-character VIN."""
    vin = value.upper()
    if len(vin) != 17 or any(c not in _VIN_VALUES for c in vin):
        return False
    total = sum(_VIN_VALUES[c] * w for c, w in zip(vin, _VIN_WEIGHTS, strict=True))
    remainder = total % 11
    return vin[8] == ("X" if remainder == 10 else str(remainder))


def _udi_ok(value: str) -> bool:
    gtin = re.sub(r"^\(?01\)?", "", value)[:14]
    return bool(ean.is_valid(gtin))


UNIQUE_RATIO = 0.9
"""Distinct ratio from which a code-like column is taken as unique per row."""
MANY_CODES = 50
"""Distinct code-like values from which a repeating column is still taken as an identifier."""


def _integer_digits(column: ColumnSample) -> int:
    """How many digits make an integer a code: fewer when every value is distinct."""
    return 4 if column.distinct_ratio >= UNIQUE_RATIO else 6


def _unique_code_gate(column: ColumnSample) -> tuple[Prefilter, ...]:
    if not column.has_text:
        return ()
    if column.is_integer:
        return gate_on(rf"^\d{{{_integer_digits(column)},}}$")
    return gate_on(ID_LIKE, HAS_DIGIT, exclude=_text_exclude(column))


def _text_exclude(column: ColumnSample) -> tuple[str, ...]:
    """Text that is not a code: ID_EXCLUDE, and numbers too short to be one (the same
    digit count as for integer columns: a CSV of response times is not a code column)."""
    return (*ID_EXCLUDE, rf"^\d{{1,{_integer_digits(column) - 1}}}$")


@uses(r"^\d{4,}$", r"^\d{6,}$", ID_LIKE, HAS_DIGIT, *ID_EXCLUDE, r"^\d{1,3}$", r"^\d{1,5}$",
      gate=_unique_code_gate)
def _unique_code_check(column: ColumnSample) -> ValueCheck | None:
    """Code-like values with many distinct values (HIPAA (R) 'any other unique code').

    Unique per row (distinct ratio >= 0.9) is the clearest case; a column that
    repeats (an MRN in a table of visits) but still holds many distinct codes
    counts too, with less strength.
    """
    if not column.has_text:
        return None
    if column.is_integer:
        digits = _integer_digits(column)
        share = column.row_share(rf"^\d{{{digits},}}$")
        what = f"are integers of {digits} or more digits"
    else:
        share = column.row_share(ID_LIKE, HAS_DIGIT, exclude=_text_exclude(column))
        what = "are code-like strings"
    ratio = column.distinct_ratio
    if ratio >= UNIQUE_RATIO:
        return ValueCheck(share, column.nonnull, f"{what}, distinct ratio {ratio:.2f}", 0.8)
    if column.distinct >= MANY_CODES:
        return ValueCheck(share, column.nonnull,
                          f"{what}, {column.distinct} distinct values", strength=0.7)
    return ValueCheck(0.0, column.nonnull, f"{what}, but too few distinct values")


_MBI = (
    r"^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?"
    r"[AC-HJKMNP-RT-Y]{2}\d{2}$"
)

SSN = Rule(
    name="ssn",
    kind=Kind.SSN,
    header=Header(strong=("ssn", "social security", "social security number", "socsec",
                          "ss number", "ss no", "ssnumber", "tin", "itin")),
    value_check=_ssn_check,
)

MRN = Rule(
    name="mrn",
    kind=Kind.MRN,
    header=Header(strong=(
        "mrn", "medical record", "medical record number", "med rec", "medrec", "patient id",
        "patientid", "pat id", "pt id", "pid", "chart", "chart number", "chart no",
        "record number", "hospital number", "person id", "subject id", "enterprise id",
        "empi", "mpi", "patient number", "patient no", "patient key", "unit number", "urn",
    )),
    value_check=id_like(),
    needs_header=True,
)

MEDICARE_MBI = Rule(
    name="medicare_mbi",
    kind=Kind.HEALTH_PLAN_ID,
    header=Header(strong=("mbi", "medicare", "medicare id", "medicare number", "hicn")),
    value_check=pattern_check(_MBI, detail="match the Medicare beneficiary identifier format",
                              strength=0.95),
)

HEALTH_PLAN = Rule(
    name="health_plan",
    kind=Kind.HEALTH_PLAN_ID,
    header=Header(strong=(
        "health plan", "member id", "member number", "member no", "memberid", "subscriber",
        "subscriber id", "beneficiary", "insurance id", "insurance number", "insurance no",
        "policy number", "policy no", "policy id", "medicaid", "medicaid id", "insured id",
        "plan member", "payer member", "group number", "hic", "hicn",
    )),
    value_check=id_like(),
    needs_header=True,
)

PAYMENT_CARD = Rule(
    name="payment_card",
    kind=Kind.ACCOUNT_NUMBER,
    header=Header(strong=("card", "credit card", "card number", "cc number", "pan", "debit card")),
    value_check=pattern_check(
        r"^\d[\d\s\-]{11,22}\d$",
        detail="are 13-19 digit numbers with a valid Luhn checksum",
        validator=_card_ok, strength=0.9,
    ),
)

IBAN = Rule(
    name="iban",
    kind=Kind.ACCOUNT_NUMBER,
    header=Header(strong=("iban", "bank account")),
    value_check=pattern_check(
        r"^[A-Z]{2}\d{2}[A-Z0-9 ]{11,32}$", detail="are valid IBANs (stdnum.iban)",
        validator=_iban_ok,
    ),
)

ACCOUNT = Rule(
    name="account",
    kind=Kind.ACCOUNT_NUMBER,
    header=Header(strong=("account", "acct", "acc no", "account number", "account no",
                          "accountnumber", "billing account", "bank account", "guarantor account",
                          "fin", "financial number", "har", "invoice", "routing")),
    value_check=id_like(),
    needs_header=True,
)

LICENSE = Rule(
    name="license",
    kind=Kind.LICENSE_NUMBER,
    header=Header(
        strong=("license", "licence", "license number", "licence number", "dl", "dl number",
                "drivers license", "driver license", "driving licence", "driverslicense",
                "certificate", "cert number", "certification", "npi", "dea", "passport",
                "passport number", "permit", "state license"),
        exclude=("plate", "tag", "date", "type", "expiration", "expiry", "issued"),
    ),
    value_check=id_like(),
    needs_header=True,
)

VIN = Rule(
    name="vin",
    kind=Kind.VIN,
    header=Header(strong=("vin", "vehicle id", "vehicle identification", "vehicle identification "
                          "number", "chassis", "chassis number")),
    value_check=best_of(
        pattern_check(r"^[A-HJ-NPR-Z0-9]{17}$", r"\d", r"[A-Z]",
                      detail="are 17-character VINs with a valid check digit",
                      validator=vin_check_digit_ok),
        pattern_check(r"^[A-HJ-NPR-Z0-9]{17}$", r"\d", r"[A-Z]",
                      detail="have the 17-character VIN alphabet (no check digit)",
                      strength=0.85),
    ),
)

LICENSE_PLATE = Rule(
    name="license_plate",
    kind=Kind.LICENSE_PLATE,
    header=Header(strong=("plate", "license plate", "licence plate", "plate number", "tag number",
                          "vehicle registration", "registration number", "reg no", "numberplate",
                          "licenseplate")),
    value_check=pattern_check(
        r"^[A-Z0-9]{1,4}[\s\-]?[A-Z0-9]{1,4}[\s\-]?[A-Z0-9]{0,4}$", r"\d",
        detail="look like licence plates (2-8 letters and digits)", strength=0.8,
    ),
    needs_header=True,
)

DEVICE_CODE = Rule(
    name="device_code",
    kind=Kind.DEVICE_ID,
    header=Header(strong=("udi", "mac", "mac address", "macaddress", "device identifier")),
    value_check=best_of(
        pattern_check(r"^\(?01\)?\d{14}", detail="are GS1 device identifiers (UDI-DI)",
                      validator=_udi_ok),
        pattern_check(r"^(([0-9A-Fa-f]{2}[:\-]){5}[0-9A-Fa-f]{2}|([0-9A-Fa-f]{4}\.){2}[0-9A-Fa-f]{4})$",
                      detail="are MAC addresses"),
    ),
)

DEVICE = Rule(
    name="device",
    kind=Kind.DEVICE_ID,
    header=Header(
        strong=("device", "device id", "deviceid", "serial", "serial number", "serial no",
                "serialnumber", "sn", "implant", "implant id", "pacemaker", "imei", "meid",
                "equipment id", "asset tag", "pump id", "monitor id", "device serial"),
        exclude=("type", "name", "model", "manufacturer", "category", "class"),
    ),
    value_check=id_like(),
    needs_header=True,
)

OTHER_ID = Rule(
    name="other_id",
    kind=Kind.OTHER_ID,
    header=Header(
        strong=("identifier", "uuid", "guid", "unique id", "encounter id", "visit id",
                "claim id", "claim number", "order id", "case id", "study id", "sample id",
                "specimen id", "accession", "accession number", "barcode", "token",
                "username", "user name", "login", "user id", "userid", "handle",
                "screen name"),
        weak=("id", "key", "number", "num", "no", "code", "ref", "reference"),
    ),
    value_check=_unique_code_check,
)

RECOGNIZERS = (SSN, MEDICARE_MBI, PAYMENT_CARD, IBAN, VIN, DEVICE_CODE, MRN, HEALTH_PLAN,
               ACCOUNT, LICENSE, LICENSE_PLATE, DEVICE, OTHER_ID)
