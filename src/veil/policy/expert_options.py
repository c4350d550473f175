"""The targets of `veil anonymize` as its options give them (`--qi age,sex --k 5 ...`).

`CommandLineTargets.to_expert` turns the options into the same `Expert` value a
policy's `expert:` section gives, and names the option (never a value of the
data) when one is wrong.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from veil.errors import UsageError
from veil.policy.expert import HINTS, Expert, count, quoted


@dataclass(frozen=True)
class CommandLineTargets:
    """The targets as `veil anonymize` options give them (None: option not given)."""

    qi: tuple[str, ...] = ()
    hierarchies: Path | None = None
    hierarchy: tuple[str, ...] = ()  # ATTR=FILE or ATTR=auto
    k: int | None = None
    l: tuple[str, ...] = ()  # noqa: E741 - ATTR=N
    l_variant: str | None = None
    c: float | None = None
    t: tuple[str, ...] = ()  # ATTR=T
    t_distance: str | None = None
    max_risk: float | None = None
    average_risk: float | None = None
    suppression: float | None = None
    metric: str | None = None
    keep: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()

    def given(self) -> list[str]:
        """The options that were given, as they are spelt on the command line."""
        return [f"--{f.name.replace('_', '-')}" for f in fields(self)
                if getattr(self, f.name) not in (None, ())]

    def to_expert(self, columns: Sequence[str] | None = None, *,
                  source: str = "the data") -> Expert:
        """The same targets as an `Expert` section; UsageError naming the bad option.

        With `columns`, every column an option names is checked first, so a misspelt
        name is reported as such rather than as a missing hierarchy file.
        """
        if not self.qi:
            raise UsageError("give the quasi-identifiers with --qi (or a policy with --policy)",
                             hint="e.g. --qi age,sex,zip --hierarchies DIR --k 5")
        if columns is not None:
            self._check_names(columns, source)
        if self.c is not None and self.l_variant != "recursive":
            raise UsageError("--c applies to --l-variant recursive only")
        if self.l_variant is not None and not self.l:
            raise UsageError("--l-variant needs at least one --l ATTR=N")
        if self.t_distance is not None and not self.t:
            raise UsageError("--t-distance needs at least one --t ATTR=T")
        l_targets = [{"attribute": a, "value": v, "variant": self.l_variant or "distinct"}
                     | ({} if self.c is None else {"c": self.c})
                     for a, v in _pairs(self.l, "--l", "N", "diagnosis=3")]
        distance = self.t_distance or "equal"
        t_pairs = _pairs(self.t, "--t", "T", "diagnosis=0.2")
        explicit = dict(_pairs(self.hierarchy, "--hierarchy", "FILE", "age=age.csv"))
        wanted = list(self.qi) + [a for a, _ in t_pairs if distance == "hierarchical"]
        stray = [a for a in explicit if a not in wanted]
        if stray:
            raise UsageError(f"--hierarchy names {quoted(stray)}, which "
                             f"{'is' if len(stray) == 1 else 'are'} not a quasi-identifier"
                             + (" or a hierarchical t-closeness attribute"
                                if distance == "hierarchical" else ""),
                             hint="give hierarchies only for --qi attributes")
        specs = self._specs(wanted, explicit)
        data = {
            "quasi_identifiers": {q: specs[q] for q in self.qi},
            "privacy": {
                "k": self.k, "max_risk": self.max_risk, "average_risk": self.average_risk,
                "l": l_targets,
                "t": [{"attribute": a, "value": v, "distance": distance}
                      | ({"hierarchy": specs[a]} if distance == "hierarchical" else {})
                      for a, v in t_pairs],
            },
            "suppression": 0.0 if self.suppression is None else self.suppression,
            "metric": self.metric or "loss",
            "keep": list(self.keep),
            "drop": list(self.drop),
        }
        if len(set(self.qi)) != len(self.qi):
            raise UsageError("--qi lists a column twice")
        try:
            return Expert.model_validate(data)
        except ValidationError as err:
            raise _option_error(err) from None

    def _check_names(self, columns: Sequence[str], source: str) -> None:
        """UsageError naming the first option that names a column the data lacks."""
        named = {
            "--qi": self.qi,
            "--l": [a for a, _ in _pairs(self.l, "--l", "N", "diagnosis=3")],
            "--t": [a for a, _ in _pairs(self.t, "--t", "T", "diagnosis=0.2")],
            "--hierarchy": [a for a, _ in _pairs(self.hierarchy, "--hierarchy", "FILE",
                                                 "age=age.csv")],
            "--keep": self.keep,
            "--drop": self.drop,
        }
        for option, names in named.items():
            missing = [n for n in names if n not in columns]
            if missing:
                raise UsageError(
                    f"{source}: {option} names {count(missing, 'column')} not in the data: "
                    f"{quoted(missing)}", hint=HINTS["options"]["missing"])

    def _specs(self, wanted: Sequence[str], explicit: Mapping[str, str]) -> dict[str, Any]:
        """A hierarchy spec per attribute: --hierarchy first, else a file in --hierarchies."""
        from veil.hierarchy import find_hierarchies

        specs: dict[str, Any] = {a: ({"builder": "auto"} if f == "auto" else {"hierarchy": f})
                                 for a, f in explicit.items()}
        rest = [a for a in wanted if a not in specs]
        if rest and self.hierarchies is None:
            raise UsageError(f"no hierarchy for {quoted(rest)}",
                             hint="give --hierarchies DIR (files <dataset>_hierarchy_<attr>.csv) "
                                  "or --hierarchy ATTR=FILE|auto")
        if rest and self.hierarchies is not None:
            found = find_hierarchies(self.hierarchies, rest)
            specs.update({a: {"hierarchy": str(path)} for a, path in found.items()})
        return specs


_OPTIONS: dict[tuple[str, ...], str] = {
    ("privacy", "k"): "--k",
    ("privacy", "max_risk"): "--max-risk",
    ("privacy", "average_risk"): "--average-risk",
    ("privacy", "l", "value"): "--l",
    ("privacy", "l", "c"): "--c",
    ("privacy", "l", "variant"): "--l-variant",
    ("privacy", "l"): "--l",
    ("privacy", "t", "value"): "--t",
    ("privacy", "t", "distance"): "--t-distance",
    ("privacy", "t"): "--t",
    ("privacy",): "privacy models",
    ("suppression",): "--suppression",
    ("metric",): "--metric",
    ("keep",): "--keep",
    ("drop",): "--drop",
    ("quasi_identifiers",): "--qi",
}


def _option_error(err: ValidationError) -> UsageError:
    """The first validation error, named by its command-line option."""
    first = err.errors()[0]
    loc = tuple(str(p) for p in first["loc"] if not isinstance(p, int))
    option = next((_OPTIONS[loc[:n]] for n in range(len(loc), 0, -1) if loc[:n] in _OPTIONS),
                  "the targets")
    message = first["msg"].removeprefix("Value error, ")
    value = first.get("input")
    shown = isinstance(value, int | float | str) and not isinstance(value, bool)
    got = f"; got {value!r}" if shown and first["type"] not in ("value_error", "missing") else ""
    return UsageError(f"{option}: {message}{got}")


def _pairs(items: Sequence[str], option: str, what: str,
           example: str) -> list[tuple[str, str]]:
    """`ATTR=VALUE` items as pairs; UsageError when one is malformed."""
    pairs = []
    for item in items:
        attribute, sep, value = item.partition("=")
        if not sep or not attribute.strip() or not value.strip():
            raise UsageError(f"{option} expects ATTR={what}; got {item!r}",
                             hint=f"e.g. {option} {example}")
        pairs.append((attribute.strip(), value.strip()))
    names = [a for a, _ in pairs]
    twice = sorted({a for a in names if names.count(a) > 1})
    if twice:
        raise UsageError(f"{option} names {quoted(twice)} twice")
    return pairs


__all__ = ["CommandLineTargets"]
