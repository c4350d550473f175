"""The policy: frozen, self-validating values parsed from YAML at the boundary.

A policy maps every input column to exactly one rule. Each rule is a typed
model named by its `action` (`Mask(keep_last=0)`), never a name plus a dict of
options, so an unknown option or a misspelt action is an error, not a silent
default.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from veil.categories import Category, Kind, Role
from veil.policy.expert import Expert

Profile = Literal["safe-harbor", "limited-data-set", "expert"]
IMPLEMENTED_PROFILES: tuple[str, ...] = ("safe-harbor",)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class _Rule(_Frozen):
    """Fields every rule has: what the column holds, and an optional new name."""

    category: Category | None = Field(
        default=None, description="HIPAA Safe Harbor category (A-R) the input column holds"
    )
    kind: Kind | None = Field(default=None, description="semantic type detected by the scanner")
    rename: str | None = Field(default=None, min_length=1, description="output column name")


class Drop(_Rule):
    """Remove the column from the output."""

    action: Literal["drop"]


class Keep(_Rule):
    """Copy the column unchanged. Refused for direct identifiers under Safe Harbor."""

    action: Literal["keep"]
    role: Role | None = None
    reviewed: bool = Field(
        default=False,
        description="a person confirmed the column holds no identifier although the "
        "scanner flags it; recorded in the report",
    )


class Redact(_Rule):
    """Replace every non-null value with one constant (nulls stay null)."""

    action: Literal["redact"]
    replacement: str = "[REDACTED]"
    keep_matching: str | None = Field(
        default=None, description="a regex (Rust syntax) matched against whole values: "
        "values it matches are kept as text, every other value is replaced (the offending "
        "cells of a column whose kind is established)")


class Mask(_Rule):
    """Replace characters with `char`, keeping separators and optionally the ends.

    Keeping any character of a direct identifier is refused under Safe Harbor
    (HHS guidance Q3.2: the last four digits of an SSN are not allowed).
    """

    action: Literal["mask"]
    char: str = Field(default="*", min_length=1, max_length=1)
    keep_first: int = Field(default=0, ge=0)
    keep_last: int = Field(default=0, ge=0)
    keep_separators: bool = True


class YearOnly(_Rule):
    """Reduce a date, datetime or date string to its year.

    Years that reveal an age over 89 at the reference date (any year before
    reference year - 89) are aggregated: `collapse` writes the boundary year
    (meaning "this year or earlier"), `null` removes the value.

    `encoding` says how a number (or a string of digits) holds the date:
    `epoch_s` / `epoch_ms` (Unix time in seconds or milliseconds, UTC),
    `excel_serial` (spreadsheet day numbers, 1900 system: 1 = 1900-01-01 with
    the 1900 leap-year bug, 25569 = 1970-01-01; a fraction is a time of day) or
    `yyyymmdd` (8 digits, month and day checked). `auto` keeps the behaviour
    for typed dates and text: a Date or Datetime gives its year, text is parsed
    as a date, integers pass as 4-digit years or yyyymmdd. `text` parses the
    values as date text whatever their dtype. A typed Date or Datetime column
    gives its year under every encoding. A value that does not decode to a date
    becomes null (fail closed).
    """

    action: Literal["year_only"]
    encoding: Literal["auto", "text", "epoch_s", "epoch_ms", "excel_serial", "yyyymmdd",
                      "sas_date", "sas_datetime", "stata_tc", "unix_days"] = Field(
        default="auto", description="how the values hold a date (see the class docstring)"
    )
    formats: tuple[str, ...] = Field(
        default=(), description="extra strptime formats tried before the built-in ones"
    )
    over_89: Literal["collapse", "null"] = "collapse"
    top_code_years: bool = Field(
        default=True, description="aggregate years indicative of an age over 89"
    )


class TopCode(_Rule):
    """Ages at or above `at` become one category, written as `label`."""

    action: Literal["top_code"]
    at: int = Field(default=90, ge=1, le=200)
    label: str = "90+"
    unit: Literal["years", "months", "weeks", "days"] = Field(
        default="years", description="unit of bare numbers (ages in days or months of "
        "infants): converted to years before the `at` rule; ages under it stay as written")


class AgeFromBirthDate(_Rule):
    """Replace a birth date by the age at a reference date (or in a reference
    column), top-coded like `top_code`."""

    action: Literal["age"]
    reference_column: str | None = None
    at: int = Field(default=90, ge=1, le=200)
    label: str = "90+"
    formats: tuple[str, ...] = ()


class Zip3(_Rule):
    """Keep the first three ZIP digits where the ZIP3 area has more than 20,000
    people, else `000` (45 CFR 164.514(b)(2)(i)(B)). Lists: see `ZipSettings`."""

    action: Literal["zip3"]


class Generalize(_Rule):
    """Map values to coarser groups: numeric `bins` (edges) or a value `mapping`.

    Values outside the mapping become `other` (default null): never passed through.
    """

    action: Literal["generalize"]
    bins: tuple[float, ...] | None = None
    labels: tuple[str, ...] | None = None
    mapping: dict[str, str] | None = None
    other: str | None = None

    @model_validator(mode="after")
    def _one_method(self) -> Generalize:
        if (self.bins is None) == (self.mapping is None):
            raise ValueError("give exactly one of 'bins' or 'mapping'")
        if self.bins is not None:
            if len(self.bins) < 1 or list(self.bins) != sorted(set(self.bins)):
                raise ValueError("'bins' must be strictly increasing edges")
            if self.labels is not None and len(self.labels) != len(self.bins) + 1:
                raise ValueError("'labels' needs one more entry than 'bins'")
        return self


FakeProvider = Literal[
    "name", "first_name", "last_name", "street_address", "city", "email", "phone",
    "ssn", "digits", "code",
]


class Fake(_Rule):
    """A realistic surrogate chosen by a keyed PRF of the value: the same value
    and secret give the same surrogate; the real value is never looked up."""

    action: Literal["fake"]
    provider: FakeProvider
    scope: str = Field(default="default", min_length=1)


class Hmac(_Rule):
    """A keyed HMAC-SHA256 token (hex). Derived from the value: an Expert
    Determination technique, not a 164.514(c) re-identification code."""

    action: Literal["hmac"]
    scope: str = Field(default="default", min_length=1)
    length: int = Field(default=16, ge=8, le=64)


class Pseudonym(_Rule):
    """A random code from a CSPRNG, stored in a key store (164.514(c) compliant:
    not derived from the person)."""

    action: Literal["pseudonym"]
    scope: str = Field(default="default", min_length=1)
    length: int = Field(default=10, ge=6, le=32)
    prefix: str = Field(default="", max_length=8)


class Scrub(_Rule):
    """Find protected health information in free text and replace it (`veil.text`).

    Names, dates, ages over 89, addresses, numbers and the other text-relevant
    Safe Harbor categories are replaced by tags (`[NAME]`) or, with `surrogate`,
    by consistent keyed fakes (needs a secret). Under Safe Harbor dates keep only
    their year and ages over 89 become 90+. `known_columns` are other columns of
    the same row whose values are always found in that row's text, in their
    written variants (a structured name, MRN or birth date quoted in the note).
    Recall is measured, not perfect: the report states it and that the residual
    risk is not zero, and the verification pass runs the same recognizers again.
    """

    action: Literal["scrub"]
    replacement: Literal["tag", "surrogate"] = "tag"
    known_columns: tuple[str, ...] = Field(
        default=(), description="columns of the same row holding this row's identifiers")
    ner: bool = Field(default=False, description="add the optional NER model's signal")


Rule = Annotated[
    Drop | Keep | Redact | Mask | YearOnly | TopCode | AgeFromBirthDate | Zip3 | Generalize
    | Fake | Hmac | Pseudonym | Scrub,
    Field(discriminator="action"),
]

ACTION_NAMES: tuple[str, ...] = (
    "drop", "keep", "redact", "mask", "year_only", "top_code", "age", "zip3", "generalize",
    "fake", "hmac", "pseudonym", "scrub",
)

ZipList = Literal["hhs-2000", "census-2010", "no-census-population"]


class ZipSettings(_Frozen):
    """Which restricted-ZIP3 data to use. With a population table, only prefixes
    it lists with more than `threshold` people are kept (an allow-list)."""

    restricted_lists: tuple[ZipList, ...] = ("hhs-2000", "census-2010", "no-census-population")
    population_table: Path | None = None
    threshold: int = Field(default=20_000, ge=0)


class Policy(_Frozen):
    """A whole de-identification policy."""

    version: Literal[1] = 1
    profile: Profile
    reference_date: dt.date | None = Field(
        default=None, description="date ages are computed at; default: the day of the run"
    )
    zip3: ZipSettings = ZipSettings()
    columns: dict[str, Rule]
    expert: Expert | None = Field(
        default=None, description="targets of `veil anonymize` (see veil.policy.expert)"
    )

    @model_validator(mode="before")
    @classmethod
    def _expert_only(cls, data: Any) -> Any:
        """A policy holding only an `expert:` section has profile 'expert' and no columns."""
        if isinstance(data, dict) and "expert" in data and not {"profile", "columns"} & set(data):
            return {"profile": "expert", "columns": {}, **data}
        return data

    @field_validator("profile")
    @classmethod
    def _implemented(cls, value: str) -> str:
        if value not in IMPLEMENTED_PROFILES and value != "expert":
            raise ValueError(
                f"profile {value!r} is reserved and not implemented yet; use 'safe-harbor'"
            )
        return value

    @model_validator(mode="after")
    def _expert_profile(self) -> Policy:
        if self.profile == "expert" and (self.expert is None or self.columns):
            raise ValueError(
                "profile 'expert' is reserved for a policy holding only an 'expert' section "
                "(veil anonymize); use 'safe-harbor'"
            )
        return self

    @model_validator(mode="after")
    def _unique_outputs(self) -> Policy:
        outputs: dict[str, str] = {}
        for name, rule in self.columns.items():
            if isinstance(rule, Drop):
                continue
            out = rule.rename or default_output_name(name)
            if out in outputs:
                raise ValueError(
                    f"columns {outputs[out]!r} and {name!r} would both write output column {out!r}"
                )
            outputs[out] = name
        return self

    def output_name(self, column: str) -> str | None:
        rule = self.columns[column]
        return None if isinstance(rule, Drop) else (rule.rename or default_output_name(column))


POSITIONAL_KEY = re.compile(r"^#([1-9][0-9]{0,5})$")
"""A policy key `#N` names the input column at position N (1-based) without its header:
a header that is itself identifying (a date, a name) never has to be written down."""


def column_position(key: str) -> int | None:
    """The 0-based input position a `#N` key names, else None."""
    match = POSITIONAL_KEY.match(key)
    return None if match is None else int(match.group(1)) - 1


def default_output_name(key: str) -> str:
    """The output name of a column without `rename`: its key, or `column_N` for `#N`."""
    position = column_position(key)
    return key if position is None else f"column_{position + 1}"
