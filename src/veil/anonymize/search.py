"""Optimal full-domain generalization with record suppression over the level lattice.

The lattice holds one node per combination of levels (one per quasi-identifier).
The search is best-first by lower bound: every node gets a lower bound of its
utility score computed without touching the data (`UtilityModel.lower_bounds`),
nodes are evaluated in ascending order of that bound, and the search stops as
soon as the next bound exceeds the best score found. Any node not evaluated has
a bound, hence a score, above the optimum, so the result is the global optimum
(ties broken as ARX does: lower level sum first, then the lexicographically
smallest levels). This does not need the privacy models to be monotone. With a
monotone utility model (DM*, height, monotone entropy) every successor of an
acceptable node scores at least as much and is skipped, Flash's main pruning
rule.

Evaluations are cheap because of roll-up: a node's classes are merged from a
cached predecessor's classes instead of regrouping the data. Lattices too large
to enumerate (over two million nodes) use a greedy descent from the top node
instead, and a time budget can stop the exact search early; the result says
which happened.
"""

from __future__ import annotations

import heapq
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from veil.anonymize.classes import Classes, from_prepared, roll_up
from veil.anonymize.prepare import Ints, Prepared
from veil.anonymize.privacy import AverageRisk, PrivacyModel
from veil.anonymize.utility import Evaluation, Loss, UtilityModel
from veil.errors import UsageError

_MAX_ENUMERATED = 2_000_000
_CACHE_BYTES = 1_000_000_000  # classes kept for roll-up, at most about 1 GB
_BOUND_SLACK = 1e-9

_Visit = Callable[[tuple[int, ...]], "Candidate | None"]


@dataclass(frozen=True)
class Candidate:
    """One acceptable transformation with its score."""

    levels: tuple[int, ...]
    score: float
    suppressed: int
    classes: int
    smallest: int

    def sort_key(self) -> tuple[float, int, tuple[int, ...]]:
        """Lower score first; on a tie the lower level sum (as ARX); then the
        lexicographically smaller levels. (ARX's last tie-break is its traversal order,
        so on exact ties ARX may report another of the equally good optima.)"""
        return (self.score, sum(self.levels), self.levels)


@dataclass(frozen=True, eq=False)
class SearchResult:
    """The chosen transformation, or `found=False` when none meets the models."""

    quasi: tuple[str, ...]
    found: bool
    best: Candidate | None
    candidates: tuple[Candidate, ...]  # the best few, best first (for --explain)
    evaluated: int
    lattice_size: int
    method: str
    exhaustive: bool
    seconds: float
    max_suppressed: int
    evaluation: Evaluation | None = field(repr=False)

    @property
    def levels(self) -> dict[str, int]:
        if self.best is None:
            return {}
        return dict(zip(self.quasi, self.best.levels, strict=True))


@dataclass
class _State:
    """Mutable bookkeeping of one search run."""

    keep: int
    top: list[tuple[float, int, tuple[int, ...], Candidate]] = field(default_factory=list)
    best_eval: Evaluation | None = None
    evaluated: int = 0

    def offer(self, candidate: Candidate, evaluation: Evaluation) -> None:
        key = candidate.sort_key()
        entry = (-key[0], -key[1], tuple(-x for x in key[2]), candidate)  # max-heap of worst
        if len(self.top) < self.keep:
            heapq.heappush(self.top, entry)
        elif entry > self.top[0]:
            heapq.heapreplace(self.top, entry)
        best = self.ranked()[0]
        if best is candidate:
            self.best_eval = evaluation

    def ranked(self) -> list[Candidate]:
        return sorted((item[3] for item in self.top), key=Candidate.sort_key)

    def threshold(self) -> float:
        """Nodes whose bound exceeds this cannot enter the kept list."""
        if len(self.top) < self.keep:
            return math.inf
        return -self.top[0][0]


def lattice_nodes(heights: Sequence[int]) -> Ints:
    """Every combination of levels 0..height, one row per node."""
    grids = np.indices([h + 1 for h in heights]).reshape(len(heights), -1).T
    return grids.astype(np.int64)


def evaluate(prepared: Prepared, classes: Classes, models: Sequence[PrivacyModel]
             ) -> Evaluation:
    """Which classes of a node satisfy every model (the others are suppressed)."""
    ok = np.ones(classes.size, dtype=np.bool_)
    for model in models:
        ok &= model.classes_ok(classes, prepared)
    for model in models:
        if isinstance(model, AverageRisk):
            ok = model.settle(classes.counts, ok)
    return Evaluation(classes, ok)


class _ClassCache:
    """Classes of evaluated nodes, for roll-up; bounded by total rows held.

    A node's classes can be merged from the classes of ANY node below it (every
    level lower or equal), so the cache answers with the smallest such entry.
    """

    def __init__(self, prepared: Prepared) -> None:
        self.prepared = prepared
        self.entries: dict[tuple[int, ...], Classes] = {}
        self.levels = np.zeros((0, len(prepared.quasi)), dtype=np.int64)
        self.sizes = np.zeros(0, dtype=np.int64)
        self.rows = 0

    def classes(self, levels: tuple[int, ...]) -> Classes:
        parent = self._ancestor(levels)
        if parent is None:
            # no node below is cached: start from the anchor with every level capped at 1
            # (far fewer classes than the raw tuples when any attribute has a hierarchy),
            # so later nodes with the same zero pattern merge from it instead of the data
            anchor = tuple(min(level, 1) for level in levels)
            if anchor != levels and not all(level == 0 for level in anchor):
                parent = self._ancestor(anchor) or self._compute(anchor, None)
        return self._compute(levels, parent)

    def _ancestor(self, levels: tuple[int, ...]) -> Classes | None:
        if not self.sizes.size:
            return None
        below = np.all(self.levels <= np.asarray(levels), axis=1)
        if not below.any():
            return None
        index = int(np.flatnonzero(below)[np.argmin(self.sizes[below])])
        return self.entries[tuple(int(x) for x in self.levels[index])]

    def _compute(self, levels: tuple[int, ...], parent: Classes | None) -> Classes:
        if parent is not None and parent.levels == levels:
            return parent
        result = (roll_up(self.prepared, parent, levels) if parent is not None
                  else from_prepared(self.prepared, levels))
        self._store(levels, result)
        return result

    def _store(self, levels: tuple[int, ...], classes: Classes) -> None:
        if levels in self.entries:
            return
        self.entries[levels] = classes
        self.levels = np.vstack([self.levels, np.asarray(levels, dtype=np.int64)])
        self.sizes = np.append(self.sizes, classes.size)
        self.rows += classes.size
        width = 8 * (len(self.prepared.quasi) + 1)
        while self.rows * width > _CACHE_BYTES and len(self.entries) > 1:
            largest = int(np.argmax(self.sizes))  # drop the most expensive to keep
            key = tuple(int(x) for x in self.levels[largest])
            self.rows -= self.entries.pop(key).size
            self.levels = np.delete(self.levels, largest, axis=0)
            self.sizes = np.delete(self.sizes, largest)


def search(prepared: Prepared, models: Sequence[PrivacyModel], *,
           metric: UtilityModel | None = None, suppression: float = 0.0, keep: int = 1,
           time_budget: float | None = None) -> SearchResult:
    """The transformation with the least information loss meeting every model.

    `suppression` is the largest share of records that may be suppressed;
    `keep` how many of the best transformations to return (for --explain).
    """
    if not models:
        raise UsageError("give at least one privacy model (for example k-anonymity)")
    if not 0 <= suppression <= 1:
        raise UsageError(f"the suppression limit must be in [0, 1]; got {suppression!r}")
    metric = metric or Loss()
    started = time.perf_counter()
    heights = prepared.heights
    size = math.prod(h + 1 for h in heights)
    max_suppressed = math.floor(suppression * prepared.records)
    state = _State(keep=max(1, keep))
    cache = _ClassCache(prepared)

    seen: dict[tuple[int, ...], Candidate | None] = {}

    def visit(levels: tuple[int, ...]) -> Candidate | None:
        if levels in seen:
            return seen[levels]
        classes = cache.classes(levels)
        evaluation = evaluate(prepared, classes, models)
        state.evaluated += 1
        candidate: Candidate | None = None
        if evaluation.suppressed <= max_suppressed:
            kept = classes.counts[evaluation.ok]
            candidate = Candidate(levels, metric.score(evaluation, prepared),
                                  evaluation.suppressed, int(kept.size),
                                  int(kept.min()) if kept.size else 0)
            state.offer(candidate, evaluation)
        seen[levels] = candidate
        return candidate

    if size > _MAX_ENUMERATED:
        method, exhaustive = _greedy(heights, visit), False
    else:
        monotone = all(m.monotone(max_suppressed > 0) for m in models)
        method, exhaustive = _exhaustive(prepared, metric, heights, visit, state, monotone,
                                         started, time_budget)
    ranked = state.ranked()
    return SearchResult(prepared.quasi, bool(ranked), ranked[0] if ranked else None,
                        tuple(ranked), state.evaluated, size, method, exhaustive,
                        time.perf_counter() - started, max_suppressed, state.best_eval)


def _exhaustive(prepared: Prepared, metric: UtilityModel, heights: Sequence[int],
                visit: _Visit, state: _State, monotone: bool, started: float,
                time_budget: float | None) -> tuple[str, bool]:
    """Visit every node that could beat the best found, pruning by bound and monotonicity.

    With monotone privacy models the nodes are visited top-down (most general first)
    after a greedy descent finds a first solution: a node that fails rules out every
    node below it (Flash's predictive tagging), and the bound rules out the rest.
    Otherwise nodes go in ascending order of their bound.
    """
    nodes = lattice_nodes(heights)
    bounds = metric.lower_bounds(prepared, nodes)
    if bounds is None:
        bounds = np.zeros(nodes.shape[0])
    bounds = bounds - _BOUND_SLACK * np.maximum(np.abs(bounds), 1.0)
    sums = nodes.sum(axis=1)
    if monotone:
        _greedy(heights, visit)
        order = np.lexsort((*nodes.T[::-1], bounds, -sums))
        name = "top-down with predictive tagging and lower bounds (exhaustive)"
    else:
        order = np.lexsort((*nodes.T[::-1], sums, bounds))
        name = "best-first by lower bound (exhaustive)"
    rejected = np.zeros(nodes.shape[0], dtype=np.bool_)
    dominated = np.zeros(nodes.shape[0], dtype=np.bool_)
    prune_up = metric.monotone and state.keep == 1
    for position in order:
        if bounds[position] > state.threshold():
            if not monotone:
                break  # ascending bounds: no later node can enter
            continue
        if rejected[position] or dominated[position]:
            continue
        if time_budget is not None and time.perf_counter() - started > time_budget:
            return f"stopped at the {time_budget:g} s time budget (best found so far)", False
        node = nodes[position]
        candidate = visit(tuple(int(x) for x in node))
        if candidate is None:
            if monotone:
                rejected |= np.all(nodes <= node, axis=1)
        elif prune_up:
            dominated |= np.all(nodes >= node, axis=1)
            dominated[position] = False
    return name, True


def _greedy(heights: Sequence[int], visit: _Visit) -> str:
    """Descend from the top node, each step lowering the attribute that scores best."""
    current = tuple(heights)
    if visit(current) is None:
        return "greedy descent (lattice too large to enumerate)"
    while True:
        best: Candidate | None = None
        for i, level in enumerate(current):
            if level == 0:
                continue
            candidate = visit((*current[:i], level - 1, *current[i + 1:]))
            if candidate is not None and (best is None or candidate.sort_key() < best.sort_key()):
                best = candidate
        if best is None:
            return "greedy descent (lattice too large to enumerate)"
        current = best.levels
