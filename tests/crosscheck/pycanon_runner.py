"""pycanon's privacy-model figures for one CSV table, as one JSON object on stdout.

Run by the Python of the pycanon environment (`.venv-pycanon`, from
tests/crosscheck/requirements.txt), never imported by veil's tests: pycanon pins
numpy and pandas versions that veil's environment does not have.

    .venv-pycanon/bin/python tests/crosscheck/pycanon_runner.py TABLE.csv \
        --quasi birth_decade sex zip3 --categorical diagnosis_code \
        --numeric length_of_stay --recursive-l 2 3

or several tables in one process (pandas and pycanon imported once): `--batch`,
with one JSON list of such arguments per line of standard input.

Reading. Quasi-identifiers and categorical sensitive attributes are read as text
with pandas' missing-value markers off, so an empty cell is one more value (as
veil counts a null as one value of its column); numeric sensitive attributes are
read as numbers (they must have no empty cell: pycanon cannot count NaN).

What pycanon 1.3.6 computes (pycanon/anonymity/_k_anonymity.py, _l_diversity.py,
_t_closeness.py, utils/aux_anonymity.py):

- k_anonymity: the smallest pandas group over the quasi-identifiers;
- l_diversity: the fewest distinct sensitive values in a group;
- entropy_l_diversity: `int(min(e ** H))`, H the natural-log entropy of a group's
  value frequencies: exp of the smallest entropy, truncated to an integer;
- recursive_c_l_diversity: `(c, l)` with l = the table's distinct l (not chosen by
  the caller) and c = max over groups of `floor(r[0] / sum(r[l-1:]) + 1)`, the
  smallest integer c with r[0] < c * (r[l-1] + ... + r[m-1]); NaN when l = 1.
  Its counts r come from `np.sort`, ASCENDING, whereas Machanavajjhala et al.
  2007 (Def. 4.1) take r1 >= r2 >= ... (r1 the most frequent value);
- t_closeness: for a numeric column (pandas numeric dtype) the ordered-distance
  EMD of Li et al. 2007, `sum_i |r_1 + ... + r_i| / (m - 1)` over the m distinct
  values of the table in ascending order; for a text column the equal-distance
  EMD, `0.5 * sum_i |r_i|`; r = class frequencies - table frequencies; the max
  over groups.

`seconds` gives the time of each call as shipped (and of reading the CSV).
Unless --no-extras is given, the output also carries figures from pycanon's own
code run with one thing changed (each is labelled):

- `entropy_l_exact`: `entropy_l_diversity` with the module's `int` shadowed by
  the identity, i.e. exp(min H) before truncation;
- `recursive_c[l]`: `recursive_c_l_diversity` for a given l (its call to
  `l_diversity` answered with that l), as shipped (ascending counts);
- `recursive_c_descending[l]`: the same with `np.sort` in that module returning
  counts in descending order, which is the textbook definition;
- `t_equal`: for a numeric column, `t_closeness` of the same column read as text
  (the equal-distance EMD, which does not depend on the order of the values).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib.metadata import version
from typing import Any

import numpy as np
import pandas as pd
from pycanon import anonymity
from pycanon.anonymity import _l_diversity


@contextmanager
def _patched(module: types.ModuleType, name: str, value: Any) -> Iterator[None]:
    """Set a global of `module` (shadowing a builtin if it is one) for the block."""
    missing = object()
    old = module.__dict__.get(name, missing)
    setattr(module, name, value)
    try:
        yield
    finally:
        if old is missing:
            delattr(module, name)
        else:
            setattr(module, name, old)


def _numpy_sorting_descending() -> types.SimpleNamespace:
    """`numpy` as _l_diversity sees it, except that `sort` returns descending order."""
    proxy = types.SimpleNamespace(**{n: getattr(np, n) for n in dir(np) if not n.startswith("__")})
    proxy.sort = lambda a, *args, **kw: np.sort(a, *args, **kw)[::-1]
    return proxy


def _recursive_c(data: pd.DataFrame, quasi: list[str], sensitive: str, l_value: int,
                 *, descending: bool) -> float | None:
    """pycanon's recursive c for a given l (None if some class has fewer than l values)."""
    with _patched(_l_diversity, "l_diversity", lambda *_a, **_k: l_value):
        if descending:
            with _patched(_l_diversity, "np", _numpy_sorting_descending()):
                c, _ = anonymity.recursive_c_l_diversity(data, quasi, [sensitive])
        else:
            c, _ = anonymity.recursive_c_l_diversity(data, quasi, [sensitive])
    return None if c is None or math.isnan(c) else float(c)


def _timed(times: dict[str, float], name: str, call: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    result = call()
    times[name] = round(time.perf_counter() - start, 4)
    return result


METRICS = ("k", "l", "entropy", "recursive", "t")


def measure(data: pd.DataFrame, quasi: list[str], sensitive: str, kind: str, *,
            recursive_l: list[int], metrics: set[str], extras: bool,
            times: dict[str, float]) -> dict[str, Any]:
    """pycanon's figures for one sensitive attribute (see the module docstring)."""
    one = [sensitive]
    p: dict[str, Any] = {"kind": kind}
    if "l" in metrics:
        p["l"] = int(_timed(times, f"{sensitive}.l", lambda: anonymity.l_diversity(
            data, quasi, one)))
    if "entropy" in metrics:
        p["entropy_l"] = int(_timed(times, f"{sensitive}.entropy_l",
                                    lambda: anonymity.entropy_l_diversity(data, quasi, one)))
        if extras:
            with _patched(_l_diversity, "int", lambda x: x):
                p["entropy_l_exact"] = float(anonymity.entropy_l_diversity(data, quasi, one))
    if "recursive" in metrics:
        c, l_table = _timed(times, f"{sensitive}.recursive",
                            lambda: anonymity.recursive_c_l_diversity(data, quasi, one))
        p["recursive"] = {"c": None if math.isnan(c) else float(c), "l": int(l_table)}
        if extras:
            wanted = sorted({*recursive_l, int(l_table)} - {1})
            for key, descending in (("recursive_c", False), ("recursive_c_descending", True)):
                p[key] = {str(l_value): _recursive_c(data, quasi, sensitive, l_value,
                                                     descending=descending)
                          if l_value <= l_table else None for l_value in wanted}
    if "t" in metrics:
        p["t"] = float(_timed(times, f"{sensitive}.t", lambda: anonymity.t_closeness(
            data, quasi, one)))
        if extras and kind == "numeric":
            as_text = data.assign(**{sensitive: data[sensitive].astype(str)})
            p["t_equal"] = float(anonymity.t_closeness(as_text, quasi, one))
        elif extras:
            p["t_equal"] = p["t"]
    return p


def run(argv: list[str]) -> dict[str, Any]:
    """pycanon's figures for the table and attributes named by `argv` (see --help)."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv")
    parser.add_argument("--separator", default=",")
    parser.add_argument("--quasi", nargs="+", required=True)
    parser.add_argument("--categorical", nargs="*", default=[])
    parser.add_argument("--numeric", nargs="*", default=[])
    parser.add_argument("--recursive-l", nargs="*", type=int, default=[2])
    parser.add_argument("--metrics", nargs="+", choices=METRICS, default=list(METRICS),
                        help="pycanon functions to run (default: all)")
    parser.add_argument("--no-extras", action="store_true",
                        help="pycanon's figures as shipped only (for timing)")
    args = parser.parse_args(argv)

    text = [*args.quasi, *args.categorical]
    times: dict[str, float] = {}
    data = _timed(times, "read", lambda: pd.read_csv(
        args.csv, sep=args.separator, dtype=dict.fromkeys(text, str),
        keep_default_na=False, na_values={c: [] for c in text}))
    for name in args.numeric:
        if not pd.api.types.is_numeric_dtype(data[name]) or data[name].isna().any():
            sys.exit(f"numeric sensitive attribute {name!r} has text or empty cells")
    out: dict[str, Any] = {"pycanon": version("pycanon"), "pandas": pd.__version__,
                           "numpy": np.__version__, "rows": len(data)}
    metrics = set(args.metrics)
    if "k" in metrics:
        out["k"] = int(_timed(times, "k", lambda: anonymity.k_anonymity(data, args.quasi)))
    out["sensitive"] = {}
    for name, kind in [*((c, "categorical") for c in args.categorical),
                       *((c, "numeric") for c in args.numeric)]:
        out["sensitive"][name] = measure(data, args.quasi, name, kind,
                                         recursive_l=args.recursive_l, metrics=metrics,
                                         extras=not args.no_extras, times=times)
    out["seconds"] = times
    return out


def main() -> None:
    """One table from the command line, or with `--batch` one per line of standard
    input (each a JSON list of arguments), one JSON line out per table."""
    if sys.argv[1:] == ["--batch"]:
        for line in sys.stdin:
            if line.strip():
                print(json.dumps(run(json.loads(line))), flush=True)
    else:
        print(json.dumps(run(sys.argv[1:])))


if __name__ == "__main__":
    main()
