"""Red-team extracts, part D: geography and date elements in pre-coded columns (county
FIPS, bare county names, pre-computed ZIP3, census tracts, geohashes, 5-year age bands
past 90, month-year periods, ISO weeks, month names); identifiers written with Unicode
separators in category columns; identifiers in the input file's own name."""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl

from tests.redteam.kit import (
    Aligned,
    Attack,
    Cell,
    CleanRows,
    cells,
    plant,
    sprinkle,
    strftime,
    tools,
)
from tests.shapes import fakes
from tests.shapes.model import Category, Extract, Match, Planted, Utility

RESTRICTED_ZIP3 = ("036", "059", "102", "203", "556", "692", "821", "823", "878", "879",
                   "884", "893")
OHIO = (("39095", "Lucas"), ("39173", "Wood"), ("39049", "Franklin"), ("39035", "Cuyahoga"),
        ("39061", "Hamilton"), ("39153", "Summit"), ("39113", "Montgomery"), ("39151", "Stark"),
        ("39017", "Butler"), ("39093", "Lorain"), ("39099", "Mahoning"), ("39085", "Lake"),
        ("39165", "Warren"), ("39025", "Clermont"), ("39041", "Delaware"), ("39103", "Medina"),
        ("39089", "Licking"), ("39057", "Greene"), ("39133", "Portage"), ("39045", "Fairfield"))
GEOHASH = "0123456789bcdefghjkmnpqrstuvwxyz"
BANDS = ("0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44",
         "45-49", "50-54", "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89",
         "90-94", "95-99", "100+")


def geo_codes(rows: int, seed: int) -> Attack:
    """A public-health case extract already 'coarsened' by its sender: county FIPS codes,
    bare county names, a ZIP3 column with restricted prefixes left in, census tract
    GEOIDs, 7-character geohashes, 5-year age bands that go past 90, onset periods as
    Excel writes them ("May-21"), ISO epidemiological weeks, month names, the day of the
    year beside the year."""
    _fake, rng = tools(seed, "geo")
    county_of = rng.integers(0, len(OHIO), rows)
    zip3_pool = (*RESTRICTED_ZIP3, *(f"{v:03d}" for v in rng.choice(
        np.arange(430, 459), 28, replace=False)))
    zip3 = [zip3_pool[i] for i in rng.integers(0, len(zip3_pool), rows)]
    tract_no = rng.integers(100, 990000, rows)
    tract = [f"{OHIO[c][0]}{int(t):06d}" for c, t in zip(county_of, tract_no, strict=True)]
    geohash = ["dp" + "".join(rng.choice(list(GEOHASH), 5)) for _ in range(rows)]
    band_of = np.minimum(rng.integers(0, 25, rows), len(BANDS) - 1)
    onset = fakes.days(rng, rows, dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    onset_d = [d.astype(object) for d in onset]
    frame = pl.DataFrame({
        "case_id": [f"OH-21-{d}" for d in fakes.digits(rng, rows, 6)],
        "cnty_fips": [OHIO[c][0] for c in county_of],
        "res_county": [OHIO[c][1] for c in county_of],
        "zip3": zip3,
        "tract": tract,
        "geohash": geohash,
        "age_band": [BANDS[b] for b in band_of],
        "onset_period": strftime(onset, "%b-%y"),
        "epi_week": [f"{d.isocalendar()[0]}-W{d.isocalendar()[1]:02d}" for d in onset_d],
        "onset_month": strftime(onset, "%B"),
        "onset_doy": [str(d.timetuple().tm_yday) for d in onset_d],
        "onset_year": ["2021"] * rows,
        "state": ["OH"] * rows,
        "sex": fakes.pick(rng, ("F", "M"), rows),
        "condition": fakes.pick(rng, ("Salmonellosis", "Pertussis", "Hepatitis C, chronic",
                                      "Legionellosis", "Lyme disease"), rows),
        "hospitalized": fakes.pick(rng, ("Y", "N", "U"), rows),
    })
    every = tuple(True for _ in range(rows))
    old = tuple(BANDS[b] in ("90-94", "95-99", "100+") for b in band_of)
    restricted = tuple(z in RESTRICTED_ZIP3 for z in zip3)
    return Attack(Extract(
        "geo_codes", "county FIPS and names, ZIP3, tracts, geohash, bands, periods, weeks",
        frame, (
            plant("case_id", Category.OTHER, Match.CODE, frame["case_id"],
                  frame["case_id"].to_list()),
            plant("tract", Category.GEOGRAPHY, Match.CODE, tract, tract),
            plant("geohash", Category.GEOGRAPHY, Match.CODE, geohash, geohash),
        ), {c: Utility.EXACT for c in ("state", "sex", "condition", "hospitalized",
                                       "onset_year")}),
        "geographic units below the state and date elements below the year, already coded "
        "the way senders coarsen data",
        clean=(CleanRows("zip3", tuple(not r for r in restricted)),
               CleanRows("age_band", tuple(not o for o in old))),
        aligned=(
            Aligned("cnty_fips", Category.GEOGRAPHY, every, "cnty_fips (county FIPS)", True),
            Aligned("res_county", Category.GEOGRAPHY, every, "res_county (county name)", True),
            Aligned("zip3", Category.GEOGRAPHY, restricted, "zip3 (restricted prefixes)", True),
            Aligned("age_band", Category.AGE_OVER_89, old, "age_band (90-94, 95-99, 100+)",
                    True),
            Aligned("onset_period", Category.DATE, every, "onset_period (month-year)", True),
            Aligned("epi_week", Category.DATE, every, "epi_week (ISO week)", True),
            Aligned("onset_month", Category.DATE, every, "onset_month (month name)", True),
            Aligned("onset_doy", Category.DATE, every, "onset_doy (day of the year)", True),
        ))


def unicode_contamination(rows: int, seed: int) -> Attack:
    """Category columns where, in 0.3% of late rows, identifiers were pasted from a word
    processor: telephone numbers with en dashes, no-break spaces and non-breaking
    hyphens, an SSN in full-width digits, an e-mail with a zero-width space or a
    full-width at sign, a date of death with en dashes."""
    fake, rng = tools(seed, "unicode")
    base = {
        "disposition": ("Home", "SNF", "AMA", "Admitted", "Transfer", "Expired"),
        "language": ("English", "Spanish", "Somali", "Arabic", "Nepali", "Russian"),
        "payer": ("Medicare", "Medicaid", "Aetna", "Cigna", "Self-pay", "Humana"),
        "escort": ("self", "spouse", "parent", "child", "friend", "EMS"),
        "marital": ("married", "single", "divorced", "widowed"),
    }
    cols: dict[str, list[Cell]] = {c: cells(fakes.pick(rng, v, rows)) for c, v in base.items()}
    dirty = {c: sprinkle(rng, rows, max(4, rows * 3 // 1000), start=0.7) for c in base}
    ten = fakes.phones(rng, rows)
    ssn = fakes.ssns(rng, rows)
    who = fakes.people(fake, rows)
    died = fakes.days(rng, rows, dt.date(2015, 1, 1), dt.date(2024, 12, 31))
    full = str.maketrans("0123456789", "０１２３４５６７８９")
    written: dict[str, list[Cell]] = {c: [None] * rows for c in base}
    phone_needles: dict[str, list[str]] = {"disposition": [], "language": []}
    for i in np.flatnonzero(dirty["disposition"]):
        t = ten[i]
        v = f"Home \u2013 call dtr {t[:3]}\u2013{t[3:6]}\u2013{t[6:]}"
        cols["disposition"][i] = written["disposition"][i] = v
        phone_needles["disposition"].append(t)
    for j, i in enumerate(np.flatnonzero(dirty["language"])):
        t = ten[i]
        v = (f"Spanish\u00a0interp\u00a0({t[:3]})\u00a0{t[3:6]}\u2011{t[6:]}" if j % 2 else
             f"Nepali, cb {t[:3]}\u2010{t[3:6]}\u2010{t[6:]}")
        cols["language"][i] = written["language"][i] = v
        phone_needles["language"].append(t)
    for i in np.flatnonzero(dirty["payer"]):
        s = ssn[i]
        v = f"self-pay SSN {s[:3].translate(full)}\u2010{s[3:5].translate(full)}\u2010" \
            f"{s[5:].translate(full)}"
        cols["payer"][i] = written["payer"][i] = v
    for j, i in enumerate(np.flatnonzero(dirty["escort"])):
        f, _, la = who[i]
        local = f"{f.lower()}.{la.lower().replace(' ', '')}"
        v = (f"friend {local}\u200b@gmail.com" if j % 2 else f"friend {local}\uff20yahoo.com")
        cols["escort"][i] = written["escort"][i] = v
    for i in np.flatnonzero(dirty["marital"]):
        d = died[i].astype(object)
        v = f"widowed, husband d. {d.month:02d}\u2013{d.day:02d}\u2013{d.year}"
        cols["marital"][i] = written["marital"][i] = v
    mrn = fakes.digits(rng, rows, 8)
    frame = pl.DataFrame({"mrn": mrn, **cols,
                          "acuity": [str(v) for v in rng.integers(1, 6, rows)]})
    planted: list[Planted] = [
        plant("mrn", Category.MRN, Match.CODE, mrn, mrn),
        plant("disposition", Category.PHONE, Match.CODE, written["disposition"],
              phone_needles["disposition"]),
        plant("language", Category.PHONE, Match.CODE, written["language"],
              phone_needles["language"]),
        plant("payer", Category.SSN, Match.TEXT, written["payer"], []),
        plant("escort", Category.EMAIL, Match.TEXT, written["escort"], []),
        plant("marital", Category.DATE, Match.TEXT, written["marital"], []),
    ]
    return Attack(Extract(
        "unicode_contamination", "identifiers with en dashes, NBSP, full-width digits, ZWSP",
        frame, tuple(planted), {"acuity": Utility.EXACT}),
        "identifiers whose separators or digits are not ASCII (pasted from a word "
        "processor), inside columns kept as categories",
        clean=tuple(CleanRows(c, tuple(not d for d in dirty[c])) for c in base))


def file_name_identifiers(rows: int, seed: int) -> Attack:
    """A per-patient vitals export whose file name is the patient: SURNAME_Given_DOB
    yyyymmdd_MRN; the data holds only measurements."""
    fake, rng = tools(seed, "filename")
    while True:
        first, last = fake.first_name(), fake.last_name()
        if len(first) >= 5 and len(last) >= 5 and last.isalpha():
            break
    dob = fakes.days(rng, 1, dt.date(1940, 1, 1), dt.date(1990, 12, 31))[0].astype(object)
    mrn = fakes.digits(rng, 1, 8, low=10_000_000)[0]
    stem = f"{last.upper()}_{first}_DOB{dob:%Y%m%d}_MRN{mrn}_vitals"
    frame = pl.DataFrame({
        "hr": [str(v) for v in rng.integers(50, 120, rows)],
        "sbp": [str(v) for v in rng.integers(95, 185, rows)],
        "dbp": [str(v) for v in rng.integers(50, 110, rows)],
        "temp_c": [f"{v:.1f}" for v in rng.normal(37, 0.4, rows)],
        "spo2": [str(v) for v in rng.integers(88, 101, rows)],
        "position": fakes.pick(rng, ("sitting", "supine", "standing"), rows),
    })
    return Attack(Extract(stem, "identifiers in the file name only", frame, (),
                          {c: Utility.EXACT for c in frame.columns}),
                  "the input's file name (patient name, birth date, MRN) copied into the "
                  "output's file names, reports or messages",
                  file_needles=(last, first, f"{dob:%Y%m%d}", mrn))


def late_key_jsonl(rows: int, seed: int) -> Attack:
    """Benign JSON lines (an ED triage feed) whose 'discharge_dx' and 'sepsis_screen' keys
    appear only after line 150 (earlier encounters had no discharge yet); a nested
    'vitals' object; no identifiers but an encounter number."""
    from tests.redteam.shapes_b import _write_lines

    _fake, rng = tools(seed, "latekey")
    enc = [f"E{d}" for d in fakes.digits(rng, rows, 9)]
    records: list[dict[str, object]] = []
    dx: list[Cell] = []
    hr: list[int] = []
    for i in range(rows):
        hr.append(int(rng.integers(50, 130)))
        rec: dict[str, object] = {
            "encounter": enc[i],
            "acuity": int(rng.integers(1, 6)),
            "vitals": {"hr": hr[-1], "rr": int(rng.integers(10, 30)),
                       "temp_c": round(float(rng.normal(37, 0.5)), 1)},
            "complaint": ("chest pain", "fall", "SOB", "abd pain", "fever")[i % 5],
        }
        if i >= 150 and i % 3:
            rec["discharge_dx"] = ("I20.9", "S72.001A", "J18.9", "K35.80", "R50.9")[i % 5]
            rec["sepsis_screen"] = ("negative", "positive")[int(i % 7 == 0)]
        dx.append(str(rec.get("discharge_dx")) if "discharge_dx" in rec else None)
        records.append(rec)
    frame = pl.DataFrame({
        "acuity": [r["acuity"] for r in records],
        "complaint": [r["complaint"] for r in records],
        "discharge_dx": dx,
        "vitals.hr": hr,
    })
    return Attack(Extract(
        "late_key_jsonl", "JSON lines whose clinical keys first appear after line 150",
        frame, (plant("encounter", Category.OTHER, Match.CODE, enc, enc),),
        {c: Utility.EXACT for c in ("acuity", "complaint", "discharge_dx", "vitals.hr")},
        suffix=".jsonl", writer=_write_lines(records)),
        "robustness: a JSON lines file whose kept keys are absent from its first lines")


def keyed_jsonl(rows: int, seed: int) -> Attack:
    """A document-store export where dates and accession numbers are object keys:
    {"bp_by_date": {"2021-05-03": "128/76"}, "results": {"ACC21-0004512": {...}}};
    each line has its own keys, so every key becomes a (sparse) nested column whose name
    is an identifier."""
    from tests.redteam.shapes_b import _write_lines

    _fake, rng = tools(seed, "keyed")
    days = fakes.days(rng, 150, dt.date(2021, 1, 1), dt.date(2022, 12, 31))
    day_text = strftime(days, "%Y-%m-%d")
    acc = [f"ACC{d[:2]}-{d[2:]}" for d in fakes.digits(rng, rows, 9)]
    records: list[dict[str, object]] = []
    used_days: set[str] = set()
    for i in range(rows):
        keys = {day_text[int(k)] for k in rng.integers(0, len(day_text), 2)}
        used_days |= keys
        records.append({
            "sex": ("F", "M")[i % 2],
            "bp_by_date": {k: f"{int(rng.integers(95, 180))}/{int(rng.integers(55, 100))}"
                           for k in sorted(keys)},
            "results": {acc[i]: {"loinc": "2345-7", "value": round(float(rng.normal(110, 20)), 0)}}
            if i % 4 == 0 else {},
        })
    with_acc = [a for i, a in enumerate(acc) if i % 4 == 0]
    frame = pl.DataFrame({"sex": [r["sex"] for r in records]})
    return Attack(Extract(
        "keyed_jsonl", "dates and accession numbers as JSON object keys", frame, (
            plant("bp_by_date.<date>", Category.DATE, Match.TEXT, [], sorted(used_days),
                  label="<keys that are dates>", header=True),
            plant("results.<accession>", Category.OTHER, Match.TEXT, [], with_acc,
                  label="<keys that are accession numbers>", header=True),
        ), {"sex": Utility.EXACT}, suffix=".jsonl", writer=_write_lines(records)),
        "identifiers as JSON object keys (nested column names), one set of keys per line")


def single_patient_chart(rows: int, seed: int) -> Attack:
    """One patient's lab history as a portal exports it: every identifying column is
    constant (one distinct value) under a header that is not a textbook one: 'Subject'
    (a hyphenated Vietnamese name in CAPS), 'Chart#', 'Born' (written date), 'Yrs' (91),
    'Home' (street address), 'Cell'; then the lab rows."""
    fake, rng = tools(seed, "single", "vi_VN")
    family = f"{fake.last_name().upper()}-{fake.last_name().upper()}"
    given = f"{fake.first_name().upper()}"
    born = dt.date(1934, 5, 3) + dt.timedelta(days=int(rng.integers(0, 300)))
    ten = fakes.phones(rng, 1)[0]
    f_us, _ = tools(seed, "single-street")
    street = fakes.streets(f_us, rng, 1)[0]
    chart = f"HSP{fakes.digits(rng, 1, 7)[0]}"
    drawn = fakes.days(rng, rows, dt.date(2019, 1, 1), dt.date(2025, 9, 30))
    labs = [("Glucose", "mg/dL", 70, 180), ("Hemoglobin", "g/dL", 9, 15), ("Sodium", "mmol/L",
            130, 148), ("Creatinine", "mg/dL", 0.6, 2.4)]
    pick = rng.integers(0, len(labs), rows)
    from tests.redteam.kit import ordinal

    frame = pl.DataFrame({
        "Subject": [f"{family}, {given}"] * rows,
        "Chart#": [chart] * rows,
        "Born": [f"{ordinal(born.day)} {born:%B %Y}"] * rows,
        "Yrs": ["91"] * rows,
        "Home": [street] * rows,
        "Cell": [f"{ten[:3]}.{ten[3:6]}.{ten[6:]}"] * rows,
        "Drawn": strftime(drawn, "%m/%d/%Y"),
        "Test": [labs[i][0] for i in pick],
        "Result": [f"{rng.uniform(labs[i][2], labs[i][3]):.1f}" for i in pick],
        "Units": [labs[i][1] for i in pick],
        "Flag": fakes.pick(rng, ("", "H", "L"), rows),
    })
    return Attack(Extract(
        "single_patient_chart", "one patient: every identifier column has one distinct value",
        frame, (
            plant("Subject", Category.NAME, Match.TEXT, frame["Subject"],
                  [f"{family}, {given}".lower(), family.lower()]),
            plant("Chart#", Category.MRN, Match.CODE, frame["Chart#"], [chart]),
            plant("Born", Category.DATE, Match.TEXT, frame["Born"], []),
            plant("Yrs", Category.AGE_OVER_89, Match.AGE, [], [], cells=rows),
            plant("Home", Category.GEOGRAPHY, Match.TEXT, frame["Home"], [street]),
            plant("Cell", Category.PHONE, Match.CODE, frame["Cell"], [ten]),
            plant("Drawn", Category.DATE, Match.DATE, frame["Drawn"],
                  set(strftime(drawn, "%Y-%m-%d"))),
        ), {c: Utility.EXACT for c in ("Test", "Result", "Units", "Flag")}),
        "a single-patient export: identifiers are constant columns, the shape of a "
        "low-cardinality category")
