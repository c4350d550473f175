"""The release spec of `veil dp`: what to release, about whom, and at what privacy cost.

    dataset: admissions-2026            # the ledger's name for the data
    privacy_unit: {column: patient_id, max_contributions: 5}
    budget: {epsilon: 3.0}              # total over every release of this dataset
    release: {epsilon: 1.0}             # what this release spends
    max_rows: 50000000                  # public upper bound on rows (sums and means)
    queries:
      - {name: patients, kind: count}
      - {name: by_diagnosis, kind: count_by, by: [diagnosis],
         domain: {diagnosis: [I10, E11, J45]}}
      - {name: by_region, kind: count_by, by: [region], key_selection: true}  # needs delta
      - {name: stay, kind: mean, column: length_of_stay, bounds: [0, 60]}
      - {name: ages, kind: histogram, column: age, bins: [0, 18, 45, 65, 90]}
      - {name: age_quartiles, kind: quantile, column: age, quantiles: [0.25, 0.5, 0.75],
         bounds: [0, 110]}
      - {name: dx_by_sex, kind: table, by: [diagnosis, sex],
         domain: {diagnosis: [I10, E11], sex: [F, M]}}

The accounting follows from the budget's keys: epsilon alone is pure DP
(Laplace noise), epsilon and delta approximate DP, rho zero-concentrated DP
(Gaussian noise; delta may be added for key selection). The models only hold
what the file says; `veil.dp.engine` checks them against the data.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from veil.dp.loss import Accounting, Loss
from veil.errors import PolicyError, UsageError
from veil.policy.load import parse_yaml_model, read_yaml_text

DEFAULT_EPSILON_CAP = 10.0
DEFAULT_CONVERSION_DELTA = 1e-5  # NIST SP 800-226: "delta = 10^-5 is reasonable"
QUERY_KINDS = ("count", "count_by", "histogram", "table", "sum", "mean", "quantile")

MAX_CONTRIBUTIONS = 100_000
Name = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")]


def _no_bool(value: object) -> object:
    """YAML's `true` is not the number 1 (pydantic's lax mode would take it as one)."""
    if isinstance(value, bool):
        raise ValueError("expected a number, not true or false")
    return value


# numbers: never booleans; with allow_inf_nan off, .inf and .nan are refused too ("1e-7",
# which YAML 1.1 reads as text, is still a number)
Number = Annotated[float, BeforeValidator(_no_bool)]
Whole = Annotated[int, BeforeValidator(_no_bool)]
Column = Annotated[str, Field(min_length=1, max_length=512)]
Category = str | int | float | bool


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)


class PrivacyUnit(_Frozen):
    """Who is protected: one value of `column` (a patient), however many rows it has.

    Rows beyond `max_contributions` per unit are dropped at random before any
    statistic is computed (OpenDP's truncation), so one person moves any count
    by at most that many.
    """

    column: Column
    max_contributions: Whole = Field(ge=1, le=MAX_CONTRIBUTIONS)


class LossSpec(_Frozen):
    """A privacy loss as written: epsilon [delta] or rho [delta]."""

    epsilon: Number | None = Field(default=None, gt=0)
    delta: Number | None = Field(default=None, gt=0, lt=1)
    rho: Number | None = Field(default=None, gt=0)

    @model_validator(mode="after")
    def _one_measure(self) -> LossSpec:
        if (self.epsilon is None) == (self.rho is None):
            raise ValueError("give epsilon (pure or approximate DP) or rho (zCDP), not both")
        for value in (self.epsilon, self.delta, self.rho):
            if value is not None and not math.isfinite(value):
                raise ValueError("privacy parameters must be finite numbers")
        return self

    @property
    def accounting(self) -> Accounting:
        if self.rho is not None:
            return Accounting.ZCDP
        return Accounting.PURE if self.delta is None else Accounting.APPROXIMATE

    def to_loss(self) -> Loss:
        return Loss(self.accounting, epsilon=self.epsilon, delta=self.delta, rho=self.rho)


class Query(_Frozen):
    """One statistic to release. Which fields apply depends on `kind`."""

    name: Name
    kind: Literal["count", "count_by", "histogram", "table", "sum", "mean", "quantile"]
    by: tuple[Column, ...] = ()
    domain: dict[Column, tuple[Category, ...]] | None = None
    key_selection: bool = False
    column: Column | None = None
    bounds: tuple[Number, Number] | None = None
    bins: tuple[Number, ...] | None = None
    quantiles: tuple[Number, ...] | None = None
    candidates: Whole = Field(default=101, ge=2, le=100_000)
    fill: Number | None = None
    weight: Number = Field(default=1.0, gt=0)

    @field_validator("domain")
    @classmethod
    def _domain_values(cls, value: dict[str, tuple[Category, ...]] | None
                       ) -> dict[str, tuple[Category, ...]] | None:
        if value is None:
            return None
        for column, categories in value.items():
            if not categories:
                raise ValueError(f"the domain of {column!r} is empty")
            if len(categories) > 100_000:
                raise ValueError(f"the domain of {column!r} has more than 100,000 categories")
            texts = [str(c) for c in categories]
            if len(set(texts)) != len(texts):
                raise ValueError(f"the domain of {column!r} lists a category twice")
        return value

    @model_validator(mode="after")
    def _fields_fit_kind(self) -> Query:
        grouped = self.kind in ("count_by", "table")
        numeric = self.kind in ("sum", "mean", "quantile", "histogram")
        if self.kind == "count_by" and not 1 <= len(self.by) <= 3:
            raise ValueError("a count_by query groups by 1 to 3 columns ('by')")
        if self.kind == "table" and len(self.by) not in (2, 3):
            raise ValueError("a contingency table crosses 2 or 3 columns ('by')")
        if self.kind in ("sum", "mean") and len(self.by) > 3:
            raise ValueError("a grouped sum or mean groups by at most 3 columns")
        if self.kind in ("count", "histogram", "quantile") and self.by:
            raise ValueError(f"a {self.kind} query takes no 'by' (use count_by or table)")
        if len(set(self.by)) != len(self.by):
            raise ValueError("'by' names a column twice")
        if numeric and self.column is None:
            raise ValueError(f"a {self.kind} query needs 'column'")
        if not numeric and self.column is not None:
            raise ValueError(f"a {self.kind} query takes no 'column'")
        self._check_groups(grouped or bool(self.by))
        self._check_numbers()
        return self

    def _check_groups(self, grouped: bool) -> None:
        if not grouped:
            if self.domain is not None or self.key_selection:
                raise ValueError(f"'domain' and 'key_selection' are for grouped queries, "
                                 f"not {self.kind}")
            return
        if self.key_selection and self.domain is not None:
            raise ValueError("give either a public 'domain' or 'key_selection: true', not both")
        if not self.key_selection:
            missing = [c for c in self.by if self.domain is None or c not in self.domain]
            if missing:
                raise ValueError(
                    f"no public domain for {', '.join(repr(c) for c in missing)}: taking the "
                    "categories from the data itself would reveal them (a rare category can "
                    "be one patient); list them in 'domain', or set 'key_selection: true' "
                    "(DP key selection, needs delta)")
        if self.domain is not None:
            extra = sorted(set(self.domain) - set(self.by))
            if extra:
                raise ValueError(f"'domain' names {', '.join(map(repr, extra))}, "
                                 "which is not in 'by'")

    def _check_numbers(self) -> None:
        needs_bounds = self.kind in ("sum", "mean", "quantile")
        if needs_bounds and self.bounds is None:
            raise ValueError(f"a {self.kind} query needs 'bounds: [low, high]': DP needs a "
                             "public range to bound one person's influence (values outside "
                             "are clamped to it)")
        if not needs_bounds and self.bounds is not None:
            raise ValueError(f"a {self.kind} query takes no 'bounds'")
        if self.bounds is not None:
            low, high = self.bounds
            if not (math.isfinite(low) and math.isfinite(high) and low < high):
                raise ValueError("'bounds' must be two finite numbers, low < high")
            if self.fill is not None and not low <= self.fill <= high:
                raise ValueError("'fill' must lie within 'bounds'")
        if self.kind == "histogram":
            edges = self.bins or ()
            if len(edges) < 2 or any(not math.isfinite(b) for b in edges) or \
                    any(a >= b for a, b in itertools.pairwise(edges)):
                raise ValueError("a histogram needs 'bins': at least 2 increasing finite edges")
        elif self.bins is not None:
            raise ValueError(f"a {self.kind} query takes no 'bins'")
        if self.kind == "quantile":
            qs = self.quantiles or ()
            if not qs or any(not 0 < q < 1 for q in qs) or len(set(qs)) != len(qs):
                raise ValueError("a quantile query needs 'quantiles': distinct values "
                                 "strictly between 0 and 1")
        elif self.quantiles is not None:
            raise ValueError(f"a {self.kind} query takes no 'quantiles'")


class ReleaseSpec(_Frozen):
    """A whole release: the data's name, the unit, the budgets and the queries."""

    dataset: Name
    privacy_unit: PrivacyUnit
    budget: LossSpec
    release: LossSpec
    queries: tuple[Query, ...] = Field(min_length=1, max_length=1000)
    max_rows: Whole | None = Field(default=None, ge=1)
    confidence: Number = Field(default=0.95, gt=0.5, lt=1)
    epsilon_cap: Number = Field(default=DEFAULT_EPSILON_CAP, gt=0)
    conversion_delta: Number = Field(default=DEFAULT_CONVERSION_DELTA, gt=0, lt=1)
    ledger: str | None = None  # refused: read below

    @field_validator("ledger")
    @classmethod
    def _no_ledger(cls, value: str | None) -> str | None:
        if value is not None:
            raise ValueError("a release spec cannot choose its budget ledger: the custodian "
                             "does (--ledger URL or $VEIL_DP_LEDGER); remove 'ledger' from "
                             "the spec")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> ReleaseSpec:
        if self.budget.accounting != self.release.accounting:
            raise ValueError(f"the release is {self.release.accounting.value} DP but the "
                             f"budget is {self.budget.accounting.value} DP; write both with "
                             "the same parameters (epsilon, epsilon+delta, or rho)")
        names = [q.name for q in self.queries]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ValueError(f"query names must be unique; {', '.join(twice)} repeats")
        if any(q.key_selection for q in self.queries) and self.release.delta is None:
            raise ValueError("key selection (a grouped query without a public domain) needs "
                             "delta in 'release' and 'budget': it may reveal a category, "
                             "with probability at most delta")
        unit = self.privacy_unit.column
        for query in self.queries:
            if unit in query.by or unit == query.column:
                raise ValueError(f"query {query.name!r} uses the privacy unit column "
                                 f"{unit!r}: its values identify people and are never released")
        return self

    @property
    def columns(self) -> tuple[str, ...]:
        """Every input column the release reads, the unit first."""
        used = [self.privacy_unit.column]
        for query in self.queries:
            used += [*query.by, *([query.column] if query.column else [])]
        return tuple(dict.fromkeys(used))

    @property
    def weights(self) -> list[float]:
        return [q.weight for q in self.queries]


def load_spec(path: Path) -> tuple[ReleaseSpec, str]:
    """The spec at `path` and its text (for the manifest's hash); PolicyError when invalid."""
    text = read_yaml_text(path, "release spec", PolicyError)
    spec = parse_yaml_model(
        text, ReleaseSpec, source=str(path), error=PolicyError,
        empty_hint="see docs/dp.md for a release spec",
        shape="expected a mapping with dataset, privacy_unit, budget, release and queries",
        hint="see docs/dp.md for the release spec")
    return spec, text


def quick_spec(*, dataset: str, unit: str, max_contributions: int, epsilon: float,
               budget: float, count_by: str, domain: Sequence[str] | None,
               delta: float | None, budget_delta: float | None) -> ReleaseSpec:
    """The spec of `veil dp --count-by COL`: one DP histogram of COL."""
    query: dict[str, object] = {"name": "count_by_" + _slug(count_by), "kind": "count_by",
                                "by": [count_by]}
    if domain is None:
        query["key_selection"] = True
    else:
        query["domain"] = {count_by: list(domain)}
    return ReleaseSpec.model_validate({
        "dataset": dataset,
        "privacy_unit": {"column": unit, "max_contributions": max_contributions},
        "budget": {"epsilon": budget, "delta": budget_delta},
        "release": {"epsilon": epsilon, "delta": delta},
        "queries": [query]})


def _slug(name: str) -> str:
    kept = "".join(c if c.isalnum() or c in "_.-" else "_" for c in name)
    return kept[:40] or "column"


def check_option_numbers(positive: dict[str, float | None], probabilities: dict[str, float | None],
                   max_contributions: int | None) -> None:
    """Every numeric command-line option (quick release, ledger registration) in its range,
    named as the user typed it: a UsageError otherwise."""
    for name, value in positive.items():
        if value is not None and not (math.isfinite(value) and value > 0):
            raise UsageError(f"{name} must be a finite number greater than 0; got {value:g}",
                             hint=f"for example {name} 1 (a privacy loss of zero allows "
                             "no release at all)")
    for name, value in probabilities.items():
        if value is not None and not (math.isfinite(value) and 0 < value < 1):
            raise UsageError(f"{name} must be a number strictly between 0 and 1; got "
                             f"{value:g}", hint=f"for example {name} 1e-7 (omit --delta and "
                             "--budget-delta for pure DP)")
    if max_contributions is not None and not 1 <= max_contributions <= MAX_CONTRIBUTIONS:
        raise UsageError(f"--max-contributions must be a whole number from 1 to "
                         f"{MAX_CONTRIBUTIONS:,}; got {max_contributions}",
                         hint="the rows kept per privacy unit: for example "
                         "--max-contributions 5")
