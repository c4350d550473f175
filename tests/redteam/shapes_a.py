"""Red-team extracts, part A: pharmacy, scheduling, European national identifiers, a
tumour registry's split dates, pandas float identifiers, unusual Arrow types."""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.es import dni as std_dni
from stdnum.fr import nir as std_nir
from stdnum.it import codicefiscale as std_cf

from tests.redteam.kit import (
    Aligned,
    Attack,
    Rng,
    iso,
    mask,
    name_needles,
    ordinal,
    people,
    plant,
    repeat,
    strftime,
    tools,
)
from tests.shapes import fakes
from tests.shapes.model import Category, Extract, Match, Utility

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
LONG_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
ICD10 = ("E11.9", "I10", "J45.909", "M54.5", "F32.9", "N39.0", "K21.9", "E78.5", "I48.91",
         "C50.911", "J18.9", "Z79.4")
NDC = ("00093-7180-01", "00378-1800-10", "68180-0513-01", "00071-0155-23", "50580-0496-60",
       "00904-5824-61", "60505-2579-03", "00002-8215-01")
DRUGS = ("Allegra 180 mg tab", "Lyrica 75 mg cap", "Ella 30 mg tab", "Celexa 20 mg tab",
         "Lasix 40 mg tab", "Norvasc 5 mg tab", "Keppra 500 mg tab", "Zoloft 50 mg tab",
         "Xarelto 20 mg tab", "Eliquis 5 mg tab", "metformin 500 mg tab",
         "atorvastatin 40 mg tab")
SIG = ("1 tab PO daily", "1 tab PO BID", "1 cap PO TID", "2 tabs PO qHS", "1 tab PO q8h PRN pain",
       "1 tab SL q5min PRN x3")


def _caps_name(first: str, last: str, style: int) -> str:
    return (f"{last.upper()}, {first.upper()}", f"{first} {last}",
            f"{last.upper()} {first.upper()}", f"{last}, {first}")[style]


def _mixed_people(seed: int, salt: str, n: int) -> list[tuple[str, str, str]]:
    """Names from several locales (particles, accents, hyphens, Gaelic and Vietnamese)."""
    fake, _ = tools(seed, salt, ["en_US", "es_MX", "nl_NL", "ga_IE", "vi_VN", "de_DE", "pl_PL",
                                 "fr_FR", "it_IT", "yo_NG"])
    return people(fake, n)


def pharmacy_fills(rows: int, seed: int) -> Attack:
    """Retail pharmacy fills: ALL CAPS names with particles and accents, birth dates as
    "3rd May 1948" and SAS DATE9 "03MAY1948", fill dates as ISO week dates, telephone
    numbers as bare integers, Rx numbers, a dozen prescribers as "SURNAME I MD"."""
    _fake, rng = tools(seed, "pharmacy")
    owner = repeat(rng, rows, 1, 8)
    n = int(owner.max()) + 1
    pats = _mixed_people(seed, "pharmacy-people", n)
    style = rng.integers(0, 4, n)
    dob = fakes.days(rng, n, dt.date(1932, 1, 1), dt.date(2006, 12, 31))
    dob_style = rng.integers(0, 3, n)
    dob_d = [d.astype(object) for d in dob]
    dob_text = [(f"{ordinal(d.day)} {LONG_MONTHS[d.month - 1]} {d.year}",
                 f"{LONG_MONTHS[d.month - 1]} {ordinal(d.day)}, {d.year}",
                 f"{d.day:02d}{MONTHS[d.month - 1].upper()}{d.year}")[s]
                for d, s in zip(dob_d, dob_style, strict=True)]
    fill = fakes.days(rng, rows, dt.date(2020, 1, 1), dt.date(2025, 6, 30))
    fill_d = [d.astype(object) for d in fill]
    week = [f"{d.isocalendar()[0]}-W{d.isocalendar()[1]:02d}-{d.isocalendar()[2]}"
            if i % 3 else f"{d.isocalendar()[0]}-W{d.isocalendar()[1]:02d}"
            for i, d in enumerate(fill_d)]
    ten = fakes.phones(rng, n)
    rx = [f"RX{d}-{r:02d}" for d, r in zip(fakes.digits(rng, rows, 7), rng.integers(0, 12, rows),
                                             strict=True)]
    docs = _mixed_people(seed, "pharmacy-docs", 12)
    doc_names = [f"{la.upper()} {f[0].upper()} {('MD', 'DO', 'NP', 'PA-C')[i % 4]}"
                 for i, (f, _, la) in enumerate(docs)]
    doc_of = rng.integers(0, 12, rows)
    frame = pl.DataFrame({
        "RX_NUMBER": rx,
        "PATIENT": [_caps_name(pats[o][0], pats[o][2], int(style[o])) for o in owner],
        "DOB": [dob_text[o] for o in owner],
        "FILL_WEEK": week,
        "PHONE": [ten[o] for o in owner],
        "PRESCRIBER": [doc_names[i] for i in doc_of],
        "NDC": fakes.pick(rng, NDC, rows),
        "DRUG": fakes.pick(rng, DRUGS, rows),
        "SIG": fakes.pick(rng, SIG, rows),
        "QTY": fakes.pick(rng, ("30", "60", "90", "14", "28"), rows),
        "DAYS_SUPPLY": fakes.pick(rng, ("30", "90", "7", "14"), rows),
        "REFILLS": [str(v) for v in rng.integers(0, 6, rows)],
        "DAW": fakes.pick(rng, ("0", "1", "2"), rows),
    })
    used = sorted(set(owner.tolist()))
    return Attack(Extract(
        "pharmacy_fills", "pharmacy fills: CAPS names with particles, 3rd May 1948, ISO weeks",
        frame, (
            plant("RX_NUMBER", Category.OTHER, Match.CODE, rx, rx),
            plant("PATIENT", Category.NAME, Match.TEXT, frame["PATIENT"], set().union(
                *(name_needles(pats[o][0], pats[o][2]) for o in used))),
            plant("DOB", Category.DATE, Match.DATE, frame["DOB"], iso(dob[used])),
            plant("DOB", Category.DATE, Match.TEXT, frame["DOB"], [], label="DOB (as written)"),
            plant("FILL_WEEK", Category.DATE, Match.TEXT, week, [], label="FILL_WEEK (ISO week)"),
            plant("PHONE", Category.PHONE, Match.CODE, frame["PHONE"], [ten[o] for o in used]),
            plant("PRESCRIBER", Category.NAME, Match.TEXT, frame["PRESCRIBER"],
                  [la for _, _, la in docs if len(la) > 3]),
        ), {c: Utility.EXACT for c in ("NDC", "DRUG", "SIG", "QTY", "DAYS_SUPPLY", "REFILLS",
                                       "DAW")}),
        "names outside the Census lists, written dates with ordinals, ISO week dates, "
        "10-digit phone integers, low-cardinality prescriber names")


def _obfuscated_email(first: str, last: str, domain: str, style: int) -> str:
    user = f"{first.lower()}.{last.lower()}".replace(" ", "")
    name, _, tld = domain.partition(".")
    return (f"{user} at {name} dot {tld}", f"{user}(at){name}(dot){tld}",
            f"{user} [at] {name} [dot] {tld}", f"{user.upper()} AT {name.upper()} DOT "
            f"{tld.upper()}", f"{user}@{name} . {tld}")[style]


def _intl_phone(rng: Rng, n: int) -> tuple[list[str], list[str]]:
    """Non-US mobile numbers as written, and their national significant digits."""
    shown, core = [], []
    for i in range(n):
        kind = i % 6
        d = "".join(str(x) for x in rng.integers(0, 10, 12))
        if kind == 0:
            c = "7700" + d[:6]
            shown.append(f"0{c[:4]} {c[4:]}")
        elif kind == 1:
            c = "7" + d[:9]
            shown.append(f"+44 {c[:4]} {c[4:]}")
        elif kind == 2:
            c = "6" + d[:8]
            shown.append(f"0{c[0]} {c[1:3]} {c[3:5]} {c[5:7]} {c[7:]}")
        elif kind == 3:
            c = "6" + d[:8]
            shown.append(f"+33 {c[0]} {c[1:3]} {c[3:5]} {c[5:7]} {c[7:]}")
        elif kind == 4:
            c = "171" + d[:7]
            shown.append(f"0049 {c[:3]} {c[3:]}" if i % 12 else f"0{c[:3]} {c[3:]}")
        else:
            c = "9" + d[:9]
            shown.append(f"+91-{c[:5]}-{c[5:]}")
        core.append(c)
    return shown, core


def appointments_intl(rows: int, seed: int) -> Attack:
    """An appointment book from a European clinic network: start times with offsets, RFC
    2822 and ordinal dates, obfuscated e-mails, UK/FR/DE/IN mobile numbers, eight
    clinicians with titles in their own languages."""
    _fake, rng = tools(seed, "appointments")
    owner = repeat(rng, rows, 1, 5)
    n = int(owner.max()) + 1
    pats = _mixed_people(seed, "appt-people", n)
    domains = fakes.pick(rng, ("gmail.com", "web.de", "orange.fr", "yahoo.co.uk", "libero.it"), n)
    mail = [_obfuscated_email(f, la, d, int(s)) for (f, _, la), d, s in
            zip(pats, domains, rng.integers(0, 5, n), strict=True)]
    has_mail = rng.random(n) < 0.6
    sms, core = _intl_phone(rng, n)
    day = fakes.days(rng, rows, dt.date(2023, 1, 1), dt.date(2025, 9, 30))
    hour = rng.integers(7, 19, rows)
    minute = rng.choice([0, 15, 30, 45], rows)
    starts: list[str] = []
    for d64, h, m, k in zip(day, hour, minute, rng.integers(0, 5, rows), strict=True):
        d = d64.astype(object)
        if k == 0:
            starts.append(f"{d}T{h:02d}:{m:02d}:00+01:00")
        elif k == 1:
            starts.append(f"{d} {h:02d}:{m:02d}:00 -0500")
        elif k == 2:
            starts.append(d.strftime(f"%a, %d %b %Y {h:02d}:{m:02d}:00 GMT"))
        elif k == 3:
            starts.append(f"{d.strftime('%Y%m%d')}T{h:02d}{m:02d}00Z")
        else:
            starts.append(f"{d.year}-{d.timetuple().tm_yday:03d}T{h:02d}:{m:02d}")
    titles = {"yo_NG": "Dr.", "de_DE": "Prof. Dr. med.", "es_ES": "Dra.", "ga_IE": "Dr",
              "vi_VN": "BS.", "pl_PL": "DR.", "it_IT": "Dott.", "fr_FR": "Pr"}
    clinicians = []
    clinician_needles: set[str] = set()
    for i, (loc, title) in enumerate(titles.items()):
        f_, _ = tools(seed, f"clin{i}", loc)
        first, last = f_.first_name(), f_.last_name()
        clinicians.append(f"{title} {first} {last}" if i % 2
                          else f"{title} {last.upper()}, {first}")
        clinician_needles |= name_needles(first, last)
    clin_of = rng.integers(0, len(clinicians), rows)
    frame = pl.DataFrame({
        "appt_start": starts,
        "contact_email": [mail[o] if has_mail[o] else None for o in owner],
        "sms": [sms[o] for o in owner],
        "clinician": [clinicians[i] for i in clin_of],
        "visit_type": fakes.pick(rng, ("new", "follow-up", "telehealth", "procedure"), rows),
        "duration_min": fakes.pick(rng, ("15", "20", "30", "45", "60"), rows),
        "status": fakes.pick(rng, ("booked", "arrived", "no-show", "cancelled"), rows),
        "room": fakes.pick(rng, ("4W-12", "B-203", "OP 3", "Tele"), rows),
    })
    return Attack(Extract(
        "appointments_intl", "offsets, RFC 2822, ordinal dates; obfuscated e-mail; EU phones",
        frame, (
            plant("appt_start", Category.DATE, Match.DATE, starts, iso(day)),
            plant("appt_start", Category.DATE, Match.TEXT, starts, [],
                  label="appt_start (as written)"),
            plant("contact_email", Category.EMAIL, Match.TEXT, frame["contact_email"], []),
            plant("sms", Category.PHONE, Match.CODE, frame["sms"], core),
            plant("clinician", Category.NAME, Match.TEXT, frame["clinician"], clinician_needles),
        ), {c: Utility.EXACT for c in ("visit_type", "duration_min", "status", "room")}),
        "time-zone offsets and rarer date spellings, 'x at y dot z' e-mails, non-NANP "
        "phones, low-cardinality clinician names with foreign titles")


def _nhs(rng: Rng) -> str:
    while True:
        d = [int(x) for x in rng.integers(0, 10, 9)]
        check = 11 - sum(v * (10 - i) for i, v in enumerate(d)) % 11
        if check == 11:
            check = 0
        if check != 10:
            return "".join(map(str, d)) + str(check)


def _bsn(rng: Rng) -> str:
    while True:
        d = [int(x) for x in rng.integers(0, 10, 9)]
        if d[0] and (sum(v * (9 - i) for i, v in enumerate(d[:8])) - d[8]) % 11 == 0:
            return "".join(map(str, d))


def _national_id(rng: Rng, kind: int, born: dt.date) -> tuple[str, str]:
    """(as written, the compact needle) for one of seven European national numbers."""
    digits = "".join(str(x) for x in rng.integers(0, 10, 10))
    if kind == 0:
        v = _nhs(rng)
        return (f"{v[:3]} {v[3:6]} {v[6:]}" if digits[0] < "5" else v), v
    if kind == 1:
        body = f"{1 + int(digits[0]) % 2}{born:%y%m}{int(digits[1:3]) % 95 + 1:02d}{digits[3:9]}"
        v = body + std_nir.calc_check_digits(body)
        return f"{v[0]} {v[1:3]} {v[3:5]} {v[5:7]} {v[7:10]} {v[10:13]} {v[13:]}", v
    if kind == 2:
        letters = "".join(rng.choice(list("BCDFGLMNPRSTVZ"), 6))
        body = (f"{letters}{born:%y}{'ABCDEHLMPRST'[born.month - 1]}{born.day:02d}"
                f"{rng.choice(list('ABCDEFGHLM'))}{digits[:3]}")
        v = body + std_cf.calc_check_digit(body)
        return v, v
    if kind == 3:
        body = digits[:8]
        v = body + std_dni.calc_check_digit(body)
        return v, v
    if kind == 4:
        body = f"{born:%y%m%d}{digits[:3]}"
        v = f"{born:%Y%m%d}-{digits[:3]}{luhn.calc_check_digit(body)}"
        return v, v.replace("-", "")
    if kind == 5:
        v = f"{born:%d%m%y}-{digits[:4]}"
        return v, v.replace("-", "")
    v = _bsn(rng)
    return v, v


def _postcode(rng: Rng, kind: int) -> str:
    up = string.ascii_uppercase
    if kind == 0:
        return (f"{rng.choice(list(up))}{rng.choice(list(up))}{rng.integers(1, 10)}"
                f"{rng.choice(list('ABCDEHJ'))} {rng.integers(0, 10)}"
                f"{''.join(rng.choice(list('ABDEFGHJLNPQRSTUWXYZ'), 2))}")
    if kind == 1:
        return (f"{rng.choice(list('ABCEGHJKLMNPRSTVXY'))}{rng.integers(0, 10)}"
                f"{rng.choice(list(up))} {rng.integers(0, 10)}{rng.choice(list(up))}"
                f"{rng.integers(0, 10)}")
    return f"{rng.integers(1000, 10000)} {''.join(rng.choice(list(up), 2))}"


def national_ids(rows: int, seed: int) -> Attack:
    """A multinational trial's subject list (French headers, ';'): NHS, NIR, codice
    fiscale, DNI, personnummer, CPR and BSN numbers in one column, UK/Canadian/Dutch
    postcodes, IBANs for travel reimbursement."""
    _fake, rng = tools(seed, "national")
    pats = _mixed_people(seed, "national-people", rows)
    born = [d.astype(object) for d in fakes.days(rng, rows, dt.date(1940, 1, 1),
                                                 dt.date(2000, 12, 31))]
    kind = rng.integers(0, 7, rows)
    ids = [_national_id(rng, int(k), b) for k, b in zip(kind, born, strict=True)]
    post = [_postcode(rng, i % 3) for i in range(rows)]
    ibans = []
    for i in range(rows):
        bban = "".join(str(x) for x in rng.integers(0, 10, 18))
        cc = ("DE", "FR", "NL", "IT")[i % 4]
        if cc == "DE":
            body = bban
        elif cc == "FR":
            body = bban[:10] + "".join(rng.choice(list("ABCDEFGHJK"), 1)) + bban[10:] + "42"
        elif cc == "NL":
            body = "ABNA" + bban[:10]
        else:
            body = "X" + bban[:10] + "0" * 5 + bban[10:17] + "12"
        check = std_iban.calc_check_digits(f"{cc}00{body}")
        full = f"{cc}{check}{body}"
        ibans.append(" ".join(full[j:j + 4] for j in range(0, len(full), 4)) if i % 2 else full)
    with_iban = rng.random(rows) < 0.4
    frame = pl.DataFrame({
        "nom_complet": [f"{la.upper()} {f}" for f, _, la in pats],
        "id_national": [w for w, _ in ids],
        "code_postal": post,
        "iban_remboursement": [v if w else None for v, w in zip(ibans, with_iban, strict=True)],
        "pays": [("UK", "FR", "IT", "ES", "SE", "DK", "NL")[k] for k in kind],
        "cim10": fakes.pick(rng, ICD10, rows),
        "poids_kg": [f"{v:.1f}".replace(".", ",") for v in rng.normal(74, 13, rows)],
        "bras": fakes.pick(rng, ("A", "B", "placebo"), rows),
    })
    return Attack(Extract(
        "national_ids", "European national numbers, postcodes and IBANs (French headers)",
        frame, (
            plant("nom_complet", Category.NAME, Match.TEXT, frame["nom_complet"],
                  set().union(*(name_needles(f, la) for f, _, la in pats))),
            plant("id_national", Category.OTHER, Match.CODE, frame["id_national"],
                  [c for _, c in ids]),
            plant("code_postal", Category.GEOGRAPHY, Match.CODE, post, post),
            plant("iban_remboursement", Category.ACCOUNT, Match.CODE,
                  frame["iban_remboursement"], [v.replace(" ", "") for v, w in
                                                zip(ibans, with_iban, strict=True) if w]),
        ), {c: Utility.EXACT for c in ("pays", "cim10", "poids_kg", "bras")}, separator=";"),
        "non-US national identifiers with their own check digits, non-US postcodes, IBANs")


def registry_date_parts(rows: int, seed: int) -> Attack:
    """A tumour registry abstract: birth and diagnosis dates split into day, month and
    year columns under SEER-style abbreviations (BIRTHMO, DXDY), a yyyymm diagnosis month,
    birth years that reveal ages over 89, age at diagnosis with a decimal."""
    _fake, rng = tools(seed, "registry")
    birth = fakes.days(rng, rows, dt.date(1924, 1, 1), dt.date(1995, 12, 31))
    dx = fakes.days(rng, rows, dt.date(2012, 1, 1), dt.date(2024, 12, 31))
    b = [d.astype(object) for d in birth]
    x = [d.astype(object) for d in dx]
    age = [round((xd - bd).days / 365.25, 1) for bd, xd in zip(b, x, strict=True)]
    case_no = [f"TR-{d.year}-{n}" for d, n in zip(x, fakes.digits(rng, rows, 6), strict=True)]
    frame = pl.DataFrame({
        "CASENUM": case_no,
        "BIRTHDY": [str(d.day) for d in b],
        "BIRTHMO": [str(d.month) for d in b],
        "BIRTHYR": [str(d.year) for d in b],
        "DXDY": [f"{d.day:02d}" for d in x],
        "DXMO": [f"{d.month:02d}" for d in x],
        "DXYR": [str(d.year) for d in x],
        "DXYRMO": [f"{d.year}{d.month:02d}" for d in x],
        "AGEDX": [f"{a:.1f}" for a in age],
        "PRIMSITE": fakes.pick(rng, ("C50.9", "C34.1", "C18.7", "C61.9", "C43.5", "C67.9"),
                                   rows),
        "HISTO3": fakes.pick(rng, ("8500/3", "8140/3", "8070/3", "8720/3", "8120/3"), rows),
        "STAGE": fakes.pick(rng, ("0", "I", "IIA", "IIB", "IIIA", "IV"), rows),
        "GRADE": fakes.pick(rng, ("1", "2", "3", "9"), rows),
        "LATERAL": fakes.pick(rng, ("1", "2", "0", "9"), rows),
        "STATREC": fakes.pick(rng, ("alive", "dead"), rows),
    })
    old_birth = mask([d.year for d in b], lambda y: int(str(y)) <= 1935)
    every = tuple(True for _ in range(rows))
    return Attack(Extract(
        "registry_date_parts", "dates split into day / month / year columns; yyyymm",
        frame, (
            plant("CASENUM", Category.OTHER, Match.CODE, case_no, case_no),
            plant("DXYRMO", Category.DATE, Match.TOKEN, frame["DXYRMO"],
                  frame["DXYRMO"].to_list()),
            plant("AGEDX", Category.AGE_OVER_89, Match.AGE, [], [],
                  cells=sum(1 for a in age if a > 89)),
        ), {c: Utility.EXACT for c in ("PRIMSITE", "HISTO3", "STAGE", "GRADE",
                                       "LATERAL", "STATREC", "DXYR")}),
        "month and day of birth and of diagnosis as small integers in their own columns; "
        "birth years before 1936 (age 90+ in 2026)", aligned=(
            Aligned("BIRTHDY", Category.DATE, every, "BIRTHDY (day of birth)"),
            Aligned("BIRTHMO", Category.DATE, every, "BIRTHMO (month of birth)"),
            Aligned("DXDY", Category.DATE, every, "DXDY (day of diagnosis)"),
            Aligned("DXMO", Category.DATE, every, "DXMO (month of diagnosis)"),
            Aligned("BIRTHYR", Category.AGE_OVER_89, old_birth,
                    "BIRTHYR (years before 1936)"),
        ))


def pandas_float_ids(rows: int, seed: int) -> Attack:
    """A pandas export where every integer column with a missing value became float64:
    telephone 5035550199.0, SSNs 123456789.0 (a leading zero lost), MRNs, ZIP 2138.0,
    yyyymmdd birth dates as floats, NPIs."""
    _fake, rng = tools(seed, "pdfloat")

    def holes(values: list[float], p: float = 0.07) -> list[float | None]:
        return [None if r < p else v for v, r in zip(values, rng.random(rows), strict=True)]

    ten = fakes.phones(rng, rows)
    ssn = fakes.ssns(rng, rows)
    ssn = [("0" + s[1:]) if i % 7 == 0 else s for i, s in enumerate(ssn)]
    mrn = fakes.digits(rng, rows, 7, low=1_000_000)
    zips = fakes.zips(rng, rows)
    zips = [("02" + z[2:]) if i % 5 == 0 else z for i, z in enumerate(zips)]
    dob = fakes.days(rng, rows, dt.date(1935, 1, 1), dt.date(2008, 12, 31))
    npi = fakes.npis(rng, 30)
    frame = pl.DataFrame({
        "home_phone": holes([float(t) for t in ten]),
        "ssn": holes([float(s) for s in ssn]),
        "mrn": holes([float(m) for m in mrn], 0.01),
        "zip": holes([float(z) for z in zips]),
        "dob": holes([float(d) for d in strftime(dob, "%Y%m%d")]),
        "pcp_npi": holes([float(npi[i]) for i in rng.integers(0, 30, rows)], 0.2),
        "sbp": holes([float(v) for v in rng.integers(95, 185, rows)], 0.1),
        "potassium": holes([round(float(v), 1) for v in rng.normal(4.2, 0.4, rows)], 0.2),
        "los": [int(v) for v in rng.integers(0, 20, rows)],
        "sex": fakes.pick(rng, ("F", "M"), rows),
    }, schema_overrides={c: pl.Float64 for c in ("home_phone", "ssn", "mrn", "zip", "dob",
                                                  "pcp_npi", "sbp", "potassium")})
    return Attack(Extract(
        "pandas_float_ids", "identifiers as float64 (pandas NaN upcast)", frame, (
            plant("home_phone", Category.PHONE, Match.CODE, frame["home_phone"].cast(pl.Int64),
                  ten),
            plant("ssn", Category.SSN, Match.CODE, frame["ssn"].cast(pl.Int64),
                  [str(int(s)) for s in ssn]),
            plant("mrn", Category.MRN, Match.CODE, frame["mrn"].cast(pl.Int64), mrn),
            plant("dob", Category.DATE, Match.DATE, frame["dob"].cast(pl.Int64), iso(dob)),
            plant("pcp_npi", Category.OTHER, Match.CODE, frame["pcp_npi"].cast(pl.Int64), npi),
        ), {c: Utility.EXACT for c in ("sbp", "potassium", "los", "sex")},
        suffix=".parquet"),
        "float64 identifiers: no digit-string shape, '.0' suffix, leading zeros lost",
        aligned=(Aligned("zip", Category.GEOGRAPHY, tuple(frame["zip"].is_not_null().to_list()),
                         "zip (five digits)", same_name=True),))


TOWN_SITES = ("Toledo Hospital", "Dayton Children's", "Akron General", "Flower Hospital",
              "Youngstown Regional", "Mercy St. Anne")


def _write_arrow(table: pa.Table) -> Callable[[pl.DataFrame, Path], None]:
    """A writer that ignores the frame and writes the Arrow table as built."""
    def write(_frame: pl.DataFrame, path: Path) -> None:
        pq.write_table(table, path)
    return write


def arrow_odd_types(rows: int, seed: int) -> Attack:
    """A Parquet file written by a Java/Spark pipeline: decimal MRNs and SSNs, a
    large_string name, uint64 telephone numbers, a dictionary of ints (ZIP codes), a
    dictionary of large_strings (sites named after towns), date64, timestamps in seconds
    with a zone, a map of contacts, a large_list of aliases, decimal weights."""
    fake, rng = tools(seed, "arrow")
    pats = people(fake, rows)
    mrn = [int(v) for v in fakes.digits(rng, rows, 10, low=10**9)]
    ssn = [int(s) for s in fakes.ssns(rng, rows)]
    ten = [int(t) for t in fakes.phones(rng, rows)]
    zips = [int(z) for z in fakes.zips(rng, 40)]
    zip_of = rng.integers(0, 40, rows)
    site_of = rng.integers(0, len(TOWN_SITES), rows)
    dob = fakes.days(rng, rows, dt.date(1936, 1, 1), dt.date(2008, 12, 31))
    admit = fakes.days(rng, rows, dt.date(2021, 1, 1), dt.date(2025, 6, 30))
    admit_s = admit.astype("datetime64[s]") + rng.integers(8 * 3600, 17 * 3600, rows).astype(
        "timedelta64[s]")
    mail = fakes.emails(rng, pats)
    former = [[f"{f} {fake.last_name()}"] if r < 0.3 else [] for (f, _, _), r in
              zip(pats, rng.random(rows), strict=True)]
    weight = [Decimal(f"{v:.1f}") for v in rng.normal(80, 14, rows)]
    sbp = rng.integers(95, 185, rows)
    contacts = [[("home", f"({t // 10**7}) {t // 10**4 % 1000}-{t % 10**4:04d}"),
                 ("email", m)] for t, m in zip(ten, mail, strict=True)]
    table = pa.table({
        "mrn": pa.array([Decimal(v) for v in mrn], pa.decimal128(12, 0)),
        "ssn": pa.array([Decimal(v) for v in ssn], pa.decimal128(9, 0)),
        "patient": pa.array([f"{f} {la}" for f, _, la in pats], pa.large_string()),
        "phone": pa.array(ten, pa.uint64()),
        "zip": pa.DictionaryArray.from_arrays(pa.array(zip_of, pa.int16()),
                                              pa.array(zips, pa.int32())),
        "site": pa.DictionaryArray.from_arrays(pa.array(site_of, pa.int8()),
                                               pa.array(TOWN_SITES, pa.large_string())),
        "dob": pa.array(dob.astype("datetime64[ms]"), pa.date64()),
        "admit": pa.array(admit_s, pa.timestamp("s", tz="America/Chicago")),
        "contacts": pa.array(contacts, pa.map_(pa.string(), pa.string())),
        "aliases": pa.array(former, pa.large_list(pa.large_string())),
        "weight_kg": pa.array(weight, pa.decimal128(5, 1)),
        "sbp": pa.array(sbp, pa.uint8()),
        "dx": pa.DictionaryArray.from_arrays(pa.array(rng.integers(0, len(ICD10), rows),
                                                      pa.int8()), pa.array(ICD10)),
    })
    frame = pl.from_arrow(table)
    assert isinstance(frame, pl.DataFrame)
    local = [str(d) for d in admit_s]
    return Attack(Extract(
        "arrow_odd_types", "decimal, large_string, uint64, dictionary of ints, date64, map",
        frame, (
            plant("mrn", Category.MRN, Match.CODE, [str(v) for v in mrn], [str(v) for v in mrn]),
            plant("ssn", Category.SSN, Match.CODE, [str(v) for v in ssn], [str(v) for v in ssn]),
            plant("patient", Category.NAME, Match.TEXT, [f"{f} {la}" for f, _, la in pats],
                  set().union(*(name_needles(f, la) for f, _, la in pats))),
            plant("phone", Category.PHONE, Match.CODE, [str(t) for t in ten],
                  [str(t) for t in ten]),
            plant("site", Category.GEOGRAPHY, Match.TEXT, [TOWN_SITES[i] for i in site_of],
                  ["toledo", "dayton", "akron", "youngstown"]),
            plant("dob", Category.DATE, Match.DATE, [str(d) for d in dob], iso(dob)),
            plant("admit", Category.DATE, Match.DATE, local, iso(admit)),
            plant("contacts[].value", Category.PHONE, Match.CODE, [str(t) for t in ten],
                  [str(t) for t in ten], label="contacts (phone)"),
            plant("contacts[].value", Category.EMAIL, Match.TEXT, mail, mail,
                  label="contacts (email)"),
            plant("aliases[]", Category.NAME, Match.TEXT, [n for a in former for n in a],
                  [n for a in former for n in a]),
        ), {"weight_kg": Utility.EXACT, "sbp": Utility.EXACT, "dx": Utility.EXACT},
        suffix=".parquet", writer=_write_arrow(table)),
        "Arrow types the project's shapes do not write: decimal, large_string, uint64, "
        "dictionary of ints, date64, zoned seconds, map, large_list",
        aligned=(Aligned("zip", Category.GEOGRAPHY, tuple(True for _ in range(rows)),
                         "zip (five digits)", same_name=True),))


def arrow_exotic_types(rows: int, seed: int) -> Attack:
    """Rarer Arrow types beside a few identifiers: float16, an all-null column,
    fixed_size_binary UUIDs, time32, a duration in seconds, a large_list of structs
    of contacts, a struct holding a dictionary."""
    fake, rng = tools(seed, "exotic")
    pats = people(fake, rows)
    ten = fakes.phones(rng, rows)
    ssn = [f"{s[:3]}-{s[3:5]}-{s[5:]}" for s in fakes.ssns(rng, rows)]
    dob = fakes.days(rng, rows, dt.date(1940, 1, 1), dt.date(2008, 12, 31))
    kin = people(fake, rows)
    table = pa.table({
        "ssn": pa.array(ssn),
        "temp_delta": pa.array(np.round(rng.normal(0, 0.4, rows), 2).astype(np.float16),
                               pa.float16()),
        "unused": pa.nulls(rows),
        "uuid": pa.array([bytes(rng.integers(0, 256, 16, dtype=np.uint8)) for _ in range(rows)],
                         pa.binary(16)),
        "appt_time": pa.array([int(v) for v in rng.integers(7 * 3600, 18 * 3600, rows)],
                              pa.time32("s")),
        "followup": pa.array([int(d) * 86_400 for d in rng.integers(0, 365, rows)],
                             pa.duration("s")),
        "kin": pa.array([[{"name": f"{k[0]} {k[2]}", "phone": f"{t[:3]}-{t[3:6]}-{t[6:]}"}]
                         for k, t in zip(kin, ten, strict=True)],
                        pa.large_list(pa.struct([("name", pa.string()), ("phone", pa.string())]))),
        "pt": pa.StructArray.from_arrays(
            [pa.DictionaryArray.from_arrays(pa.array(np.arange(rows), pa.int32()),
                                            pa.array([f"{p[2]}, {p[0]}" for p in pats])),
             pa.array(dob, pa.date32())], ["name", "dob"]),
        "hr": pa.array(rng.integers(50, 120, rows), pa.int16()),
    })
    frame = pl.from_arrow(table.select(["ssn", "temp_delta", "appt_time", "followup", "hr"]))
    assert isinstance(frame, pl.DataFrame)
    return Attack(Extract(
        "arrow_exotic_types", "float16, null, fixed-size binary, time32, duration, nested",
        frame, (
            plant("ssn", Category.SSN, Match.CODE, ssn, [s.replace("-", "") for s in ssn]),
            plant("kin[].name", Category.NAME, Match.TEXT, [f"{k[0]} {k[2]}" for k in kin],
                  set().union(*(name_needles(k[0], k[2]) for k in kin))),
            plant("kin[].phone", Category.PHONE, Match.CODE, ten, ten),
            plant("pt.name", Category.NAME, Match.TEXT, [f"{p[2]}, {p[0]}" for p in pats],
                  set().union(*(name_needles(p[0], p[2]) for p in pats))),
            plant("pt.dob", Category.DATE, Match.DATE, [str(d) for d in dob], iso(dob)),
        ), {c: Utility.EXACT for c in ("temp_delta", "appt_time", "followup", "hr")},
        suffix=".parquet", writer=_write_arrow(table)),
        "reading rarer Arrow types without a crash (the identifiers here are secondary)")
