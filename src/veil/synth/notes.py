"""Synthetic clinical notes with gold PHI spans, for scoring free-text scrubbers.

`generate_corpus(rows, seed=S)` writes long, varied notes (discharge summaries,
radiology reports, nursing notes, telephone encounters, referral letters) about
the patients of a structured table, and records where every identifier is:

- PHI of every text-relevant Safe Harbor category, in many written forms
  (names of patients, relatives and clinicians with titles and signatures;
  dates as "3rd of May 2021", "05/03/21", "May 3", "2021-05-03", "Tuesday";
  ages over 89 in digits and words; street lines, cities, counties, facilities,
  ZIP codes, phone and fax numbers in ten layouts, e-mail, SSN, MRN, account,
  plan and licence numbers, plates, VINs, device serials and UDIs, URLs, IPs),
  in headers, lists, narrative, signatures, late in the note and in ALL CAPS;
- clinical terms that must survive scrubbing (eponyms, scores, drugs and doses,
  genes, ICD-10/LOINC/CPT codes, state names, bare years, lab values, ages under
  90), listed per note in `terms`.

It also makes hard-negative queries (short clinical questions without PHI whose
words look like names and numbers) and short queries with some PHI, in the
manner of the ASQ-PHI set. Notes quote the identifiers of a patient table
(CSV and Parquet, joined by `patient_id`) in other written forms than the table
holds them, for `--known` propagation.

Notes are assembled in Python from templates: a note is a few kilobytes built
piece by piece so that every span's offsets are exact; this is a corpus
generator for evaluation (thousands of notes), not a data path. Note i depends
only on (seed, i): each note has its own `random.Random` and Faker seed.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import polars as pl
from faker import Faker

from veil.errors import InternalError, UsageError
from veil.io.write import atomic_file
from veil.synth import _note_forms as forms
from veil.synth import _note_pools as pools
from veil.synth import _note_templates as tpl
from veil.synth import _vocab as vocab
from veil.synth.patients import people
from veil.text.corpus import GoldSpan, NoteRecord

PHI_TYPES: Final[tuple[str, ...]] = (
    "NAME", "DATE", "AGE", "ADDRESS", "CITY", "COUNTY", "ZIP", "FACILITY", "PHONE", "FAX",
    "EMAIL", "SSN", "MRN", "ACCOUNT", "HEALTH_PLAN", "LICENSE", "PLATE", "VIN", "DEVICE",
    "URL", "IP", "ID",
)  # fmt: skip
"""Gold span types (the names of `veil.text.spans.PhiType` members)."""

NOTE_KINDS: Final[tuple[str, ...]] = ("discharge", "radiology", "nursing", "phone", "letter")

TABLE_COLUMNS: Final[tuple[str, ...]] = (
    "patient_id", "mrn", "first_name", "last_name", "sex", "birth_date", "street_address",
    "city", "county", "state", "zip", "phone", "email", "ssn", "health_plan_id",
    "account_number", "drivers_license", "license_plate", "vehicle_vin",
)  # fmt: skip
"""Columns of the patient table written next to the notes (the --known table)."""

_SHARE_OVER_89: Final = 0.25
"""Share of patients made 90 or older (ages over 89 are a hard case; real data has ~2 %)."""
_SLOT = re.compile(r"\{([a-z0-9_]+)\}")


Segment = tuple[str, str | None, bool]
"""A piece of text: (text, PHI type or None, is a clinical term)."""


@dataclass
class _Builder:
    """Text under construction, with the spans and terms written so far."""

    parts: list[str] = field(default_factory=list)
    pos: int = 0
    spans: list[GoldSpan] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)

    def write(self, segments: Sequence[Segment], *, upper: bool = False) -> None:
        for text, kind, term in segments:
            if upper and len(text.upper()) == len(text):
                text = text.upper()
            if kind is not None and text:
                self.spans.append(GoldSpan(self.pos, self.pos + len(text), kind))
            if term and text:
                self.terms.append(text)
            self.parts.append(text)
            self.pos += len(text)

    def plain(self, text: str) -> None:
        self.write([(text, None, False)])

    def text(self) -> str:
        return "".join(self.parts)


@dataclass(frozen=True)
class _Person:
    first: str
    last: str
    female: bool


class _Note:
    """The people, places and numbers of one note, and the slots that write them."""

    def __init__(self, row: dict[str, object], rng: random.Random, fake: Faker) -> None:
        self.rng = rng
        self.fake = fake
        self.row = row
        self.female = row["sex"] != "M"
        self.first = str(row["first_name"])
        self.last = str(row["last_name"])
        self.dob = _parse_us(str(row["birth_date"]))
        self.admit = dt.date.fromisoformat(str(row["admission_date"]))
        self.disch = self.admit + dt.timedelta(days=rng.randint(0, 12))
        self.age = forms_age(self.dob, self.admit)
        self.relatives = [self._relative(), self._relative()]
        self.doctors = [self._person() for _ in range(3)]
        self.nurses = [self._person() for _ in range(2)]
        self.facilities = [self._facility(), self._facility()]
        self.suffixes = [rng.choice(pools.CLINICIAN_SUFFIXES[:4]) for _ in range(3)]

    # --- people, places -------------------------------------------------------------
    def _person(self, female: bool | None = None) -> _Person:
        rng, fake = self.rng, self.fake
        female = rng.random() < 0.5 if female is None else female
        if rng.random() < 0.15:
            first = rng.choice(pools.WORD_NAMES_FIRST)
        else:
            first = fake.first_name_female() if female else fake.first_name_male()
        last = rng.choice(pools.WORD_NAMES_LAST) if rng.random() < 0.15 else fake.last_name()
        return _Person(first, last, female)

    def _relative(self) -> tuple[str, _Person]:
        rng = self.rng
        pick = rng.random()
        if pick < 0.45:
            word = rng.choice(pools.RELATIVES_FEMALE)
            person = self._person(True)
        elif pick < 0.9:
            word = rng.choice(pools.RELATIVES_MALE)
            person = self._person(False)
        else:
            word = rng.choice(pools.RELATIVES_ANY)
            person = self._person()
        if word in ("daughter", "son", "granddaughter", "grandson", "father", "brother",
                    "sister") and rng.random() < 0.6:
            person = _Person(person.first, self.last, person.female)  # shares the surname
        return word, person

    def _facility(self) -> str:
        rng, fake = self.rng, self.fake
        return rng.choice(pools.FACILITY_FORMS).format(
            last=fake.last_name(), last2=fake.last_name(), first=fake.first_name(),
            city=self._city_word())

    def _city_word(self) -> str:
        return self.rng.choice(pools.REAL_CITIES) if self.rng.random() < 0.5 \
            else self.fake.city()

    # --- writing ---------------------------------------------------------------------
    def render(self, template: str) -> list[Segment]:
        """The segments of one filled template."""
        out: list[Segment] = []
        last = 0
        for match in _SLOT.finditer(template):
            if match.start() > last:
                out.append((template[last:match.start()], None, False))
            out.extend(self.slot(match.group(1)))
            last = match.end()
        if last < len(template):
            out.append((template[last:], None, False))
        return out

    def slot(self, name: str) -> list[Segment]:
        handler: Callable[[], list[Segment]] | None = getattr(self, f"s_{name}", None)
        if handler is None:
            raise KeyError(f"unknown note slot {name!r}")
        return handler()

    def _name_form(self, p: _Person, *, caps: bool = False) -> list[Segment]:
        rng = self.rng
        pick = rng.random()
        if caps or pick < 0.1:
            return [(f"{p.last.upper()}, {p.first.upper()}", "NAME", False)]
        if pick < 0.25:
            return [(f"{p.last}, {p.first}", "NAME", False)]
        if pick < 0.35:
            initial = self.fake.random_uppercase_letter()
            return [(f"{p.first} {initial}. {p.last}", "NAME", False)]
        return [(f"{p.first} {p.last}", "NAME", False)]

    def _title(self, p: _Person) -> str:
        if not p.female:
            return "Mr. "
        return self.rng.choice(("Ms. ", "Mrs. ", "Ms "))

    def _date(self, d: dt.date, *, numeric: bool = False, partial: float = 0.0) -> list[Segment]:
        return [(forms.write_date(d, self.rng, numeric=numeric, partial=partial), "DATE", False)]

    def _near(self, lo: int, hi: int) -> dt.date:
        return self.admit + dt.timedelta(days=self.rng.randint(lo, hi))

    def _term(self, words: Sequence[str]) -> list[Segment]:
        return [(self.rng.choice(words), None, True)]

    def _doctor(self, k: int) -> list[Segment]:
        p = self.doctors[k]
        pick = self.rng.random()
        if pick < 0.45:
            return [("Dr. ", None, False), (f"{p.first} {p.last}", "NAME", False)]
        if pick < 0.75:
            return [(f"{p.first} {p.last}", "NAME", False), (f", {self.suffixes[k]}", None, False)]
        if pick < 0.9:
            return [("Dr. ", None, False), (p.last, "NAME", False)]
        return [(f"{p.first[0]}. {p.last}", "NAME", False), (f", {self.suffixes[k]}", None, False)]

    # --- PHI slots: the patient --------------------------------------------------------
    def s_pt(self) -> list[Segment]:
        return self._name_form(_Person(self.first, self.last, self.female))

    def s_pt_caps(self) -> list[Segment]:
        return self._name_form(_Person(self.first, self.last, self.female), caps=True)

    def s_pt_formal(self) -> list[Segment]:
        p = _Person(self.first, self.last, self.female)
        return [(self._title(p), None, False), (self.last, "NAME", False)]

    def s_pt_first(self) -> list[Segment]:
        return [(self.first, "NAME", False)]

    def s_pt_last(self) -> list[Segment]:
        return [(self.last, "NAME", False)]

    def s_pt_initials(self) -> list[Segment]:
        return [(f"{self.first[0]}.{self.last[0]}.", "NAME", False)]

    def s_age(self) -> list[Segment]:
        """An adjective-like age ('93-year-old', 'ninety-three year old', '93 y/o')."""
        choices = forms.age_forms(self.age)
        before, text, after = choices[self.rng.choice(forms.ADJECTIVE_AGE_FORMS)]
        return self._age(before, text, after)

    def s_age_decade(self) -> list[Segment]:
        """'in her nineties' (PHI only over 89; a centenarian gets an adjective form)."""
        if self.age >= 100:
            return [(", a ", None, False), *self.s_age()]
        before, text, after = forms.age_forms(self.age)[-1]
        return self._age(before.replace("his" if self.female else "her",
                                        "her" if self.female else "his"), text, after)

    def s_age_bare(self) -> list[Segment]:
        """An age in a header or list ('93', 'aged 93', '93F')."""
        choices = forms.age_forms(self.age)
        before, text, after = choices[self.rng.choice(forms.BARE_AGE_FORMS)]
        return self._age(before, text, after)

    def _age(self, before: str, text: str, after: str) -> list[Segment]:
        if self.age > 89:
            return [(before, None, False), (text, "AGE", False), (after, None, False)]
        if text.isdigit() and not before:
            return [(text + after, None, True)]
        return [(before + text + after, None, False)]

    def s_young_age(self) -> list[Segment]:
        return [(f"{self.rng.randint(18, 79)}-year-old", None, True)]

    def s_dob(self) -> list[Segment]:
        return self._date(self.dob, numeric=self.rng.random() < 0.7)

    def s_admit(self) -> list[Segment]:
        return self._date(self.admit)

    def s_disch(self) -> list[Segment]:
        return self._date(self.disch)

    def s_date(self) -> list[Segment]:
        return self._date(self._near(-400, 10), partial=0.15)

    def s_date_partial(self) -> list[Segment]:
        return self._date(self._near(-30, 5), partial=0.7)

    def s_fu_date(self) -> list[Segment]:
        return self._date(self._near(14, 60), partial=0.3)

    def s_weekday(self) -> list[Segment]:
        return [(self._near(-6, 0).strftime("%A"), "DATE", False)]

    def s_holiday(self) -> list[Segment]:
        return [(self.rng.choice(pools.HOLIDAYS), "DATE", False)]

    def s_time(self) -> list[Segment]:
        return [(f"{self.rng.randint(0, 23):02d}:{self.rng.randint(0, 59):02d}", None, False)]

    def s_street(self) -> list[Segment]:
        return [(str(self.row["street_address"]), "ADDRESS", False)]

    def s_street2(self) -> list[Segment]:
        return [(self.fake.street_address(), "ADDRESS", False)]

    def s_city(self) -> list[Segment]:
        return [(str(self.row["city"]), "CITY", False)]

    def s_other_city(self) -> list[Segment]:
        return [(self._city_word(), "CITY", False)]

    def s_county(self) -> list[Segment]:
        name = str(self.row["county"]).removesuffix(" County")
        return [(name, "COUNTY", False), (" County", None, False)]

    def s_addr(self) -> list[Segment]:
        zip_code = str(self.row["zip"])
        if self.rng.random() < 0.5:
            zip_code = zip_code[:5]
        street = str(self.row["street_address"])
        sep = self.rng.choice((", ", " ", ", ", "\n"))
        return [(street, "ADDRESS", False), (sep, None, False),
                (str(self.row["city"]), "CITY", False),
                (f", {self.row['state']} ", None, False), (zip_code, "ZIP", False)]

    def s_state_name(self) -> list[Segment]:
        return self._term(pools.STATE_NAMES)

    def s_phone(self) -> list[Segment]:
        digits = forms.phone_digits(str(self.row["phone"]))
        return [(forms.write_phone(digits, self.rng), "PHONE", False)]

    def s_phone2(self) -> list[Segment]:
        return [(forms.write_phone(self._digits10(), self.rng), "PHONE", False)]

    def s_fac_phone(self) -> list[Segment]:
        return self.s_phone2()

    def s_fax(self) -> list[Segment]:
        return [(forms.write_phone(self._digits10(), self.rng), "FAX", False)]

    def _digits10(self) -> str:
        area = self.rng.choice(vocab.AREA_CODES[str(self.row["state"])])
        return f"{area}{self.rng.randint(200, 999)}{self.rng.randint(0, 9999):04d}"

    def s_email(self) -> list[Segment]:
        email = str(self.row["email"] or f"{self.first}.{self.last}{self.age}@aol.com".lower())
        if self.rng.random() < 0.2:
            email = email.upper()
        return [(email, "EMAIL", False)]

    def s_doc_email(self) -> list[Segment]:
        p = self.doctors[0]
        host = self.rng.choice(("northbridgehealth.org", "stlucas.org", "cvh-med.com"))
        return [(f"{p.first[0].lower()}{p.last.lower()}@{host}", "EMAIL", False)]

    def s_ssn(self) -> list[Segment]:
        return [(forms.write_ssn(str(self.row["ssn"]), self.rng), "SSN", False)]

    def s_mrn(self) -> list[Segment]:
        mrn = str(self.row["mrn"])
        if self.rng.random() < 0.15:
            mrn = f"{mrn[:3]}-{mrn[3:6]}-{mrn[6:]}"
        return [(mrn, "MRN", False)]

    def s_acct(self) -> list[Segment]:
        return [(str(self.row["account_number"]), "ACCOUNT", False)]

    def s_plan(self) -> list[Segment]:
        return [(str(self.row["health_plan_id"]), "HEALTH_PLAN", False)]

    def s_plan_name(self) -> list[Segment]:
        return [(self.rng.choice(("Medicare", "Blue Cross", "Aetna", "MassHealth", "Medicaid",
                                  "UnitedHealthcare")), None, False)]

    def s_group(self) -> list[Segment]:
        return [(f"{self.rng.randint(100000, 999999)}-{self.rng.randint(10, 99)}",
                 "HEALTH_PLAN", False)]

    def s_dl(self) -> list[Segment]:
        return [(str(self.row["drivers_license"]), "LICENSE", False)]

    def s_plate(self) -> list[Segment]:
        plate = str(self.row["license_plate"])
        if self.rng.random() < 0.3:
            plate = plate.replace("-", " ")
        return [(plate, "PLATE", False)]

    def s_vin(self) -> list[Segment]:
        return [(str(self.row["vehicle_vin"]), "VIN", False)]

    def s_udi(self) -> list[Segment]:
        udi = self.row.get("device_udi")
        if not udi:
            company = self.rng.choice(vocab.GS1_COMPANY_PREFIXES)
            gtin = f"0{company}{self.rng.randint(0, 99999):05d}1"
            udi = f"(01){gtin}(17){self.rng.randint(24, 29)}0{self.rng.randint(1, 9)}" \
                  f"{self.rng.randint(10, 28)}(21){self.rng.randint(10**7, 10**9)}"
        return [(str(udi), "DEVICE", False)]

    def s_serial(self) -> list[Segment]:
        letters = "".join(self.rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3))
        serial = self.rng.choice((f"{letters}{self.rng.randint(100000, 9999999)}",
                                  f"{letters[:2]}-{self.rng.randint(1000, 9999)}-"
                                  f"{self.rng.randint(100, 999)}",
                                  f"{self.rng.randint(10**8, 10**10)}{letters[0]}"))
        return [(serial, "DEVICE", False)]

    def s_device_text(self) -> list[Segment]:
        return [(self.rng.choice(("dual-chamber pacemaker", "insulin pump", "left knee "
                                  "prosthesis", "ICD", "cochlear implant", "PICC line")),
                 None, False)]

    def s_url(self) -> list[Segment]:
        return [(str(self.row["portal_url"]), "URL", False)]

    def s_blog(self) -> list[Segment]:
        handle = f"{self.first.lower()}.{self.last.lower()}{self.rng.randint(1, 99)}"
        return [(self.rng.choice((f"https://www.facebook.com/{handle}",
                                  f"www.{self.last.lower()}family.net",
                                  f"http://{handle}.blogspot.com/")), "URL", False)]

    def s_ip(self) -> list[Segment]:
        return [(str(self.row["ipv4_address"]), "IP", False)]

    def s_ip6(self) -> list[Segment]:
        return [(str(self.row["ipv6_address"]), "IP", False)]

    def s_study_id(self) -> list[Segment]:
        return [(str(self.row["study_subject_id"]), "ID", False)]

    def s_claim(self) -> list[Segment]:
        return [(f"CLM{self.rng.randint(10**8, 10**9)}", "ID", False)]

    def s_facility(self) -> list[Segment]:
        return [(self.facilities[0], "FACILITY", False)]

    def s_facility2(self) -> list[Segment]:
        return [(self.facilities[1], "FACILITY", False)]

    # --- PHI slots: other people ------------------------------------------------------
    def s_rel(self) -> list[Segment]:
        word, p = self.relatives[0]
        pronoun = ("her " if self.female else "his ") if self.rng.random() < 0.5 else ""
        if self.rng.random() < 0.3:
            return [(f"{pronoun}{word}, ", None, False), (f"{p.first} {p.last}", "NAME", False)]
        if self.rng.random() < 0.5:
            return [(f"{pronoun}{word} ", None, False), (f"{p.first} {p.last}", "NAME", False)]
        return [(f"{pronoun}{word} (", None, False), (p.first, "NAME", False),
                (")", None, False)]

    def s_rel_word(self) -> list[Segment]:
        return [(self.relatives[0][0].capitalize(), None, False)]

    def s_rel_first(self) -> list[Segment]:
        return [(self.relatives[0][1].first, "NAME", False)]

    def s_rel_first_last(self) -> list[Segment]:
        p = self.relatives[1][1]
        return [(f"{p.first} {p.last}", "NAME", False)]

    def s_doc(self) -> list[Segment]:
        return self._doctor(0)

    def s_doc2(self) -> list[Segment]:
        return self._doctor(1)

    def s_doc3(self) -> list[Segment]:
        return self._doctor(2)

    def s_nurse(self) -> list[Segment]:
        p = self.nurses[0]
        return [(f"{p.first} {p.last[0]}.", "NAME", False), (", RN", None, False)]

    def s_nurse2(self) -> list[Segment]:
        p = self.nurses[1]
        return [(p.first, "NAME", False)]

    # --- clinical terms ----------------------------------------------------------------
    def s_eponym(self) -> list[Segment]:
        return self._term(pools.EPONYMS)

    def s_sign(self) -> list[Segment]:
        return self._term(pools.SIGNS)

    def s_procedure(self) -> list[Segment]:
        return self._term(pools.PROCEDURES)

    def s_score(self) -> list[Segment]:
        return self._term(pools.SCORES)

    def s_drug(self) -> list[Segment]:
        return self._term(pools.DRUGS)

    def s_drug_name(self) -> list[Segment]:
        return [(self.rng.choice(pools.DRUGS).split(" ")[0], None, True)]

    def s_gene(self) -> list[Segment]:
        return self._term(pools.GENES)

    def s_lab(self) -> list[Segment]:
        return self._term(pools.LABS)

    def s_lab_name(self) -> list[Segment]:
        return [(self.rng.choice(pools.LABS).split(" ")[0], None, False)]

    def s_vital(self) -> list[Segment]:
        return self._term(pools.VITALS)

    def s_code(self) -> list[Segment]:
        return self._term(pools.CODES)

    def s_icd(self) -> list[Segment]:
        return self._term(tuple(vocab.ICD10_CODES))

    def s_icd_text(self) -> list[Segment]:
        return [("ICD-10 ", None, False), *self.s_icd()] if self.rng.random() < 0.5 \
            else self.s_icd()

    def s_study(self) -> list[Segment]:
        return self._term(pools.STUDIES)

    def s_finding(self) -> list[Segment]:
        return self._term(pools.FINDINGS)

    def s_year(self) -> list[Segment]:
        return [(str(self.rng.randint(1995, self.admit.year)), None, True)]


def forms_age(birth: dt.date, on: dt.date) -> int:
    """Completed years of life on `on`."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _parse_us(text: str) -> dt.date:
    month, day, year = (int(x) for x in text.split("/"))
    return dt.date(year, month, day)


# --------------------------------------------------------------------------- note layouts


def _section(note: _Note, b: _Builder, title: str, pool: Sequence[str], lo: int, hi: int,
             *, bullets: bool = False) -> None:
    """A titled section of `lo`..`hi` sentences drawn without repeats from `pool`."""
    rng = note.rng
    style = rng.random()
    head = title.upper() + ":" if style < 0.6 else (title + ":" if style < 0.85
                                                    else f"== {title} ==")
    b.plain(f"\n{head}\n")
    chosen = rng.sample(list(pool), min(len(pool), rng.randint(lo, hi)))
    for k, template in enumerate(chosen):
        prefix = "- " if bullets else ("" if k == 0 else " ")
        b.plain(prefix)
        b.write(note.render(template), upper=rng.random() < 0.04)
        if bullets:
            b.plain("\n")
    if not bullets:
        b.plain("\n")


def _header(note: _Note, b: _Builder, title: str, lines: Sequence[str]) -> None:
    caps = note.rng.random() < 0.35
    b.plain(title + "\n")
    for line in lines:
        b.write(note.render(line), upper=caps)
        b.plain("\n")


def _signature(note: _Note, b: _Builder) -> None:
    rng = note.rng
    form = rng.choice((
        "\nElectronically signed by {doc} on {disch} {time}\n",
        "\n{doc}\n{facility}\nTel {fac_phone} | Fax {fax}\n",
        "\n/s/ {doc}\nDictated {date_partial}; transcribed {disch}\n",
        "\nAttending attestation: I saw and examined the patient. {doc}\n",
        "\nSigned: {doc} {disch}\ncc: {doc2}; {doc3}\n",
    ))
    b.write(note.render(form))


def _discharge(note: _Note, b: _Builder) -> None:
    extra = note.rng.sample(list(tpl.HEADER_EXTRA), note.rng.randint(1, 3))
    _header(note, b, note.rng.choice(("DISCHARGE SUMMARY", "Discharge Summary",
                                      "HOSPITAL DISCHARGE SUMMARY")), (
        "Patient: {pt}    MRN: {mrn}    DOB: {dob}",
        "Admission Date: {admit}    Discharge Date: {disch}",
        "Attending: {doc}    Facility: {facility}",
        *extra,
    ))
    _section(note, b, "History of Present Illness", tpl.HPI, 4, 7)
    _section(note, b, "Physical Exam", tpl.EXAM, 3, 6)
    b.plain("\nPAST MEDICAL HISTORY:\n")
    for _ in range(note.rng.randint(2, 4)):
        b.plain("- ")
        b.write(note.render(note.rng.choice(("{eponym}", "{icd_text}", "{eponym} ({icd})",
                                             "{gene} carrier", "{procedure} in {year}"))))
        b.plain("\n")
    _section(note, b, "Hospital Course", tpl.COURSE, 5, 9)
    _section(note, b, "Social History", tpl.SOCIAL, 2, 5)
    _section(note, b, "Discharge Medications", ["{drug}"] * 6, 3, 6,
             bullets=True)
    _section(note, b, "Plan", tpl.PLAN, 2, 4, bullets=note.rng.random() < 0.5)
    if note.rng.random() < 0.6:
        _section(note, b, "Additional Information", tpl.MISC, 1, 3)
    _signature(note, b)


def _radiology(note: _Note, b: _Builder) -> None:
    exam = note.rng.choice(pools.STUDIES).upper()
    b.plain(f"RADIOLOGY REPORT\nEXAM: {exam}\n")
    _header(note, b, "", (
        "Patient: {pt_caps}   Acc#: {acct}   MRN: {mrn}",
        "DOB: {dob}   Age: {age_bare}",
        "Date of exam: {date}   Ordering: {doc}",
        "Location: {facility}",
        *note.rng.sample(list(tpl.HEADER_EXTRA), note.rng.randint(0, 2)),
    ))
    _section(note, b, "Clinical History", (*tpl.HPI[:6], "{eponym}, {lab}."), 2, 3)
    b.plain("\nTECHNIQUE: Standard protocol. ")
    b.write(note.render("{code}.\n"))
    b.write(note.render("COMPARISON: {study} from {facility2} dated {date}.\n"))
    _section(note, b, "Findings", tpl.RADIOLOGY_FINDINGS + tpl.EXAM[:6], 4, 8)
    _section(note, b, "Impression", tuple(f"{k}. {{finding}}" for k in range(1, 4)), 1, 3,
             bullets=True)
    if note.rng.random() < 0.5:
        _section(note, b, "Note", tpl.MISC, 1, 2)
    b.write(note.render("\nDictated by {doc2} on {date_partial}. Finalized {disch} {time}.\n"))


def _nursing(note: _Note, b: _Builder) -> None:
    _header(note, b, note.rng.choice(("NURSING NOTE", "Nursing Progress Note", "RN Shift Note")),
            ("{pt_caps}  {mrn}  Rm 4B", "Date: {disch} {time}",
             *note.rng.sample(list(tpl.HEADER_EXTRA), note.rng.randint(0, 2))))
    _section(note, b, "Assessment", tpl.NURSING, 6, 10)
    _section(note, b, "Focused Exam", tpl.EXAM, 3, 6)
    _section(note, b, "Family / Contacts", ("{rel}: {phone2}", "{rel_word} {rel_first}: "
                                            "{phone}", "Preferred e-mail: {email}",
                                            "Lives at {addr}"), 1, 3, bullets=True)
    _section(note, b, "Plan", tpl.PLAN, 1, 3)
    b.write(note.render("\n{nurse} {disch} {time}\n"))


def _phone(note: _Note, b: _Builder) -> None:
    _header(note, b, note.rng.choice(("TELEPHONE ENCOUNTER", "Phone Note", "Telephone Call")), (
        "Caller: {rel}   Callback: {phone2}",
        "Re: {pt} (DOB {dob}, MRN {mrn})",
        "Date/time: {date} {time}",
        *note.rng.sample(list(tpl.HEADER_EXTRA), note.rng.randint(0, 2)),
    ))
    _section(note, b, "Reason for Call", tpl.PHONE_BODY, 5, 9)
    _section(note, b, "Pertinent History", tpl.HPI, 2, 4)
    _section(note, b, "Disposition", tpl.PLAN, 1, 3)
    if note.rng.random() < 0.5:
        _section(note, b, "Other", tpl.MISC, 1, 3)
    b.write(note.render("\nCall taken by {nurse} ({weekday}). Routed to {doc}.\n"))


def _letter(note: _Note, b: _Builder) -> None:
    b.write(note.render("{facility}\n{street2}\n{other_city}, "))
    b.plain(f"{note.row['state']} {note.rng.randint(10000, 99999)}\n")
    b.write(note.render("Phone {fac_phone}   Fax {fax}\n\n{date}\n\n{doc2}\n{facility2}\n\n"))
    b.write(note.render("RE: {pt}   DOB: {dob}   MRN: {mrn}\n\n"))
    doc = note.doctors[1]
    b.plain("Dear Dr. ")
    b.write([(doc.last, "NAME", False)])
    b.plain(",\n\n")
    chosen = note.rng.sample(list(tpl.LETTER_BODY + tpl.HPI[:6]), note.rng.randint(6, 10))
    for template in chosen:
        b.write(note.render(template))
        b.plain(" ")
    b.plain("\n\n")
    if note.rng.random() < 0.5:
        b.write(note.render(note.rng.choice(tpl.MISC)))
        b.plain("\n\n")
    b.write(note.render("Sincerely,\n\n{doc}\n{doc_email}\n"))


_LAYOUTS: Final[dict[str, Callable[[_Note, _Builder], None]]] = {
    "discharge": _discharge, "radiology": _radiology, "nursing": _nursing, "phone": _phone,
    "letter": _letter,
}


# --------------------------------------------------------------------------- public API


def _rng(seed: int, stream: str, index: int) -> random.Random:
    """A generator for one item, seeded from (seed, stream, index) only."""
    return random.Random(f"veil-notes:{seed}:{stream}:{index}")


def _faker(rng: random.Random) -> Faker:
    fake = Faker("en_US")
    fake.seed_instance(rng.getrandbits(63))
    return fake


def _rows(start: int, stop: int, seed: int) -> list[dict[str, object]]:
    """Identities of patients start..stop: the synthetic EHR's rows, with a quarter made
    90 or older (birth date moved back; the table and the notes agree)."""
    frame = people(start, stop, seed=seed)
    rows = frame.to_dicts()
    for k, row in enumerate(rows):
        rng = _rng(seed, "age", start + k)
        if rng.random() < _SHARE_OVER_89:
            admit = dt.date.fromisoformat(str(row["admission_date"]))
            age = rng.randint(90, 104)
            birth = dt.date(admit.year - age - 1, rng.randint(1, 12), rng.randint(1, 28))
            if forms_age(birth, admit) < 90:
                birth = birth.replace(year=birth.year - 1)
            row["birth_date"] = birth.strftime("%m/%d/%Y")
            row["age"] = forms_age(birth, admit)
        row["patient_id"] = f"P{start + k:06d}"
    return rows


def patients_for(rows: int) -> int:
    """How many patients `rows` notes are about (about two notes each)."""
    return max(1, (rows + 1) // 2)


def patient_table(rows: list[dict[str, object]]) -> pl.DataFrame:
    """The structured table of the notes' patients (the --known table)."""
    return pl.DataFrame([{c: r[c] for c in TABLE_COLUMNS} for r in rows],
                        schema={c: pl.String for c in TABLE_COLUMNS})


def generate_notes(rows: int, *, seed: int) -> tuple[list[NoteRecord], pl.DataFrame]:
    """`rows` notes about `patients_for(rows)` patients, and the patients' table."""
    if rows < 1:
        raise UsageError(f"--rows must be at least 1, got {rows}")
    patients = _rows(0, patients_for(rows), seed)
    notes = [make_note(i, patients[i % len(patients)], seed=seed) for i in range(rows)]
    return notes, patient_table(patients)


def make_note(index: int, patient: dict[str, object], *, seed: int) -> NoteRecord:
    """Note `index`, about `patient` (a row of `_rows`)."""
    rng = _rng(seed, "note", index)
    note = _Note(patient, rng, _faker(rng))
    kind = NOTE_KINDS[rng.randrange(len(NOTE_KINDS))]
    b = _Builder()
    _LAYOUTS[kind](note, b)
    return NoteRecord(f"note-{index:06d}", str(patient["patient_id"]), kind, b.text(),
                      tuple(b.spans), tuple(dict.fromkeys(b.terms)))


def hard_negatives(n: int, *, seed: int) -> list[NoteRecord]:
    """`n` short clinical questions with no PHI whose words look like names and numbers
    (eponyms, "Will", "May", "Grace", doses, codes, scores, years)."""
    base = _rows(0, 1, seed)[0]
    out = []
    for i in range(n):
        rng = _rng(seed, "negative", i)
        note = _Note(base, rng, _faker(rng))
        b = _Builder()
        b.write(note.render(rng.choice(tpl.NEGATIVE_QUESTIONS)))
        if b.spans:  # a template wrote PHI: a bug in the templates
            raise InternalError("a hard-negative template wrote PHI")
        out.append(NoteRecord(f"neg-{i:05d}", None, "negative", b.text(), (),
                              tuple(dict.fromkeys(b.terms))))
    return out


def short_queries(n: int, *, seed: int, first_person: int) -> list[NoteRecord]:
    """`n` short queries with some PHI (ASQ-PHI-like), about people outside the table."""
    rows = _rows(first_person, first_person + n, seed)
    out = []
    for i in range(n):
        rng = _rng(seed, "query", i)
        note = _Note(rows[i], rng, _faker(rng))
        b = _Builder()
        b.write(note.render(rng.choice(tpl.SHORT_QUERIES)))
        out.append(NoteRecord(f"query-{i:05d}", None, "query", b.text(), tuple(b.spans),
                              tuple(dict.fromkeys(b.terms))))
    return out


@dataclass(frozen=True)
class CorpusFiles:
    """Where `write_corpus` put each part."""

    notes: Path
    queries: Path
    negatives: Path
    patients_csv: Path
    patients_parquet: Path


def write_corpus(outdir: Path, rows: int, *, seed: int, queries: int = 200,
                 negatives: int = 200) -> CorpusFiles:
    """Write notes.jsonl, queries.jsonl, negatives.jsonl, patients.csv and patients.parquet."""
    notes, table = generate_notes(rows, seed=seed)
    asked = short_queries(queries, seed=seed, first_person=table.height)
    plain = hard_negatives(negatives, seed=seed)
    outdir.mkdir(parents=True, exist_ok=True)
    files = CorpusFiles(outdir / "notes.jsonl", outdir / "queries.jsonl",
                        outdir / "negatives.jsonl", outdir / "patients.csv",
                        outdir / "patients.parquet")
    for path, records in ((files.notes, notes), (files.queries, asked),
                          (files.negatives, plain)):
        _write_jsonl(path, records)
    with atomic_file(files.patients_csv) as tmp:
        table.write_csv(tmp)
    with atomic_file(files.patients_parquet) as tmp:
        table.write_parquet(tmp)
    return files


def _write_jsonl(path: Path, records: Sequence[NoteRecord]) -> None:
    with atomic_file(path) as tmp, tmp.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
