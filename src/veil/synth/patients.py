"""Synthetic EHR patient extracts with every Safe Harbor identifier planted.

Each row is one patient encounter: identity (name, address, contact, SSN and
the other numbers of 45 CFR 164.514(b)(2)), quasi-identifiers, clinical fields
and a free-text note quoting some of the row's identifiers. `PLANTED` says
which column holds which kind of value, so tests and benchmarks know the truth.

Row i depends only on (seed, i): rows are made in fixed blocks of
`BLOCK_ROWS`, a block's randomness comes from one generator per named stream
seeded from (seed, block, stream) (see `_random`), and unique identifiers are
keyed permutations of the absolute row index (see `_perm`). So the same seed
gives the same rows whatever the chunking, and `people(0, n)` is a prefix of
`people(0, m)` for m > n: later tables (e.g. an auxiliary voter list) can be
built from the same people. Everything is vectorized: numpy draws, byte
matrices for fixed-width codes (`_chars`), Polars gathers from precomposed
tables and `concat_str` for texts (`_tables`); nothing loops over rows in Python.
Blocks are made by two threads; one block is one Parquet row group.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Final

import numpy as np
import polars as pl
import pyarrow.parquet as pq

from veil.categories import Kind
from veil.errors import UsageError
from veil.io.write import atomic_file
from veil.synth import _dates as dates
from veil.synth import _formats as forms
from veil.synth import _tables as tab
from veil.synth import _vocab as vocab
from veil.synth._chars import Chars, Ints, alphabet, cat, choose, digits, lit, to_series
from veil.synth._perm import U64, feistel, key, permute
from veil.synth._random import Shares, Streams, below

BLOCK_ROWS: Final = 32_768
"""Rows per random block; fixed, so the data never depend on the chunking."""
MAX_ROWS: Final = 100_000_000
"""The most rows one seed can make (identifiers stay unique up to here)."""

PLANTED: Final[dict[str, Kind]] = {
    "mrn": Kind.MRN,
    "first_name": Kind.PERSON_NAME,
    "last_name": Kind.PERSON_NAME,
    "sex": Kind.SEX,
    "birth_date": Kind.BIRTH_DATE,
    "age": Kind.AGE,
    "race": Kind.RACE,
    "ethnicity": Kind.ETHNICITY,
    "street_address": Kind.STREET_ADDRESS,
    "city": Kind.CITY,
    "county": Kind.COUNTY,
    "state": Kind.STATE,
    "zip": Kind.ZIP,
    "phone": Kind.PHONE,
    "fax": Kind.FAX,
    "email": Kind.EMAIL,
    "ssn": Kind.SSN,
    "health_plan_id": Kind.HEALTH_PLAN_ID,
    "account_number": Kind.ACCOUNT_NUMBER,
    "drivers_license": Kind.LICENSE_NUMBER,
    "vehicle_vin": Kind.VIN,
    "license_plate": Kind.LICENSE_PLATE,
    "device_udi": Kind.DEVICE_ID,
    "portal_url": Kind.URL,
    "ipv4_address": Kind.IP_ADDRESS,
    "ipv6_address": Kind.IP_ADDRESS,
    "fingerprint_id": Kind.BIOMETRIC_ID,
    "photo_file": Kind.PHOTO,
    "study_subject_id": Kind.OTHER_ID,
    "admission_date": Kind.DATE,
    "discharge_date": Kind.DATE,
    "death_date": Kind.DEATH_DATE,
    "lab_collected_at": Kind.DATE,
    "height_cm": Kind.HEIGHT,
    "weight_kg": Kind.WEIGHT,
    "diagnosis_code": Kind.DIAGNOSIS_CODE,
    "secondary_diagnoses": Kind.DIAGNOSIS_CODE,
    "hba1c_pct": Kind.LAB_VALUE,
    "creatinine_mg_dl": Kind.LAB_VALUE,
    "length_of_stay": Kind.LENGTH_OF_STAY,
    "note": Kind.FREE_TEXT,
}
"""Every output column, in order, with the kind of value planted in it."""

UNIQUE_COLUMNS: Final[tuple[str, ...]] = (
    "mrn", "ssn", "health_plan_id", "account_number", "drivers_license", "vehicle_vin",
    "device_udi", "portal_url", "fingerprint_id", "photo_file", "study_subject_id",
)  # fmt: skip
"""Columns whose non-null values are unique within a dataset, by construction."""

RESTRICTED_ZIP3: Final[frozenset[str]] = frozenset(vocab.RESTRICTED_ZIP3_STATE)
"""ZIP3 areas Safe Harbor sets to 000 (union of the 2000 and 2010 Census lists)."""

_INTS = ("age", "length_of_stay")
_FLOATS = ("height_cm", "weight_kg", "hba1c_pct", "creatinine_mg_dl")
SCHEMA: Final[pl.Schema] = pl.Schema(
    {c: pl.Int64 if c in _INTS else pl.Float64 if c in _FLOATS else pl.String for c in PLANTED}
)
"""Column types: identifiers and dates are text, as in real extracts."""
_WORKERS = 2  # blocks made at once: this tool targets small (2-core) machines

# --------------------------------------------------------------------------- population shape

SHARE_RESTRICTED_ZIP: Final = 0.01
"""Share of patients planted in a restricted ZIP3 area (chance draws avoid them)."""
_SHARE_ZIP_PLUS4 = 0.30
_SHARE_FAX = 0.40
_SHARE_EMAIL = 0.88
_SHARE_DEVICE = 0.35
_SHARE_UNIT = 0.25  # street addresses with an apartment or suite
# Age at admission: bins [lo, hi) and their shares; 2.5 % are 90 or older.
_AGE_BINS: Final = ((0, 1, 0.02), (1, 18, 0.06), (18, 45, 0.24), (45, 65, 0.29),
                    (65, 80, 0.26), (80, 90, 0.105), (90, 106, 0.025))  # fmt: skip
_AGE_LO = np.array([b[0] for b in _AGE_BINS], dtype=np.int64)
_AGE_SPAN = np.array([b[1] - b[0] for b in _AGE_BINS], dtype=np.int64)
_AGE_SHARES = Shares([b[2] for b in _AGE_BINS])
_EPOCH = dt.date(1970, 1, 1)
_ADMIT_FIRST = (dt.date(2016, 1, 1) - _EPOCH).days
_ADMIT_LAST = (dt.date(2024, 12, 31) - _EPOCH).days
_LAST_DAY = (dt.date(2025, 12, 31) - _EPOCH).days

_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_PLATE_SYMBOLS = b"ABCDEFGHJKLMNPRSTUVWXYZ0123456789-"  # 23 letters, 10 digits, dash
_BASE32 = b"abcdefghijkmnpqrstuvwxyz23456789"
_ALNUM_UPPER = b"0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"


# --------------------------------------------------------------------------- one block


def _block(seed: int, block: int, m: int) -> pl.DataFrame:
    """The first m rows of block `block` (absolute rows block * BLOCK_ROWS onwards).

    Fixed-width identifiers are byte matrices (`_chars`); texts of variable
    pieces are Polars gathers from the `_tables` series glued by `concat_str`.
    """
    rs = Streams(seed, block)
    row: U64 = np.arange(block * BLOCK_ROWS, block * BLOCK_ROWS + m, dtype=np.uint64)
    pieces: dict[str, pl.Series] = {}  # inputs of the concat_str expressions below

    def piece(name: str, table: pl.Series, idx: Ints) -> pl.Expr:
        pieces[name] = table.gather(idx).alias(name)
        return pl.col(name)

    def unique(tag: str, n: int) -> Ints:
        """A number in [0, n) per row, distinct across the whole dataset."""
        out: Ints = permute(row, n, key(seed, tag)).astype(np.int64)
        return out

    def scrambled16(tag: str, groups: int) -> list[Ints]:
        """`groups` 16-bit pieces of a distinct random-looking number per row."""
        x = feistel(row, 8 * groups, key(seed, tag))
        return [
            ((x >> np.uint64(16 * g)) & np.uint64(0xFFFF)).astype(np.int64)
            for g in range(groups - 1, -1, -1)
        ]

    # --- who: sex, names, dates ---------------------------------------------------------
    sex = tab.SEX_SHARES(rs("sex").random(m))
    u = rs("first_name").random(m)
    first = np.select(
        [sex == 0, sex == 1],
        [tab.FIRST_SHARES[0](u), tab.FIRST_SHARES[1](u) + tab.FIRST_OFFSET[1]],
        tab.FIRST_SHARES[2](u) + tab.FIRST_OFFSET[2],
    ).astype(np.int64)
    last = tab.LAST_SHARES(rs("last_name").random(m))

    u = rs("dates").random((m, 4))
    admit = _ADMIT_FIRST + below(u[:, 0], _ADMIT_LAST - _ADMIT_FIRST + 1)
    age_bin = _AGE_SHARES(u[:, 1])
    within = np.where(
        age_bin == len(_AGE_BINS) - 1,  # 90+: a thinning tail, few centenarians
        np.minimum(np.floor(-np.log1p(-u[:, 2]) * 3.5), _AGE_SPAN[-1] - 1),
        np.floor(u[:, 2] * _AGE_SPAN[age_bin]),
    ).astype(np.int64)
    target_age = _AGE_LO[age_bin] + within
    birth = admit - (target_age * 365.25).astype(np.int64) - below(u[:, 3], 365)
    birth = np.minimum(birth, admit)
    age = dates.exact_age(birth, admit)
    los = np.minimum(rs("los").geometric(0.22, m) - 1, 90).astype(np.int64)
    discharge = admit + los
    u = rs("death").random((m, 2))
    p_in_hospital = 0.002 + 0.0005 * age
    died = u[:, 0] < p_in_hospital + 0.015 + 0.0004 * age
    after = np.where(u[:, 0] < p_in_hospital, 0, 1 + below(u[:, 1], 1500))
    death = np.minimum(discharge + after, _LAST_DAY)
    u = rs("lab").random((m, 2))
    pieces["lab_day"] = dates.text(admit + below(u[:, 0], los + 1), dates.ISO).alias("lab_day")
    lab_ts = pl.concat_str(
        [
            pl.col("lab_day"),
            piece("lab_time", tab.TIME_OF_DAY, below(u[:, 1], 1440)),
        ]
    )

    # --- where: state, ZIP, county, city, street ----------------------------------------
    state = tab.STATE_SHARES(rs("state").random(m))
    u = rs("zip").random((m, 6))
    lo, hi = tab.ZIP_LO[state], tab.ZIP_HI[state]
    candidates = lo[:, None] + below(u, (hi - lo + 1)[:, None])
    ok = ~tab.IS_RESTRICTED[candidates // 100]  # chance draws avoid restricted areas...
    zip5 = np.where(ok.any(axis=1), candidates[np.arange(m), ok.argmax(axis=1)], lo)
    u = rs("restricted_zip").random((m, 3))
    planted = u[:, 0] < SHARE_RESTRICTED_ZIP  # ...which are planted at a known rate
    which = below(u[:, 1], tab.RESTRICTED.size)
    zip5 = np.where(planted, tab.RESTRICTED[which] * 100 + 1 + below(u[:, 2], 99), zip5)
    state = np.where(planted, tab.RESTRICTED_STATE[which], state)
    u = rs("zip4").random((m, 2))
    plus4 = np.where(u[:, 1] < _SHARE_ZIP_PLUS4, 1 + below(u[:, 0], 9999), 0)
    zip_code = pl.concat_str([piece("zip5", tab.ZIP5, zip5), piece("plus4", tab.ZIP_PLUS4, plus4)])

    u = rs("place").random((m, 5))
    county = pl.concat_str(
        [
            piece("county_name", tab.COUNTIES, below(u[:, 0], len(tab.COUNTIES))),
            piece("county_kind", tab.COUNTY_KIND, tab.COUNTY_KIND_OF_STATE[state]),
        ]
    )
    city_style = below(u[:, 1], 4)  # Faker's four city formats
    no_prefix, no_suffix = len(tab.CITY_PREFIX) - 1, len(tab.CITY_SUFFIX) - 1
    city_name = np.where(
        city_style == 3,
        tab.N_FIRST + below(u[:, 3], tab.N_LAST),
        tab.FIRST_OFFSET[2] + below(u[:, 3], len(tab.FIRST_LISTS[2])),
    )
    city = pl.concat_str(
        [
            piece("city_prefix", tab.CITY_PREFIX,
                  np.where(city_style <= 1, below(u[:, 2], no_prefix), no_prefix)),
            piece("city_name", tab.NAMES, city_name),
            piece("city_suffix", tab.CITY_SUFFIX,
                  np.where(city_style != 1, below(u[:, 4], no_suffix), no_suffix)),
        ]
    )  # fmt: skip
    u = rs("street").random((m, 6))
    house_digits = 3 + below(u[:, 0], 3)
    unit = np.where(u[:, 4] < _SHARE_UNIT, 1 + below(u[:, 5], 900) + 900 * (u[:, 4] < 0.05), 0)
    street = pl.concat_str(
        [
            piece("house", tab.HOUSE, 1 + below(u[:, 1], 10**house_digits - 1)),
            piece("street_word", tab.STREET_WORDS, below(u[:, 2], len(tab.STREET_WORDS))),
            piece("street_suffix", tab.STREET_SUFFIXES, below(u[:, 3], len(tab.STREET_SUFFIXES))),
            piece("unit", tab.UNITS, unit),
        ]
    )

    # --- contact ------------------------------------------------------------------------
    u = rs("phone").random((m, 8))
    area = tab.AREA_FLAT[tab.AREA_OFFSET[state] + below(u[:, 0], tab.AREA_COUNT[state])]
    style = tab.PHONE_STYLE_SHARES(u[:, 3]) * 1000
    phone = pl.concat_str(
        [
            piece("area", tab.AREA_STYLED, style + area),
            piece("exchange", tab.EXCHANGE_STYLED,
                  style + tab.EXCHANGES[below(u[:, 1], tab.EXCHANGES.size)]),
            piece("line", tab.LINE, below(u[:, 2], 10_000)),
        ]
    )  # fmt: skip
    fax_style = below(u[:, 6], 2) * 1000
    no_fax = len(tab.AREA_STYLED) - 1  # the null entry: concat_str gives null
    fax = pl.concat_str(
        [
            piece("fax_area", tab.AREA_STYLED,
                  np.where(u[:, 7] < _SHARE_FAX, fax_style + area, no_fax)),
            piece("fax_exchange", tab.EXCHANGE_STYLED,
                  fax_style + tab.EXCHANGES[below(u[:, 4], tab.EXCHANGES.size)]),
            piece("fax_line", tab.LINE, below(u[:, 5], 10_000)),
        ]
    )  # fmt: skip
    u = rs("email").random((m, 5))
    email_style = tab.EMAIL_STYLE_SHARES(u[:, 0])
    birth_year, _, _ = dates.ymd(birth)
    tail = np.where(u[:, 2] < 0.6, 1 + below(u[:, 1], 100), 0)
    no_email = len(tab.EMAIL_DOMAINS) - 1
    email = pl.concat_str(
        [
            piece("email_first", tab.FIRST_LC,
                  np.where(email_style == 1, tab.N_FIRST + first, first)),
            piece("email_sep", tab.EMAIL_SEP, (email_style != 0).astype(np.int64)),
            piece("email_last", tab.LAST_LC, last),
            piece("email_tail", tab.EMAIL_TAIL,
                  np.where(email_style == 2, 101 + birth_year % 100, tail)),
            piece("email_domain", tab.EMAIL_DOMAINS,
                  np.where(u[:, 4] < _SHARE_EMAIL, tab.EMAIL_DOMAIN_SHARES(u[:, 3]), no_email)),
        ]
    )  # fmt: skip

    # --- numbers, unique per row --------------------------------------------------------
    u = rs("ids").random(m)
    ssn_area, ssn_group, ssn_serial = forms.ssn_parts(unique("ssn", forms.SSN_SPACE))
    undashed = (u >= 0.9).astype(np.int64)
    ssn = pl.concat_str(
        [
            piece("ssn_area", tab.SSN_AREA, undashed * 1000 + ssn_area),
            piece("ssn_group", tab.SSN_GROUP, undashed * 100 + ssn_group),
            piece("ssn_serial", tab.LINE, ssn_serial),
        ]
    )
    mrn = digits(unique("mrn", 10**9), 9)
    plan_prefix = alphabet(below(rs("plan_prefix").random((m, 3)), len(_UPPER)), _UPPER)
    commercial = cat(plan_prefix, digits(unique("plan", 10**9), 9))
    mbi = forms.mbi(unique("mbi", forms.MBI_SPACE))
    account_body = digits(unique("account", 10**9), 9)
    account = cat(account_body, digits(forms.luhn_digit(account_body), 1))
    licence_j = unique("licence", 26 * 10**7)
    licence = cat(alphabet((licence_j // 10**7)[:, None], _UPPER), digits(licence_j % 10**7, 7))
    v = rs("vin").random((m, 6))
    vin = forms.vin(
        tab.VIN_WMI(below(v[:, 0], len(tab.VIN_WMI))),
        below(v[:, 1:4], len(forms.VIN_SYMBOLS)),
        unique("vin", 33**2 * 10**6),
        below(v[:, 4], 16),  # model years 2010-2025
        below(v[:, 5], len(forms.VIN_SYMBOLS)),
    )
    p = rs("plate").random((m, 8))
    letters = below(p[:, 1:4], 23)
    numerals = 23 + below(p[:, 4:8], 10)
    plate_style = below(p[:, 0], 3)  # ABC1234, 1ABC234, ABC-1234
    codes = np.concatenate([letters, numerals, np.full((m, 1), 33)], axis=1)
    order = np.array([[0, 1, 2, 3, 4, 5, 6, 7], [3, 0, 1, 2, 4, 5, 6, 7], [0, 1, 2, 7, 3, 4, 5, 6]])
    plate_mat = np.frombuffer(_PLATE_SYMBOLS, dtype=np.uint8)[
        np.take_along_axis(codes, order[plate_style], axis=1)
    ]
    plate_len = np.where(plate_style == 2, 8, 7)
    d = rs("device").random((m, 10))
    gtin_body = cat(
        tab.GS1_HEAD(below(d[:, 0], len(tab.GS1_HEAD))), digits(below(d[:, 1], 10**5), 5)
    )
    udi = cat(  # GS1 UDI: (01) GTIN-14, (17) expiry YYMMDD, (10) lot, (21) serial
        gtin_body,
        digits(forms.gs1_digit(Chars(gtin_body.mat[:, 4:])), 1),
        lit("(17)", m),
        dates.yymmdd(admit + 365 + below(d[:, 2], 3 * 365)),
        lit("(10)", m),
        alphabet(below(d[:, 3:9], len(_ALNUM_UPPER)), _ALNUM_UPPER),
        lit("(21)", m),
        digits(unique("udi", 10**9), 9),
    )
    token = feistel(row, 20, key(seed, "portal"))[:, None] >> np.arange(35, -1, -5, dtype=np.uint64)
    pieces["token"] = to_series("token", alphabet((token & np.uint64(31)).astype(np.intp), _BASE32))
    portal_url = pl.concat_str(
        [piece("portal", tab.PORTALS, below(rs("portal").random(m), len(tab.PORTALS))),
         pl.col("token")]
    )  # fmt: skip
    i = rs("ip").random((m, 12))
    ipv4 = pl.concat_str(
        [
            piece("o1", tab.OCTET_DOT, tab.PUBLIC_OCTETS[below(i[:, 0], tab.PUBLIC_OCTETS.size)]),
            piece("o2", tab.OCTET_DOT, below(i[:, 1], 256)),
            piece("o3", tab.OCTET_DOT, below(i[:, 2], 256)),
            piece("o4", tab.OCTET, 1 + below(i[:, 3], 254)),
        ]
    )
    ipv6 = pl.concat_str(
        [piece("h0", tab.HEXTET_COLON, tab.IPV6_FIRST[below(i[:, 4], tab.IPV6_FIRST.size)])]
        + [piece(f"h{k}", tab.HEXTET_COLON, below(i[:, 4 + k], 65_536)) for k in range(1, 7)]
        + [piece("h7", tab.HEXTET, below(i[:, 11], 65_536))]
    )
    fingerprint = cat(lit("FP-", m), *[tab.HEX4_UPPER(g) for g in scrambled16("fingerprint", 4)])
    photo = cat(
        lit("photos/", m), *[tab.HEX4_LOWER(g) for g in scrambled16("photo", 3)], lit(".jpg", m)
    )
    study_j = unique("study", 10**8)
    study = cat(tab.STUDY_PREFIX(study_j // 10**6), digits(study_j % 10**6, 6))

    # --- body and clinic ----------------------------------------------------------------
    z = rs("body").standard_normal((m, 4))
    adult_height = np.select(
        [sex == 0, sex == 1], [162 + 7 * z[:, 0], 176 + 7.5 * z[:, 0]], 169 + 9 * z[:, 0]
    )
    child_height = np.where(age == 0, 60.0, 75 + 5.8 * (age - 1)) * (1 + 0.04 * z[:, 0])
    height = np.round(np.where(age < 18, np.minimum(child_height, adult_height), adult_height), 1)
    bmi = np.exp(np.where(age < 18, np.log(17) + 0.12 * z[:, 1], np.log(27) + 0.2 * z[:, 1]))
    weight = np.round(bmi * (height / 100) ** 2, 1)
    hba1c = np.round(np.clip(np.exp(np.log(5.8) + 0.18 * z[:, 2]), 4.0, 15.0), 1)
    creatinine = np.round(np.exp(np.log(np.where(sex == 1, 1.05, 0.9)) + 0.3 * z[:, 3]), 2)
    c = rs("clinic").random((m, 7))
    dx = tab.ICD_SHARES(c[:, 0])
    n_secondary = tab.N_SECONDARY_SHARES(c[:, 1])
    no_code, no_more = len(tab.ICD) - 1, len(tab.ICD_MORE) - 1
    secondary = pl.concat_str(
        [
            piece("dx1", tab.ICD, np.where(n_secondary >= 1, tab.ICD_SHARES(c[:, 2]), no_code)),
            piece(
                "dx2", tab.ICD_MORE, np.where(n_secondary >= 2, tab.ICD_SHARES(c[:, 3]), no_more)
            ),
            piece(
                "dx3", tab.ICD_MORE, np.where(n_secondary >= 3, tab.ICD_SHARES(c[:, 4]), no_more)
            ),
        ]
    )

    # --- the note: one of three wordings, quoting identifiers of the row -----------------
    # 0: "<First> <Last> (MRN <mrn>) admitted <ISO admission> for <dx>. Family can be
    #     reached at <phone>."
    # 1: "Pt <Last>, <First>; MRN <mrn>; DOB <US birth>; dx <dx>; f/u call to <phone>."
    # 2: "Spoke with <First> <Last> (MRN <mrn>) discharged <DMY discharge> re: <dx>.
    #     Callback <phone>."
    wording = below(rs("note").random(m), 3)
    by_last = wording == 1
    words = [piece(f"w{k}", w, wording) for k, w in enumerate(tab.NOTE_WORDS)]
    pieces["note_date"] = dates.text(
        np.select([wording == 0, by_last], [admit, birth], discharge),
        np.array([dates.ISO, dates.US, dates.DMY])[wording],
    ).alias("note_date")
    first_name = piece("first_name", tab.NAMES, first)
    last_name = piece("last_name", tab.NAMES, tab.N_FIRST + last)
    pieces["mrn"] = to_series("mrn", mrn)
    note = pl.concat_str(
        [
            words[0],
            piece("n1", tab.NAMES, np.where(by_last, tab.N_FIRST + last, first)),
            words[1],
            piece("n2", tab.NAMES, np.where(by_last, first, tab.N_FIRST + last)),
            words[2],
            pl.col("mrn"),
            words[3],
            pl.col("note_date"),
            words[4],
            piece("dx", tab.ICD, dx),
            words[5],
            phone,
            pl.lit("."),
        ]
    )

    texts = pl.DataFrame(list(pieces.values())).select(
        pl.col("mrn"),
        first_name.alias("first_name"),
        last_name.alias("last_name"),
        street.alias("street_address"),
        city.alias("city"),
        county.alias("county"),
        zip_code.alias("zip"),
        phone.alias("phone"),
        fax.alias("fax"),
        email.alias("email"),
        ssn.alias("ssn"),
        portal_url.alias("portal_url"),
        ipv4.alias("ipv4_address"),
        ipv6.alias("ipv6_address"),
        lab_ts.alias("lab_collected_at"),
        pl.col("dx").alias("diagnosis_code"),
        secondary.alias("secondary_diagnoses"),
        note.alias("note"),
    )
    columns: dict[str, pl.Series] = {
        **{s.name: s for s in texts.iter_columns()},
        "sex": tab.SEXES.gather(sex),
        "birth_date": dates.text(birth, dates.US),
        "age": pl.Series(age, dtype=pl.Int64),
        "race": tab.RACES.gather(tab.RACE_SHARES(rs("race").random(m))),
        "ethnicity": tab.ETHNICITIES.gather(tab.ETHNICITY_SHARES(rs("ethnicity").random(m))),
        "state": tab.STATES.gather(state),
        "health_plan_id": to_series("", choose([commercial, mbi], (age >= 65).astype(np.int64))),
        "account_number": to_series("", account),
        "drivers_license": to_series("", licence),
        "vehicle_vin": to_series("", vin),
        "license_plate": to_series(
            "", Chars(plate_mat, np.arange(8) < plate_len[:, None], plate_len)
        ),
        "device_udi": to_series("", udi, d[:, 9] < _SHARE_DEVICE),
        "fingerprint_id": to_series("", fingerprint),
        "photo_file": to_series("", photo),
        "study_subject_id": to_series("", study),
        "admission_date": dates.text(admit, dates.ISO),
        "discharge_date": dates.text(discharge, dates.DMY),
        "death_date": dates.text(death, dates.LONG, died),
        "height_cm": pl.Series(height, dtype=pl.Float64),
        "weight_kg": pl.Series(weight, dtype=pl.Float64),
        "hba1c_pct": pl.Series(np.where(c[:, 5] < 0.6, hba1c, np.nan), nan_to_null=True),
        "creatinine_mg_dl": pl.Series(
            np.where(c[:, 6] < 0.85, creatinine, np.nan), nan_to_null=True
        ),
        "length_of_stay": pl.Series(los, dtype=pl.Int64),
    }
    return pl.DataFrame([columns[name].alias(name) for name in PLANTED])


# --------------------------------------------------------------------------- public API


def _check(rows: int, seed: int) -> None:
    if not 0 <= rows <= MAX_ROWS:
        raise UsageError(
            f"rows must be between 0 and {MAX_ROWS:,}; got {rows:,}",
            hint="use several seeds for larger benchmarks",
        )
    if not 0 <= seed < 2**63:
        raise UsageError("seed must be an integer in [0, 2**63)")


def _blocks(start: int, stop: int, seed: int) -> Iterator[pl.DataFrame]:
    """Rows [start, stop), one frame per block they touch, in order.

    Blocks are made by a small thread pool a little ahead of the consumer:
    numpy, Polars and the Parquet writer release the GIL, so making and
    writing share the cores. The result does not depend on the scheduling.
    """
    first_block, end_block = start // BLOCK_ROWS, -(-stop // BLOCK_ROWS)

    def make(block: int) -> pl.DataFrame:
        base = block * BLOCK_ROWS
        frame = _block(seed, block, min(stop, base + BLOCK_ROWS) - base)
        return frame.slice(max(start - base, 0))

    with ThreadPoolExecutor(max_workers=_WORKERS, thread_name_prefix="veil-synth") as pool:
        pending: deque[Future[pl.DataFrame]] = deque()
        next_block = first_block
        try:
            while next_block < end_block or pending:
                while next_block < end_block and len(pending) < _WORKERS:
                    pending.append(pool.submit(make, next_block))
                    next_block += 1
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


def people(start: int, stop: int, *, seed: int) -> pl.DataFrame:
    """Rows [start, stop) of the synthetic population of `seed`.

    Row i is the same whatever range it is asked in, so related tables (e.g.
    an auxiliary voter list) can be built from the same people.
    """
    _check(stop, seed)
    if not 0 <= start <= stop:
        raise UsageError(f"need 0 <= start <= stop; got start={start:,}, stop={stop:,}")
    parts = list(_blocks(start, stop, seed))
    return pl.concat(parts) if parts else pl.DataFrame(schema=SCHEMA)


def generate_patients(rows: int, *, seed: int, chunk_rows: int = 200_000) -> Iterator[pl.DataFrame]:
    """Yield DataFrames of consecutive patient rows, `chunk_rows` each, totalling `rows`.

    The rows depend only on (rows, seed); `chunk_rows` only groups them.
    """
    _check(rows, seed)
    if chunk_rows < 1:
        raise UsageError(f"chunk_rows must be at least 1; got {chunk_rows:,}")
    pending: list[pl.DataFrame] = []
    pending_rows = done = 0
    for frame in _blocks(0, rows, seed):
        pending.append(frame)
        pending_rows += frame.height
        while pending_rows >= chunk_rows or (pending_rows and done + pending_rows == rows):
            joined = pending[0] if len(pending) == 1 else pl.concat(pending, rechunk=False)
            take = min(chunk_rows, pending_rows)
            yield joined.slice(0, take)
            done += take
            pending = [joined.slice(take)] if take < pending_rows else []
            pending_rows -= take


# --------------------------------------------------------------------------- writing

_SUFFIXES: Final[Mapping[str, str]] = {
    ".csv": "csv", ".parquet": "parquet", ".jsonl": "ndjson", ".ndjson": "ndjson",
}  # fmt: skip
# Parquet: dictionary-encode only low-cardinality columns (trying it on unique
# strings costs time for nothing); statistics on those and on the numbers.
_DICTIONARY = ["sex", "race", "ethnicity", "state", "county", "diagnosis_code",
               "secondary_diagnoses", "age", "length_of_stay"]  # fmt: skip
_STATISTICS = _DICTIONARY + list(_FLOATS)


def _write(out: Any, fmt: str, rows: int, seed: int) -> None:
    """Stream the blocks into `out`; file bytes do not depend on thread timing."""
    blocks = _blocks(0, rows, seed)
    if fmt == "parquet":
        # One row group per block: writing as soon as a block is ready keeps the
        # generator threads busy (bigger groups measured 25 % slower) and memory
        # low. Polars hands its strings to Arrow without a copy (string_view);
        # the file stores plain Parquet strings and no Arrow schema.
        writer = pq.ParquetWriter(
            out,
            pl.DataFrame(schema=SCHEMA).to_arrow().schema,
            compression="zstd",
            use_dictionary=_DICTIONARY,
            write_statistics=_STATISTICS,
            store_schema=False,
        )
        try:
            for frame in blocks:
                writer.write_table(frame.to_arrow(), row_group_size=BLOCK_ROWS)
        finally:
            writer.close()
    elif fmt == "csv":
        header = True
        for frame in blocks:
            frame.write_csv(out, include_header=header)
            header = False
        if header:
            pl.DataFrame(schema=SCHEMA).write_csv(out)
    else:
        for frame in blocks:
            frame.write_ndjson(out)


def write_patients(path: Path, rows: int, *, seed: int) -> None:
    """Write `rows` synthetic patients to `path` (.csv, .parquet, .jsonl or .ndjson).

    Streams chunk by chunk (bounded memory) into a temporary file next to the
    target and renames it over the target at the end, so readers never see a
    partial file. The same (rows, seed) always gives the same bytes.
    """
    path = Path(path)
    fmt = _SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise UsageError(
            f"cannot tell the output format of {path.name!r} from its extension",
            hint="use one of " + ", ".join(_SUFFIXES),
        )
    _check(rows, seed)
    with atomic_file(path) as staging, open(staging, "wb") as out:
        _write(out, fmt, rows, seed)
