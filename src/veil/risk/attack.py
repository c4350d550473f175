"""A frequency-based linkage attack: match an identified auxiliary table to a release.

This is the attack of the re-identification studies. Sweeney linked the
Cambridge voter list to the Massachusetts GIC hospital discharge data on ZIP
code, birth date and sex (Sweeney, "k-anonymity: a model for protecting
privacy", IJUFKS 10(5):557-570, 2002; "Simple demographics often identify
people uniquely", Carnegie Mellon Data Privacy Working Paper 3, 2000). El
Emam and Dankar call it the journalist attack when the adversary's list comes
from the population and does not say who is in the release, and the
prosecutor attack when it does ("Protecting privacy using k-anonymity",
JAMIA 15(5):627-637, 2008).

The adversary holds `auxiliary`: identities plus some quasi-identifiers. For
each auxiliary record they look up the release records with the same values on
`on`. These records form the record's *matching class*. If the class has
exactly one record, the adversary names it; if it has several, a random-pick
adversary chooses one of them.

Matching rules (the same as :mod:`veil.risk.classes`, which follows ARX):
- values are compared as text. Every matching column is cast to String on
  both sides, so an integer year 1958 equals the text "1958". The cast is
  Polars': a float 1958.0 becomes "1958.0" (which is not "1958"), a date
  becomes "1958-03-01", and a boolean becomes "true"/"false";
- equality is exact, and a null equals a null;
- a release record whose matching values are ALL the suppression marker `*`
  was removed by record suppression. It is in no class and never matches.
  A `*` in only some of the columns is an ordinary value.

Everything is a Polars group-by and a left join: nothing loops over rows in
Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import polars as pl

from veil.errors import UsageError

SUPPRESSED = "*"
"""The value that marks a fully suppressed record in every matching column."""

_SIZE, _RELEASE_ID, _AUX_ID = "_veil_size", "_veil_release_id", "_veil_aux_id"


@dataclass(frozen=True)
class AttackResult:
    """What a linkage attack achieved. Every share is over the auxiliary records.

    Guarantee: each number counts what this attack did on these two tables.
    - ``matched_any``: auxiliary records with at least one candidate in the
      release;
    - ``matched_unique``: auxiliary records with exactly one candidate, which
      the attacker names with full confidence. These are claimed
      re-identifications, right or wrong;
    - ``matched_correct``: the unique matches whose candidate is the same
      person, judged by the ground-truth id columns (None without them);
    - ``expected_success``: the mean over auxiliary records of
      1 / |matching class|, counting 0 when there is no match. If the
      attacker picks a random member of the matching class, this is their
      expected share of correct picks, provided each person's own record is
      in their matching class. Otherwise it is an upper bound, because a
      pick from a class without the person always fails.

    Relations: ``share_correct <= share_unique <= expected_success``. This
    always holds, because a unique match adds exactly 1 to the sum of
    1 / |class|. Now suppose the release contains every auxiliary person
    with exactly the attacker's values, as in a prosecutor attack on an
    unperturbed release. Then each person's class is their own equivalence
    class in the release, so:
    - ``matched_correct / auxiliary_records`` equals the share of attacked
      people whose release class has size 1 (the sample uniques);
    - ``expected_success`` equals the mean of 1 / |class| over the attacked
      people. This is the prosecutor risk of El Emam and Dankar (2008),
      averaged over those people.
    """

    on: tuple[str, ...]
    auxiliary_records: int
    release_records: int  # every record of the release, suppressed ones included
    matched_any: int
    matched_unique: int
    matched_correct: int | None
    share_unique: float
    share_correct: float | None
    expected_success: float

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the matching attributes as a list)."""
        out = asdict(self)
        out["on"] = list(self.on)
        return out


def _columns(on: Sequence[str]) -> tuple[str, ...]:
    names = (on,) if isinstance(on, str) else tuple(on)
    if not names:
        raise UsageError("on: no matching attributes given", hint="name at least one column")
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise UsageError(f"on: column {name!r} is named twice")
        seen.add(name)
    return names


def _check(schema: pl.Schema, table: str, names: Sequence[str], what: str) -> None:
    missing = [n for n in names if n not in schema]
    if missing:
        raise UsageError(
            f"{table}: no {what} column " + ", ".join(repr(n) for n in missing),
            hint=f"the {table} table has " + ", ".join(repr(n) for n in schema.names()),
        )
    for name in names:
        if schema[name].is_nested():
            raise UsageError(
                f"{table}: column {name!r} is {schema[name]}, which cannot be matched as text",
                hint="match on scalar columns (text, numbers, dates)",
            )


def link(
    release: pl.DataFrame | pl.LazyFrame,
    auxiliary: pl.DataFrame | pl.LazyFrame,
    *,
    on: Sequence[str],
    release_id: str | None = None,
    auxiliary_id: str | None = None,
) -> AttackResult:
    """Link `auxiliary` to `release` on the columns `on` and measure the attack.

    Both tables must have every column of `on`, under the same names. The
    columns are cast to String on both sides before matching (see the module
    docstring). `release_id` and `auxiliary_id` are the ground truth: a
    person's id, present in both tables, that is NOT used for matching. Give
    both of them or neither. With them, a unique match is correct when the two
    ids are equal as text; a null auxiliary id (someone not in the release) is
    never correct. With no auxiliary records, every share is 0.0.

    Guarantee: see :class:`AttackResult`. The shares are exact counts over
    these tables, not estimates.
    """
    names = _columns(on)
    if (release_id is None) != (auxiliary_id is None):
        raise UsageError(
            "give both release_id and auxiliary_id (the ground truth) or neither",
            hint="the ids say which release record is which auxiliary person",
        )
    truth = release_id is not None and auxiliary_id is not None
    rel, aux = release.lazy(), auxiliary.lazy()
    rel_schema, aux_schema = rel.collect_schema(), aux.collect_schema()
    _check(rel_schema, "release", names, "matching")
    _check(aux_schema, "auxiliary", names, "matching")
    if release_id is not None and auxiliary_id is not None:
        _check(rel_schema, "release", [release_id], "release_id")
        _check(aux_schema, "auxiliary", [auxiliary_id], "auxiliary_id")
        for name, table in ((release_id, "release"), (auxiliary_id, "auxiliary")):
            if name in names:
                raise UsageError(
                    f"{table}: the id column {name!r} is also a matching attribute",
                    hint="the ground-truth ids only judge the matches; leave them out of on",
                )

    # Matching columns get private positional names, so no user column can clash.
    keys = [f"_veil_q{i}" for i in range(len(names))]
    as_text = [pl.col(n).cast(pl.String).alias(k) for n, k in zip(names, keys, strict=True)]
    suppressed = pl.all_horizontal([pl.col(k) == SUPPRESSED for k in keys]).fill_null(False)

    rel_cols = list(as_text)
    aux_cols = list(as_text)
    if release_id is not None and auxiliary_id is not None:
        rel_cols.append(pl.col(release_id).cast(pl.String).alias(_RELEASE_ID))
        aux_cols.append(pl.col(auxiliary_id).cast(pl.String).alias(_AUX_ID))
    per_class = [pl.len().alias(_SIZE)]
    if truth:
        per_class.append(pl.col(_RELEASE_ID).first())  # the person, when the class is unique
    classes = rel.select(rel_cols).filter(~suppressed).group_by(keys).agg(per_class)

    size = pl.col(_SIZE).fill_null(0)
    measures = [
        pl.len().alias("auxiliary"),
        (size >= 1).sum().alias("any"),
        (size == 1).sum().alias("unique"),
        pl.when(size >= 1).then(1.0 / size).otherwise(0.0).sum().alias("expected"),
    ]
    if truth:
        correct = (size == 1) & (pl.col(_AUX_ID) == pl.col(_RELEASE_ID))
        measures.append(correct.fill_null(False).sum().alias("correct"))
    joined = aux.select(aux_cols).join(classes, on=keys, how="left", nulls_equal=True)
    stats, count = pl.collect_all([joined.select(measures), rel.select(pl.len())])

    row = stats.row(0, named=True)
    n_aux = int(row["auxiliary"])

    def share(k: int) -> float:
        return k / n_aux if n_aux else 0.0

    matched_correct = int(row["correct"]) if truth else None
    return AttackResult(
        on=names,
        auxiliary_records=n_aux,
        release_records=int(count.item()),
        matched_any=int(row["any"]),
        matched_unique=int(row["unique"]),
        matched_correct=matched_correct,
        share_unique=share(int(row["unique"])),
        share_correct=None if matched_correct is None else share(matched_correct),
        expected_success=float(row["expected"]) / n_aux if n_aux else 0.0,
    )
