"""Red-team extracts, part C: a sparse entity-attribute-value lab feed (Parquet), ages in
other languages and units, a NICU census (ages in days and months), clinical values
that look like identifiers, a Windows-1252 export, and an ADaM dataset with SAS dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import polars as pl

from tests.redteam.kit import (
    AgeCheck,
    Aligned,
    Attack,
    Cell,
    CleanRows,
    YearCheck,
    iso,
    name_needles,
    people,
    plant,
    repeat,
    strftime,
    tools,
)
from tests.shapes import fakes
from tests.shapes.model import Category, Extract, Match, Utility

LABS = (("2345-7", "mg/dL", 70, 180), ("718-7", "g/dL", 9, 17), ("2160-0", "mg/dL", 0.5, 2.5),
        ("2823-3", "mmol/L", 3.2, 5.4), ("6690-2", "10*3/uL", 3, 15), ("4548-4", "%", 4.8, 11))
SNOMED = ("22298006", "38341003", "44054006", "195967001", "840539006", "233604007",
          "73211009", "10509002", "386661006", "1119302008", "429554009", "713197008")


def eav_sparse(rows: int, seed: int) -> Attack:
    """A lab interface feed in long format (Parquet): person_id as a 7-digit integer,
    obs_code mostly LOINC, value_str mostly results; 4% of rows carry registration
    attributes (patient name in CAPS, birth date m/d/yy, phone with spaces, obfuscated
    e-mail) in the same value column."""
    fake, rng = tools(seed, "eavsparse", ["en_US", "es_MX"])
    owner = repeat(rng, rows, 10, 40)
    n = int(owner.max()) + 1
    pid = [int(v) for v in fakes.digits(rng, n, 7, low=1_000_000)]
    pats = people(fake, n)
    dob = fakes.days(rng, n, dt.date(1935, 1, 1), dt.date(2005, 12, 31))
    ten = fakes.phones(rng, n)
    reg = rng.random(rows) < 0.04
    kinds = ("PT_NAME", "DOB", "CELL", "EMAIL")
    code: list[str] = []
    value: list[str] = []
    num: list[float | None] = []
    unit: list[str | None] = []
    written: dict[str, list[Cell]] = {k: [None] * rows for k in kinds}
    for i, o in enumerate(owner):
        if reg[i]:
            k = kinds[i % 4]
            f, _, la = pats[o]
            t = ten[o]
            v = {"PT_NAME": f"{la.upper()}, {f.upper()}",
                 "DOB": strftime(dob[o:o + 1], "%-m/%-d/%y")[0],
                 "CELL": f"{t[:3]} {t[3:6]} {t[6:]}",
                 "EMAIL": f"{f.lower()}.{la.lower().replace(' ', '')} at gmail dot com"}[k]
            code.append(k)
            value.append(v)
            num.append(None)
            unit.append(None)
            written[k][i] = v
        else:
            c, u, lo, hi = LABS[int(rng.integers(0, len(LABS)))]
            x = round(float(rng.uniform(lo, hi)), 1)
            code.append(c)
            value.append("<0.5" if x < lo * 1.02 else f"{x}")
            num.append(x)
            unit.append(u)
    obs = fakes.days(rng, rows, dt.date(2022, 1, 1), dt.date(2025, 6, 30))
    ts = [f"{d} {h:02d}:{m:02d}:00" for d, h, m in zip(
        strftime(obs, "%Y-%m-%d"), rng.integers(0, 24, rows), rng.integers(0, 60, rows),
        strict=True)]
    frame = pl.DataFrame({
        "person_id": [pid[o] for o in owner],
        "obs_code": code,
        "value_str": value,
        "value_num": num,
        "unit": unit,
        "obs_ts": ts,
        "status": fakes.pick(rng, ("F", "P", "C"), rows, p=(0.9, 0.08, 0.02)),
    }, schema_overrides={"value_num": pl.Float64})
    used = sorted({int(o) for o, r in zip(owner, reg, strict=True) if r})
    return Attack(Extract(
        "eav_sparse", "long format, 4% registration attributes in the value column", frame, (
            plant("person_id", Category.MRN, Match.CODE, [str(pid[o]) for o in owner],
                  [str(p) for p in pid]),
            plant("value_str", Category.NAME, Match.TEXT, written["PT_NAME"], set().union(
                *(name_needles(pats[o][0], pats[o][2]) for o in used))),
            plant("value_str", Category.DATE, Match.DATE, written["DOB"], iso(dob[used]),
                  label="value_str (dob)"),
            plant("value_str", Category.PHONE, Match.CODE, written["CELL"],
                  [ten[o] for o in used], label="value_str (phone)"),
            plant("value_str", Category.EMAIL, Match.TEXT, written["EMAIL"], [],
                  label="value_str (email)"),
            plant("obs_ts", Category.DATE, Match.DATE, ts, iso(obs)),
        ), {c: Utility.EXACT for c in ("obs_code", "value_num", "unit", "status")},
        suffix=".parquet"),
        "a long table whose one value column holds results and, in 4% of rows, names, "
        "birth dates, phones and e-mails",
        clean=(CleanRows("value_str", tuple(not r for r in reg)),))


def ages_exotic(rows: int, seed: int) -> Attack:
    """Ages as clinics abroad and other systems write them: "91 años", "92 Jahre",
    ISO 8601 durations "P92Y", "92y 3m", decimal years "90.25", and an integer under a
    header with no 'age' in it; about 10% over 89."""
    _fake, rng = tools(seed, "agesx")
    years = np.where(rng.random(rows) < 0.1, rng.integers(90, 106, rows),
                     rng.integers(1, 89, rows))
    months = rng.integers(0, 12, rows)
    frac = rng.choice([0.0, 0.25, 0.5, 0.75], rows)
    frame = pl.DataFrame({
        "edad": [f"{y} años" if i % 3 else f"{y}" for i, y in enumerate(years)],
        "Alter": [f"{y} Jahre" for y in np.roll(years, 7)],
        "age_iso": [f"P{y}Y{m}M" if m else f"P{y}Y" for y, m in zip(np.roll(years, 13), months,
                                                                    strict=True)],
        "age_ym": [f"{y}y {m}m" if i % 2 else f"{y} y {m} m" for i, (y, m) in
                   enumerate(zip(np.roll(years, 29), months, strict=True))],
        "age_dec": [f"{y + f:.2f}" for y, f in zip(np.roll(years, 41), frac, strict=True)],
        "pt_yrs": [str(y) for y in np.roll(years, 53)],
        "sex": fakes.pick(rng, ("F", "M"), rows),
        "dx": fakes.pick(rng, ("I10", "E11.9", "N18.3", "F03.90", "M81.0"), rows),
    })

    def over(column: str) -> list[Cell]:
        shift = {"edad": 0, "Alter": 7, "age_iso": 13, "age_ym": 29, "age_dec": 41,
                 "pt_yrs": 53}[column]
        old = np.roll(years, shift) > 89
        return [v if o else None for v, o in zip(frame[column].to_list(), old, strict=True)]

    shifts = {"edad": 0, "Alter": 7, "age_iso": 13, "age_ym": 29, "age_dec": 41, "pt_yrs": 53}
    checks = tuple(AgeCheck(c, tuple(int(y) if y <= 89 else None for y in np.roll(years, k)))
                   for c, k in shifts.items())
    return Attack(Extract(
        "ages_exotic", "ages in Spanish, German, ISO 8601, y+m, decimals, unlabeled", frame, (
            plant("edad", Category.AGE_OVER_89, Match.TEXT,
                  [v if v and "a" in v else None for v in over("edad")], [],
                  label="edad (años)"),
            plant("edad", Category.AGE_OVER_89, Match.AGE, [], [],
                  cells=sum(1 for v in over("edad") if v and "a" not in v)),
            plant("Alter", Category.AGE_OVER_89, Match.TEXT, over("Alter"), []),
            plant("age_iso", Category.AGE_OVER_89, Match.TEXT, over("age_iso"), []),
            plant("age_ym", Category.AGE_OVER_89, Match.TEXT, over("age_ym"), []),
            plant("age_dec", Category.AGE_OVER_89, Match.AGE, [], [],
                  cells=sum(1 for v in over("age_dec") if v)),
            plant("pt_yrs", Category.AGE_OVER_89, Match.AGE, [], [],
                  cells=sum(1 for v in over("pt_yrs") if v)),
        ), {"sex": Utility.EXACT, "dx": Utility.EXACT}),
        "ages over 89 in words of other languages and units; ages up to 89 must stay",
        ages=checks)


def nicu_peds(rows: int, seed: int) -> Attack:
    """A NICU and paediatric census: "BABY GIRL GARCIA" names, the mother's name and MRN,
    birth time stamps; and utility that looks like ages over 89 or dates: age in days
    (0-120), age in months (0-216), gestational age "38+2" and "38w2d", Apgar "8/9",
    birth weight in grams."""
    fake, rng = tools(seed, "nicu", ["en_US", "es_MX"])
    moms = people(fake, rows)
    born = fakes.days(rng, rows, dt.date(2024, 1, 1), dt.date(2025, 12, 20))
    sex = fakes.pick(rng, ("GIRL", "BOY"), rows)
    baby = [(f"BABY {s} {m[2].upper()}", f"{m[2].upper()}, BABY{s}", f"BB {s} {m[2].upper()}",
             f"Twin A {m[2]}")[i % 4] for i, (s, m) in enumerate(zip(sex, moms, strict=True))]
    mom_mrn = [f"M{d}" for d in fakes.digits(rng, rows, 8)]
    stamp = [f"{d} {h:02d}:{m:02d}" for d, h, m in zip(
        strftime(born, "%Y-%m-%d"), rng.integers(0, 24, rows), rng.integers(0, 60, rows),
        strict=True)]
    ga_w = rng.integers(23, 42, rows)
    ga_d = rng.integers(0, 7, rows)
    frame = pl.DataFrame({
        "baby_name": baby,
        "mother": [f"{m[2]}, {m[0]}" for m in moms],
        "mother_mrn": mom_mrn,
        "birth_ts": stamp,
        "age_days": [str(v) for v in rng.integers(0, 121, rows)],
        "age_months": [str(v) for v in rng.integers(0, 217, rows)],
        "ga": [f"{w}+{d}" if i % 2 else f"{w}w{d}d" for i, (w, d) in
               enumerate(zip(ga_w, ga_d, strict=True))],
        "apgar": [f"{a}/{b}" for a, b in zip(rng.integers(1, 10, rows), rng.integers(5, 11, rows),
                                              strict=True)],
        "birth_weight_g": [str(v) for v in rng.integers(450, 4800, rows)],
        "head_circ_cm": [f"{v:.1f}" for v in rng.normal(33, 2, rows)],
        "resp_support": fakes.pick(rng, ("RA", "NC", "CPAP", "HFOV", "SIMV"), rows),
    })
    return Attack(Extract(
        "nicu_peds", "BABY GIRL names; ages in days and months; GA and Apgar", frame, (
            plant("baby_name", Category.NAME, Match.TEXT, baby, []),
            plant("mother", Category.NAME, Match.TEXT, frame["mother"], set().union(
                *(name_needles(m[0], m[2]) for m in moms))),
            plant("mother_mrn", Category.MRN, Match.CODE, mom_mrn, mom_mrn),
            plant("birth_ts", Category.DATE, Match.DATE, stamp, iso(born)),
        ), {c: Utility.EXACT for c in ("age_days", "age_months", "ga", "apgar", "birth_weight_g",
                                       "head_circ_cm", "resp_support")}),
        "utility trap: ages in days and months above 89 are not ages over 89 years; "
        "newborn placeholder names")


EPONYMS = ("Parkinson disease", "Crohn disease", "Hodgkin lymphoma", "Alzheimer disease",
           "Graves disease", "Addison disease", "Cushing syndrome", "Bell palsy",
           "Guillain-Barre syndrome", "Hashimoto thyroiditis", "Down syndrome",
           "Huntington disease", "Wilson disease", "Kawasaki disease", "Raynaud phenomenon",
           "Sjogren syndrome", "Barrett esophagus", "Paget disease of bone", "Marfan syndrome",
           "Lou Gehrig disease", "Lyme disease", "West Nile fever", "Norwalk virus infection",
           "Rocky Mountain spotted fever", "Baker cyst", "Morton neuroma",
           "Osgood-Schlatter disease", "Tommy John surgery status")
BRANDS = ("Allegra", "Lyrica", "Ella", "Celexa", "Ativan", "Valium", "Norco", "Paxil",
          "Keppra", "Lucentis", "Humira", "Jardiance", "Trulicity", "Victoza", "Otezla")


def utility_traps(rows: int, seed: int) -> Attack:
    """Clinical values that look like identifiers: visual acuity 20/40, titres 1:64, dose
    schedules 1-0-1, genomic positions (9-digit integers), rsIDs, HGVS, MedDRA codes (8
    digits), 9-10 digit SNOMED ids, UMLS CUIs, ATC, ICD-10-PCS, DRGs, revenue codes,
    ICD-O morphology 8140/3, eponymous diagnoses (Lou Gehrig, Lyme, Norwalk), drug brand
    names that are first names, payers, times of day, years alone. One MRN."""
    _fake, rng = tools(seed, "traps")
    mrn = [f"E{d}" for d in fakes.digits(rng, rows // 3, 7)]
    frame = pl.DataFrame({
        "mrn": [mrn[i] for i in rng.integers(0, len(mrn), rows)],
        "va_od": fakes.pick(rng, ("20/20", "20/25", "20/40", "20/70", "20/200", "CF 3ft"), rows),
        "titre": fakes.pick(rng, ("1:16", "1:64", "1:256", "<1:8", "1/32"), rows),
        "dose_schedule": fakes.pick(rng, ("1-0-1", "1-1-1", "0-0-1", "2-0-0", "1-0-0-1"), rows),
        "chrom_pos": [str(v) for v in rng.integers(10_000_000, 248_000_000, rows)],
        "variant": fakes.pick(rng, ("chr7:140453136", "chr17:7577120", "chr13:32914438",
                                    "chr12:25398284"), rows),
        "rsid": fakes.pick(rng, ("rs121913529", "rs113488022", "rs80357906", "rs28934578",
                                 "rs1801133"), rows),
        "hgvs": fakes.pick(rng, ("NM_004333.6:c.1799T>A", "NM_000546.6:c.524G>A",
                                 "NM_007294.4:c.5266dupC"), rows),
        "meddra_llt": fakes.pick(rng, ("10019211", "10028813", "10047700", "10012735",
                                       "10037660"), rows),
        "snomed": fakes.pick(rng, SNOMED, rows),
        "cui": fakes.pick(rng, ("C0011849", "C0020538", "C0004096", "C0027051"), rows),
        "atc": fakes.pick(rng, ("A10BA02", "C09AA05", "N02BE01", "B01AF01"), rows),
        "icd10_pcs": fakes.pick(rng, ("0DTJ4ZZ", "02703ZZ", "0SRC0J9", "30233N1"), rows),
        "drg": fakes.pick(rng, ("470", "871", "291", "392", "690"), rows),
        "revenue_code": fakes.pick(rng, ("0450", "0300", "0250", "0636", "0762"), rows),
        "icdo_morph": fakes.pick(rng, ("8140/3", "8500/3", "8070/3", "9680/3"), rows),
        "dx_text": fakes.pick(rng, EPONYMS, rows),
        "med_brand": fakes.pick(rng, BRANDS, rows),
        "payer": fakes.pick(rng, ("Molina Healthcare", "Oscar Health", "Kaiser Permanente",
                                  "Humana", "Aetna", "Cigna", "Anthem", "Highmark", "Tricare",
                                  "Medicare", "Medicaid", "WellCare", "Ambetter"), rows),
        "given_at": [f"{h:02d}:{m:02d}" for h, m in zip(rng.integers(0, 24, rows),
                                                        rng.choice([0, 15, 30, 45], rows),
                                                        strict=True)],
        "admit_year": [str(v) for v in rng.integers(2015, 2026, rows)],
        "qtc_ms": [str(v) for v in rng.integers(380, 520, rows)],
        "viral_load": fakes.pick(rng, ("<20", "1.2E+06", "45000", "TND", ">10000000"), rows),
        "weight": [f"{v:.1f}".replace(".", ",") for v in rng.normal(75, 12, rows)],
        "height": fakes.pick(rng, ("5'4\"", "5'10\"", "6'1\"", "4'11\""), rows),
        "ecog": fakes.pick(rng, ("0", "1", "2", "3", "4"), rows),
    })
    return Attack(Extract(
        "utility_traps", "clinical values shaped like identifiers", frame, (
            plant("mrn", Category.MRN, Match.CODE, frame["mrn"], mrn),
        ), {c: Utility.EXACT for c in frame.columns if c != "mrn"}),
        "utility: measurements, code systems and vocabulary that resemble dates, phone "
        "numbers, long numbers, names and places")


def _write_cp1252(frame: pl.DataFrame, path: Path) -> None:
    path.write_bytes(frame.write_csv(separator=";").encode("cp1252"))


def latin1_export(rows: int, seed: int) -> Attack:
    """A French hospital's CSV saved by Excel in Windows-1252: accented names, dd/mm/yyyy
    dates, +33 numbers, decimal commas, ';'."""
    fake, rng = tools(seed, "latin1", "fr_FR")
    pats = people(fake, rows)
    dob = fakes.days(rng, rows, dt.date(1935, 1, 1), dt.date(2008, 12, 31))
    tel = [f"+33 6 {a:02d} {b:02d} {c:02d} {d:02d}" for a, b, c, d in
           rng.integers(0, 100, (rows, 4))]
    frame = pl.DataFrame({
        "Nom": [f"{la}, {f}" for f, _, la in pats],
        "Né(e) le": strftime(dob, "%d/%m/%Y"),
        "Téléphone": tel,
        "Service": fakes.pick(rng, ("Cardiologie", "Gériatrie", "Pédiatrie", "Urgences"), rows),
        "Poids": [f"{v:.1f}".replace(".", ",") for v in rng.normal(72, 12, rows)],
    })

    def lossy(v: str) -> str:
        return v.encode("cp1252").decode("utf-8", errors="replace")

    names = set().union(*(name_needles(f, la) for f, _, la in pats))
    return Attack(Extract(
        "latin1_export", "Windows-1252 bytes, ';', accented names, dd/mm/yyyy", frame, (
            plant("Nom", Category.NAME, Match.TEXT, frame["Nom"],
                  names | {lossy(n) for n in names}),
            plant("Né(e) le", Category.DATE, Match.DATE, frame["Né(e) le"], iso(dob)),
            plant("Téléphone", Category.PHONE, Match.CODE, tel,
                  [t.replace(" ", "")[3:] for t in tel]),
        ), {}, writer=_write_cp1252, separator=";"),
        "a non-UTF-8 file: refused cleanly, or read without mangling names past the "
        "detectors")


def adam_sas_dates(rows: int, seed: int) -> Attack:
    """A CDISC ADaM dataset exported to CSV: SAS dates (days since 1960, negative before),
    SAS datetimes (seconds since 1960), Stata %tc (ms since 1960), yyyymmdd as floats,
    mmddyyyy integers, ddmmyy text, epoch days; study days and visit numbers that must
    stay; USUBJID; AGE with some over 89."""
    _fake, rng = tools(seed, "adam")
    owner = repeat(rng, rows, 4, 12)
    n = int(owner.max()) + 1
    subj = [f"ABC-301-{s:03d}-{d}" for s, d in zip(rng.integers(1, 60, n),
                                                   fakes.digits(rng, n, 4), strict=True)]
    birth = fakes.days(rng, n, dt.date(1928, 1, 1), dt.date(2000, 12, 31))
    trt = fakes.days(rng, n, dt.date(2021, 1, 1), dt.date(2023, 12, 31))
    ady = rng.integers(-14, 400, rows)
    adt = np.array([trt[o] for o in owner]) + ady.astype("timedelta64[D]")
    sas0 = np.datetime64("1960-01-01", "D")
    sas_days = (adt - sas0).astype(np.int64)
    secs = rng.integers(7 * 3600, 19 * 3600, rows)
    sas_dtm = sas_days * 86_400 + secs
    stata_tc = sas_dtm * 1000
    brth_sas = (birth - sas0).astype(np.int64)
    age = [int((np.datetime64("2021-01-01") - b).astype(int) // 365.25) for b in birth]
    lab = rng.normal(5.5, 1.5, rows)
    frame = pl.DataFrame({
        "USUBJID": [subj[o] for o in owner],
        "BRTHDT": [str(brth_sas[o]) for o in owner],
        "AGE": [str(age[o]) for o in owner],
        "TRTSDT": [str((trt[o] - sas0).astype(np.int64)) for o in owner],
        "ADT": [str(v) for v in sas_days],
        "ADTM": [str(v) for v in sas_dtm],
        "ADTM_TC": [str(v) for v in stata_tc],
        "LBDTC_N": [f"{float(v):.1f}" for v in strftime(adt, "%Y%m%d")],
        "VISDT_MDY": [str(int(v)) for v in strftime(adt, "%m%d%Y")],
        "SPECDT": strftime(adt, "%d%m%y"),
        "EPOCHDAY": [str(v) for v in adt.astype(np.int64)],
        "ADY": [str(v) for v in ady],
        "AVISITN": [str(v) for v in rng.integers(1, 12, rows)],
        "PARAMCD": fakes.pick(rng, ("HBA1C", "GLUC", "ALT", "CREAT"), rows),
        "AVAL": [f"{v:.2f}" for v in lab],
        "TRT01A": fakes.pick(rng, ("Drug A 10 mg", "Placebo"), rows),
    })
    over = sum(1 for o in owner if age[o] > 89)
    adt_years = [int(y) for y in strftime(adt, "%Y")]
    return Attack(Extract(
        "adam_sas_dates", "SAS/Stata numeric dates, mmddyyyy, ddmmyy, ADaM study days",
        frame, (
            plant("USUBJID", Category.OTHER, Match.CODE, frame["USUBJID"], subj),
            plant("LBDTC_N", Category.DATE, Match.DATE, frame["LBDTC_N"], iso(adt)),
            plant("EPOCHDAY", Category.DATE, Match.DATE, frame["EPOCHDAY"], iso(adt)),
            plant("AGE", Category.AGE_OVER_89, Match.AGE, [], [], cells=over),
        ), {c: Utility.EXACT for c in ("ADY", "AVISITN", "PARAMCD", "AVAL", "TRT01A")}),
        "numeric dates on other epochs (SAS 1960, Stata ms), mmddyyyy and ddmmyy, beside "
        "study days that are not dates",
        aligned=tuple(Aligned(c, Category.DATE, tuple(True for _ in range(rows)),
                              f"{c} (numeric date)", same_name=True)
                      for c in ("BRTHDT", "TRTSDT", "ADT", "ADTM", "ADTM_TC", "VISDT_MDY",
                                "SPECDT")),
        years=tuple(
            YearCheck(c, tuple(years)) for c, years in (
                ("TRTSDT", [int(str(trt[o])[:4]) for o in owner]),
                *((c, adt_years) for c in ("ADT", "ADTM", "ADTM_TC", "LBDTC_N", "EPOCHDAY")))))
