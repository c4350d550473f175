"""The `expert:` section of a policy: the targets of `veil anonymize`, as frozen values.

An Expert Determination release is generalized until it meets privacy models
(k-anonymity, l-diversity, t-closeness, a risk bound) with the least loss. This
module holds those targets as validated values, parsed from the policy's
`expert:` section (`veil.policy.load`) or built from the command line
(`veil.policy.expert_options`):

    expert:
      quasi_identifiers:
        age: {hierarchy: hierarchies/adult_hierarchy_age.csv}  # relative to the policy
        zip: {builder: masking}
        sex: auto                                              # short for {builder: auto}
      privacy: {k: 5, l: [{attribute: diagnosis, value: 3, variant: entropy}]}
      suppression: 0.02
      metric: loss
      keep: [length_of_stay]
      drop: [name]

Values only: `veil.anonymize.targets.resolve` checks them against a table and
builds the hierarchies and privacy models (fail closed: every input column must
be a quasi-identifier, a sensitive attribute of a model, or listed in `keep` or
`drop`). Nothing here quotes a cell value; errors name columns, files and counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    model_validator,
)

MetricName = Literal["loss", "entropy", "entropy-nm", "discernibility", "discernibility-nm",
                     "precision", "height", "aecs"]
Fanout = int | tuple[int, ...]
Origin = Literal["policy", "options"]
BUILDERS: tuple[str, ...] = ("auto", "intervals", "dates", "masking", "ordered", "mapping")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# ---------------------------------------------------------------- hierarchies


class HierarchyFile(_Frozen):
    """An ARX hierarchy file (`value;level1;...;*`, no header), relative to the policy."""

    hierarchy: Path
    separator: str = Field(default=";", min_length=1, max_length=1)


class AutoBuilder(_Frozen):
    """A hierarchy proposed from the column's type and values (`veil.hierarchy.auto`)."""

    builder: Literal["auto"]
    fanout: Fanout = 2
    max_categories: int = Field(default=1000, ge=1)
    top: str = "*"


class IntervalsBuilder(_Frozen):
    """Numbers -> intervals of `width` -> `fanout` of them per level -> `top`."""

    builder: Literal["intervals"]
    width: float = Field(gt=0)
    fanout: Fanout = 2
    start: float | None = None
    top: str = "*"


class DatesBuilder(_Frozen):
    """Days -> month -> quarter -> year -> decade -> `top` (any of those levels)."""

    builder: Literal["dates"]
    levels: tuple[Literal["month", "quarter", "year", "decade"], ...] = (
        "month", "quarter", "year", "decade")
    top: str = "*"


class MaskingBuilder(_Frozen):
    """Codes such as ZIP: `step` more trailing characters masked per level."""

    builder: Literal["masking"]
    char: str = Field(default="*", min_length=1, max_length=1)
    step: int = Field(default=1, ge=1)
    top: str | None = None


class OrderedBuilder(_Frozen):
    """Ordered categories (lowest first) -> runs of `fanout` neighbours -> `top`."""

    builder: Literal["ordered"]
    order: tuple[str | int | float, ...] = Field(min_length=1)
    fanout: Fanout = 2
    separator: str = Field(default="-", min_length=1)
    top: str = "*"


class MappingBuilder(_Frozen):
    """Categories grouped by hand: inline `groups`, or a YAML `file` relative to the policy."""

    builder: Literal["mapping"]
    file: Path | None = None
    groups: dict[str, Any] | list[dict[str, Any]] | None = None
    top: str = "*"

    @model_validator(mode="after")
    def _one_source(self) -> MappingBuilder:
        if (self.file is None) == (self.groups is None):
            raise ValueError("give exactly one of 'file' or 'groups'")
        return self


def _spec_kind(value: Any) -> str | None:
    """The union member a hierarchy spec is: `file` or its builder's name."""
    if isinstance(value, dict):
        if "builder" in value:
            builder = value["builder"]
            return builder if isinstance(builder, str) and builder in BUILDERS else None
        return "file" if "hierarchy" in value else None
    if isinstance(value, BaseModel):
        return str(getattr(value, "builder", "file"))
    return None


def _shorthand(value: Any) -> Any:
    """`age: path/to/file.csv` means {hierarchy: ...}; `sex: auto` means {builder: auto}
    (any builder name works so, with that builder's defaults)."""
    if isinstance(value, str):
        return {"builder": value} if value in BUILDERS else {"hierarchy": value}
    return value


HierarchySpec = Annotated[
    Annotated[HierarchyFile, Tag("file")]
    | Annotated[AutoBuilder, Tag("auto")]
    | Annotated[IntervalsBuilder, Tag("intervals")]
    | Annotated[DatesBuilder, Tag("dates")]
    | Annotated[MaskingBuilder, Tag("masking")]
    | Annotated[OrderedBuilder, Tag("ordered")]
    | Annotated[MappingBuilder, Tag("mapping")],
    Discriminator(
        _spec_kind,
        custom_error_type="hierarchy_spec",
        custom_error_message="expected {hierarchy: FILE} or {builder: "
        + "|".join(BUILDERS) + "}",
    ),
    BeforeValidator(_shorthand),
]


# ---------------------------------------------------------------- privacy models


class LDiversityTarget(_Frozen):
    """l-diversity of a sensitive attribute: `distinct`, `entropy` or `recursive` (c, l)."""

    attribute: str = Field(min_length=1)
    value: float = Field(gt=0, description="l")
    variant: Literal["distinct", "entropy", "recursive"] = "distinct"
    c: float | None = Field(default=None, gt=0, description="c of recursive (c,l)-diversity")
    estimator: Literal["shannon", "grassberger"] = "shannon"

    @model_validator(mode="after")
    def _consistent(self) -> LDiversityTarget:
        if self.variant != "entropy" and not float(self.value).is_integer():
            raise ValueError(f"{self.variant} l-diversity needs a whole number l")
        if self.variant == "recursive" and self.c is None:
            raise ValueError("recursive (c,l)-diversity needs 'c'")
        if self.variant != "recursive" and self.c is not None:
            raise ValueError("'c' applies to recursive l-diversity only")
        if self.variant != "entropy" and self.estimator != "shannon":
            raise ValueError("'estimator' applies to entropy l-diversity only")
        return self


class TClosenessTarget(_Frozen):
    """t-closeness of a sensitive attribute; `hierarchical` needs the attribute's hierarchy."""

    attribute: str = Field(min_length=1)
    value: float = Field(ge=0, le=1, description="t")
    distance: Literal["equal", "ordered", "hierarchical"] = "equal"
    hierarchy: HierarchySpec | None = None

    @model_validator(mode="after")
    def _consistent(self) -> TClosenessTarget:
        if self.distance == "hierarchical" and self.hierarchy is None:
            raise ValueError("hierarchical t-closeness needs the attribute's 'hierarchy'")
        if self.distance != "hierarchical" and self.hierarchy is not None:
            raise ValueError("'hierarchy' applies to hierarchical t-closeness only")
        return self


class PrivacyTargets(_Frozen):
    """The privacy models a release must meet, all at once."""

    k: int | None = Field(default=None, ge=1)
    l: tuple[LDiversityTarget, ...] = ()  # noqa: E741 - the model's name
    t: tuple[TClosenessTarget, ...] = ()
    max_risk: float | None = Field(default=None, gt=0, le=1)
    average_risk: float | None = Field(default=None, gt=0, le=1)

    @model_validator(mode="after")
    def _at_least_one(self) -> PrivacyTargets:
        if (self.k is None and not self.l and not self.t and self.max_risk is None
                and self.average_risk is None):
            raise ValueError("give at least one privacy model: k, l, t, max_risk or "
                             "average_risk")
        return self

    @property
    def sensitive(self) -> tuple[str, ...]:
        """The sensitive attributes of the l and t models, in order, each once."""
        targets: list[LDiversityTarget | TClosenessTarget] = [*self.l, *self.t]
        return tuple(dict.fromkeys(m.attribute for m in targets))


class Expert(_Frozen):
    """The `expert:` section: quasi-identifiers with hierarchies, models, and the rest."""

    quasi_identifiers: dict[str, HierarchySpec] = Field(min_length=1)
    privacy: PrivacyTargets
    suppression: float = Field(default=0.0, ge=0, le=1,
                               description="largest share of records that may be suppressed")
    metric: MetricName = "loss"
    keep: tuple[str, ...] = Field(default=(), description="other columns copied unchanged")
    drop: tuple[str, ...] = Field(default=(), description="other columns removed")

    @model_validator(mode="after")
    def _one_role_each(self) -> Expert:
        for name, items in (("keep", self.keep), ("drop", self.drop)):
            twice = sorted({c for c in items if items.count(c) > 1})
            if twice:
                raise ValueError(f"{name} lists {quoted(twice)} twice")
        roles = {"a quasi-identifier": set(self.quasi_identifiers),
                 "a sensitive attribute": set(self.privacy.sensitive),
                 "kept": set(self.keep), "dropped": set(self.drop)}
        names = list(roles)
        for i, first in enumerate(names):
            for second in names[i + 1:]:
                if (first, second) == ("a sensitive attribute", "kept"):
                    continue  # sensitive attributes are kept anyway: saying so is harmless
                both = sorted(roles[first] & roles[second])
                if both:
                    raise ValueError(f"{quoted(both)} cannot be both {first} and {second}")
        return self

    @property
    def quasi(self) -> tuple[str, ...]:
        return tuple(self.quasi_identifiers)


HINTS: dict[Origin, dict[str, str]] = {  # what to fix, by where the targets came from
    "policy": {
        "missing": "fix the names in the policy's expert section",
        "uncovered": "list every column in the expert section: as a quasi-identifier, as a "
                     "sensitive attribute of an l or t model, or under keep or drop",
    },
    "options": {
        "missing": "check the names given to --qi, --l, --t, --keep and --drop",
        "uncovered": "name every column: as a quasi-identifier (--qi), as a sensitive "
                     "attribute (--l/--t), or in --keep or --drop",
    },
}


def quoted(names: Sequence[str]) -> str:
    return ", ".join(repr(n) for n in names)


def count(items: Sequence[str], noun: str) -> str:
    return f"{len(items)} {noun}{'' if len(items) == 1 else 's'}"


__all__ = [
    "BUILDERS",
    "HINTS",
    "AutoBuilder",
    "DatesBuilder",
    "Expert",
    "HierarchyFile",
    "HierarchySpec",
    "IntervalsBuilder",
    "LDiversityTarget",
    "MappingBuilder",
    "MaskingBuilder",
    "MetricName",
    "OrderedBuilder",
    "Origin",
    "PrivacyTargets",
    "TClosenessTarget",
    "count",
    "quoted",
]
