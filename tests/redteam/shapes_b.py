"""Red-team extracts, part B: device telemetry (JSON lines), a DICOM index, HL7 and X12
segments, a 200-column flowsheet, headers that lie, category columns with identifiers
typed into a few rows."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import polars as pl

from tests.redteam.kit import (
    AgeCheck,
    Attack,
    Cell,
    CleanRows,
    cells,
    iso,
    name_needles,
    only,
    people,
    plant,
    repeat,
    sprinkle,
    strftime,
    tools,
)
from tests.shapes import fakes
from tests.shapes.model import Category, Extract, Match, Planted, Utility

ICD10 = ("E11.9", "I10", "J45.909", "M54.5", "F32.9", "N39.0", "K21.9", "E78.5", "I48.91",
         "J18.9", "Z79.4", "R07.9")


def _imei(rng: np.random.Generator) -> str:
    from stdnum import luhn

    body = "35" + "".join(str(x) for x in rng.integers(0, 10, 12))
    return body + luhn.calc_check_digit(body)


def _write_lines(records: list[dict[str, object]]) -> Callable[[pl.DataFrame, Path], None]:
    """A writer that ignores the frame and writes the records as JSON lines."""
    def write(_frame: pl.DataFrame, path: Path) -> None:
        with path.open("w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return write


def telemetry_jsonl(rows: int, seed: int) -> Attack:
    """Remote-monitoring telemetry as JSON lines: device serial, MAC without separators and
    IMEI; epoch microseconds and nanoseconds; GPS as E7 integers; a list of readings with
    offset timestamps; the owner's name in 10% of the lines; a caregiver's phone only in
    the last lines."""
    fake, rng = tools(seed, "telemetry")
    n_dev = max(10, rows // 25)
    owner = repeat(rng, rows, 10, 40)
    owner = np.minimum(owner, n_dev - 1)
    serial = [f"PM{d}" for d in fakes.digits(rng, n_dev, 9)]
    mac = ["".join(f"{b:02X}" for b in rng.integers(0, 256, 6)) for _ in range(n_dev)]
    imei = [_imei(rng) for _ in range(n_dev)]
    pats = people(fake, n_dev)
    home_lat = rng.uniform(30, 47, n_dev)
    home_lon = rng.uniform(-120, -75, n_dev)
    day = fakes.days(rng, rows, dt.date(2023, 1, 1), dt.date(2025, 6, 30))
    sec = day.astype(np.int64) * 86_400 + rng.integers(8 * 3600, 18 * 3600, rows)
    us = sec * 1_000_000 + rng.integers(0, 1_000_000, rows)
    ns = (sec + 2) * 1_000_000_000 + rng.integers(0, 10**9, rows)
    named = rng.random(rows) < 0.1
    late = np.arange(rows) >= rows - max(5, rows // 400)
    kin_ten = fakes.phones(rng, rows)
    records: list[dict[str, object]] = []
    lat_e7, lon_e7, stamps, hr_all = [], [], [], []
    for i, o in enumerate(owner):
        la = round((home_lat[o] + rng.normal(0, 0.0005)) * 1e7)
        lo = round((home_lon[o] + rng.normal(0, 0.0005)) * 1e7)
        lat_e7.append(str(la))
        lon_e7.append(str(lo))
        d = day[i].astype(object)
        readings = []
        for _ in range(int(rng.integers(1, 4))):
            h, m = int(rng.integers(0, 24)), int(rng.integers(0, 60))
            s, ms = int(rng.integers(0, 60)), int(rng.integers(0, 1000))
            stamp = f"{d}T{h:02d}:{m:02d}:{s:02d}.{ms:03d}+02:00"
            stamps.append(stamp)
            hr = int(rng.integers(48, 130))
            hr_all.append(hr)
            readings.append({"t": stamp, "hr": hr, "spo2": int(rng.integers(88, 100))})
        rec: dict[str, object] = {
            "device": {"serial": serial[o], "mac": mac[o], "imei": imei[o]},
            "ts_us": int(us[i]), "recv_ns": int(ns[i]),
            "gps": {"lat_e7": la, "lon_e7": lo},
            "readings": readings,
            "battery": int(rng.integers(5, 101)),
            "fw": ("3.2.1", "3.2.4", "4.0.0")[int(rng.integers(0, 3))],
        }
        if named[i]:
            rec["owner"] = {"given": pats[o][0], "family": pats[o][2]}
        if late[i]:
            t = kin_ten[i]
            rec["caregiver"] = {"phone": f"+1 ({t[:3]}) {t[3:6]}-{t[6:]}"}
        records.append(rec)
    frame = pl.DataFrame({"battery": [r["battery"] for r in records],
                          "fw": [r["fw"] for r in records]})
    used = sorted(set(owner.tolist()))
    return Attack(Extract(
        "telemetry_jsonl", "device telemetry JSON lines: MAC, IMEI, epoch us/ns, E7 GPS",
        frame, (
            plant("device.serial", Category.DEVICE, Match.CODE, [serial[o] for o in owner],
                  [serial[o] for o in used]),
            plant("device.mac", Category.DEVICE, Match.CODE, [mac[o] for o in owner],
                  [mac[o] for o in used]),
            plant("device.imei", Category.DEVICE, Match.CODE, [imei[o] for o in owner],
                  [imei[o] for o in used]),
            plant("ts_us", Category.DATE, Match.DATE, [str(v) for v in us], iso(day)),
            plant("recv_ns", Category.DATE, Match.DATE, [str(v) for v in ns], iso(day)),
            plant("gps.lat_e7", Category.GEOGRAPHY, Match.TOKEN, lat_e7, lat_e7),
            plant("gps.lon_e7", Category.GEOGRAPHY, Match.TOKEN, lon_e7,
                  [v.lstrip("-") for v in lon_e7]),
            plant("readings[].t", Category.DATE, Match.TEXT, stamps, []),
            plant("owner.given", Category.NAME, Match.TOKEN,
                  [pats[o][0] if n else None for o, n in zip(owner, named, strict=True)],
                  [pats[o][0] for o, n in zip(owner, named, strict=True) if n]),
            plant("owner.family", Category.NAME, Match.TOKEN,
                  [pats[o][2] if n else None for o, n in zip(owner, named, strict=True)],
                  [pats[o][2] for o, n in zip(owner, named, strict=True) if n]),
            plant("caregiver.phone", Category.PHONE, Match.CODE,
                  [kin_ten[i] if late[i] else None for i in range(rows)],
                  [kin_ten[i] for i in range(rows) if late[i]]),
        ), {"battery": Utility.EXACT, "fw": Utility.EXACT}, suffix=".jsonl",
        writer=_write_lines(records)),
        "epoch microseconds and nanoseconds, integer E7 coordinates, MAC and IMEI without "
        "separators, timestamps inside a list of objects, keys present in few lines")


def dicom_index(rows: int, seed: int) -> Attack:
    """A PACS study index as DICOM writes its tags: caret names (DOE^JOHN^A), DA dates
    (yyyymmdd), TM times, AS ages ("092Y", "006M"), study UIDs, accession numbers,
    institutions named after their towns, referring physicians as SURNAME^GIVEN^^DR."""
    fake, rng = tools(seed, "dicom")
    owner = repeat(rng, rows, 1, 6)
    n = int(owner.max()) + 1
    pats = people(fake, n)
    pid = [f"HOSP{d}" for d in fakes.digits(rng, n, 7)]
    dob = fakes.days(rng, n, dt.date(1926, 1, 1), dt.date(2023, 12, 31))
    study = fakes.days(rng, rows, dt.date(2019, 1, 1), dt.date(2025, 9, 30))
    age_days = [max(0, int((s - dob[o]).astype(int))) for s, o in zip(study, owner, strict=True)]
    age_as = []
    for a in age_days:
        if a < 31:
            age_as.append(f"{a:03d}D")
        elif a < 120:
            age_as.append(f"{a // 7:03d}W")
        elif a < 730:
            age_as.append(f"{a // 30:03d}M")
        else:
            age_as.append(f"{int(a // 365.25):03d}Y")
    over = sum(1 for v in age_as if v.endswith("Y") and int(v[:3]) > 89)
    per_year = {"D": 365.25, "W": 52.0, "M": 12.0, "Y": 1.0}
    shown_years = [int(int(v[:-1]) // per_year[v[-1]]) for v in age_as]
    acc = [f"ACC{d}" for d in fakes.digits(rng, rows, 8)]
    uid = [f"1.2.840.113619.2.55.3.{a}.{b}.{c}.{e}" for a, b, c, e in zip(
        fakes.digits(rng, rows, 9, low=10**8), rng.integers(100, 999, rows),
        fakes.digits(rng, rows, 10, low=10**9), rng.integers(1, 999, rows), strict=True)]
    inst = ("TOLEDO HOSPITAL", "DAYTON CHILDREN'S HOSPITAL", "AKRON GENERAL MEDICAL CENTER",
            "MERCY HEALTH YOUNGSTOWN", "ST VINCENT MERCY MEDICAL CENTER")
    docs = people(fake, 15)
    ref = [f"{la.upper()}^{f.upper()}^^DR" for f, _, la in docs]
    doc_of = rng.integers(0, 15, rows)
    modality = fakes.pick(rng, ("CT", "MR", "CR", "US", "NM"), rows)
    frame = pl.DataFrame({
        "PatientName": [f"{pats[o][2].upper()}^{pats[o][0].upper()}^{pats[o][1]}" for o in owner],
        "PatientID": [pid[o] for o in owner],
        "PatientBirthDate": [strftime(dob[o:o + 1], "%Y%m%d")[0] for o in owner],
        "PatientAge": age_as,
        "PatientSex": fakes.pick(rng, ("F", "M", "O"), rows, p=(0.5, 0.49, 0.01)),
        "StudyDate": strftime(study, "%Y%m%d"),
        "StudyTime": [f"{h:02d}{m:02d}{s:02d}.000" for h, m, s in zip(
            rng.integers(0, 24, rows), rng.integers(0, 60, rows), rng.integers(0, 60, rows),
            strict=True)],
        "AccessionNumber": acc,
        "StudyInstanceUID": uid,
        "InstitutionName": fakes.pick(rng, inst, rows),
        "ReferringPhysicianName": [ref[i] for i in doc_of],
        "Modality": modality,
        "BodyPartExamined": fakes.pick(rng, ("HEAD", "CHEST", "ABDOMEN", "KNEE", "SPINE"), rows),
        "StudyDescription": fakes.pick(rng, ("CT HEAD W/O CONTRAST", "MRI KNEE LEFT",
                                             "XR CHEST 2 VIEWS", "US ABDOMEN COMPLETE"), rows),
        "SliceThickness": fakes.pick(rng, ("0.625", "1.25", "2.5", "5"), rows),
        "KVP": fakes.pick(rng, ("80", "100", "120", "140"), rows),
        "PixelSpacing": fakes.pick(rng, ("0.488281\\0.488281", "0.703125\\0.703125",
                                         "0.9765625\\0.9765625"), rows),
        "Manufacturer": fakes.pick(rng, ("GE MEDICAL SYSTEMS", "SIEMENS", "Philips",
                                         "TOSHIBA"), rows),
    })
    used = sorted(set(owner.tolist()))
    return Attack(Extract(
        "dicom_index", "DICOM tags: PN carets, DA yyyymmdd, AS ages, UIDs", frame, (
            plant("PatientName", Category.NAME, Match.TEXT, frame["PatientName"], set().union(
                *(name_needles(pats[o][0], pats[o][2]) for o in used))),
            plant("PatientID", Category.MRN, Match.CODE, frame["PatientID"], pid),
            plant("PatientBirthDate", Category.DATE, Match.DATE, frame["PatientBirthDate"],
                  iso(dob[used])),
            plant("PatientAge", Category.AGE_OVER_89, Match.AGE, [], [], cells=over),
            plant("StudyDate", Category.DATE, Match.DATE, frame["StudyDate"], iso(study)),
            plant("AccessionNumber", Category.OTHER, Match.CODE, acc, acc),
            plant("StudyInstanceUID", Category.OTHER, Match.CODE, uid, uid),
            plant("InstitutionName", Category.GEOGRAPHY, Match.TEXT, frame["InstitutionName"],
                  ["toledo", "dayton", "akron", "youngstown"]),
            plant("ReferringPhysicianName", Category.NAME, Match.TEXT,
                  frame["ReferringPhysicianName"], ref),
        ), {c: Utility.EXACT for c in ("PatientSex", "Modality", "BodyPartExamined",
                                       "StudyDescription", "SliceThickness", "KVP",
                                       "PixelSpacing", "Manufacturer", "StudyTime")}),
        "DICOM value representations: PN with carets, DA dates, AS ages, UI study ids",
        ages=(AgeCheck("PatientAge", tuple(None if y > 89 else y for y in shown_years)),))


def hl7_x12(rows: int, seed: int) -> Attack:
    """An interface-engine log: one HL7 v2 PID segment or one X12 837 NM1/DMG segment per
    row, a message type, an HL7 timestamp; identifiers inside '|' and '*' fields."""
    fake, rng = tools(seed, "hl7")
    pats = people(fake, rows)
    mrn = fakes.digits(rng, rows, 8)
    ssn = fakes.ssns(rng, rows)
    dob = fakes.days(rng, rows, dt.date(1935, 1, 1), dt.date(2010, 12, 31))
    ten = fakes.phones(rng, rows)
    street = fakes.streets(fake, rng, rows)
    town = [fakes.TOWNS[i] for i in rng.integers(0, len(fakes.TOWNS), rows)]
    zips = fakes.zips(rng, rows)
    member = [f"XJH{d}" for d in fakes.digits(rng, rows, 9)]
    recv = fakes.days(rng, rows, dt.date(2024, 1, 1), dt.date(2025, 6, 30))
    seg, kinds = [], rng.integers(0, 2, rows)
    for i, k in enumerate(kinds):
        f, mi, la = pats[i]
        d = strftime(dob[i:i + 1], "%Y%m%d")[0]
        t = ten[i]
        if k == 0:
            seg.append(f"PID|1||{mrn[i]}^^^MERCY^MR||{la.upper()}^{f.upper()}^{mi}||{d}|"
                       f"{('M', 'F')[i % 2]}|||{street[i]}^^{town[i][0]}^{town[i][1]}^{zips[i]}"
                       f"||({t[:3]}){t[3:6]}-{t[6:]}|||||||{ssn[i]}")
        else:
            seg.append(f"NM1*IL*1*{la.upper()}*{f.upper()}*{mi}***MI*{member[i]}~"
                       f"N3*{street[i].upper()}~N4*{town[i][0].upper()}*{town[i][1]}*{zips[i]}~"
                       f"DMG*D8*{d}*{('M', 'F')[i % 2]}~")
    stamp = [f"{s}{h:02d}{m:02d}{x:02d}" for s, h, m, x in zip(
        strftime(recv, "%Y%m%d"), rng.integers(0, 24, rows), rng.integers(0, 60, rows),
        rng.integers(0, 60, rows), strict=True)]
    msg = [f"MSG{d}" for d in fakes.digits(rng, rows, 9)]
    frame = pl.DataFrame({
        "msg_id": msg,
        "msg_type": ["ADT^A04" if k == 0 else "837P" for k in kinds],
        "received": stamp,
        "segment": seg,
        "sending_app": fakes.pick(rng, ("EPIC", "CERNER", "MEDITECH"), rows),
        "ack": fakes.pick(rng, ("AA", "AE", "AR"), rows, p=(0.95, 0.04, 0.01)),
    })
    hl7 = [k == 0 for k in kinds]
    x12 = [k == 1 for k in kinds]
    return Attack(Extract(
        "hl7_x12", "HL7 PID and X12 837 segments, HL7 timestamps", frame, (
            plant("msg_id", Category.OTHER, Match.CODE, msg, msg),
            plant("received", Category.DATE, Match.TEXT, stamp, []),
            plant("segment", Category.NAME, Match.TEXT, seg, set().union(
                *({f"{la}^{f}".lower(), f"{la}*{f}".lower()} for f, _, la in pats))),
            plant("segment", Category.MRN, Match.CODE, only(seg, hl7),
                  [m for m, h in zip(mrn, hl7, strict=True) if h], label="segment (mrn)"),
            plant("segment", Category.SSN, Match.CODE, only(seg, hl7),
                  [s for s, h in zip(ssn, hl7, strict=True) if h], label="segment (ssn)"),
            plant("segment", Category.HEALTH_PLAN, Match.CODE, only(seg, x12),
                  [m for m, h in zip(member, x12, strict=True) if h], label="segment (member)"),
            plant("segment", Category.GEOGRAPHY, Match.TEXT, seg,
                  [s.lower() for s in street], label="segment (street)"),
            plant("segment", Category.DATE, Match.DATE, seg, iso(dob), label="segment (dob)"),
        ), {"msg_type": Utility.EXACT, "sending_app": Utility.EXACT, "ack": Utility.EXACT}),
        "identifiers inside structured message segments ('^' and '*' delimited)")


def wide_flowsheet(rows: int, seed: int) -> Attack:
    """A 200-column ICU flowsheet pivot: 185 sparse measurement columns named fs_001...;
    a phone number in 0.3% of one, SSNs without dashes in 3 rows of another, names in
    0.5% of a third, all three otherwise empty; dates and a name in column headers."""
    fake, rng = tools(seed, "wide")
    cols: dict[str, list[Cell]] = {}
    owner = repeat(rng, rows, 5, 30)
    pt = fakes.digits(rng, int(owner.max()) + 1, 8)
    cols["pt"] = cells([pt[o] for o in owner])
    cols["unit"] = cells(fakes.pick(rng, ("MICU", "SICU", "CVICU", "NICU"), rows))
    for i in range(1, 186):
        fill = (0.95, 0.6, 0.2, 0.02, 0.002)[i % 5]
        center, spread = float(rng.uniform(1, 200)), float(rng.uniform(0.5, 20))
        values = rng.normal(center, spread, rows)
        cols[f"fs_{i:03d}"] = [f"{v:.1f}" if r < fill else None
                               for v, r in zip(values, rng.random(rows), strict=True)]
    phone_rows = sprinkle(rng, rows, max(3, rows * 3 // 1000))
    ten = fakes.phones(rng, rows)
    cols["fs_147"] = [f"{t[:3]}{t[3:6]}{t[6:]}" if p else None
                      for t, p in zip(ten, phone_rows, strict=True)]
    ssn_rows = sprinkle(rng, rows, 3, start=0.5)
    ssn = fakes.ssns(rng, rows)
    cols["fs_163"] = [s if p else None for s, p in zip(ssn, ssn_rows, strict=True)]
    name_rows = sprinkle(rng, rows, max(3, rows // 200))
    who = people(fake, rows)
    cols["fs_171"] = [f"{w[0]} {w[2]}" if p else None for w, p in zip(who, name_rows, strict=True)]
    base = rng.normal(120, 15, rows)
    cols["sbp_05MAY2021"] = cells([f"{v:.0f}" for v in base])
    cols["wt_03/05/2021"] = cells([f"{v:.1f}" for v in rng.normal(80, 10, rows)])
    cols["HERNANDEZ_R_bmi"] = cells([f"{v:.1f}" for v in rng.normal(27, 4, rows)])
    for i in range(1, 9):
        cols[f"flag_{i}"] = cells(fakes.pick(rng, ("Y", "N", ""), rows))
    cols["shift"] = cells(fakes.pick(rng, ("day", "night"), rows))
    cols["rn_initials_ok"] = cells(fakes.pick(rng, ("Y", "N"), rows))
    frame = pl.DataFrame(cols)
    keep = ["unit", "fs_001", "fs_002", "fs_003", "fs_004", "fs_005", "fs_010", "fs_099",
            "fs_148", "fs_150", "fs_184", "flag_1", "flag_8"]
    return Attack(Extract(
        "wide_flowsheet", "200 columns; identifiers in 3 sparse columns; dates in headers",
        frame, (
            plant("pt", Category.MRN, Match.CODE, cols["pt"], pt),
            plant("fs_147", Category.PHONE, Match.CODE, cols["fs_147"],
                  [t for t, p in zip(ten, phone_rows, strict=True) if p]),
            plant("fs_163", Category.SSN, Match.CODE, cols["fs_163"],
                  [s for s, p in zip(ssn, ssn_rows, strict=True) if p]),
            plant("fs_171", Category.NAME, Match.TEXT, cols["fs_171"], []),
            plant("sbp_05MAY2021", Category.DATE, Match.TEXT, [], ["05may2021"],
                  label="<header with a date 1>", header=True),
            plant("wt_03/05/2021", Category.DATE, Match.TEXT, [], ["03/05/2021"],
                  label="<header with a date 2>", header=True),
            plant("HERNANDEZ_R_bmi", Category.NAME, Match.TOKEN, [], ["hernandez"],
                  label="<header with a name>", header=True),
        ), {c: Utility.EXACT for c in keep}),
        "a wide table where identifiers sit in 0.1-0.5% of three otherwise empty columns, "
        "and non-ISO dates and a surname in headers")


def header_lies(rows: int, seed: int) -> Attack:
    """Clinical-code headers over identifiers: 'snomed_ct' over 9-digit SSNs, 'cpt' over
    ZIP codes, 'rxcui' over 7-digit MRNs, 'ndc11' over 11-digit telephone numbers,
    'icd10' over letter-and-digits record numbers, 'lab_value' over dd.mm.yy birth dates."""
    _fake, rng = tools(seed, "lies")
    ssn = fakes.ssns(rng, rows)
    zip_pool = fakes.zips(rng, 60)
    zips = [zip_pool[i] for i in rng.integers(0, 60, rows)]
    mrn = fakes.digits(rng, rows, 7, low=1_000_000)
    ten = fakes.phones(rng, rows)
    rec = [f"K{d}" for d in fakes.digits(rng, rows, 7)]
    dob = fakes.days(rng, rows, dt.date(1935, 1, 1), dt.date(2005, 12, 31))
    frame = pl.DataFrame({
        "snomed_ct": ssn,
        "cpt": zips,
        "rxcui": mrn,
        "ndc11": ["1" + t for t in ten],
        "icd10": rec,
        "lab_value": strftime(dob, "%d.%m.%y"),
        "dx": fakes.pick(rng, ICD10, rows),
        "qty": [str(v) for v in rng.integers(1, 90, rows)],
        "result": [f"{v:.2f}" for v in rng.normal(5, 1, rows)],
    })
    return Attack(Extract(
        "header_lies", "clinical-code headers over SSNs, ZIPs, MRNs, phones, birth dates",
        frame, (
            plant("snomed_ct", Category.SSN, Match.CODE, ssn, ssn),
            plant("cpt", Category.GEOGRAPHY, Match.TOKEN, zips, zips),
            plant("rxcui", Category.MRN, Match.CODE, mrn, mrn),
            plant("ndc11", Category.PHONE, Match.CODE, frame["ndc11"], ten),
            plant("icd10", Category.MRN, Match.CODE, rec, rec),
            plant("lab_value", Category.DATE, Match.TEXT, frame["lab_value"], []),
        ), {"dx": Utility.EXACT, "qty": Utility.EXACT, "result": Utility.EXACT}),
        "header words of clinical code systems over identifier content")


def category_contamination(rows: int, seed: int) -> Attack:
    """An ED registration extract whose low-cardinality columns (disposition, language,
    payer, escort relationship, marital status) hold, in 0.2-0.5% of rows late in the
    file, what a clerk typed: a daughter's name, an interpreter's name and number, a
    Medicaid id or an SSN, an escort's e-mail, a date of death."""
    fake, rng = tools(seed, "contam", ["es_MX", "en_US", "vi_VN"])
    base = {
        "disposition": ("Home", "Home w/ home health", "SNF", "AMA", "Admitted", "Transfer",
                        "Expired", "LWBS"),
        "language": ("English", "Spanish", "Vietnamese", "Somali", "Arabic", "ASL",
                     "Mandarin", "Russian", "Haitian Creole", "Portuguese"),
        "payer": ("Medicare", "Medicaid", "Aetna", "Cigna", "Humana", "Molina Healthcare",
                  "Oscar Health", "Kaiser Permanente", "Self-pay", "Tricare", "Ambetter",
                  "Anthem"),
        "escort": ("self", "spouse", "parent", "child", "friend", "EMS", "police", "none"),
        "marital": ("married", "single", "divorced", "widowed", "separated"),
    }
    cols: dict[str, list[Cell]] = {c: cells(fakes.pick(rng, v, rows)) for c, v in base.items()}
    dirty = {c: sprinkle(rng, rows, max(4, rows * 4 // 1000), start=0.75) for c in base}
    who = people(fake, rows)
    ten = fakes.phones(rng, rows)
    ssn = fakes.ssns(rng, rows)
    mail = fakes.emails(rng, who)
    died = fakes.days(rng, rows, dt.date(2015, 1, 1), dt.date(2024, 12, 31))
    planted: list[Planted] = []
    texts: dict[str, dict[str, list[Cell]]] = {c: {} for c in base}

    def put(col: str, kind: str, i: int, text: str) -> None:
        cols[col][i] = text
        texts[col].setdefault(kind, [None] * rows)[i] = text

    needles: dict[tuple[str, str], list[str]] = {}
    for i in np.flatnonzero(dirty["disposition"]):
        f, _, la = who[i]
        put("disposition", "name", int(i), f"Home w/ dtr {f} {la}")
        needles.setdefault(("disposition", "name"), []).append(f"{f} {la}")
    for j, i in enumerate(np.flatnonzero(dirty["language"])):
        f, _, la = who[i]
        t = ten[i]
        put("language", "phone" if j % 2 else "name", int(i),
            f"Spanish - interp {f} {la} {t[:3]}-{t[3:6]}-{t[6:]}" if j % 2
            else f"Vietnamese (interp {f} {la})")
        needles.setdefault(("language", "phone" if j % 2 else "name"), []).append(
            t if j % 2 else f"{f} {la}")
        if j % 2:
            texts["language"].setdefault("name", [None] * rows)[int(i)] = cols["language"][i]
            needles.setdefault(("language", "name"), []).append(f"{f} {la}")
    for j, i in enumerate(np.flatnonzero(dirty["payer"])):
        s = ssn[i]
        if j % 2:
            put("payer", "ssn", int(i), f"self-pay ssn {s[:3]}-{s[3:5]}-{s[5:]}")
            needles.setdefault(("payer", "ssn"), []).append(s)
        else:
            m = f"{s[:8]}{'ABCDEFGH'[j % 8]}"
            put("payer", "plan", int(i), f"Medicaid {m}")
            needles.setdefault(("payer", "plan"), []).append(m)
    for i in np.flatnonzero(dirty["escort"]):
        put("escort", "email", int(i), f"friend ({mail[i]})")
        needles.setdefault(("escort", "email"), []).append(mail[i])
    for i in np.flatnonzero(dirty["marital"]):
        when = strftime(died[i:i + 1], "%m/%d/%Y")[0]
        put("marital", "date", int(i), f"widowed, husband d. {when}")
        needles.setdefault(("marital", "date"), []).extend(iso(died[i:i + 1]))
    kinds = {"name": (Category.NAME, Match.TEXT), "phone": (Category.PHONE, Match.CODE),
             "ssn": (Category.SSN, Match.CODE), "plan": (Category.HEALTH_PLAN, Match.CODE),
             "email": (Category.EMAIL, Match.TEXT), "date": (Category.DATE, Match.DATE)}
    for col, by_kind in texts.items():
        for kind, written in by_kind.items():
            category, match = kinds[kind]
            planted.append(plant(col, category, match, written, needles[(col, kind)],
                                 label=f"{col} ({kind})"))
    mrn = fakes.digits(rng, rows, 8)
    frame = pl.DataFrame({"mrn": mrn, **cols,
                          "acuity": [str(v) for v in rng.integers(1, 6, rows)],
                          "arrival": fakes.pick(rng, ("walk-in", "EMS", "police", "transfer"),
                                                rows)})
    planted.insert(0, plant("mrn", Category.MRN, Match.CODE, mrn, mrn))
    clean = tuple(CleanRows(c, tuple(not d for d in dirty[c])) for c in base)
    return Attack(Extract(
        "category_contamination", "identifiers typed into 0.4% of category columns, late",
        frame, tuple(planted), {"acuity": Utility.EXACT, "arrival": Utility.EXACT}),
        "a few free-text identifiers inside low-cardinality category columns", clean=clean)
