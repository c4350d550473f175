# ruff: noqa: E501  (corpus templates are long lines of text)
"""Build the held-out free-text PHI corpus (issue 14 red team).

Written independently of `veil.synth.notes` (its templates were not read): hand-written
notes plus a small seeded combinatorial generator. Names come from Faker locales other
than en_US (es_MX, vi_VN, pl_PL, fr_FR, de_DE, en_IN for romanized Hindi names, zh_CN
romanized) and from lists written here (Igbo/Yoruba names, Vietnamese names, names that
are common English words). Every value is fake.

Markup in the templates: ``{{TYPE|value}}`` is a gold PHI span of TYPE, ``<<term>>`` a
clinical term that must survive scrubbing verbatim. `build()` strips the markup and
computes offsets; `main()` writes notes.jsonl, queries.jsonl and negatives.jsonl next to
this file and checks every span. The committed JSONL files are what the tests read, so
the corpus does not move when Faker changes; rerun with `python tests/text/heldout/build.py`.

Decisions on what is PHI (Safe Harbor, 45 CFR 164.514(b)(2)):
- DATE: any day or month element tied to the individual, in any written form ("3/4",
  "Mar-4", "2024.03.04", "4th inst.", "the fourth of July weekend", "Christmas Eve" of a
  visit). Relative words ("yesterday", "last Tuesday", "two weeks ago") are not dates.
  A bare year is not PHI (kept as a clinical term where it appears alone).
- AGE: ages over 89 in digits or words, and phrases that place the age above 89
  ("nonagenarian", "in her late nineties"), since 90-99 is narrower than "90 or older".
- States are not PHI (kept as terms); cities, towns, counties, street lines, PO boxes,
  ZIP codes and facility names are.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

from faker import Faker

HERE = Path(__file__).parent
_MARK = re.compile(r"\{\{([A-Z_]+)\|(.*?)\}\}|<<(.*?)>>", re.S)


def build(marked: str) -> tuple[str, list[dict[str, Any]], list[str]]:
    """Plain text, gold spans and terms of a marked-up template."""
    out: list[str] = []
    spans: list[dict[str, Any]] = []
    terms: list[str] = []
    pos = 0
    length = 0
    for m in _MARK.finditer(marked):
        chunk = marked[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        if m.group(1):
            value = m.group(2)
            spans.append({"start": length, "end": length + len(value), "type": m.group(1)})
        else:
            value = m.group(3)
            terms.append(value)
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), spans, list(dict.fromkeys(terms))


# --------------------------------------------------------------------------- pools

IGBO_YORUBA = [("Chiamaka", "Okonkwo"), ("Oluwaseun", "Adeyemi"), ("Ngozi", "Eze"),
               ("Chukwuemeka", "Nwosu"), ("Adebayo", "Ogunleye"), ("Folasade", "Adewale"),
               ("Ifeoma", "Obi"), ("Babatunde", "Akinola"), ("Nkechi", "Uchenna"),
               ("Temitope", "Bakare"), ("Obinna", "Chukwu"), ("Yetunde", "Olatunji")]
VIET = [("Nguyễn", "Thị Lan"), ("Trần", "Văn Minh"), ("Pham", "Thu Hương"), ("Le", "Quang Huy"),
        ("Hoàng", "Bảo Ngọc"), ("Vu", "Duc Anh"), ("Đặng", "Thanh Tâm"), ("Bui", "Minh Khoa")]
COMMON_WORD_FIRST = ["Rose", "Bill", "Hope", "Will", "May", "Jordan", "Paris", "Grace", "Faith",
                     "Joy", "Dawn", "Summer", "Hunter", "Mason", "Drew", "Iris", "Sky", "Amber",
                     "Chase", "Miles", "June", "April", "Bob", "Frank", "Honey"]
COMMON_WORD_LAST = ["Young", "Brown", "Bell", "Cook", "White", "Baker", "Wolf", "Hill", "Rich",
                    "Moody", "Best", "Small", "Love", "Strong", "Price", "Hope", "Church",
                    "Walker", "Black", "Fox", "Wise", "Paris", "Jordan", "Ward", "Long"]
CITIES = [("Tulsa", "OK", "Tulsa County"), ("Hope", "AR", "Hempstead County"),
          ("Paris", "TX", "Lamar County"), ("Normal", "IL", "McLean County"),
          ("Mobile", "AL", "Mobile County"), ("Eugene", "OR", "Lane County"),
          ("Florence", "SC", "Florence County"), ("Independence", "MO", "Jackson County"),
          ("Temple", "TX", "Bell County"), ("Athens", "GA", "Clarke County"),
          ("Troy", "NY", "Rensselaer County"), ("Marion", "OH", "Marion County"),
          ("Lafayette", "LA", "Lafayette Parish"), ("Bozeman", "MT", "Gallatin County"),
          ("Kalamazoo", "MI", "Kalamazoo County"), ("Yakima", "WA", "Yakima County"),
          ("Hialeah", "FL", "Miami-Dade County"), ("Chula Vista", "CA", "San Diego County"),
          ("Cedar Rapids", "IA", "Linn County"), ("Sioux Falls", "SD", "Minnehaha County"),
          ("Truth or Consequences", "NM", "Sierra County"), ("Boring", "OR", "Clackamas County"),
          ("Pocatello", "ID", "Bannock County"), ("Warren", "MI", "Macomb County"),
          ("Lowell", "MA", "Middlesex County"), ("Joliet", "IL", "Will County"),
          ("Enid", "OK", "Garfield County"), ("Dothan", "AL", "Houston County")]
STREETS = ["Calle Ybarra", "Oakhurst", "Kosciuszko", "Wisteria", "Rue Charlemagne", "Birchwood",
           "Magnolia", "Hawthorne", "Pulaski", "Old Mill", "Sycamore Bend", "Quarry", "Linden",
           "Bayou Teche", "Saint Clair", "Tamarack", "Juniper Hollow", "Riverside", "Elm",
           "Prairie View", "Dogwood", "Cottonwood", "Harmony", "Lakeshore", "Martin Luther King Jr"]
SUFFIXES = ["St", "Street", "Ave", "Avenue", "Blvd", "Rd", "Road", "Ln", "Lane", "Dr", "Drive",
            "Ct", "Way", "Terrace", "Pike", "Pkwy", "Circle", "Trail", "Hwy", "Place"]
FACILITIES = ["St. Brigid's Medical Center", "Lakeshore Regional Hospital",
              "Mercy Northside Clinic", "Holy Cross Hospital", "Valley Dialysis Center",
              "Sunrise Gardens Nursing Home", "Prairie Lutheran Hospital",
              "Our Lady of the Pines Hospice", "Cedar Bend Rehabilitation Center",
              "Bayou Teche Family Practice", "Kosciuszko Community Health Center",
              "Three Rivers Urgent Care", "Heartland Orthopedic Institute",
              "Good Samaritan Village", "St. Agnes Cancer Pavilion",
              "Riverbend Behavioral Health", "Magnolia Women's Clinic", "Harmony Hills Dialysis"]
RELATIONS = ["mother", "father", "daughter", "son", "wife", "husband", "sister", "brother",
             "niece", "grandson", "granddaughter", "partner", "aunt", "neighbor", "caregiver"]
EMAIL_DOMAINS = ["fastmail.com", "yahoo.com", "gmail.com", "outlook.com", "proton.me",
                 "comcast.net", "hotmail.fr", "wp.pl", "web.de"]
# clinical vocabulary that must survive
EPONYMS = ["Parkinson's disease", "Hodgkin lymphoma", "Crohn's disease", "Addison's disease",
           "Cushing's syndrome", "Wilson's disease", "Graves' disease", "Bell's palsy",
           "Down syndrome", "Apgar", "Glasgow Coma Scale", "Wells score", "Alzheimer's",
           "Guillain-Barré", "Hashimoto's thyroiditis", "Barrett's esophagus", "Foley",
           "Babinski", "Murphy's sign", "Kernig", "Raynaud's", "Sjögren's", "Tourette",
           "Lyme disease", "West Nile virus", "Rocky Mountain spotted fever", "Epley maneuver",
           "Whipple procedure", "Swan-Ganz", "Holter monitor", "Nissen fundoplication",
           "Homans sign", "Romberg", "Hodgkin", "Kawasaki disease", "Meniere's disease",
           "Paget's disease", "Marfan syndrome", "Tinel's sign", "Phalen's test"]
GENES = ["BRCA1", "BRCA2", "TP53", "EGFR", "KRAS", "HER2", "ALK", "BRAF V600E", "JAK2 V617F",
         "HLA-B27", "APOE4", "CFTR", "MLH1", "PIK3CA", "FLT3-ITD"]
ICD = ["E11.9", "I10", "C50.911", "J44.1", "N18.3", "F32.A", "I48.91", "Z79.01", "G20",
       "K50.90", "E27.1", "M81.0", "C81.90", "I63.9", "R07.9", "S72.001A", "Z87.891"]
DRUGS = ["metoprolol succinate 25 mg", "apixaban 5 mg BID", "carbidopa-levodopa 25/100",
         "furosemide 40 mg IV", "insulin glargine 22 units", "vancomycin 1.25 g q12h",
         "levothyroxine 75 mcg", "prednisone 40 mg", "tamsulosin 0.4 mg qHS",
         "ondansetron 4 mg ODT", "atorvastatin 80 mg", "warfarin", "Eliquis", "Lasix",
         "Keppra 500 mg", "hydrocortisone 20 mg", "penicillamine", "infliximab 5 mg/kg",
         "methimazole 10 mg", "trastuzumab", "osimertinib 80 mg", "Norco 5/325"]
STATES_T = ["Oklahoma", "Texas", "Georgia", "Virginia", "Washington", "Indiana", "Nevada",
            "Florida", "Montana", "Carolina"]
LABS = ["HbA1c 8.2%", "eGFR 38", "BNP 1,240 pg/mL", "INR 2.6", "troponin I 0.04 ng/mL",
        "Na 131 mmol/L", "K 5.4", "TSH 0.02 mIU/L", "ferritin 12 ng/mL", "WBC 14.2",
        "CRP 88 mg/L", "lactate 2.9", "Hgb 7.8 g/dL", "PSA 6.1", "LDL 142 mg/dL"]


class Pools:
    """Seeded draws of fake identifiers."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.fakers = {}
        for loc in ("es_MX", "vi_VN", "pl_PL", "fr_FR", "de_DE", "en_IN", "zh_CN"):
            f = Faker(loc)
            f.seed_instance(seed)
            self.fakers[loc] = f

    def person(self, kind: str | None = None) -> tuple[str, str]:
        r = self.r
        kind = kind or r.choice(["es_MX", "pl_PL", "fr_FR", "de_DE", "en_IN", "zh_CN", "vi",
                                 "igyo", "common", "common", "vi_VN"])
        if kind == "zh_CN":
            f = self.fakers["zh_CN"]
            return f.first_romanized_name(), f.last_romanized_name()
        if kind == "vi":
            last, first = r.choice(VIET)
            return first, last
        if kind == "igyo":
            return r.choice(IGBO_YORUBA)
        if kind == "common":
            return r.choice(COMMON_WORD_FIRST), r.choice(COMMON_WORD_LAST)
        f = self.fakers[kind]
        return f.first_name(), f.last_name()

    def city(self) -> tuple[str, str, str]:
        return self.r.choice(CITIES)

    def street(self) -> str:
        r = self.r
        num = str(r.randint(2, 19999))
        base = f"{num} {r.choice(['', '', 'N. ', 'W ', 'S.E. '])}{r.choice(STREETS)} {r.choice(SUFFIXES)}"
        tail = r.choice(["", "", "", f", Apt {r.randint(1, 40)}{r.choice('ABCD')}",
                         f" Unit {r.randint(100, 999)}", f" #{r.randint(2, 30)}"])
        return base + tail

    def pobox(self) -> str:
        return self.r.choice(["PO Box", "P.O. Box", "P.O. BOX", "Post Office Box"]) + \
            f" {self.r.randint(10, 99999)}"

    def zip(self) -> str:
        z = f"{self.r.randint(10000, 99950)}"
        return z if self.r.random() < 0.7 else f"{z}-{self.r.randint(1000, 9999)}"

    def phone(self) -> str:
        r = self.r
        a, b, c = r.randint(201, 989), r.randint(200, 989), r.randint(0, 9999)
        while a % 100 == 11 or b % 100 == 11 or str(a)[1] == "9":  # valid NANP area/exchange
            a, b = r.randint(201, 989), r.randint(200, 989)
        form = r.choice(["({a}) {b}-{c:04d}", "{a}-{b}-{c:04d}", "{a}.{b}.{c:04d}",
                         "+1 {a} {b} {c:04d}", "+1-{a}-{b}-{c:04d}", "1 ({a}) {b}-{c:04d}",
                         "{a}-{b}-{c:04d} x{e}", "({a}) {b}-{c:04d} ext. {e}", "{a}/{b}-{c:04d}",
                         "{a}{b}{c:04d}"])
        return form.format(a=a, b=b, c=c, e=r.randint(2, 9999))

    def email(self, first: str, last: str) -> str:
        import unicodedata
        def ascii_(s: str) -> str:
            return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower().replace(" ", "")
        r = self.r
        local = r.choice([f"{ascii_(first)}.{ascii_(last)}", f"{ascii_(first)[0]}{ascii_(last)}{r.randint(1, 99)}",
                          f"{ascii_(last)}_{ascii_(first)}{r.randint(1930, 2005)}"])
        return f"{local}@{r.choice(EMAIL_DOMAINS)}"

    def ssn(self) -> str:
        r = self.r
        a, b, c = r.randint(100, 665), r.randint(10, 99), r.randint(1000, 9999)
        return r.choice([f"{a}-{b}-{c}", f"{a}{b}{c}", f"{a} {b} {c}"])

    def mrn(self) -> str:
        r = self.r
        return r.choice([f"{r.randint(1000000, 99999999)}", f"{r.randint(100000, 999999):08d}",
                         f"A{r.randint(100000, 999999)}", f"{r.randint(10, 99)}-{r.randint(100, 999)}-{r.randint(100, 999)}",
                         f"MR{r.randint(1000000, 9999999)}"])

    def account(self) -> str:
        r = self.r
        return r.choice([f"{r.randint(10**9, 10**10 - 1)}", f"FIN {r.randint(10**7, 10**8 - 1)}",
                         f"ACC-{r.randint(100000, 999999)}-{r.randint(10, 99)}"])

    def plan(self) -> str:
        r = self.r
        letters = "ACDEFGHJKMNPQRTUVWXY"
        mbi = (f"{r.randint(1, 9)}{r.choice(letters)}{r.choice(letters)}{r.randint(0, 9)}-"
               f"{r.choice(letters)}{r.choice(letters)}{r.randint(0, 9)}-{r.choice(letters)}{r.choice(letters)}{r.randint(10, 99)}")
        return r.choice([mbi, f"XGH{r.randint(10**8, 10**9 - 1)}", f"BCB-{r.randint(10000, 99999)}-A",
                         f"W{r.randint(10**8, 10**9 - 1)}", f"MCD{r.randint(10**6, 10**7 - 1)}"])

    def license(self) -> str:
        r = self.r
        return r.choice([f"D{r.randint(100, 999)}-{r.randint(1000, 9999)}-{r.randint(1000, 9999)}",
                         f"S{r.randint(10**7, 10**8 - 1)}", f"{r.randint(10**8, 10**9 - 1)}",
                         f"MD-{r.randint(10000, 99999)}", f"B{chr(65 + r.randint(0, 25))}{r.randint(1000000, 9999999)}"])

    def plate(self) -> str:
        r = self.r
        def L(n: int) -> str:  # noqa: N802
            return "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))
        return r.choice([f"{r.randint(1, 9)}{L(3)}{r.randint(100, 999)}", f"{L(3)}-{r.randint(1000, 9999)}",
                         f"{L(3)} {r.randint(1000, 9999)}", f"{L(2)}{r.randint(10, 99)}{L(3)}"])

    def vin(self) -> str:
        r = self.r
        chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
        vals = {**{str(d): d for d in range(10)},
                **dict(zip("ABCDEFGH", range(1, 9), strict=True)), **dict(zip("JKLMN", range(1, 6), strict=True)),
                "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10), strict=True))}
        weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
        while True:
            v = [r.choice(chars) for _ in range(17)]
            v[9] = r.choice("ABCDEFGHJKLMNPRSTVWXY123456789")
            total = sum(vals[c] * w for c, w in zip(v, weights, strict=True))
            check = total % 11
            v[8] = "X" if check == 10 else str(check)
            return "".join(v)

    def device(self) -> str:
        r = self.r
        return r.choice([f"PJN{r.randint(100000, 999999)}H", f"{r.randint(1000, 9999)}-{r.randint(1000, 9999)}-{chr(65 + r.randint(0, 25))}{chr(65 + r.randint(0, 25))}",
                         f"(01)0{r.randint(10**12, 10**13 - 1)}(17){r.randint(25, 29)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}(10)A{r.randint(100, 999)}B{r.randint(1, 9)}(21){r.randint(1000, 99999)}",
                         f"SN{r.randint(10**8, 10**9 - 1)}", f"RNZ{r.randint(10000, 99999)}V"])

    def ip(self) -> str:
        r = self.r
        return r.choice([f"192.168.{r.randint(0, 255)}.{r.randint(1, 254)}", f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
                         f"73.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
                         f"2001:db8:{r.randint(0, 65535):x}::{r.randint(1, 65535):x}",
                         f"fe80::{r.randint(0, 65535):x}:{r.randint(0, 65535):x}:{r.randint(0, 65535):x}:{r.randint(1, 65535):x}"])

    def date(self, year: int | None = None) -> str:
        r = self.r
        y = year or r.randint(2016, 2025)
        m, d = r.randint(1, 12), r.randint(1, 28)
        months = ["January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December"]
        mon = months[m - 1]
        ordinal = {1: "1st", 2: "2nd", 3: "3rd", 21: "21st", 22: "22nd", 23: "23rd"}.get(d, f"{d}th")
        words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                 "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                 "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first",
                 "twenty-second", "twenty-third", "twenty-fourth", "twenty-fifth", "twenty-sixth",
                 "twenty-seventh", "twenty-eighth"]
        forms = [f"{m:02d}/{d:02d}/{y}", f"{m}/{d}/{y % 100:02d}", f"{m}/{d}", f"{mon[:3]}-{d}",
                 f"{y}.{m:02d}.{d:02d}", f"{mon} {ordinal}, {y}", f"{d} {mon} {y}",
                 f"{d:02d}-{mon[:3].upper()}-{y}", f"the {words[d - 1]} of {mon}", f"{mon} {d}",
                 f"{d}.{m}.{y % 100:02d}", f"{y}{m:02d}{d:02d}", f"{mon[:3]} {d} '{y % 100:02d}",
                 f"{y}-{m:02d}-{d:02d}", f"{mon[:3]}. {ordinal}", f"{ordinal} of {mon}",
                 f"{m}-{d}-{y}", f"{mon.upper()} {d}, {y}"]
        return r.choice(forms)

    def age(self) -> str:
        """A marked age phrase over 89 (only the number or its words is the gold span)."""
        r = self.r
        n = r.randint(90, 104)
        words = {90: "ninety", 91: "ninety-one", 92: "ninety-two", 93: "ninety-three", 94: "ninety-four",
                 95: "ninety-five", 96: "ninety-six", 97: "ninety-seven", 98: "ninety-eight",
                 99: "ninety-nine", 100: "one hundred", 101: "one hundred and one",
                 102: "one hundred two", 103: "one hundred three", 104: "one hundred four"}
        a, w = "{{AGE|" + str(n) + "}}", "{{AGE|" + words[n] + "}}"
        return r.choice([f"{a}-year-old", f"{a} yo", f"{a}yo", f"{a} y/o", f"{w}-year-old",
                         f"{a} years old", f"{w} years old", f"aged {a}", f"{a}y", f"{a} YO",
                         f"{a}-yr-old"])


# --------------------------------------------------------------------------- long notes


def N(v: str) -> str:  # noqa: N802 - markup helpers
    return "{{NAME|" + v + "}}"


def T(v: str) -> str:  # noqa: N802
    return "<<" + v + ">>"


def M(kind: str, v: str) -> str:  # noqa: N802
    if kind == "ACCOUNT" and v.startswith("FIN "):  # "FIN" is a label, the number the PHI
        return "FIN {{ACCOUNT|" + v[4:] + "}}"
    return "{{" + kind + "|" + v + "}}"


class Case:
    """One fictitious patient with relatives, clinicians and identifiers (marked up)."""

    def __init__(self, p: Pools) -> None:
        r = p.r
        self.r = r
        self.first, self.last = p.person()
        self.rel_first, self.rel_last = p.person()
        self.rel = r.choice(RELATIONS)
        self.doc_first, self.doc_last = p.person()
        self.doc2_first, self.doc2_last = p.person()
        self.rn_first, self.rn_last = p.person()
        self.city, self.state, self.county = p.city()
        self.city2, self.state2, _ = p.city()
        self.street = p.street()
        self.pobox = p.pobox()
        self.zip = p.zip()
        self.phone, self.phone2, self.fax = p.phone(), p.phone(), p.phone()
        self.email = p.email(self.first, self.last)
        self.ssn, self.mrn, self.acct, self.plan = p.ssn(), p.mrn(), p.account(), p.plan()
        self.lic, self.plate, self.vin, self.dev = p.license(), p.plate(), p.vin(), p.device()
        self.ip = p.ip()
        self.fac, self.fac2 = r.sample(FACILITIES, 2)
        self.d = [p.date() for _ in range(6)]
        self.age = p.age()
        self.eponym, self.eponym2 = r.sample(EPONYMS, 2)
        self.gene = r.choice(GENES)
        self.icd, self.icd2 = r.sample(ICD, 2)
        self.drug, self.drug2 = r.sample(DRUGS, 2)
        self.lab = r.choice(LABS)
        self.st = r.choice(STATES_T)
        self.year = str(r.randint(1998, 2015))

    @property
    def pt(self) -> str:
        return N(self.first) + " " + N(self.last)


def note_discharge(c: Case) -> str:
    return f"""DISCHARGE SUMMARY

PATIENT: {N(c.last.upper())}, {N(c.first.upper())}        MRN: {M('MRN', c.mrn)}
ACCOUNT #: {M('ACCOUNT', c.acct)}     DOB: {M('DATE', c.d[0])}
ADMIT DATE: {M('DATE', c.d[1])}     DISCHARGE DATE: {M('DATE', c.d[2])}
ATTENDING: {N(c.doc_first)} {N(c.doc_last)}, MD
FACILITY: {M('FACILITY', c.fac)}

HISTORY OF PRESENT ILLNESS:
{c.pt} is a {c.age} with a history of {T(c.eponym)} (ICD-10 {T(c.icd)}) diagnosed in {T(c.year)} and {T(c.eponym2)}, who presented from {M('FACILITY', c.fac2)} after a fall at home in {M('CITY', c.city)}, {T(c.st)}. Per {c.rel} {N(c.rel_first)}, she was found on the kitchen floor on {M('DATE', c.d[3])}. Molecular testing previously showed {T(c.gene)} mutation.

HOSPITAL COURSE:
Admitted to telemetry. {T(c.lab)} on arrival. Started {T(c.drug)}; home {T(c.drug2)} held. Seen by Dr. {N(c.doc2_last)} (cardiology) on {M('DATE', c.d[4])} who agreed with plan.

DISPOSITION: Home with services to {M('ADDRESS', c.street)}, {M('CITY', c.city)}, {c.state} {M('ZIP', c.zip)}.
Contact: {c.rel} {N(c.rel_first)} {N(c.rel_last)} {M('PHONE', c.phone)}.
Follow up with Dr. {N(c.doc_last)} in 2 weeks.

Dictated by: {N(c.doc_first)} {N(c.doc_last)}, MD
D: {M('DATE', c.d[2])}  T: {M('DATE', c.d[5])}
cc: {N(c.doc2_first)} {N(c.doc2_last)}, DO; fax {M('FAX', c.fax)}
"""


def note_radiology(c: Case) -> str:
    return f"""EXAM: CT HEAD WITHOUT CONTRAST
PATIENT NAME: {N(c.first)} {N(c.last)}   MR#: {M('MRN', c.mrn)}   AGE/SEX: {c.age} F
ORDERING PROVIDER: {N(c.doc_last.upper())}, {N(c.doc_first.upper())}
DATE OF SERVICE: {M('DATE', c.d[1])}    LOCATION: {M('FACILITY', c.fac)} ED

CLINICAL INDICATION: Fall, on {T('apixaban 5 mg BID')}. {T('Glasgow Coma Scale')} 14. Known {T(c.eponym)}.
COMPARISON: {M('DATE', c.d[0])} outside study from {M('FACILITY', c.fac2)}.
IMPLANTS: Pacemaker generator (serial {M('DEVICE', c.dev)}) noted on scout.

FINDINGS: No acute intracranial hemorrhage. Chronic small vessel ischemic change. No midline shift.
IMPRESSION:
1. No acute intracranial abnormality.
2. Findings discussed with Dr. {N(c.doc_last)} by telephone at 14:32 on {M('DATE', c.d[1])}.

Electronically signed: {N(c.doc2_first)} {N(c.doc2_last)}, M.D. | Workstation {M('IP', c.ip)}
"""


def note_nursing(c: Case) -> str:
    return f"""NURSING NOTE {M('DATE', c.d[2])} 0300
Pt {N(c.last)} resting, A&Ox2 (baseline per {c.rel} {N(c.rel_first)}). {c.age} female w/ {T(c.eponym)}.
VS: T 37.9, HR 96, BP 104/62, RR 20, SpO2 93% 2L NC. {T('Foley')} draining clear yellow urine.
Skin: stage 2 PU sacrum, dressing changed. {T('Braden')} 13.
Family at bedside: {N(c.rel_first)} ({c.rel}) - wants call from MD, cell {M('PHONE', c.phone)}; alt {M('PHONE', c.phone2)}.
Home health: {M('FACILITY', c.fac2)}. Belongings: car keys + eyeglasses, car parked in lot B (plate {M('PLATE', c.plate)}).
Gave {T(c.drug)} per MAR. Will monitor.
-- {N(c.rn_first)} {N(c.rn_last[0])}., RN
"""


def note_phone(c: Case) -> str:
    return f"""TELEPHONE ENCOUNTER
Caller: {N(c.rel_first)} {N(c.rel_last)} ({c.rel}) Callback: {M('PHONE', c.phone)}
Re: {N(c.first)} {N(c.last)}, DOB {M('DATE', c.d[0])}, MRN {M('MRN', c.mrn)}

{c.rel.capitalize()} reports pt "not herself" since {M('DATE', c.d[3])}, more tremor (hx {T(c.eponym)}), missed {T(c.drug)} x2 days. Also asks re: insurance - member ID {M('HEALTH_PLAN', c.plan)}.
Advised to bring pt to {M('FACILITY', c.fac)} ED if worse. Pt lives alone at {M('ADDRESS', c.street)} in {M('CITY', c.city)}; mail goes to {M('ADDRESS', c.pobox)}, {M('CITY', c.city)} {c.state} {M('ZIP', c.zip)}.
Routed to Dr. {N(c.doc_last)}.
{N(c.rn_first)} {N(c.rn_last)}, LPN  {M('DATE', c.d[3])} 16:05
"""


def note_letter(c: Case) -> str:
    return f"""{M('FACILITY', c.fac)}
Department of Neurology
{M('ADDRESS', c.street)}
{M('CITY', c.city)}, {c.state} {M('ZIP', c.zip)}
Tel {M('PHONE', c.phone2)} | Fax {M('FAX', c.fax)}

{M('DATE', c.d[4])}

Dr. {N(c.doc2_first)} {N(c.doc2_last)}
{M('FACILITY', c.fac2)}

Re: {N(c.first)} {N(c.last)}  DOB: {M('DATE', c.d[0])}

Dear Dr. {N(c.doc2_last)},

Thank you for referring {c.pt}, a delightful {c.age} who attended clinic today with her {c.rel}, {N(c.rel_first)}. She has had {T(c.eponym)} since {T(c.year)}. Her {T(c.gene)} status was reviewed. Current medications include {T(c.drug)} and {T(c.drug2)}. Examination showed a positive {T('Romberg')} and brisk reflexes.

I have arranged an MRI and will see her again in three months. Her driving licence ({M('LICENSE', c.lic)}) should be reviewed with the {T(c.st)} DMV.

Yours sincerely,

{N(c.doc_first)} {N(c.doc_last)}, MD, FRCP
Consultant Neurologist
{M('EMAIL', c.email.split('@')[0] + '@' + 'neuro-clinic.org')}
"""


def note_soap(c: Case) -> str:
    return f"""S: {c.age} M here w/ {c.rel} ({N(c.rel_first)}). C/o worsening SOB x3d. Hx {T(c.eponym)}, {T(c.icd)}. Lives in {M('CITY', c.city2)} ({M('COUNTY', c.county)}). Last seen {M('DATE', c.d[1])}.
O: BP 150/90 HR 88 SpO2 91% RA. Bibasilar crackles. {T(c.lab)}.
A: CHF exacerbation vs PNA. {T('Wells score')} 1.
P: {T('furosemide 40 mg IV')}, CXR, BMP. RTC {M('DATE', c.d[5])}. Pt portal: {M('URL', 'https://mychart.example-health.org/p/' + c.mrn.replace(' ', ''))}
{N(c.doc_first[0])}. {N(c.doc_last)}, PA-C
"""


def note_table(c: Case) -> str:
    return f"""=== PATIENT DEMOGRAPHICS ===
| Field        | Value                          |
|--------------|--------------------------------|
| Name         | {N(c.last)}, {N(c.first)}                   |
| DOB          | {M('DATE', c.d[0])}                     |
| SSN          | {M('SSN', c.ssn)}                    |
| Address      | {M('ADDRESS', c.street)}          |
| City/ZIP     | {M('CITY', c.city)} {M('ZIP', c.zip)}         |
| County       | {M('COUNTY', c.county)}          |
| Phone        | {M('PHONE', c.phone)}               |
| E-mail       | {M('EMAIL', c.email)}    |
| Insurance    | {M('HEALTH_PLAN', c.plan)}                 |
| Emergency    | {N(c.rel_first)} {N(c.rel_last)} ({c.rel})          |
| PCP          | Dr. {N(c.doc_last)}               |
| VIN (MVC)    | {M('VIN', c.vin)}      |

Problem list: {T(c.eponym)} ({T(c.icd)}); {T(c.eponym2)} ({T(c.icd2)}); {T(c.gene)}+.
"""


def note_email(c: Case) -> str:
    return f"""From: {N(c.rel_first)} {N(c.rel_last)} <{M('EMAIL', c.email)}>
Sent: {M('DATE', c.d[3])} 9:14 PM
To: {N(c.doc_first)} {N(c.doc_last)} <{M('EMAIL', c.doc_first[0].lower() + '.' + re.sub(r'[^a-z]', '', c.doc_last.lower()) + '@' + 'stbrigid-med.org')}>
Subject: RE: my {c.rel} {N(c.first)}

Hi Dr. {N(c.doc_last)},
Sorry to bother you again. {N(c.first)} has been more confused since the {M('DATE', c.d[4])} visit. Her {T(c.eponym)} meds ({T(c.drug)}) were changed. She is {c.age} so I worry. You can reach me at {M('PHONE', c.phone)}.
Thanks, {N(c.rel_first)}

> On {M('DATE', c.d[1])}, {N(c.doc_first)} {N(c.doc_last)} wrote:
> Please keep a diary of symptoms and bring her to {M('FACILITY', c.fac)} on {M('DATE', c.d[5])}.
> Sent from {M('IP', c.ip)}
"""


def note_caps(c: Case) -> str:
    return f"""OPERATIVE REPORT
SURGEON: DR. {N(c.doc_last.upper())}
ASSISTANT: {N(c.doc2_first.upper())} {N(c.doc2_last.upper())}, PA
PATIENT: {N(c.first.upper())} {N(c.last.upper())} ({M('MRN', c.mrn)})
DATE OF PROCEDURE: {M('DATE', c.d[2].upper())}
PROCEDURE: {T('Nissen fundoplication')}, LAPAROSCOPIC
INDICATION: REFRACTORY GERD, {T("Barrett's esophagus")}, {T('ICD-10 K21.9')}.
IMPLANT: MESH LOT/SERIAL {M('DEVICE', c.dev)}
ANESTHESIA: GENERAL. {T('ASA III')}.
ESTIMATED BLOOD LOSS: 20 ML.
DISPOSITION: PACU THEN WARD 6 WEST AT {M('FACILITY', c.fac.upper())}.
SIGNED {N(c.doc_first.upper())} {N(c.doc_last.upper())} MD {M('DATE', c.d[2])}
"""


STYLES = [note_discharge, note_radiology, note_nursing, note_phone, note_letter, note_soap,
          note_table, note_email, note_caps]


HAND_NOTES = [
    # dictated prose, clinician names that are common words
    """Dictated but not read. This is Dr. {{NAME|Will}} {{NAME|Brown}} dictating a consult on {{NAME|Rose}} {{NAME|Young}}, medical record number {{MRN|4410872}}, seen on the {{DATE|fourth of July}} weekend at {{FACILITY|Harmony Hills Dialysis}}... correction, at {{FACILITY|Prairie Lutheran Hospital}}. Mrs. {{NAME|Young}} is a {{AGE|ninety-four}}-year-old widow with <<Parkinson's disease>> on <<carbidopa-levodopa 25/100>> and <<Hodgkin lymphoma>> treated in <<1987>>. Her son {{NAME|Bill}} drove her from {{CITY|Hope}}, Arkansas. She was last seen by my partner Dr. {{NAME|May}} on {{DATE|3/4}}. <<Glasgow Coma Scale>> 15. Plan discussed with {{NAME|Bill}} at {{PHONE|(870) 555-0147}}. End of dictation. {{NAME|WB}}/{{NAME|jr}} D:{{DATE|07/06/2024}} T:{{DATE|07/07/2024}}""",
    # telegraphic ED shorthand
    """ED triage {{DATE|2024.03.04}} 2214 - {{AGE|97}}F BIBA from {{FACILITY|Good Samaritan Village}} (SNF), c/o SOB. PMH: <<Addison's disease>> on <<hydrocortisone 20 mg>>, <<Graves' disease>> s/p RAI, AF on <<warfarin>>, <<I48.91>>. Pt ID band: {{NAME|Kowalczyk}}, {{NAME|Zofia}} / {{MRN|A662014}}. POA = dtr {{NAME|Hope}} ({{PHONE|405-555-0162 x12}}). Triage RN {{NAME|J.}} {{NAME|Paris}}. ESI 2. <<INR 2.6>>.""",
    # ASCII table + signature block
    """LAB CALLBACK LOG
Date       | Pt                  | Result             | Called to
{{DATE|Mar-4}}      | {{NAME|Nguyen}} {{NAME|T.}}          | <<K 5.4>>              | {{NAME|Jordan}} (son) {{PHONE|+1 714 555 0199}}
{{DATE|Mar-5}}      | {{NAME|Oyelaran}}, {{NAME|Funmi}}     | <<troponin I 0.04 ng/mL>>  | self, {{PHONE|714.555.0123}}
{{DATE|4th}} inst.  | {{NAME|Wiśniewska}} {{NAME|H}}       | <<INR 2.6>>              | Dr {{NAME|Grace}} {{NAME|Hill}}
-- reviewed {{NAME|M. Fernández}}, RN""",
    # letter to employer / DMV with IDs
    """To the {{CITY|Oklahoma City}} Department of Public Safety, Medical Review Unit

RE: {{NAME|Adaeze}} {{NAME|Nwachukwu}}   DL# {{LICENSE|D902-6614-3390}}   Plate: {{PLATE|JBR-4417}}
Vehicle VIN {{VIN|1HGCM82633A004352}}

I have treated Ms. {{NAME|Nwachukwu}} since {{DATE|June 2019}} for <<Bell's palsy>> and <<Meniere's disease>> with recurrent vertigo, and performed the <<Epley maneuver>> on {{DATE|January 9}}. In my opinion she should not drive until cleared. Her home address on file is {{ADDRESS|1187 Oakhurst Ln Apt 3B}}, {{CITY|Norman}}, OK {{ZIP|73069-4412}}; PO box {{ADDRESS|P.O. Box 8812}}. Questions: {{EMAIL|clinic.frontdesk@normanent-assoc.com}} or fax {{FAX|405.555.0190}}.

{{NAME|Hope}} {{NAME|Whitfield}}, DO (OK lic. {{LICENSE|MD-44102}}, NPI {{ID|1457389021}})""",
    # genetics, lots of terms, little PHI
    """CANCER GENETICS CONSULT. Proband {{NAME|Ana Lucía}} {{NAME|Barragán}} ({{MRN|00482913}}) referred by Dr. {{NAME|Eze}} for <<BRCA1>>/<<BRCA2>> panel; sister {{NAME|Itzel}} had <<HER2>>+ breast cancer at 38 (<<C50.911>>), father had <<Lynch syndrome>> with <<MLH1>> variant. Tumor NGS: <<TP53>> R273H, <<KRAS>> G12D, <<EGFR>> wild type, <<PIK3CA>> negative. Family from {{CITY|Hialeah}}, Florida and {{CITY|Guadalajara}}. Sample collected {{DATE|12-FEB-2025}}, accession {{ID|GX25-004417}}. Result portal: {{URL|https://results.helixgen-lab.com/r/GX25-004417}}.""",
    # nursing home note, ages in words, nonagenarian
    """Monthly summary - {{FACILITY|Sunrise Gardens Nursing Home}}, room 212. Resident {{NAME|Heinrich}} {{NAME|Vogelsang}}, a {{AGE|nonagenarian}} retired machinist, turned {{AGE|ninety-eight}} on {{DATE|Christmas Eve}}. Wife {{NAME|Liesel}} (herself in her {{AGE|late nineties}}) visits daily. <<Alzheimer's>> dementia, MMSE 14, <<Parkinson's disease>>, <<Down syndrome>> grandson visits. Weight 54 kg. <<Norco 5/325>> PRN. Nurse {{NAME|Summer}} {{NAME|Lang}} reports good intake. Next MDS due {{DATE|08/15}}.""",
    # IT / telehealth note with IP and device
    """Telehealth visit (video) {{DATE|Tue 11/19/24}}. Patient connected from {{IP|73.181.22.9}}; backup link {{URL|zoom.us/j/99120044871}}. Insulin pump S/N {{DEVICE|RNZ40417V}}, CGM UDI {{DEVICE|(01)00386270000385(17)260131(10)A213B1(21)88190}}. {{NAME|Bảo}} {{NAME|Ngọc}} {{NAME|Hoàng}} ({{AGE|91}} y) with <<E11.9>>, <<HbA1c 8.2%>>, on <<insulin glargine 22 units>>. Lives with granddaughter {{NAME|Mai}} in {{CITY|Westminster}}, {{COUNTY|Orange County}}, CA. Phone {{PHONE|714-555-0133}}; SSN on file {{SSN|601-22-7719}}. Medicare {{HEALTH_PLAN|1EG4-TE5-MK72}}.""",
    # psych note with social history
    # message thread, lower-case chat style
    """[portal msg] from: {{NAME|paris}} {{NAME|jordan}} (daughter of pt {{NAME|may}} {{NAME|jordan}})
hi dr {{NAME|young}}, mom ({{NAME|May}}) had another fall {{DATE|sat 3/9}} at {{FACILITY|cedar bend rehab}}. shes {{AGE|92}} now and on <<Eliquis>>. can u call me 2nite? {{PHONE|918 555 0176}}. also her new address is {{ADDRESS|PO Box 441}}, {{CITY|Broken Arrow}} ok {{ZIP|74012}}. thx
[reply] from: {{NAME|Will}} {{NAME|Young}}, MD - Hi {{NAME|Paris}}, please take her to the ED if she hit her head (she is on <<apixaban 5 mg BID>>). -WY""",
    # referral form, colon-labelled fields with unusual labels
    """REFERRAL FORM
Referring clinician ........ {{NAME|Olamide}} {{NAME|Bankole}}, NP-C
Practice ................... {{FACILITY|Three Rivers Urgent Care}}
Pt surname / given ......... {{NAME|GRZYBOWSKI}} / {{NAME|Jadwiga}}
Birth date ................. {{DATE|1931-02-28}}? (pt unsure) - documented age {{AGE|93}}
NOK ........................ {{NAME|Tadeusz}} (grandson) cell {{PHONE|+1 (312) 555-0148}}
Home ....................... {{ADDRESS|3320 S. Kosciuszko Ave}}, {{CITY|Chicago}} IL {{ZIP|60632}}
Insurance .................. Medicaid #{{HEALTH_PLAN|MCD4471208}}; group {{ACCOUNT|GRP-88014}}
Reason ..................... <<Parkinson's disease>> with falls, <<G20>>; r/o <<Wilson's disease>> unlikely at this age.
Attachments: MRI disc, pt-specific link {{URL|https://share.rivers-img.net/s/8kq2mx}}""",
    # dictated death summary, dates in words
    """The patient, {{NAME|Walter}} {{NAME|Hope}}, a retired postman aged {{AGE|one hundred and one}}, was admitted on the {{DATE|twenty-second of February}} and expired at 04:10 on the {{DATE|3rd}} of the following month in the presence of his daughters {{NAME|Faith}} and {{NAME|Joy}}. He had <<Cushing's syndrome>>, <<Barrett's esophagus>> and a <<Swan-Ganz>> catheter placed in ICU. Autopsy declined. Death certificate signed by Dr. {{NAME|Ravi}} {{NAME|Subramanian}} of {{FACILITY|Holy Cross Hospital}}, {{CITY|Fort Wayne}} ({{COUNTY|Allen County}}), Indiana.""",
    # pathology with accession and specimen dates
    """SURGICAL PATHOLOGY REPORT   Accession: {{ID|SP-24-019331}}
Patient: {{NAME|Lê}}, {{NAME|Quang Huy}}   Med Rec: {{MRN|88-123-907}}   Collected: {{DATE|10.03.2024}}   Received: {{DATE|Mar 11 '24}}
Submitting physician: {{NAME|Chiamaka}} {{NAME|Okonkwo}}, MD ({{FACILITY|Lakeshore Regional Hospital}})
DIAGNOSIS: Lymph node, left cervical, excision: Classical <<Hodgkin lymphoma>>, nodular sclerosis type. <<ICD-O-3 9663/3>>. Immunostains: CD30+, CD15+, <<PAX5>> weak. <<EBER>> negative.
Pathologist: {{NAME|Brown}}, {{NAME|Iris}} MD   Signed {{DATE|03/14/2024}} 16:22""",
    # signatures and nicknames
    """Pt's wife, {{NAME|Wilhelmina}} ("{{NAME|Billie}}") {{NAME|Okafor}}, states he stopped <<levothyroxine 75 mcg>> in {{DATE|mid-August}}. <<TSH 0.02 mIU/L>>? No - repeat pending.
Seen with resident Dr. {{NAME|Hunter}}; staffed with attending.
/s/ {{NAME|Rose}} {{NAME|B.}} {{NAME|Young}}, MSN, APRN
cosigned: {{NAME|Baker}}, {{NAME|Hope}} MD {{DATE|04MAR24}} 1710""",
    # rural addresses, intersections, short phone numbers
    """Social work: family lives on {{ADDRESS|Rural Route 2 Box 41}}, outside {{CITY|Winston-Salem}}; second home at {{ADDRESS|HC 65 Box 12}}. Patient was found near the corner of {{ADDRESS|5th and Main}} in {{CITY|Baton Rouge}} ({{COUNTY|East Baton Rouge Parish}}). Shelter phone {{PHONE|555-0147}}; his cousin's cell {{PHONE|(870)555-0192}}. Previously housed at the {{FACILITY|VA}} in {{CITY|Muskogee}}. Zip code on ID: {{ZIP|02134}}. <<Z59.00>> homelessness, <<F10.20>>.""",
    # ages in odd forms
    """GERIATRIC ASSESSMENT. {{NAME|Margarethe}} {{NAME|Schäfer-Lindqvist}}, {{AGE|93}} y.o. (per son), or {{AGE|94}} per her own count. "I was born the year the war ended" - pt. Her brother died at {{AGE|101}}. Husband {{NAME|Kurt}}, {{AGE|ninety}}, also frail. <<MoCA>> 18/30, <<Timed Up and Go>> 24 s, <<Katz ADL>> 4/6. <<Paget's disease>> of bone, <<alkaline phosphatase 480 U/L>>. Lives in {{CITY|Fredericksburg}}, Texas since {{DATE|Easter 2019}}.""",
    # IDs in running text
    """Device clinic: <<Holter monitor>> and ICD interrogation. Medtronic Azure XT DR, SN: {{DEVICE|RNZ40417V}}; lead serial {{DEVICE|PJN401177H}}. Remote monitor at home IP {{IP|2001:0db8:0000:0000:0000:ff00:0042:8329}}, transmissions to {{URL|http://192.168.1.7/pacs/viewer?pid=88123}}. MRN#:{{MRN|12-34567}}; Unit No. {{MRN|5566712}}. TX plate {{PLATE|GHT-4412}} on the handicap placard request. Email from the pt: {{EMAIL|agnes dot moreau at gmail dot com}} (as written). <<CHA2DS2-VASc>> 4, on <<apixaban 5 mg BID>>.""",
    """BEHAVIORAL HEALTH INTAKE
Client: {{NAME|Chukwuemeka}} "{{NAME|Emeka}}" {{NAME|Nwosu}}   DOB: {{DATE|4/12/1961}}   Case#: {{ID|BH-22-10931}}
Referred by {{FACILITY|Riverbend Behavioral Health}} mobile crisis. Lives at {{ADDRESS|2741 Pulaski Hwy}}, {{CITY|Baltimore}}, MD {{ZIP|21224}} with roommate {{NAME|Drew}}. Works in retail. Prior admits: {{FACILITY|Sheppard Pratt}} (<<2017>>). Dx <<F32.A>>, <<Tourette>> syndrome. Sister {{NAME|Ngozi}} {{NAME|Eze}} ({{PHONE|443-555-0108}}, {{EMAIL|ngozi.eze@outlook.com}}). Meds: <<sertraline 100 mg>>. Safety plan reviewed.""",
]


# --------------------------------------------------------------------------- short queries


def queries(p: Pools, n: int) -> list[str]:
    """ASQ-PHI-like questions, most with PHI (marked)."""
    out: list[str] = []
    r = p.r
    while len(out) < n:
        f, last = p.person()
        rf, rl = p.person()
        city, st, county = p.city()
        rel = r.choice(RELATIONS)
        d = p.date()
        age = p.age()
        e = r.choice(EPONYMS)
        drug = r.choice(DRUGS)
        k = len(out) % 30
        q = [
            f"My {age} {rel} {N(f)} fell in {M('CITY', city)} last Tuesday, what should I watch for with her {T(drug)}?",
            f"Dr. {N(last)} at {M('FACILITY', r.choice(FACILITIES))} said my dad has {T(e)}. Is that hereditary?",
            f"I'm {N(f)} {N(last)}, born {M('DATE', d)}, can I get my records faxed to {M('FAX', p.phone())}?",
            f"my grandma {N(f)} is {age} and lives alone at {M('ADDRESS', p.street())}, is it safe for her to stay on {T('warfarin')}?",
            f"Our son {N(f)} was born {M('DATE', d)} at {M('FACILITY', r.choice(FACILITIES))} with {T('Apgar')} 6 then 8 - should we worry?",
            f"Can someone call me back at {M('PHONE', p.phone())}? It's about my {rel} {N(rf)}'s {T(e)} biopsy.",
            f"What does {T(r.choice(ICD))} mean on {N(f)}'s bill? Account {M('ACCOUNT', p.account())}.",
            f"My insurance member ID is {M('HEALTH_PLAN', p.plan())} and they denied {T(drug)}. Who do I call?",
            f"hi its {N(f.lower())} again, my {rel} {N(rf)} {N(rl)} has been vomiting since {M('DATE', d)}",
            f"Email me the results at {M('EMAIL', p.email(f, last))} please, I had {T(r.choice(GENES))} testing in {M('CITY', city)}.",
            f"My SSN {M('SSN', p.ssn())} was printed on the discharge papers from {M('FACILITY', r.choice(FACILITIES))}. Is that allowed?",
            f"{N(f)} {N(last)} ({age}) - {T(e)} - worse after the move to {M('CITY', city)}, {M('COUNTY', county)}. Ideas?",
            f"Is it normal that my {rel} {N(rf)} ({N(rl)}) sleeps 14 hours a day at {age}?",
            f"We live at {M('ADDRESS', p.pobox())}, {M('CITY', city)} {st} {M('ZIP', p.zip())} - is there a {T(e)} specialist nearby?",
            f"Appointment with Dr {N(rf)} {N(rl)} on {M('DATE', d)} - should I stop {T(drug)} before?",
            f"The pacemaker serial {M('DEVICE', p.device())} was recalled? My {rel} {N(rf)} has one.",
            f"My MRN is {M('MRN', p.mrn())}, why can't I log in to the portal from {M('IP', p.ip())}?",
            f"can you check {M('URL', 'www.' + re.sub(r'[^a-z]', '', last.lower()) + 'familyblog.net/' + re.sub(r'[^a-z]', '', f.lower()))} where I posted {N(f)}'s scans?",
            f"Police took the plate {M('PLATE', p.plate())} after my {rel} crashed on {M('DATE', d)}; she has {T(e)}. Can she drive?",
            f"Nurse {N(rf)} said {N(f)}'s {T(r.choice(LABS))} was high on {M('DATE', d)}. Is that dangerous for someone {age}?",
            f"{N(f)} here, {age}, from {M('CITY', city)}. Bad {T('Bell' + chr(39) + 's palsy')} since {M('DATE', d)}. Steroids?",
            f"My {rel} {N(rf)} {N(rl)} got a letter about her driver license {M('LICENSE', p.license())} after her {T(e)} diagnosis.",
            f"Who treated {N(f)} {N(last)} at {M('FACILITY', r.choice(FACILITIES))} on {M('DATE', d)}?",
            f"VIN {M('VIN', p.vin())} is my {rel}'s car, the insurer wants medical proof of his {T(e)}.",
            f"{N(f.upper())} {N(last.upper())} DOB {M('DATE', d)} NEEDS REFILL {T(drug.upper())}",
            f"Grandpa {N(last)} is {age} and has {T('Hodgkin')} again, what are the options?",
            f"Can my daughter {N(r.choice(COMMON_WORD_FIRST))} take {T('ondansetron 4 mg ODT')} at 6?",
            f"I called {M('PHONE', p.phone())} three times about {N(f)}'s {T(e)} results, nobody answers.",
            f"Mr {N(r.choice(COMMON_WORD_LAST))} in bed 4 keeps pulling his {T('Foley')}. Tips?",
            f"My {rel} {N(r.choice(COMMON_WORD_FIRST))} {N(r.choice(COMMON_WORD_LAST))} was diagnosed with {T(e)} in {M('CITY', city)} on {M('DATE', d)}.",
        ][k]
        out.append(q)
    return out


NEGATIVES_HAND = [
    "Is Parkinson's disease hereditary if my grandfather had it?",
    "May I take ibuprofen 400 mg with lisinopril 10 mg?",
    "Will a CT with contrast hurt my kidneys if my eGFR is 38?",
    "What is a normal Apgar score at 5 minutes?",
    "Glasgow Coma Scale 8 - intubate?",
    "Wells score 4.5, should I get a CT angiogram or D-dimer first?",
    "BRCA1 positive and HER2 negative: what does that mean for surgery?",
    "Does KRAS G12C respond to sotorasib 960 mg daily?",
    "EGFR exon 19 deletion, osimertinib 80 mg - side effects?",
    "TP53 R175H in AML, prognosis?",
    "ICD-10 C50.911 vs C50.912, which side is which?",
    "Is Crohn's disease the same as ulcerative colitis?",
    "Addison's disease: how much hydrocortisone on sick days?",
    "Cushing's syndrome vs Cushing's disease?",
    "Wilson's disease, 24h urine copper 120 mcg, penicillamine or trientine?",
    "Graves' disease eye drops recommendations",
    "Bell's palsy recovery time with prednisone 60 mg",
    "Down syndrome and early Alzheimer's risk",
    "Hodgkin lymphoma stage IIB ABVD cycles",
    "Rose spots and typhoid fever - how common?",
    "Hope this helps: BP 142/88, HR 104, T 38.2 C, what next?",
    "Brown-Sequard syndrome after stab wound, prognosis?",
    "Young adult with Marfan syndrome: aortic root 4.6 cm, surgery threshold?",
    "Jordan's anomaly of leukocytes - clinical significance?",
    "Lyme disease rash on day 7, doxycycline 100 mg BID for 10 days?",
    "Rocky Mountain spotted fever in children: doxycycline still first line?",
    "West Nile virus symptoms in elderly",
    "Norwalk virus outbreak on a cruise ship, isolation period?",
    "Is Ebola still present in West Africa?",
    "Coxsackie hand, foot and mouth disease in daycare",
    "In 2019 the ADA changed the A1c target, what is it now?",
    "Texas and Florida have different Medicaid rules for dialysis?",
    "Can a patient from Virginia get a Washington medical marijuana card?",
    "Metformin 500 mg BID with eGFR 45: continue?",
    "CPT 99213 vs 99214 documentation requirements",
    "LOINC 2345-7 is glucose in serum or plasma?",
    "Troponin 0.04 ng/mL at 3 hours - rule out MI?",
    "Na 128 mmol/L, urine osm 450, SIADH?",
    "INR 3.8 on warfarin 5 mg, hold one dose?",
    "HbA1c 9.1% on insulin glargine 30 units, titrate how?",
    "What is a Holter monitor and how long do you wear it?",
    "Swan-Ganz catheter indications in 2024 guidelines",
    "Epley maneuver for posterior canal BPPV - how many times a day?",
    "Whipple procedure survival rate for pancreatic adenocarcinoma T2N0",
    "Homans sign is not reliable for DVT, right?",
    "Positive Babinski in a 2 month old baby is normal?",
    "Murphy's sign positive but ultrasound negative",
    "Kernig and Brudzinski signs sensitivity",
    "Raynaud's phenomenon with nifedipine 30 mg ER",
    "Sjögren's syndrome dry eyes, cevimeline 30 mg TID?",
    "Hashimoto's thyroiditis TSH 6.2 mIU/L, start levothyroxine 25 mcg?",
    "Barrett's esophagus surveillance every 3 years?",
    "Kawasaki disease IVIG 2 g/kg, aspirin dose?",
    "Paget's disease of bone and alkaline phosphatase 480 U/L",
    "Guillain-Barré after flu vaccine, how rare?",
    "Tinel's sign and Phalen's test for carpal tunnel",
    "Will Medicare Part D cover Eliquis 5 mg?",
    "Bill for CPT 93000 twice in one day allowed?",
    "Grace period for an expired insulin pen at room temperature?",
    "May-Thurner syndrome and left leg DVT",
    "Paris classification of colon polyps 0-IIa",
    "Jordan curve for growth? no - CDC growth chart for BMI at age 12",
    "Mallory-Weiss tear after vomiting, PPI how long?",
    "Hunter syndrome enzyme replacement therapy",
    "Mason-type diabetes (MODY3) HNF1A testing",
    "Summer heat and lithium 600 mg levels",
    "Is a 90 mm Hg diastolic pressure high?",
    "Dose of amoxicillin 90 mg/kg/day for otitis media",
    "100 mg of sertraline and 50 mg of trazodone together?",
    "Patient aged 65 or older: pneumococcal vaccine PCV20 schedule",
    "Age 45 colon cancer screening start, FIT or colonoscopy?",
    "What does HLA-B27 positive mean for back pain?",
    "JAK2 V617F positive polycythemia vera, hydroxyurea 500 mg?",
    "APOE4 homozygous risk of Alzheimer's",
    "CFTR F508del carrier screening in pregnancy",
    "FLT3-ITD AML midostaurin 50 mg BID",
    "ALK-positive NSCLC alectinib 600 mg BID",
    "BRAF V600E melanoma dabrafenib and trametinib",
    "Vitamin D 50,000 IU weekly for 8 weeks then 2,000 IU daily?",
    "Potassium 5.4 mmol/L with spironolactone 25 mg",
    "What is the Child-Pugh score for bilirubin 3.1 and albumin 2.8?",
    "CHA2DS2-VASc 4 and HAS-BLED 3: anticoagulate?",
    "MELD-Na 24, transplant listing criteria",
    "NIHSS 12 at 3.5 hours, tPA or thrombectomy?",
    "ASA III patient for elective hernia repair under MAC",
    "Z79.01 long-term anticoagulant use coding question",
    "S72.001A hip fracture, DVT prophylaxis with enoxaparin 40 mg",
    "F32.A depression unspecified vs F32.9",
    "Meniere's disease low salt diet 1,500 mg",
    "Tourette syndrome and guanfacine 1 mg",
    "Alzheimer's donepezil 10 mg at night causing vivid dreams",
    "Foley catheter change every 30 days?",
    "Lasix 40 mg IV vs 80 mg PO equivalence",
    "Keppra 500 mg BID and mood changes",
    "Norco 5/325 max per day",
    "Hodgkin and non-Hodgkin difference",
    "Is Romberg positive in B12 deficiency?",
    "Apgar 3 at 1 minute and 7 at 5 minutes, HIE risk?",
    "Down syndrome screening NIPT at 10 weeks",
    "Cushing's triad: hypertension, bradycardia, irregular respirations",
    "Room 412 bed 2 needs a Foley at 0600, 2 mg morphine q4h PRN",
    "Q3 2024 quality report: CLABSI rate 0.8 per 1,000 line days",
    "Is 90/60 blood pressure too low at age 70?",
    "Mayo Clinic diet vs DASH diet for hypertension",
    "Can Graves' ophthalmopathy occur after thyroidectomy in 2020 guidelines?",
    "Gleason 3+4=7, PSA 6.1, Decipher score 0.45",
    "GFR 59 and CKD stage 3a: N18.31 or N18.3?",
    "Is Hunter's syndrome X-linked? And Sanfilippo?",
    "Paris criteria for primary biliary cholangitis response to ursodiol",
    "Will May 2025 ACIP recommendations change RSV vaccine timing?",
]


HAND_QUERIES = [
    "My dad Will is {{AGE|91}} and his doctor, Dr. Bill {{NAME|Paris}}, wants to stop his <<Eliquis>>. Is that safe?".replace("Will", "{{NAME|Will}}", 1).replace("Bill", "{{NAME|Bill}}", 1),
    "hi, {{NAME|jordan}} here (pt of dr {{NAME|may}}), my appt on {{DATE|4/3}} got moved, what do i do",
    "Grandma turned {{AGE|100}} on {{DATE|the fourth of July}}!! Can she still get the <<RSV vaccine>>?",
    "Im {{NAME|Tran}} {{NAME|Van Minh}}, {{AGE|ninety two}}, from {{CITY|Garden Grove}}, my <<eGFR 38>>, can I take <<metformin 500 mg BID>>?",
    "call {{NAME|Ngozi}} at {{PHONE|+1 (404) 555-0137}} about her mom's <<Bell's palsy>>",
    "the pharmacy at {{FACILITY|Walgreens on Elm St}} in {{CITY|Enid}} lost my mom's <<Keppra 500 mg>> script",
    "My husband {{NAME|Young}} {{NAME|Park}} ({{AGE|95}}) has <<Parkinson's disease>>, should he use a walker?",
    "{{NAME|Faith}} says her {{AGE|nonagenarian}} father has <<Addison's disease>> - stress dose?",
    "Is my SSN {{SSN|123 45 6789}} needed for the <<Medicare Part D>> form?",
    "Dr {{NAME|Hope}} {{NAME|Brown}} at {{FACILITY|Mercy Northside}} told me my <<HER2>> is 3+. What now?",
]


# --------------------------------------------------------------------------- output


def _record(rid: str, kind: str, marked: str) -> dict[str, Any]:
    text, spans, terms = build(marked)
    check(text, spans, terms, marked)
    return {"id": rid, "kind": kind, "text": text, "spans": spans, "terms": terms}


def check(text: str, spans: list[dict[str, Any]], terms: list[str], marked: str) -> None:
    """Every span holds exactly its marked value; spans do not overlap; terms are present."""
    values = [m.group(2) for m in _MARK.finditer(marked) if m.group(1)]
    assert len(values) == len(spans)
    last = 0
    for span, value in zip(spans, values, strict=True):
        assert text[span["start"]:span["end"]] == value, (text[span["start"]:span["end"]], value)
        assert span["start"] >= last and value.strip() == value and value
        last = span["end"]
    for term in terms:
        assert term in text
    assert "{{" not in text and "<<" not in text


def corpus(seed: int = 20261204) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    p = Pools(seed)
    notes = [_record(f"hand-{k:02d}", "hand", t) for k, t in enumerate(HAND_NOTES)]
    for k in range(63):
        style = STYLES[k % len(STYLES)]
        notes.append(_record(f"gen-{k:02d}", style.__name__.removeprefix("note_"), style(Case(p))))
    qs = [_record(f"q-{k:03d}", "query", q) for k, q in enumerate(queries(p, 150))]
    qs += [_record(f"qh-{k:02d}", "query", q) for k, q in enumerate(HAND_QUERIES)]
    negs = [{"id": f"neg-{k:03d}", "text": t} for k, t in enumerate(NEGATIVES_HAND)]
    return notes, qs, negs


def main() -> None:
    notes, qs, negs = corpus()
    for name, rows in (("notes", notes), ("queries", qs), ("negatives", negs)):
        with (HERE / f"{name}.jsonl").open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    spans = [s for r in notes + qs for s in r["spans"]]
    print(f"{len(notes)} notes, {len(qs)} queries, {len(negs)} negatives, {len(spans)} spans")


if __name__ == "__main__":
    main()
