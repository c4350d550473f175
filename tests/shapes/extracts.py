"""Nineteen EHR extracts shaped the way hospital systems export them, not the way veil's
generator does, each with its planted identifiers and the columns that must survive.

Every builder takes `rows` and `seed` and returns an `Extract` (see model.py): the frame,
one `Planted` entry per (column, category, way to recognize it), the utility columns,
and how the file is written. The same seed gives the same extract.

    >>> from tests.shapes.extracts import EXTRACTS, build
    >>> ex = build("visits", rows=300)
    >>> ex.frame.height, sorted(p.category.name for p in ex.planted)[:2]
    (300, ['DATE', 'GEOGRAPHY'])
"""

from __future__ import annotations

import datetime as dt
import json
import zlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
from faker import Faker

from tests.shapes import fakes
from tests.shapes.match import WORD_AGES, coord_needles, normalize, parse_ages
from tests.shapes.model import Category, Extract, Match, Planted, Utility

Builder = Callable[[int, int], Extract]
Cell = str | None

CPT = ("99213", "99214", "99203", "36415", "45378", "93000", "71046", "80053", "85025",
       "90471", "43239", "20610", "10060", "70450", "93306", "97110")
ICD10 = ("E11.9", "I10", "Z00.00", "J45.909", "M54.5", "F32.9", "N39.0", "K21.9", "E78.5",
         "S72.001A", "R07.9", "I48.91", "J18.9", "Z79.4")
LOINC = (("4548-4", "HbA1c", "%"), ("2345-7", "Glucose", "mg/dL"), ("718-7", "Hemoglobin",
         "g/dL"), ("2160-0", "Creatinine", "mg/dL"), ("6690-2", "WBC", "10*3/uL"),
         ("2823-3", "Potassium", "mmol/L"))


def _tools(seed: int, salt: str, locale: str = "en_US") -> tuple[Faker, fakes.Rng]:
    fake = Faker(locale)
    fake.seed_instance(seed * 1_000_003 + zlib.crc32(salt.encode()))
    return fake, np.random.default_rng([seed, zlib.crc32(salt.encode())])


def _plant(column: str, category: Category, match: Match, written: Sequence[Cell] | pl.Series,
           needles: Iterable[str], *, label: str | None = None, cells: int | None = None,
           header: bool = False) -> Planted:
    """One planted entry: `written` are the column's cells holding it (None elsewhere);
    with `header`, the identifier is the column's name and `needles` its parts."""
    if isinstance(written, pl.Series):
        written = written.cast(pl.String).to_list()
    raw = frozenset(v.strip() for v in written if v is not None and v.strip())
    if header:
        raw = frozenset(needles)
    count = sum(1 for v in written if v is not None and v.strip())
    if match is Match.TEXT:
        needles = [*needles, *raw]  # as written too: "Heß".upper() is "HESS"
    return Planted(column, category, match, normalize(match, needles), raw,
                   count if cells is None else cells, label=label or column, in_header=header)


def _mess(rng: fakes.Rng, values: Sequence[Cell], *, nulls: float = 0.04,
          case: float = 0.2, space: float = 0.1) -> list[Cell]:
    """Export noise: some nulls, some UPPER or lower case, stray whitespace."""
    n = len(values)
    draw = rng.random((n, 3))
    how = rng.integers(0, 3, size=n)
    out: list[Cell] = []
    for v, (r_null, r_case, r_space), h in zip(values, draw, how, strict=True):
        if v is None or r_null < nulls:
            out.append(None)
            continue
        if r_case < case:
            v = (v.upper(), v.lower(), v.title())[h]
        if r_space < space:
            v = ("  " + v, v + " ", " " + v + "  ")[h]
        out.append(v)
    return out


def _only(values: Sequence[Cell], keep: np.ndarray) -> list[Cell]:
    return [v if k else None for v, k in zip(values, keep, strict=True)]


def _strftime(days: np.ndarray, fmt: str) -> list[str]:
    return pl.Series(days).dt.strftime(fmt).to_list()


def _iso(days: Iterable[np.datetime64] | np.ndarray) -> set[str]:
    return set(pl.Series(np.asarray(days, dtype="datetime64[D]")).cast(pl.String).to_list())


def _repeat(rng: fakes.Rng, rows: int, low: int, high: int) -> np.ndarray:
    """Owner index of each row: owners with `low`..`high` rows each, in blocks."""
    counts = rng.integers(low, high + 1, size=rows // low + 1)
    return np.repeat(np.arange(counts.size), counts)[:rows]


def visits(rows: int, seed: int) -> Extract:
    """A row per visit: 3-20 visits per patient, "Last, First", the MRN and the next of kin
    repeat, so do the attending's name and NPI; four surgeons only (a low-cardinality
    column of names); facilities are named after their towns."""
    fake, rng = _tools(seed, "visits")
    owner = _repeat(rng, rows, 3, 20)
    n_pat = int(owner.max()) + 1
    pats = fakes.people(fake, n_pat)
    mrn = [f"00{d}" for d in fakes.digits(rng, n_pat, 7)]
    docs = fakes.people(fake, 25)
    doc_of = rng.integers(0, 25, size=rows)
    npi = fakes.npis(rng, 25)
    towns = [fakes.TOWNS[i] for i in rng.choice(len(fakes.TOWNS), 6, replace=False)]
    kinds = ("{} Community Hospital", "{} Regional Medical Center", "St. Luke's of {}",
             "{} Family Health Center", "Mercy {}", "{} Memorial")
    facility = [k.format(t) for k, (t, _) in zip(kinds, towns, strict=True)]
    fac_of = rng.integers(0, 6, size=rows)
    day = fakes.days(rng, rows, dt.date(2016, 1, 1), dt.date(2025, 6, 30))
    style = rng.integers(0, 3, size=n_pat)
    patient = [(f"{p[2]}, {p[0]}", f"{p[2].upper()}, {p[0].upper()}",
                f"{p[2]}, {p[0]} {p[1]}.")[style[o]] for o, p in ((o, pats[o]) for o in owner)]
    attending = [(f"Dr. {docs[i][0]} {docs[i][2]}", f"{docs[i][2].upper()}, "
                  f"{docs[i][0].upper()} MD")[i % 2] for i in doc_of]
    visit_no = [f"V{v}" for v in fakes.digits(rng, rows, 8)]
    surgeons = fakes.people(fake, 4)
    surgeon = [f"Dr. {surgeons[i][0]} {surgeons[i][2]}" for i in rng.integers(0, 4, rows)]
    has_surgeon = rng.random(rows) < 0.3
    kin = fakes.people(fake, n_pat)
    relation = fakes.pick(rng, ("spouse", "mother", "son", "daughter", "friend"), n_pat)
    nok_of = [f"{k[0]} {k[2]} ({r})" for k, r in zip(kin, relation, strict=True)]
    has_kin = rng.random(n_pat) < 0.7
    nok = [nok_of[o] if has_kin[o] else None for o in owner]
    frame = pl.DataFrame({
        "visit_no": visit_no,
        "patient": _mess(rng, patient, nulls=0.01),
        "mrn": [mrn[o] for o in owner],
        "visit_dt": _strftime(day, "%m/%d/%Y"),
        "dept": fakes.pick(rng, ("Cardiology", "Family Med", "Ortho", "GI", "ED"), rows),
        "attending": attending,
        "attending_npi": [npi[i] for i in doc_of],
        "facility": [facility[i] for i in fac_of],
        "surgeon": _only(surgeon, has_surgeon),
        "nok": nok,
        "cpt": fakes.pick(rng, CPT, rows),
        "dx": fakes.pick(rng, ICD10, rows),
        "bp": [f"{s}/{d}" for s, d in zip(rng.integers(95, 185, rows),
                                           rng.integers(50, 110, rows), strict=True)],
        "pulse": [str(v) for v in rng.integers(48, 130, rows)],
    })
    names = set().union(*(fakes.name_needles(f, la) for f, _, la in pats))
    doc_names = set().union(*(fakes.name_needles(f, la) for f, _, la in docs))
    return Extract("visits", "longitudinal: names, MRN, provider and NPI repeat per visit",
                   frame, (
                       _plant("visit_no", Category.OTHER, Match.CODE, visit_no, visit_no),
                       _plant("patient", Category.NAME, Match.TEXT, frame["patient"], names),
                       _plant("mrn", Category.MRN, Match.CODE, frame["mrn"], mrn),
                       _plant("visit_dt", Category.DATE, Match.DATE, frame["visit_dt"],
                              _iso(day)),
                       _plant("attending", Category.NAME, Match.TEXT, attending, doc_names),
                       _plant("attending_npi", Category.OTHER, Match.CODE,
                              frame["attending_npi"], npi),
                       _plant("facility", Category.GEOGRAPHY, Match.TEXT, frame["facility"],
                              [t for t, _ in towns]),
                       _plant("surgeon", Category.NAME, Match.TEXT, frame["surgeon"], set().union(
                           *(fakes.name_needles(f, la) for f, _, la in surgeons))),
                       _plant("nok", Category.NAME, Match.TEXT, nok, set().union(
                           *(fakes.name_needles(f, la) for f, _, la in kin))),
                   ), {"cpt": Utility.EXACT, "dx": Utility.EXACT, "bp": Utility.EXACT,
                       "pulse": Utility.EXACT})


def labs_mislabeled(rows: int, seed: int) -> Extract:
    """A lab table whose headers lie: "hgb_a1c" holds SSNs, "notes_flag" provider NPIs."""
    _fake, rng = _tools(seed, "labs")
    lab = [LOINC[i] for i in rng.integers(0, len(LOINC), rows)]
    ssn = fakes.format_ssn(rng, fakes.ssns(rng, rows))
    ssn_cells = _mess(rng, ssn, nulls=0.08, case=0.0)
    npi = fakes.npis(rng, 40)
    flag = [npi[i] for i in rng.integers(0, 40, rows)]
    flag_cells = _mess(rng, flag, nulls=0.15, case=0.0)
    accession = [f"A{y}-{d}" for y, d in zip(rng.integers(19, 26, rows),
                                              fakes.digits(rng, rows, 6), strict=True)]
    frame = pl.DataFrame({
        "accession": accession,
        "loinc": [c for c, _, _ in lab],
        "test": [t for _, t, _ in lab],
        "result": [f"{v:.1f}" for v in rng.normal(6.5, 1.5, rows).clip(0.5)],
        "units": [u for _, _, u in lab],
        "hgb_a1c": ssn_cells,
        "ref_range": fakes.pick(rng, ("4.0-5.6", "70-99", "13.5-17.5", "0.6-1.3"), rows),
        "notes_flag": flag_cells,
        "abn": fakes.pick(rng, ("H", "L", "N", "N", "N"), rows),
    })
    return Extract("labs_mislabeled", "headers lie: a lab-test name over SSNs, a flag over NPIs",
                   frame, (
                       _plant("accession", Category.OTHER, Match.CODE, accession, accession),
                       _plant("hgb_a1c", Category.SSN, Match.CODE, ssn_cells,
                              [_digits(c) for c in ssn_cells if c]),
                       _plant("notes_flag", Category.OTHER, Match.CODE, flag_cells, npi),
                   ), {c: Utility.EXACT for c in ("loinc", "test", "result", "units",
                                                  "ref_range", "abn")})


def _digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


def late_contacts(rows: int, seed: int) -> Extract:
    """Clean for the first 90% of rows; telephone numbers and e-mail addresses only in
    the last 10% (a scanner that samples the head sees nothing)."""
    fake, rng = _tools(seed, "late")
    late = np.arange(rows) >= rows - rows // 10
    n_late = int(late.sum())
    ten = fakes.phones(rng, n_late)
    phone = fakes.format_phone(rng, ten)
    mail = fakes.emails(rng, fakes.people(fake, n_late))
    contact: list[Cell] = [*fakes.pick(rng, ("none", "declined", "see chart", "", "N/A"), rows)]
    pref: list[Cell] = [*fakes.pick(rng, ("mail", "portal", "phone", "none"), rows)]
    contact[rows - n_late:] = phone
    pref[rows - n_late:] = _mess(rng, mail, nulls=0.05, case=0.1)
    comment: list[Cell] = [*fakes.pick(
        rng, ("no issues", "pt tolerated well", "", "f/u 2 wks", "education given"), rows)]
    rare = rng.choice(rows, size=max(3, rows // 200), replace=False)  # 0.5%, anywhere
    kind = np.arange(rare.size) % 3
    r_ten = fakes.phones(np.random.default_rng([seed, 7]), rare.size)
    r_ssn = fakes.ssns(rng, rare.size)
    r_who = fakes.people(fake, rare.size)
    said: dict[int, list[Cell]] = {k: [None] * rows for k in range(3)}
    for i, (r, k) in enumerate(zip(rare, kind, strict=True)):
        text = (f"cb {r_ten[i][:3]}-{r_ten[i][3:6]}-{r_ten[i][6:]} after 5pm",
                f"ssn on file {r_ssn[i][:3]}-{r_ssn[i][3:5]}-{r_ssn[i][5:]}",
                f"daughter {r_who[i][0]} {r_who[i][2]} will drive")[k]
        comment[r] = text
        said[int(k)][r] = text
    frame = pl.DataFrame({
        "encounter_type": fakes.pick(rng, ("inpatient", "outpatient", "observation", "ED"),
                                     rows),
        "los_days": [str(v) for v in rng.integers(0, 30, rows)],
        "contact": contact,
        "comm_pref": pref,
        "comment": comment,
        "ward": fakes.pick(rng, ("3N", "4E", "ICU", "5W"), rows),
    })
    return Extract("late_contacts", "identifiers only in the last 10% of 20,000 rows, and in "
                   "0.5% of a comment column anywhere", frame, (
        _plant("contact", Category.PHONE, Match.CODE, _only(contact, late), ten),
        _plant("comm_pref", Category.EMAIL, Match.TEXT, _only(pref, late), mail),
        _plant("comment", Category.PHONE, Match.CODE, said[0],
               [t for t, k in zip(r_ten, kind, strict=True) if k == 0],
               label="comment (phone)"),
        _plant("comment", Category.SSN, Match.CODE, said[1],
               [t for t, k in zip(r_ssn, kind, strict=True) if k == 1], label="comment (ssn)"),
        _plant("comment", Category.NAME, Match.TEXT, said[2],
               [f"{p[0]} {p[2]}" for p, k in zip(r_who, kind, strict=True) if k == 2],
               label="comment (name)"),
    ), {"encounter_type": Utility.EXACT, "los_days": Utility.EXACT})


def numeric_dates(rows: int, seed: int) -> Extract:
    """Dates stored as numbers under neutral headers: epoch seconds, epoch milliseconds,
    spreadsheet serial days (whole and with a time fraction), yyyymmdd integers."""
    _fake, rng = _tools(seed, "numeric")
    day = {k: fakes.days(rng, rows, dt.date(2015, 1, 1), dt.date(2025, 12, 31))
           for k in ("c1", "c2", "c3", "c4", "c5")}
    secs = rng.integers(8 * 3600, 18 * 3600, size=rows)  # daytime, UTC: the day is stable
    epoch = {k: day[k].astype(np.int64) * 86_400 + secs for k in day}
    frame = pl.DataFrame({
        "c1": epoch["c1"],
        "c2": epoch["c2"] * 1000 + rng.integers(0, 1000, rows),
        "c3": day["c3"].astype(np.int64) + 25_569,
        "c4": pl.Series(day["c4"]).dt.strftime("%Y%m%d").cast(pl.Int64),
        "c5": np.round(day["c5"].astype(np.int64) + 25_569 + secs / 86_400, 4),
        "dose_mg": fakes.pick(rng, ("2.5", "5", "10", "20", "40", "500", "1000"), rows),
        "platelets": rng.integers(150_000, 450_001, rows),
        "qty": rng.integers(1, 91, rows),
    }).with_columns(pl.col("dose_mg").cast(pl.Float64))
    planted = tuple(_plant(k, Category.DATE, Match.DATE, frame[k].cast(pl.String), _iso(day[k]))
                    for k in day)
    return Extract("numeric_dates", "epoch s and ms, serial days, yyyymmdd under neutral headers",
                   frame, planted, {"dose_mg": Utility.EXACT, "platelets": Utility.EXACT,
                                    "qty": Utility.EXACT})


def header_identifiers(rows: int, seed: int) -> Extract:
    """Column names that are identifiers: visit dates, a patient's name, an MRN."""
    _fake, rng = _tools(seed, "headers")
    frame = pl.DataFrame({
        "visit_2023-04-17": [f"{v:.0f}" for v in rng.normal(110, 25, rows)],
        "visit_2023-05-02": [f"{v:.0f}" for v in rng.normal(105, 25, rows)],
        "Kowalczyk_Dorota_labs": [f"{v:.1f}" for v in rng.normal(6.8, 1.1, rows)],
        "mrn_40012345_flag": fakes.pick(rng, ("Y", "N"), rows),
        "hr": [str(v) for v in rng.integers(50, 120, rows)],
        "temp_c": [f"{v:.1f}" for v in rng.normal(37.0, 0.5, rows)],
    })
    return Extract("header_identifiers", "identifiers in the column names, not the cells",
                   frame, (
                       _plant("visit_2023-04-17", Category.DATE, Match.DATE, [],
                              ["2023-04-17"], label="<header with a date 1>", header=True),
                       _plant("visit_2023-05-02", Category.DATE, Match.DATE, [],
                              ["2023-05-02"], label="<header with a date 2>", header=True),
                       _plant("Kowalczyk_Dorota_labs", Category.NAME, Match.TOKEN, [],
                              ["kowalczyk", "dorota"], label="<header with a name>", header=True),
                       _plant("mrn_40012345_flag", Category.MRN, Match.TOKEN, [],
                              ["40012345"], label="<header with an MRN>", header=True),
                   ), {"hr": Utility.EXACT, "temp_c": Utility.EXACT})


def _write_pandas_style(frame: pl.DataFrame, path: Path) -> None:
    """Write as pandas would: `category` columns as int8 dictionaries, pandas metadata."""
    table = frame.to_arrow()
    fields = []
    columns_meta = []
    for f in table.schema:
        if pa.types.is_dictionary(f.type):
            k = frame[f.name].n_unique()
            index, numpy_type = ((pa.int8(), "int8") if k < 128 else
                                 (pa.int16(), "int16") if k < 32_768 else (pa.int32(), "int32"))
            f = pa.field(f.name, pa.dictionary(index, pa.string()))
            columns_meta.append({"name": f.name, "field_name": f.name,
                                 "pandas_type": "categorical", "numpy_type": numpy_type,
                                 "metadata": {"num_categories": k, "ordered": False}})
        else:
            columns_meta.append({"name": f.name, "field_name": f.name, "pandas_type": "object",
                                 "numpy_type": "object", "metadata": None})
        fields.append(f)
    schema = pa.schema(fields)
    table = table.cast(schema)
    pandas_meta = {"index_columns": [{"kind": "range", "name": None, "start": 0,
                                      "stop": table.num_rows, "step": 1}],
                   "column_indexes": [], "columns": columns_meta,
                   "creator": {"library": "pyarrow", "version": pa.__version__},
                   "pandas_version": "2.2.3"}
    table = table.replace_schema_metadata({b"pandas": json.dumps(pandas_meta).encode()})
    pq.write_table(table, path)


def pandas_parquet(rows: int, seed: int) -> Extract:
    """A pandas export: category (dictionary) columns, timestamps with time zones in ns,
    us and ms, a date32 birth date, an address struct and a list of former names."""
    fake, rng = _tools(seed, "pandas")
    pats = fakes.people(fake, rows)
    street = fakes.streets(fake, rng, rows)
    town = [fakes.TOWNS[i] for i in rng.integers(0, len(fakes.TOWNS), rows)]
    zips = fakes.zips(rng, rows)
    admit = fakes.days(rng, rows, dt.date(2018, 1, 1), dt.date(2025, 6, 30))
    stay = rng.integers(0, 12, rows).astype("timedelta64[D]")
    dob = fakes.days(rng, rows, dt.date(1925, 1, 1), dt.date(2010, 12, 31))
    local = admit.astype("datetime64[ns]") + rng.integers(
        6 * 3600, 18 * 3600, rows).astype("timedelta64[s]")
    former = [[f"{p[0]} {fake.last_name()}"] if r < 0.3 else [] for p, r in
              zip(pats, rng.random(rows), strict=True)]
    frame = pl.DataFrame({
        "patient_name": [f"{p[0]} {p[2]}" for p in pats],
        "sex": fakes.pick(rng, ("F", "M", "U"), rows, p=(0.5, 0.48, 0.02)),
        "race": fakes.pick(rng, ("White", "Black", "Asian", "Other", "Unknown"), rows),
        "admit_ts": pl.Series(local).dt.replace_time_zone("America/New_York"),
        "discharge_ts": pl.Series((admit + stay).astype("datetime64[us]")
                                  + np.timedelta64(15, "h")).dt.replace_time_zone("UTC"),
        "result_time": pl.Series(admit.astype("datetime64[ms]") + np.timedelta64(14, "h")),
        "dob": pl.Series(dob),
        "address": [{"street": s, "city": t, "state": st, "zip": z}
                    for s, (t, st), z in zip(street, town, zips, strict=True)],
        "former_names": former,
        "sbp": rng.integers(95, 185, rows).astype(np.int16),
        "weight_kg": rng.normal(80, 15, rows).round(1).astype(np.float32),
    }).with_columns(pl.col("patient_name", "sex", "race").cast(pl.Categorical))
    former_flat = [n for names in former for n in names]
    return Extract("pandas_parquet", "pandas categories, zoned ns timestamps, struct and list",
                   frame, (
                       _plant("patient_name", Category.NAME, Match.TEXT,
                              frame["patient_name"].cast(pl.String).to_list(),
                              set().union(*(fakes.name_needles(f, la) for f, _, la in pats))),
                       _plant("admit_ts", Category.DATE, Match.DATE,
                              [str(v) for v in local], _iso(admit)),
                       _plant("discharge_ts", Category.DATE, Match.DATE,
                              [str(v) for v in admit + stay], _iso(admit + stay)),
                       _plant("result_time", Category.DATE, Match.DATE,
                              [str(v) for v in admit], _iso(admit)),
                       _plant("dob", Category.DATE, Match.DATE, [str(v) for v in dob],
                              _iso(dob)),
                       _plant("address.street", Category.GEOGRAPHY, Match.TEXT, street, street),
                       _plant("address.city", Category.GEOGRAPHY, Match.TEXT,
                              [t for t, _ in town], {t for t, _ in town}),
                       _plant("address.zip", Category.GEOGRAPHY, Match.TOKEN, zips, zips),
                       _plant("former_names[]", Category.NAME, Match.TEXT, former_flat,
                              former_flat),
                   ), {"sex": Utility.EXACT, "race": Utility.EXACT, "sbp": Utility.EXACT,
                       "weight_kg": Utility.EXACT},
                   suffix=".parquet", writer=_write_pandas_style)


def claims(rows: int, seed: int) -> Extract:
    """Claim lines: member, account and claim numbers in payer formats, claim dates,
    HCPCS/CPT, ICD-10 without dots, 11-digit NDCs, amounts, ZIP codes as integers (New
    England's leading zero lost) and as ZIP+4."""
    _fake, rng = _tools(seed, "claims")
    owner = _repeat(rng, rows, 1, 8)
    n_mem = int(owner.max()) + 1
    body = fakes.digits(rng, n_mem, 9)
    style = rng.integers(0, 4, n_mem)
    prefix = fakes.pick(rng, ("XKJ", "ZGP", "YLH", "JQU"), n_mem)
    member = [(f"{p} {b[:3]} {b[3:5]} {b[5:]}-01", f"W{b}", f"{p}{b}01", f"M-{b[:4]}-{b[4:]}")[s]
              for p, b, s in zip(prefix, body, style, strict=True)]
    acct = [f"ACCT#{a[:4]}-{a[4:8]}-{a[8:]}" if i % 2 else f"PA{a}"
            for i, a in enumerate(fakes.digits(rng, n_mem, 10))]
    # New England ZIPs start with 0: an integer column loses the zero ("3301"); 03xxx
    # because 01xxx and 02xxx would read as years once the zero is gone
    member_zip = [z if i % 3 else "03" + z[2:] for i, z in enumerate(fakes.zips(rng, n_mem))]
    plus4 = rng.integers(1, 10000, n_mem)
    claim_no = [f"{y}{d}" for y, d in zip(rng.integers(2019, 2026, rows),
                                           fakes.digits(rng, rows, 9), strict=True)]
    svc = fakes.days(rng, rows, dt.date(2019, 1, 1), dt.date(2025, 9, 30))
    svc_to = svc + rng.integers(0, 4, rows).astype("timedelta64[D]")
    code = fakes.pick(rng, (*CPT, "J1100", "G0439", "A0425", "E0601", "J3490"), rows)
    ndc = fakes.pick(rng, ("00002322730", "00071015523", "00093715401", "50580049660",
                           "00378180110", "68180051301", "00904582461"), rows)
    frame = pl.DataFrame({
        "claim_no": claim_no,
        "member_id": [member[o] for o in owner],
        "acct": _mess(rng, [acct[o] for o in owner], case=0.05),
        "payer": fakes.pick(rng, ("Aetna", "Medicare", "Medicaid", "Cigna", "UHC"), rows),
        "svc_from": _strftime(svc, "%Y-%m-%d"),
        "svc_to": _strftime(svc_to, "%Y-%m-%d"),
        "proc": code,
        "mod": fakes.pick(rng, ("", "25", "59", "LT", "RT"), rows),
        "dx1": [c.replace(".", "") for c in fakes.pick(rng, ICD10, rows)],
        "ndc": ndc,
        "pos": fakes.pick(rng, ("11", "21", "22", "23"), rows),
        "billed": [f"{v:.2f}" for v in rng.gamma(2.0, 180.0, rows)],
        "units": [str(v) for v in rng.integers(1, 5, rows)],
        "pt_zip": [int(z) for z in (member_zip[o] for o in owner)],
        "zip4": [f"{member_zip[o]}-{p:04d}" for o, p in zip(owner, plus4[owner], strict=True)],
    })
    return Extract("claims", "payer-format member, account and claim numbers", frame, (
        _plant("claim_no", Category.OTHER, Match.CODE, claim_no, claim_no),
        _plant("member_id", Category.HEALTH_PLAN, Match.CODE, frame["member_id"], member),
        _plant("acct", Category.ACCOUNT, Match.CODE, frame["acct"], acct),
        _plant("svc_from", Category.DATE, Match.DATE, frame["svc_from"], _iso(svc)),
        _plant("svc_to", Category.DATE, Match.DATE, frame["svc_to"], _iso(svc_to)),
        _plant("pt_zip", Category.GEOGRAPHY, Match.TOKEN, frame["pt_zip"].cast(pl.String),
               [str(int(z)) for z in member_zip]),
        _plant("zip4", Category.GEOGRAPHY, Match.TOKEN, frame["zip4"], member_zip),
    ), {c: Utility.EXACT for c in ("payer", "proc", "mod", "dx1", "ndc", "pos", "billed",
                                   "units")})


def locations(rows: int, seed: int) -> Extract:
    """Addresses inside a free-form location field, sites named after towns, counties."""
    fake, rng = _tools(seed, "locations")
    street = fakes.streets(fake, rng, rows)
    town = [fakes.TOWNS[i] for i in rng.integers(0, len(fakes.TOWNS), rows)]
    zips = fakes.zips(rng, rows)
    kind = rng.choice(4, size=rows, p=(0.4, 0.15, 0.15, 0.3))
    clean = fakes.pick(rng, ("ED", "ICU bed 4", "home", "clinic", "OR 3", "lobby"), rows)
    apt = rng.integers(1, 40, rows)
    location: list[Cell] = []
    geo_text: list[str] = []
    geo_zip: list[Cell] = []
    for k, s, (t, st), z, c, a in zip(kind, street, town, zips, clean, apt, strict=True):
        if k == 0:
            location.append(f"Pt lives at {s}, {t}, {st} {z}")
            geo_text += [s, t]
            geo_zip.append(location[-1])
        elif k == 1:
            location.append(f"home: {s} Apt {a}, {t}")
            geo_text += [s, t]
            geo_zip.append(None)
        elif k == 2:
            location.append(f"transferred from {t} General")
            geo_text.append(t)
            geo_zip.append(None)
        else:
            location.append(c)
            geo_zip.append(None)
    location = _mess(rng, location, case=0.1)
    site_town = [fakes.TOWNS[i][0] for i in rng.choice(len(fakes.TOWNS), 8, replace=False)]
    site_of = rng.integers(0, 8, rows)
    sites = [f"{t} Family Practice" if i % 2 else f"{t} Urgent Care"
             for i, t in enumerate(site_town)]
    county = fakes.pick(rng, fakes.COUNTIES, rows)
    frame = pl.DataFrame({
        "location": location,
        "site": [sites[i] for i in site_of],
        "county": [f"{c} County" for c in county],
        "unit": fakes.pick(rng, ("ICU", "ED", "MedSurg", "L&D"), rows),
        "los_days": [str(v) for v in rng.integers(0, 20, rows)],
    })
    planted_rows = [v if k < 3 else None for v, k in zip(location, kind, strict=True)]
    return Extract("locations", "addresses inside free text, towns inside site names", frame, (
        _plant("location", Category.GEOGRAPHY, Match.TEXT, planted_rows, geo_text),
        _plant("location", Category.GEOGRAPHY, Match.TOKEN,
               [v if z else None for v, z in zip(location, geo_zip, strict=True)],
               [z for z, k in zip(zips, kind, strict=True) if k == 0],
               label="location (zip)"),
        _plant("site", Category.GEOGRAPHY, Match.TEXT, frame["site"], site_town),
        _plant("county", Category.GEOGRAPHY, Match.TEXT, frame["county"],
               [f"{c} county" for c in county]),
    ), {"unit": Utility.EXACT, "los_days": Utility.EXACT})


def ems_runs(rows: int, seed: int) -> Extract:
    """EMS run sheets (Parquet): scene coordinates as floats and as text, the patient's
    vehicle VIN and plate after a collision, dispatch time in ms."""
    _fake, rng = _tools(seed, "ems")
    lat = np.round(rng.uniform(25.5, 48.5, rows), 6)
    lon = np.round(rng.uniform(-123.5, -68.0, rows), 6)
    lat2 = np.round(rng.uniform(25.5, 48.5, rows), 5)
    lon2 = np.round(rng.uniform(-123.5, -68.0, rows), 5)
    mvc = rng.random(rows) < 0.4
    vin = fakes.vins(rng, rows)
    plate = fakes.plates(rng, rows)
    dispatch = fakes.days(rng, rows, dt.date(2019, 1, 1), dt.date(2025, 6, 30))
    scene = [f"{a:.5f},{b:.5f}" if i % 3 else f"({a:.5f}, {b:.5f})"
             for i, (a, b) in enumerate(zip(lat2, lon2, strict=True))]
    frame = pl.DataFrame({
        "pickup_lat": lat,
        "pickup_lon": lon,
        "scene": scene,
        "vin": _only(vin, mvc),
        "plate": _only(plate, mvc),
        "complaint": fakes.pick(rng, ("MVC", "chest pain", "fall", "syncope", "SOB"), rows),
        "gcs": rng.integers(3, 16, rows),
        "resp_min": np.round(rng.uniform(3, 22, rows), 1),
        "dispatched": pl.Series(dispatch.astype("datetime64[ms]")
                                + rng.integers(0, 86_400_000, rows).astype("timedelta64[ms]")),
    })
    return Extract("ems_runs", "coordinates as floats and text, vehicle VINs and plates", frame, (
        _plant("pickup_lat", Category.GEOGRAPHY, Match.COORD, [str(v) for v in lat],
               coord_needles(lat)),
        _plant("pickup_lon", Category.GEOGRAPHY, Match.COORD, [str(v) for v in lon],
               coord_needles(lon)),
        _plant("scene", Category.GEOGRAPHY, Match.COORD, scene,
               coord_needles([*lat2, *lon2])),
        _plant("vin", Category.VEHICLE, Match.CODE, _only(vin, mvc),
               [v for v, m in zip(vin, mvc, strict=True) if m]),
        _plant("plate", Category.VEHICLE, Match.CODE, _only(plate, mvc),
               [v for v, m in zip(plate, mvc, strict=True) if m]),
        _plant("dispatched", Category.DATE, Match.DATE, [str(d) for d in dispatch],
               _iso(dispatch)),
    ), {"complaint": Utility.EXACT, "gcs": Utility.EXACT, "resp_min": Utility.EXACT},
                   suffix=".parquet")


def devices(rows: int, seed: int) -> Extract:
    """Implant registry: GS1 and HIBCC UDIs with serials, bare serial numbers, implant
    dates written "17-Apr-2023"."""
    _fake, rng = _tools(seed, "devices")
    serial = [f"{p}{d}" for p, d in zip(fakes.pick(rng, ("PJN", "RNB", "SN", "BOH"), rows),
                                         fakes.digits(rng, rows, 7), strict=True)]
    gtin = fakes.pick(rng, ("00643169007222", "00802526576123", "00884521132714",
                            "08717648200274"), rows)
    day = fakes.days(rng, rows, dt.date(2016, 1, 1), dt.date(2025, 6, 30))
    exp = _strftime(day + np.timedelta64(720, "D"), "%y%m%d")
    style = rng.integers(0, 3, rows)
    udi = [(f"(01){g}(17){e}(21){s}", f"01{g}17{e}21{s}", f"+H124{g[-6:]}0/$${e}{s}")[k]
           for g, e, s, k in zip(gtin, exp, serial, style, strict=True)]
    other_serial = [f"SN: {d}" for d in fakes.digits(rng, rows, 10)]
    frame = pl.DataFrame({
        "udi": udi,
        "serial": _mess(rng, other_serial, nulls=0.1, case=0.3),
        "model": fakes.pick(rng, ("Medtronic Azure XT DR MRI", "Boston Scientific Accolade",
                                  "Abbott Assurity MRI", "Zimmer Persona Knee"), rows),
        "implanted": _strftime(day, "%d-%b-%Y"),
        "side": fakes.pick(rng, ("L", "R", "N/A"), rows),
        "mri_conditional": fakes.pick(rng, ("Y", "N"), rows),
    })
    return Extract("devices", "UDIs with serials, serial numbers, dd-Mon-yyyy dates", frame, (
        _plant("udi", Category.DEVICE, Match.CODE, udi, serial, label="udi"),
        _plant("serial", Category.DEVICE, Match.CODE, frame["serial"],
               [s.removeprefix("SN: ") for s in other_serial]),
        _plant("implanted", Category.DATE, Match.DATE, frame["implanted"], _iso(day)),
    ), {"model": Utility.EXACT, "side": Utility.EXACT, "mri_conditional": Utility.EXACT})


def access_log(rows: int, seed: int) -> Extract:
    """A patient-portal access log: IPv4 and IPv6 under "src", URLs under "ref" and
    "value", ISO timestamps with Z."""
    fake, rng = _tools(seed, "access")
    v4 = [f"{a}.{b}.{c}.{d}" for a, b, c, d in rng.integers(1, 255, (rows, 4))
          if a not in (10, 127, 172, 192)]
    while len(v4) < rows:
        v4.append(f"{int(rng.integers(11, 126))}.{len(v4) % 250}.7.{len(v4) % 200 + 1}")
    v6 = [fake.ipv6() for _ in range(rows // 3)]
    src = [v6[i // 3] if i % 3 == 0 and i // 3 < len(v6) else v4[i] for i in range(rows)]
    pid = fakes.digits(rng, rows, 7)
    ref = [f"https://mychart.{fakes.TOWNS[i % 40][0].lower().replace(' ', '')}health.org"
           f"/patient/{p}/results?visit={i}" if i % 2 else f"http://{v4[(i + 7) % rows]}/emr/pt/{p}"
           for i, p in enumerate(pid)]
    people = fakes.people(fake, rows)
    personal = [f"www.facebook.com/{f.lower()}.{la.lower()}" if i % 2 else
                f"https://{la.lower()}family.net/~{f.lower()}" for i, (f, _, la) in
                enumerate(people)]
    has = rng.random(rows) < 0.5
    value: list[Cell] = [p if h else "n/a" for p, h in zip(personal, has, strict=True)]
    when = fakes.days(rng, rows, dt.date(2022, 1, 1), dt.date(2025, 6, 30))
    ts = [f"{d}T{h:02d}:{m:02d}:{s:02d}Z" for d, h, m, s in
          zip(when, rng.integers(8, 23, rows), rng.integers(0, 60, rows),
              rng.integers(0, 60, rows), strict=True)]
    frame = pl.DataFrame({
        "src": src, "ref": ref, "value": value,
        "action": fakes.pick(rng, ("login", "view", "print", "download"), rows),
        "status": fakes.pick(rng, ("200", "302", "403"), rows),
        "ms": [str(v) for v in rng.integers(3, 900, rows)],
        "ts": ts,
    })
    return Extract("access_log", "IPs and URLs under generic headers", frame, (
        _plant("src", Category.IP, Match.TEXT, src, src),
        _plant("ref", Category.URL, Match.TEXT, ref, ref),
        _plant("value", Category.URL, Match.TEXT, _only(value, has),
               [p for p, h in zip(personal, has, strict=True) if h]),
        _plant("ts", Category.DATE, Match.DATE, ts, _iso(when)),
    ), {"action": Utility.EXACT, "status": Utility.EXACT, "ms": Utility.EXACT})


def ages(rows: int, seed: int) -> Extract:
    """Ages as words, "19yo", "92 y/o", months for infants; about 12% over 89."""
    _fake, rng = _tools(seed, "ages")
    years = np.where(rng.random(rows) < 0.12, rng.integers(90, 106, rows),
                     rng.integers(1, 90, rows))
    words = {int(v): k for k, v in sorted(WORD_AGES.items(), key=lambda kv: -len(kv[0]))}
    style = rng.integers(0, 7, rows)
    text: list[Cell] = []
    for y, s in zip(years, style, strict=True):
        w = words[int(y)].replace(" ", "-") if y < 100 else words[int(y)]
        text.append([f"{y}yo", f"{y} y/o", w, str(y), f"{w.upper()}", f" {y} years old",
                     f"{y} Y"][s])
    infant = rng.random(rows) < 0.03
    text = [f"{int(rng.integers(1, 11))} mos" if i else t for t, i in zip(text, infant,
                                                                           strict=True)]
    numbers = np.where(rng.random(rows) < 0.12, rng.integers(90, 104, rows),
                       rng.integers(18, 90, rows))
    frame = pl.DataFrame({
        "age_text": _mess(rng, text, nulls=0.03, case=0.0),
        "age_years": numbers,
        "sex": fakes.pick(rng, ("F", "M"), rows),
        "dx": fakes.pick(rng, ICD10, rows),
    })
    over_text = int((parse_ages(frame["age_text"]) > 89).sum())
    return Extract("ages", "ages as words and abbreviations, some over 89", frame, (
        _plant("age_text", Category.AGE_OVER_89, Match.AGE, [], [], cells=over_text),
        _plant("age_years", Category.AGE_OVER_89, Match.AGE, [], [],
               cells=int((numbers > 89).sum())),
    ), {"age_text": Utility.AGES_TO_89, "age_years": Utility.AGES_TO_89,
        "sex": Utility.EXACT, "dx": Utility.EXACT})


def clinical_codes(rows: int, seed: int) -> Extract:
    """Utility first: CPT (some in the ZIP range), HCPCS, ICD-10 and ICD-9, LOINC, SNOMED
    ids of 8-9 digits, RxNorm, NDC, blood pressure, doses, lab values; only the MRN is an
    identifier."""
    _fake, rng = _tools(seed, "codes")
    mrn = [f"E{d}" for d in fakes.digits(rng, rows // 4, 7)]
    owner = rng.integers(0, len(mrn), rows)
    frame = pl.DataFrame({
        "mrn": [mrn[o] for o in owner],
        "cpt": fakes.pick(rng, CPT, rows),
        "hcpcs": fakes.pick(rng, ("J1100", "G0439", "A0425", "E0601", "Q4081"), rows),
        "icd10": fakes.pick(rng, ICD10, rows),
        "icd9": fakes.pick(rng, ("250.00", "401.9", "V70.0", "E849.0", "786.50", "428.0"),
                           rows),
        "loinc": fakes.pick(rng, [c for c, _, _ in LOINC], rows),
        "snomed": fakes.pick(rng, ("44054006", "38341003", "195967001", "22298006",
                                   "73211009", "233604007", "840539006"), rows),
        "rxnorm": fakes.pick(rng, ("197361", "860975", "314076", "617312", "1049621"), rows),
        "ndc": fakes.pick(rng, ("0002-3227-30", "0071-0155-23", "50580-496-60",
                                "68180-513-01", "0904-5824-61"), rows),
        "bp": [f"{s}/{d}" for s, d in zip(rng.integers(95, 185, rows),
                                           rng.integers(50, 110, rows), strict=True)],
        "dose": fakes.pick(rng, ("500 mg", "1 tab PO BID", "10 units SC qHS", "2.5 mg daily",
                                 "40 mg IV"), rows),
        "hgb": [f"{v:.1f}" for v in rng.normal(13.5, 1.6, rows)],
    })
    return Extract("clinical_codes", "code systems and measurements that must be kept", frame, (
        _plant("mrn", Category.MRN, Match.CODE, frame["mrn"], mrn),
    ), {c: Utility.EXACT for c in frame.columns if c != "mrn"})


def referrals(rows: int, seed: int) -> Extract:
    """Referral letters' index: provider names with titles and initials, fax numbers,
    state licence and DEA numbers, "April 17, 2023" dates."""
    fake, rng = _tools(seed, "referrals")
    docs = fakes.people(fake, 60)
    doc_of = rng.integers(0, 60, rows)
    style = rng.integers(0, 4, 60)
    shown = [(f"Dr. {f} {m}. {la}", f"{la.upper()}, {f.upper()} {m} MD", f"{f} {la}, DO",
              f"{la}, {f} NP")[s] for (f, m, la), s in zip(docs, style, strict=True)]
    fax = fakes.phones(rng, 60)
    fax_shown = fakes.format_phone(rng, fax, prefix="")
    fax_shown = [f"Fax: {v}" if i % 3 == 0 else v for i, v in enumerate(fax_shown)]
    lic = [f"{st} {d[:2]}.{d[2:]}" if i % 2 else f"MD.{d}" for i, (st, d) in enumerate(
        zip(fakes.pick(rng, ("OH", "PA", "TX", "NY"), 60), fakes.digits(rng, 60, 7),
            strict=True))]
    dea = fakes.dea_numbers(rng, [la for _, _, la in docs])
    day = fakes.days(rng, rows, dt.date(2018, 1, 1), dt.date(2025, 6, 30))
    frame = pl.DataFrame({
        "referring": [shown[i] for i in doc_of],
        "f_no": [fax_shown[i] for i in doc_of],
        "lic": [lic[i] for i in doc_of],
        "dea": _mess(rng, [dea[i] for i in doc_of], nulls=0.2, case=0.0),
        "specialty": fakes.pick(rng, ("Cardiology", "Oncology", "Neurology", "GI"), rows),
        "reason": fakes.pick(rng, ICD10, rows),
        "ref_date": _strftime(day, "%B %d, %Y"),
        "urgency": fakes.pick(rng, ("routine", "urgent", "stat"), rows),
    })
    needles = set(shown) | set().union(*(fakes.name_needles(f, la) for f, _, la in docs))
    return Extract("referrals", "provider names with titles, fax, licence and DEA numbers", frame, (
        _plant("referring", Category.NAME, Match.TEXT, frame["referring"], needles),
        _plant("f_no", Category.FAX, Match.CODE, frame["f_no"], fax),
        _plant("lic", Category.LICENSE, Match.CODE, frame["lic"], lic),
        _plant("dea", Category.LICENSE, Match.CODE, frame["dea"], dea),
        _plant("ref_date", Category.DATE, Match.DATE, frame["ref_date"], _iso(day)),
    ), {"specialty": Utility.EXACT, "reason": Utility.EXACT, "urgency": Utility.EXACT})


def nested_jsonl(rows: int, seed: int) -> Extract:
    """FHIR-like JSON lines: names, birth date, telecom list, address and encounter id
    nested in objects; the observation beside them must survive."""
    fake, rng = _tools(seed, "nested")
    pats = fakes.people(fake, rows)
    ten = fakes.phones(rng, rows)
    phone = fakes.format_phone(rng, ten)
    mail = fakes.emails(rng, pats)
    street = fakes.streets(fake, rng, rows)
    town = [fakes.TOWNS[i][0] for i in rng.integers(0, len(fakes.TOWNS), rows)]
    zips = fakes.zips(rng, rows)
    dob = fakes.days(rng, rows, dt.date(1930, 1, 1), dt.date(2008, 12, 31))
    start = fakes.days(rng, rows, dt.date(2020, 1, 1), dt.date(2025, 6, 30))
    enc = [f"ENC-{d}" for d in fakes.digits(rng, rows, 9)]
    lab = [LOINC[i] for i in rng.integers(0, len(LOINC), rows)]
    with_mail = rng.random(rows) < 0.5
    frame = pl.DataFrame({
        "encounter": [{"id": e, "start": f"{s}T{h:02d}:30:00"} for e, s, h in
                      zip(enc, start, rng.integers(7, 19, rows), strict=True)],
        "patient": [{"name": {"given": f, "family": la}, "birthDate": str(b),
                     "telecom": [{"system": "phone", "value": p}] + (
                         [{"system": "email", "value": m}] if w else []),
                     "address": {"line": s, "city": t, "postalCode": z}}
                    for (f, _, la), b, p, m, w, s, t, z in
                    zip(pats, dob, phone, mail, with_mail, street, town, zips, strict=True)],
        "obs": [{"code": c, "value": round(float(v), 1), "unit": u} for (c, _, u), v in
                zip(lab, rng.normal(6.0, 1.2, rows), strict=True)],
    })
    return Extract("nested_jsonl", "identifiers in nested objects and lists (JSON lines)",
                   frame, (
                       _plant("encounter.id", Category.OTHER, Match.CODE, enc, enc),
                       _plant("encounter.start", Category.DATE, Match.DATE,
                              [str(s) for s in start], _iso(start)),
                       _plant("patient.name.given", Category.NAME, Match.TOKEN,
                              [p[0] for p in pats], [p[0] for p in pats]),
                       _plant("patient.name.family", Category.NAME, Match.TOKEN,
                              [p[2] for p in pats], [p[2] for p in pats]),
                       _plant("patient.birthDate", Category.DATE, Match.DATE,
                              [str(b) for b in dob], _iso(dob)),
                       _plant("patient.telecom[].value", Category.PHONE, Match.CODE, phone,
                              ten),
                       _plant("patient.telecom[].value", Category.EMAIL, Match.TEXT,
                              _only(mail, with_mail),
                              [m for m, w in zip(mail, with_mail, strict=True) if w],
                              label="patient.telecom[].value (email)"),
                       _plant("patient.address.line", Category.GEOGRAPHY, Match.TEXT, street,
                              street),
                       _plant("patient.address.city", Category.GEOGRAPHY, Match.TEXT, town,
                              town),
                       _plant("patient.address.postalCode", Category.GEOGRAPHY, Match.TOKEN,
                              zips, zips),
                   ), {"obs.code": Utility.EXACT, "obs.value": Utility.EXACT,
                       "obs.unit": Utility.EXACT}, suffix=".jsonl")


def eu_semicolon(rows: int, seed: int) -> Extract:
    """A German export: semicolons, decimal commas, dd.mm.yyyy dates, "NACHNAME Vorname"
    names with umlauts, +49 telephone numbers, postcodes and towns."""
    fake, rng = _tools(seed, "eu", locale="de_DE")
    pats = fakes.people(fake, rows)
    area = fakes.pick(rng, ("30", "40", "89", "221", "511", "711", "351"), rows)
    sub = fakes.digits(rng, rows, 7)
    tel = [f"+49 {a} {s}" if i % 2 else f"0{a}/{s}" for i, (a, s) in
           enumerate(zip(area, sub, strict=True))]
    plz = fakes.digits(rng, rows, 5, low=1067)
    town = [fake.city() for _ in range(rows)]
    dob = fakes.days(rng, rows, dt.date(1930, 1, 1), dt.date(2008, 12, 31))
    adm = fakes.days(rng, rows, dt.date(2019, 1, 1), dt.date(2025, 6, 30))
    frame = pl.DataFrame({
        "Patient": [f"{la.upper()} {f}" if i % 2 else f"{la}, {f}"
                    for i, (f, _, la) in enumerate(pats)],
        "Geburtsdatum": _strftime(dob, "%d.%m.%Y"),
        "Telefon": tel,
        "PLZ": plz,
        "Ort": town,
        "Aufnahme": [f"{d} {h:02d}:{m:02d}" for d, h, m in
                     zip(_strftime(adm, "%d.%m.%Y"), rng.integers(0, 24, rows),
                         rng.integers(0, 60, rows), strict=True)],
        "Gewicht": [f"{v:.1f}".replace(".", ",") for v in rng.normal(78, 14, rows)],
        "ICD": fakes.pick(rng, ICD10, rows),
        "Station": fakes.pick(rng, ("Innere", "Chirurgie", "Kardio", "ITS"), rows),
    })
    return Extract("eu_semicolon", "German export: ; separator, dd.mm.yyyy, +49 numbers", frame, (
        _plant("Patient", Category.NAME, Match.TEXT, frame["Patient"],
               set().union(*(fakes.name_needles(f, la) for f, _, la in pats))),
        _plant("Geburtsdatum", Category.DATE, Match.DATE, frame["Geburtsdatum"], _iso(dob)),
        _plant("Telefon", Category.PHONE, Match.CODE, tel,
               [a + s for a, s in zip(area, sub, strict=True)]),
        _plant("PLZ", Category.GEOGRAPHY, Match.TOKEN, plz, plz),
        _plant("Ort", Category.GEOGRAPHY, Match.TEXT, town, town),
        _plant("Aufnahme", Category.DATE, Match.DATE, frame["Aufnahme"], _iso(adm)),
    ), {"Gewicht": Utility.EXACT, "ICD": Utility.EXACT, "Station": Utility.EXACT},
                   separator=";")


def eav(rows: int, seed: int) -> Extract:
    """Entity-attribute-value: one "value" column holds names, birth dates, phones,
    e-mails and ZIP codes beside blood pressures and diagnoses."""
    fake, rng = _tools(seed, "eav")
    n_pat = rows // 8 + 1
    pats = fakes.people(fake, n_pat)
    pid = fakes.digits(rng, n_pat, 7)
    ten = fakes.phones(rng, n_pat)
    phone = fakes.format_phone(rng, ten)
    mail = fakes.emails(rng, pats)
    zips = fakes.zips(rng, n_pat)
    dob = fakes.days(rng, n_pat, dt.date(1930, 1, 1), dt.date(2008, 12, 31))
    attrs = ("NAME", "DOB", "PHONE", "EMAIL", "ZIP", "SBP", "DX", "HBA1C")
    owner = np.repeat(np.arange(n_pat), len(attrs))[:rows]
    attr = [attrs[i % len(attrs)] for i in range(rows)]
    value: list[Cell] = []
    for o, a in zip(owner, attr, strict=True):
        f, _, la = pats[o]
        value.append({"NAME": f"{la}, {f}", "DOB": str(dob[o]), "PHONE": phone[o],
                      "EMAIL": mail[o], "ZIP": zips[o],
                      "SBP": str(int(rng.integers(95, 185))),
                      "DX": ICD10[int(rng.integers(0, len(ICD10)))],
                      "HBA1C": f"{rng.normal(6.5, 1.2):.1f}"}[a])
    recorded = fakes.days(rng, rows, dt.date(2020, 1, 1), dt.date(2025, 6, 30))
    stamp = recorded.astype("datetime64[ms]") + (rng.integers(0, 1440, rows) * 60_000).astype(
        "timedelta64[ms]")

    def of(kind: str) -> list[Cell]:
        return [v if a == kind else None for v, a in zip(value, attr, strict=True)]

    frame = pl.DataFrame({
        "pid": [pid[o] for o in owner], "attr": attr, "value": value,
        "recorded": pl.Series(stamp).dt.strftime("%Y-%m-%d %H:%M").to_list(),
    })
    used = sorted(set(owner.tolist()))
    return Extract("eav", "entity-attribute-value: every identifier in one value column",
                   frame, (
                       _plant("pid", Category.MRN, Match.CODE, frame["pid"], pid),
                       _plant("value", Category.NAME, Match.TEXT, of("NAME"), set().union(
                           *(fakes.name_needles(pats[o][0], pats[o][2]) for o in used))),
                       _plant("value", Category.DATE, Match.DATE, of("DOB"),
                              _iso(dob[used]), label="value (dob)"),
                       _plant("value", Category.PHONE, Match.CODE, of("PHONE"),
                              [ten[o] for o in used], label="value (phone)"),
                       _plant("value", Category.EMAIL, Match.TEXT, of("EMAIL"),
                              [mail[o] for o in used], label="value (email)"),
                       _plant("value", Category.GEOGRAPHY, Match.TOKEN, of("ZIP"),
                              [zips[o] for o in used], label="value (zip)"),
                       _plant("recorded", Category.DATE, Match.DATE, frame["recorded"],
                              _iso(recorded)),
                   ), {"attr": Utility.EXACT})


def _write_clarity_style(frame: pl.DataFrame, path: Path) -> None:
    """Pipe-delimited with a byte-order mark and CRLF line ends, as report writers export."""
    body = frame.write_csv(separator="|", line_terminator="\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))


def pipe_delimited(rows: int, seed: int) -> Extract:
    """A reporting-database export: "|" separator, byte-order mark, CRLF, UPPER_CASE
    headers, "LAST,FIRST" names without a space, two-digit-year dates, DATETIME text,
    ZIP+4, and quoted comments spanning lines with a call-back number in some."""
    fake, rng = _tools(seed, "pipe")
    owner = _repeat(rng, rows, 1, 6)
    n_pat = int(owner.max()) + 1
    pats = fakes.people(fake, n_pat)
    mrn = fakes.digits(rng, n_pat, 8)
    ten = fakes.phones(rng, n_pat)
    phone = [f"{t[:3]}-{t[3:6]}-{t[6:]}" for t in ten]
    street = fakes.streets(fake, rng, n_pat)
    town = [fakes.TOWNS[i][0] for i in rng.integers(0, len(fakes.TOWNS), n_pat)]
    zips = fakes.zips(rng, n_pat)
    dob = fakes.days(rng, n_pat, dt.date(1930, 1, 1), dt.date(2008, 12, 31))
    contact = fakes.days(rng, rows, dt.date(2019, 1, 1), dt.date(2025, 6, 30))
    cb = rng.random(rows) < 0.05
    cb_ten = fakes.phones(np.random.default_rng([seed, 11]), rows)
    comments = [f"Pt called re: refill\nCB at ({t[:3]}) {t[3:6]}-{t[6:]}" if c else
                ("Seen in clinic.\nNo changes.", "RTC 3 mo", "")[i % 3]
                for i, (t, c) in enumerate(zip(cb_ten, cb, strict=True))]
    frame = pl.DataFrame({
        "PAT_NAME": [f"{pats[o][2].upper()},{pats[o][0].upper()}" + (
            f" {pats[o][1]}" if o % 2 else "") for o in owner],
        "PAT_MRN_ID": [mrn[o] for o in owner],
        "BIRTH_DATE": [f"{dob[o]} 00:00:00" for o in owner],
        "HOME_PHONE": [phone[o] for o in owner],
        "ADD_LINE_1": [street[o] for o in owner],
        "CITY": [town[o] for o in owner],
        "ZIP": [f"{zips[o]}-{(o * 37) % 10000:04d}" for o in owner],
        "CONTACT_DATE": _strftime(contact, "%m/%d/%y"),
        "DX_CODE": fakes.pick(rng, ICD10, rows),
        "PROC_CODE": fakes.pick(rng, CPT, rows),
        "BP": [f"{a}/{b}" for a, b in zip(rng.integers(95, 185, rows),
                                           rng.integers(50, 110, rows), strict=True)],
        "COMMENTS": comments,
    })
    return Extract("pipe_delimited", "| separator, BOM, CRLF, LAST,FIRST, mm/dd/yy, "
                   "multi-line quoted comments", frame, (
                       _plant("PAT_NAME", Category.NAME, Match.TEXT, frame["PAT_NAME"],
                              set().union(*({f"{la},{f}".lower()} | fakes.name_needles(f, la)
                                            for f, _, la in pats))),
                       _plant("PAT_MRN_ID", Category.MRN, Match.CODE, frame["PAT_MRN_ID"], mrn),
                       _plant("BIRTH_DATE", Category.DATE, Match.DATE, frame["BIRTH_DATE"],
                              _iso(dob)),
                       _plant("HOME_PHONE", Category.PHONE, Match.CODE, frame["HOME_PHONE"],
                              ten),
                       _plant("ADD_LINE_1", Category.GEOGRAPHY, Match.TEXT, frame["ADD_LINE_1"],
                              street),
                       _plant("CITY", Category.GEOGRAPHY, Match.TEXT, frame["CITY"], town),
                       _plant("ZIP", Category.GEOGRAPHY, Match.TOKEN, frame["ZIP"], zips),
                       _plant("CONTACT_DATE", Category.DATE, Match.DATE, frame["CONTACT_DATE"],
                              _iso(contact)),
                       _plant("COMMENTS", Category.PHONE, Match.CODE, _only(comments, cb),
                              [t for t, c in zip(cb_ten, cb, strict=True) if c]),
                   ), {"DX_CODE": Utility.EXACT, "PROC_CODE": Utility.EXACT,
                       "BP": Utility.EXACT}, writer=_write_clarity_style, separator="|")


def headerless(rows: int, seed: int) -> Extract:
    """A CSV without its header row: the first patient's name, birth date, MRN and SSN
    are where the column names should be."""
    fake, rng = _tools(seed, "headerless")
    pats = fakes.people(fake, rows)
    dob = fakes.days(rng, rows, dt.date(1930, 1, 1), dt.date(2008, 12, 31))
    mrn = fakes.digits(rng, rows, 8)
    ssn = fakes.ssns(rng, rows)
    ssn_shown = [f"{d[:3]}-{d[3:5]}-{d[5:]}" for d in ssn]
    frame = pl.DataFrame({
        "column_1": [f"{f} {la}" for f, _, la in pats],
        "column_2": _strftime(dob, "%Y-%m-%d"),
        "column_3": mrn,
        "column_4": ssn_shown,
        "column_5": fakes.pick(rng, ICD10, rows),
        "column_6": [str(v) for v in rng.integers(95, 185, rows)],
    })
    return Extract("headerless", "no header row: the first row's identifiers become names",
                   frame, (
                       _plant("column_1", Category.NAME, Match.TEXT, frame["column_1"],
                              set().union(*(fakes.name_needles(f, la) for f, _, la in pats))),
                       _plant("column_2", Category.DATE, Match.DATE, frame["column_2"],
                              _iso(dob)),
                       _plant("column_3", Category.MRN, Match.CODE, mrn, mrn),
                       _plant("column_4", Category.SSN, Match.CODE, ssn_shown, ssn),
                   ), {}, has_header=False)


EXTRACTS: dict[str, tuple[Builder, int]] = {
    "visits": (visits, 3_000),
    "labs_mislabeled": (labs_mislabeled, 3_000),
    "late_contacts": (late_contacts, 20_000),
    "numeric_dates": (numeric_dates, 3_000),
    "header_identifiers": (header_identifiers, 2_000),
    "pandas_parquet": (pandas_parquet, 3_000),
    "claims": (claims, 3_000),
    "locations": (locations, 2_500),
    "ems_runs": (ems_runs, 2_500),
    "devices": (devices, 2_000),
    "access_log": (access_log, 3_000),
    "ages": (ages, 3_000),
    "clinical_codes": (clinical_codes, 3_000),
    "referrals": (referrals, 2_500),
    "nested_jsonl": (nested_jsonl, 2_000),
    "eu_semicolon": (eu_semicolon, 2_500),
    "eav": (eav, 4_000),
    "pipe_delimited": (pipe_delimited, 3_000),
    "headerless": (headerless, 2_000),
}
"""name -> (builder, default rows)"""


def build(name: str, *, rows: int | None = None, seed: int = 0) -> Extract:
    """Build one extract by name, with its default size unless `rows` is given."""
    builder, default = EXTRACTS[name]
    return builder(default if rows is None else rows, seed)
