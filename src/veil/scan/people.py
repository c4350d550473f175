"""Recognizers for people: person names (A), and sex, race, ethnicity (quasi-identifiers).

Names are matched against Faker's en_US first and last name lists, upper-cased;
a value counts as a name when it has one to four name-shaped tokens and at least
one is a known name ('John Smith', 'Smith, John', 'J. Smith'). The lists cover
common US names only (about half of people by surname), so half the values
suffice, against 80 % for checksums.
Sex, race and ethnicity are small vocabularies; a column counts only when it
also holds a value specific to that vocabulary ('Unknown' alone proves nothing).
"""

from __future__ import annotations

import re
from dataclasses import replace

from veil.categories import Kind
from veil.scan.ids import HAS_DIGIT
from veil.scan.recognizer import Check, Header, Rule, ValueCheck, gate_on, pattern_check
from veil.scan.sample import ColumnSample, Prefilter
from veil.scan.vocab import (
    ETHNICITY_MARKERS,
    ETHNICITY_WORDS,
    RACE_MARKERS,
    RACE_WORDS,
    SEX_MARKERS,
    SEX_WORDS,
    person_names,
)

_NAME_TOKEN = re.compile(r"^[A-Za-z][A-Za-z'\-]*\.?$")
_SPLIT = re.compile(r"[\s,]+")


def is_person_name(value: str) -> bool:
    """One to four name-shaped tokens, at least one of them a known first or last name."""
    tokens = [t for t in _SPLIT.split(value.strip()) if t]
    if not 1 <= len(tokens) <= 4 or not all(_NAME_TOKEN.match(t) for t in tokens):
        return False
    names = person_names()
    parts = (p for t in tokens for p in t.strip(".").split("-"))
    return any(len(p) > 1 and p.upper() in names for p in parts)


_NAME_TEXT = r"^[A-Za-z][A-Za-z'.\-, ]{0,60}$"


def _name_gate(column: ColumnSample) -> tuple[Prefilter, ...]:
    """Names (_NAME_TEXT, anchored, ASCII letters and punctuation) hold no digit.

    Looser than _NAME_TEXT itself, but the digit test is shared with other rules,
    so code-like columns are ruled out without running the name regex.
    """
    return gate_on(exclude=(HAS_DIGIT,)) if column.has_text else ()


def _vocab_check(
    key: str, words: frozenset[str], markers: frozenset[str], what: str, max_distinct: int
) -> Check:
    """Share of values in a small vocabulary, when one of its specific values occurs."""

    def check(column: ColumnSample) -> ValueCheck | None:
        if not column.is_string:
            return None
        if column.distinct > max_distinct:
            return ValueCheck(0.0, column.nonnull, f"are {what} (too many distinct values)")
        if column.vocab_share(f"{key}-markers", markers) == 0.0:
            return ValueCheck(0.0, column.nonnull, f"are {what} (no specific value)")
        share = column.vocab_share(key, words)
        return ValueCheck(share, column.nonnull, f"are {what}")

    return Check(check)


PERSON_NAME = Rule(
    name="person_name",
    kind=Kind.PERSON_NAME,
    header=Header(
        strong=("first name", "last name", "full name", "given name", "family name", "surname",
                "middle name", "maiden name", "firstname", "lastname", "fullname", "givenname",
                "familyname", "middlename", "fname", "lname", "mname", "patient name",
                "patientname", "person name", "name of patient", "next of kin", "nok",
                "emergency contact", "contact name", "provider name", "mother name",
                "father name", "spouse name", "guardian name", "employer name"),
        weak=("name", "names", "nm", "pt name", "mother", "father", "spouse", "guardian",
              "physician", "doctor", "attending", "nurse", "employer", "relative", "informant",
              "signed by", "author"),
        exclude=("drug", "medication", "med", "facility", "hospital", "clinic", "file", "test",
                 "lab", "product", "brand", "company", "organization", "org", "payer", "plan",
                 "insurance", "dept", "department", "unit", "ward", "site", "study",
                 "procedure", "device", "street", "city", "county", "state", "country", "user",
                 "host", "domain", "code", "id", "type", "phone", "email", "address", "npi",
                 "specialty", "relationship", "role"),
    ),
    value_check=replace(
        pattern_check(
            _NAME_TEXT,
            detail="are person names (Faker en_US first/last name lists)",
            validator=is_person_name, strength=0.9,
        ),
        gate=_name_gate,
    ),
    min_share=0.5,
)

SEX = Rule(
    name="sex",
    kind=Kind.SEX,
    header=Header(strong=("sex", "gender", "sex at birth", "birth sex", "administrative gender",
                          "gender identity", "sexe")),
    value_check=_vocab_check("sex", SEX_WORDS, SEX_MARKERS, "sex or gender codes", 12),
)

RACE = Rule(
    name="race",
    kind=Kind.RACE,
    header=Header(strong=("race", "racial", "race ethnicity", "race category", "races")),
    value_check=_vocab_check("race", RACE_WORDS, RACE_MARKERS, "race categories", 40),
)

ETHNICITY = Rule(
    name="ethnicity",
    kind=Kind.ETHNICITY,
    header=Header(strong=("ethnicity", "ethnic", "ethnic group", "hispanic", "hispanic latino",
                          "latino"),
                  exclude=("race",)),
    value_check=_vocab_check("ethnicity", ETHNICITY_WORDS, ETHNICITY_MARKERS,
                             "ethnicity categories", 20),
)

RECOGNIZERS = (SEX, RACE, ETHNICITY, PERSON_NAME)
