"""Recognizers for people: person names (A), and sex, race, ethnicity (quasi-identifiers).

Names are told by their shape and by dictionaries of first names and surnames
(`veil.scan.names`): 'Smith, John', 'SMITH, JOHN M', 'Dr. Okafor', 'J. Smith',
'Smith J', in any case, with titles, credentials and particles. The evidence is
the share of rows whose value reads as a name, so a name counts however often
it repeats (a row per visit), and the column's words must mostly be known
names, which keeps categories with an odd surname among them ('Hodgkin
lymphoma', 'Good/Fair/Poor') out. The dictionaries cover most but not all
people, so half the rows suffice, against 80 % for checksums.
Sex, race and ethnicity are small vocabularies; a column counts only when it
also holds a value specific to that vocabulary ('Unknown' alone proves nothing).
"""

from __future__ import annotations

import polars as pl

from veil.categories import Kind
from veil.detect.vocab import (
    ETHNICITY_MARKERS,
    ETHNICITY_WORDS,
    RACE_MARKERS,
    RACE_WORDS,
    SEX_MARKERS,
    SEX_WORDS,
)
from veil.scan.ids import HAS_DIGIT
from veil.scan.names import NAME_TEXT, is_person_name, name_table
from veil.scan.recognizer import Check, Header, Rule, ValueCheck, gate_on, uses
from veil.scan.sample import ColumnSample, Prefilter

__all__ = ["ETHNICITY", "PERSON_NAME", "RACE", "RECOGNIZERS", "SEX", "is_person_name"]

NAME_SAMPLE = 1_000
"""How many distinct prefiltered values the name check analyses (seeded sample beyond)."""
MIN_KNOWN_WORDS = 0.5
"""Share of a column's name-shaped words that must be known names."""


def _name_gate(column: ColumnSample) -> tuple[Prefilter, ...]:
    """Names (NAME_TEXT, anchored, letters and punctuation) hold no digit.

    Looser than NAME_TEXT itself, but the digit test is shared with other rules,
    so code-like columns are ruled out without running the name regex.
    """
    return gate_on(exclude=(HAS_DIGIT,)) if column.is_string else ()


@uses(NAME_TEXT, gate=_name_gate)
def _name_check(column: ColumnSample) -> ValueCheck | None:
    """Share of rows whose value reads as a person name (`veil.scan.names`)."""
    if not column.is_string:
        return None
    detail = "are person names (name shape; Census and Faker name dictionaries)"
    candidates = column.matching(NAME_TEXT)
    if candidates.height == 0:
        return ValueCheck(0.0, 0, detail, strength=0.9)
    subset = candidates if candidates.height <= NAME_SAMPLE else candidates.sample(
        n=NAME_SAMPLE, seed=0)
    table = name_table(subset.get_column("v")).with_columns(n=subset.get_column("n"))
    totals = table.select(
        rows=pl.col("n").sum(),
        names=pl.col("n").filter(pl.col("name")).sum(),
        named=(pl.col("n") * pl.col("named")).sum(),
        known=(pl.col("n") * pl.col("known")).sum(),
    ).row(0, named=True)
    prefiltered = float(candidates.get_column("n").sum()) / column.nonnull
    share = prefiltered * float(totals["names"] or 0) / float(totals["rows"])
    known = float(totals["known"] or 0) / float(totals["named"]) if totals["named"] else 0.0
    if known < MIN_KNOWN_WORDS:
        return ValueCheck(0.0, subset.height, f"are person names: only {known:.0%} of their "
                          "words are known names", strength=0.9)
    return ValueCheck(share, subset.height, detail, strength=0.9)


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
              "signed by", "author", "provider", "clinician", "surgeon", "pcp", "caregiver"),
        exclude=("drug", "medication", "med", "facility", "hospital", "clinic", "file", "test",
                 "lab", "product", "brand", "company", "organization", "org", "payer", "plan",
                 "insurance", "dept", "department", "unit", "ward", "site", "study",
                 "procedure", "device", "street", "city", "county", "state", "country", "user",
                 "host", "domain", "code", "id", "type", "phone", "email", "address", "npi",
                 "specialty", "relationship", "role"),
    ),
    value_check=_name_check,
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
