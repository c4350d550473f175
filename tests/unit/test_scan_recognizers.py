"""Table-driven cases per recognizer: what a column holds decides its kind.

Each positive case is a small column (header, values) and the kind the scanner
must propose; each negative case names a kind the column must not get. Most
headers are meaningless (`c0`), so content alone has to decide.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from typing import Any

import polars as pl
import pytest

from veil.categories import Kind, Role
from veil.scan import scan_frame

N = 60


def _rng(seed: int) -> random.Random:
    return random.Random(seed)


def _many(make: Callable[[random.Random], Any], n: int = N, seed: int = 0) -> list[Any]:
    rnd = _rng(seed)
    return [make(rnd) for _ in range(n)]


def _ssn(r: random.Random) -> str:
    return f"{r.randint(1, 665):03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"


def _phone(r: random.Random) -> str:
    area, exchange, line = r.randint(201, 989), r.randint(200, 999), r.randint(0, 9999)
    style = r.randrange(4)
    if style == 0:
        return f"({area}) {exchange}-{line:04d}"
    if style == 1:
        return f"{area}-{exchange}-{line:04d}"
    if style == 2:
        return f"+1 {area}.{exchange}.{line:04d}"
    return f"{area}-{exchange}-{line:04d}x{r.randint(1, 999)}"


def _luhn_complete(digits: str) -> str:
    """Append the Luhn check digit (written independently of stdnum)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return digits + str((10 - total % 10) % 10)


def _card(r: random.Random) -> str:
    return _luhn_complete("4" + "".join(r.choice(string.digits) for _ in range(14)))


_VIN_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
_TRANSLIT = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9,
                                                  2, 3, 4, 5, 6, 7, 8, 9], strict=True))
_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def _vin(r: random.Random) -> str:
    chars = [r.choice(_VIN_ALPHABET) for _ in range(17)]
    chars[0] = r.choice("12345JKLSTVWYZ")
    chars[10] = r.choice(string.digits)
    total = sum((int(c) if c.isdigit() else _TRANSLIT[c]) * w
                for c, w in zip(chars, _WEIGHTS, strict=True))
    chars[8] = "X" if total % 11 == 10 else str(total % 11)
    return "".join(chars)


def _gtin14(r: random.Random) -> str:
    body = "".join(r.choice(string.digits) for _ in range(13))
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


_MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY"


def _mbi(r: random.Random) -> str:
    a, d = _MBI_LETTERS, string.digits
    c = r.choice
    return (f"{c('123456789')}{c(a)}{c(a + d)}{c(d)}-{c(a)}{c(a + d)}{c(d)}-"
            f"{c(a)}{c(a)}{c(d)}{c(d)}")


FIRST = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda",
         "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
        "Rodriguez", "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas"]
STREETS = ["Main", "Oak", "Pine", "Maple", "Cedar", "Elm", "Washington", "Lake", "Hill"]
SUFFIXES = ["St", "Street", "Ave", "Avenue", "Rd", "Road", "Blvd", "Dr", "Lane", "Ct"]
CITIES = ["Boston", "Chicago", "Houston", "Phoenix", "Denver", "Seattle", "Atlanta", "Miami",
          "Springfield", "Portland", "Columbus", "Madison", "Dallas", "Austin"]
ICD = ["E11.9", "I10", "J45.909", "Z00.00", "M54.5", "F32.9", "E78.5", "K21.9", "N39.0",
       "R07.9", "I25.10", "J18.9", "E66.9", "G47.33", "S72.001A"]
WORDS = ["patient", "reports", "chest", "pain", "since", "yesterday", "denies", "fever",
         "chills", "nausea", "history", "of", "hypertension", "diabetes", "on", "metformin",
         "exam", "unremarkable", "plan", "follow", "up", "in", "two", "weeks", "with", "labs"]


def _note(r: random.Random) -> str:
    return " ".join(r.choice(WORDS) for _ in range(r.randint(10, 30))).capitalize() + "."


def _date(r: random.Random, fmt: str) -> str:
    import datetime as dt

    day = dt.date(1930, 1, 1) + dt.timedelta(days=r.randint(0, 33_000))
    return day.strftime(fmt)


POSITIVE: list[tuple[str, str, list[Any], Kind]] = [
    ("ssn formatted, meaningless header", "x7", _many(_ssn), Kind.SSN),
    ("ssn as integers", "ssn", _many(lambda r: r.randint(1_001_0001, 665_99_9999)), Kind.SSN),
    ("phone, meaningless header", "c0", _many(_phone), Kind.PHONE),
    ("fax needs its header", "fax_number", _many(_phone), Kind.FAX),
    ("email", "c1", _many(lambda r: f"user{r.randint(1, 10**6)}@example.org"), Kind.EMAIL),
    ("url", "c2", _many(lambda r: f"https://www.site{r.randint(1, 999)}.com/p/{r.randint(1, 99)}"),
     Kind.URL),
    ("ipv4", "c3", _many(lambda r: ".".join(str(r.randint(0, 255)) for _ in range(4))),
     Kind.IP_ADDRESS),
    ("ipv6", "c3", _many(lambda r: ":".join(f"{r.randint(0, 65535):x}" for _ in range(8))),
     Kind.IP_ADDRESS),
    ("vin with check digit", "c4", _many(_vin), Kind.VIN),
    ("payment card (Luhn)", "c5", _many(_card), Kind.ACCOUNT_NUMBER),
    ("iban", "c6", ["GB82WEST12345698765432", "DE89370400440532013000",
                    "NL91ABNA0417164300", "FR1420041010050500013M02606"] * 10,
     Kind.ACCOUNT_NUMBER),
    ("medicare mbi", "c7", _many(_mbi), Kind.HEALTH_PLAN_ID),
    ("health plan by header", "member_id", _many(lambda r: f"W{r.randint(10**8, 10**9)}"),
     Kind.HEALTH_PLAN_ID),
    ("mrn by header", "MRN", _many(lambda r: f"MR{r.randint(10**6, 10**7):07d}"), Kind.MRN),
    ("mrn as integers", "patient_id", _many(lambda r: r.randint(10**5, 10**7)), Kind.MRN),
    ("account by header", "account_number", _many(lambda r: f"A{r.randint(10**7, 10**8)}"),
     Kind.ACCOUNT_NUMBER),
    ("driver's licence by header", "DriversLicense",
     _many(lambda r: f"D{r.randint(10**6, 10**7)}"), Kind.LICENSE_NUMBER),
    ("licence plate by header", "license_plate",
     _many(lambda r: f"{r.randint(1, 9)}{''.join(r.choices(string.ascii_uppercase, k=3))}"
           f"{r.randint(100, 999)}"), Kind.LICENSE_PLATE),
    ("device serial by header", "pump_serial_number",
     _many(lambda r: f"SN-{r.randint(10**4, 10**5)}-A"), Kind.DEVICE_ID),
    ("udi by content", "c8", _many(lambda r: f"(01){_gtin14(r)}"), Kind.DEVICE_ID),
    ("mac address", "c9", _many(lambda r: ":".join(f"{r.randint(0, 255):02x}" for _ in range(6))),
     Kind.DEVICE_ID),
    ("biometric by header", "fingerprint_template",
     _many(lambda r: f"{r.getrandbits(256):064x}"), Kind.BIOMETRIC_ID),
    ("photo paths", "c10", _many(lambda r: f"/images/patients/p{r.randint(1, 10**6)}.jpg"),
     Kind.PHOTO),
    ("photo bytes", "c11", [b"\xff\xd8\xff\xe0" + bytes([i]) * 20 for i in range(N)], Kind.PHOTO),
    ("uuid codes", "c12", _many(lambda r: f"{r.getrandbits(128):032x}"), Kind.OTHER_ID),
    ("iso dates", "c13", _many(lambda r: _date(r, "%Y-%m-%d")), Kind.DATE),
    ("birth date by header", "date_of_birth", _many(lambda r: _date(r, "%m/%d/%Y")),
     Kind.BIRTH_DATE),
    ("death date by header", "DOD", _many(lambda r: _date(r, "%d-%b-%Y")), Kind.DEATH_DATE),
    ("age by header", "age", _many(lambda r: r.randint(0, 99)), Kind.AGE),
    ("age strings with 90+", "patient_age", _many(lambda r: r.choice(["45", "90+", "3", "67"])),
     Kind.AGE),
    ("year by content", "c14", _many(lambda r: r.randint(1930, 2020)), Kind.YEAR),
    ("zip strings with leading zeros", "c15", _many(lambda r: f"{r.randint(1001, 99950):05d}"),
     Kind.ZIP),
    ("zip+4", "c16", _many(lambda r: f"{r.randint(1001, 99950):05d}-{r.randint(0, 9999):04d}"),
     Kind.ZIP),
    ("zip integers by header", "zip", _many(lambda r: r.randint(1001, 99950)), Kind.ZIP),
    ("state codes", "c17", _many(lambda r: r.choice(["MA", "CA", "NY", "TX", "FL", "WA"])),
     Kind.STATE),
    ("state names", "c17", _many(lambda r: r.choice(["Massachusetts", "Ohio", "New York"])),
     Kind.STATE),
    ("city by header", "city", _many(lambda r: r.choice(CITIES)), Kind.CITY),
    ("city by content", "c18", _many(lambda r: r.choice(CITIES)), Kind.CITY),
    ("county suffix", "c19", _many(lambda r: r.choice(["Suffolk County", "Cook County",
                                                       "Orleans Parish"])), Kind.COUNTY),
    ("street address", "c20", _many(lambda r: f"{r.randint(1, 9999)} {r.choice(STREETS)} "
                                    f"{r.choice(SUFFIXES)}"), Kind.STREET_ADDRESS),
    ("po box", "c20", _many(lambda r: f"PO Box {r.randint(1, 9999)}"), Kind.STREET_ADDRESS),
    ("coordinate pairs", "c21", _many(lambda r: f"{r.uniform(25, 48):.5f}, "
                                      f"{r.uniform(-124, -67):.5f}"), Kind.GEO_COORDINATE),
    ("latitude by header", "latitude", _many(lambda r: r.uniform(25, 48)), Kind.GEO_COORDINATE),
    ("full names", "c22", _many(lambda r: f"{r.choice(FIRST)} {r.choice(LAST)}"),
     Kind.PERSON_NAME),
    ("last, first", "c23", _many(lambda r: f"{r.choice(LAST)}, {r.choice(FIRST)}"),
     Kind.PERSON_NAME),
    ("first names upper-case", "c24", _many(lambda r: r.choice(FIRST).upper()), Kind.PERSON_NAME),
    ("sex codes", "c25", _many(lambda r: r.choice("MF")), Kind.SEX),
    ("gender words", "gender", _many(lambda r: r.choice(["Male", "Female", "Unknown"])),
     Kind.SEX),
    ("race", "c26", _many(lambda r: r.choice(["White", "Black or African American", "Asian",
                                              "Other"])), Kind.RACE),
    ("ethnicity", "c27", _many(lambda r: r.choice(["Hispanic or Latino",
                                                   "Not Hispanic or Latino"])), Kind.ETHNICITY),
    ("height by header", "height_cm", _many(lambda r: round(r.uniform(140, 200), 1)),
     Kind.HEIGHT),
    ("weight by header", "WeightKg", _many(lambda r: round(r.uniform(40, 150), 1)), Kind.WEIGHT),
    ("icd-10", "c28", _many(lambda r: r.choice(ICD)), Kind.DIAGNOSIS_CODE),
    ("lab by header", "hba1c", _many(lambda r: round(r.uniform(4, 12), 1)), Kind.LAB_VALUE),
    ("length of stay by header", "length_of_stay", _many(lambda r: r.randint(0, 30)),
     Kind.LENGTH_OF_STAY),
    ("floats without header", "c29", _many(lambda r: r.gauss(100, 15)), Kind.CLINICAL),
    ("free text", "c30", _many(_note), Kind.FREE_TEXT),
    ("booleans", "c31", _many(lambda r: r.random() < 0.5), Kind.OTHER),
    ("low-cardinality labels", "c32", _many(lambda r: r.choice(["Emergency", "Elective"])),
     Kind.OTHER),
]


@pytest.mark.parametrize(("header", "values", "expected"),
                         [c[1:] for c in POSITIVE], ids=[c[0] for c in POSITIVE])
def test_column_is_recognized(header: str, values: list[Any], expected: Kind) -> None:
    found = scan_frame(pl.DataFrame({header: values})).finding(header)
    assert found.kind is expected, found.to_dict()
    assert 0.0 < found.confidence <= 1.0


NEGATIVE: list[tuple[str, str, list[Any], Kind]] = [
    ("ssn with invalid areas", "c0",
     _many(lambda r: r.choice(["000", "666", "900", "987"]) + f"-{r.randint(10, 99)}-"
           f"{r.randint(1000, 9999)}"), Kind.SSN),
    ("ssn-like but 8 digits", "c0", _many(lambda r: f"{r.randint(100, 999)}-{r.randint(10, 99)}-"
                                         f"{r.randint(100, 999)}"), Kind.SSN),
    ("short numbers are not phones", "c1", _many(lambda r: str(r.randint(1000, 99999))),
     Kind.PHONE),
    ("iso dates are not phones", "c1", _many(lambda r: _date(r, "%Y-%m-%d")), Kind.PHONE),
    ("text with at-signs", "c2", _many(lambda r: f"meet @ {r.randint(1, 12)}pm"), Kind.EMAIL),
    ("versions are not ips", "c3", _many(lambda r: f"{r.randint(300, 999)}.1.2.3"),
     Kind.IP_ADDRESS),
    ("luhn-invalid 16 digits", "c4",
     _many(lambda r: str(int(_card(r)) + 1) if _card(r)[-1] != "9" else "4000000000000001"),
     Kind.ACCOUNT_NUMBER),
    ("lowercase hex is not a vin", "c5", _many(lambda r: f"{r.getrandbits(68):017x}"[:17]),
     Kind.VIN),
    ("random 8-digit codes are not dates", "c6",
     _many(lambda r: str(r.randint(10**7, 10**8 - 1))), Kind.DATE),
    ("drug names are not person names", "c7",
     _many(lambda r: r.choice(["Metformin", "Lisinopril", "Atorvastatin", "Amlodipine",
                               "Omeprazole", "Levothyroxine"])), Kind.PERSON_NAME),
    ("small integers are not zips", "c8", _many(lambda r: r.randint(1, 5)), Kind.ZIP),
    ("small integers without header are not ages", "c8", _many(lambda r: r.randint(1, 90)),
     Kind.AGE),
    ("short labels are not free text", "c9", _many(lambda r: r.choice(["chest pain", "cough"])),
     Kind.FREE_TEXT),
    ("sentences are not street addresses", "c10", _many(_note), Kind.STREET_ADDRESS),
    ("icd codes are not other ids", "c11", _many(lambda r: r.choice(ICD)), Kind.OTHER_ID),
]


@pytest.mark.parametrize(("header", "values", "forbidden"),
                         [c[1:] for c in NEGATIVE], ids=[c[0] for c in NEGATIVE])
def test_column_is_not_misrecognized(header: str, values: list[Any], forbidden: Kind) -> None:
    found = scan_frame(pl.DataFrame({header: values})).finding(header)
    assert found.kind is not forbidden, found.to_dict()


@pytest.mark.parametrize(
    ("header", "values", "expected"),
    [
        ("phone", _many(lambda r: f"user{r.randint(1, 10**6)}@example.org"), Kind.EMAIL),
        ("notes", _many(_ssn), Kind.SSN),
        ("zip", _many(lambda r: _date(r, "%m/%d/%Y")), Kind.DATE),
    ],
    ids=["emails under a phone header", "ssns under a notes header", "dates under a zip header"],
)
def test_content_beats_a_contradicting_header(
    header: str, values: list[Any], expected: Kind
) -> None:
    assert scan_frame(pl.DataFrame({header: values})).finding(header).kind is expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [("ssn", Kind.SSN), ("fax", Kind.FAX), ("mrn", Kind.MRN), ("email_address", Kind.EMAIL),
     ("fingerprint", Kind.BIOMETRIC_ID), ("patient_photo", Kind.PHOTO)],
)
def test_header_alone_names_an_identifier_with_lower_confidence(
    header: str, expected: Kind
) -> None:
    """Values that fit nothing (masked, placeholder) still leave the header's kind."""
    values = ["(redacted)", "n/a", "unknown", "(redacted)"] * 10
    found = scan_frame(pl.DataFrame({header: values})).finding(header)
    assert found.kind is expected
    assert found.role is Role.DIRECT
    assert found.confidence < 0.8
