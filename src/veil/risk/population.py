"""Population uniqueness: how many people in the population are unique on the quasi-identifiers.

A sample unique (a record alone in its equivalence class) is only a real risk if
the person is also unique in the population. Three statistical models estimate
the number of population uniques from the sample's class-size distribution
(how many classes have 1, 2, 3, ... records) and the population size:

- **Pitman** — the Pitman sampling formula fitted by maximum likelihood
  (Hoshino, "Applying Pitman's sampling formula to microdata disclosure risk
  assessment", J. Official Statistics 17(4), 2001);
- **Zayatz** — the conditional probability that a sample unique is a
  population unique, under hypergeometric sampling (Zayatz, "Estimation of the
  percent of unique population elements on a microdata file using the sample",
  US Census Bureau SRD Report 91/08, 1991);
- **SNB** — the slide negative binomial model (Chen & Keller-McNulty,
  "Estimation of identification disclosure risk in microdata", J. Official
  Statistics 14(1), 1998), whose fit often fails to converge.

The **Dankar rule** (Dankar, El Emam, Neisa & Roffey, "Estimating the
re-identification risk of clinical data sets", BMC Med. Inform. Decis. Mak.
12:66, 2012) picks one of them: Pitman when the sampling fraction is at most
10 % (Zayatz if Pitman fails); above 10 %, the smaller of Zayatz and SNB (Zayatz
alone if SNB fails). With no sample uniques every model gives 0.

Guarantee:
    Matches ARX 3.9.2's estimates (``RiskModelPopulationUniqueness`` with the
    default solver configuration): same equations, same starting values, same
    Newton-Raphson schedule (see :mod:`veil.risk._newton`), same validity
    checks, same decision rule, and the same order of floating-point sums. On
    Adult (9 quasi-identifiers) the estimates agree with ARX to about 1e-11
    relative. Where ARX departs from the papers, ARX's behaviour is kept and
    marked "as ARX" below, so that reports can be checked against ARX.
    Deliberate differences, which matter only in extreme cases: the solver has
    no wall-clock limits; Zayatz uses the exact hypergeometric probability
    even for populations above 2**31 - 1 (ARX clamps the population there);
    an SNB estimate that is not a finite number in [0, population] is
    reported as unavailable (ARX would report it).

    Limit: when a fit is degenerate (Pitman with alpha < 0, or a Newton path
    that wanders to theta ~ 1e12 where both equations vanish), the iterations
    are chaotic, and last-bit differences between Java's and C's log and tan
    can change the outcome (a tiny estimate here, "unavailable" in ARX, or
    the reverse). Realistic class-size distributions converge cleanly.

Method notes:
    Everything is computed from the class-size histogram, vectorized with
    numpy over its entries (long sums such as those over 1..n always;
    per-class polygamma terms once there are more than 100 distinct class
    sizes, below which a Python loop is faster). Only the Newton iterations
    are a Python loop: a few dozen steps normally, up to 16,000 when a fit
    fails (about a second in the worst case). Nothing here sees a record or
    a cell value.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal

import numpy as np
import numpy.typing as npt

from veil.errors import UsageError
from veil.risk import _newton
from veil.risk._newton import Matrix, Vector, div, exp, log, power

Floats = npt.NDArray[np.float64]
ModelName = Literal["pitman", "zayatz", "snb"]
Choice = Literal["pitman", "zayatz", "snb", "none"]

DANKAR_SAMPLING_FRACTION: Final = 0.1
"""Dankar et al.: Pitman up to this sampling fraction, Zayatz/SNB above it."""

_EULER: Final = 0.57721566490153286060651209008240243104215933593992
_ZETA2: Final = math.pi * math.pi / 6.0
_ZETA3: Final = 1.202056903159594285399738161511449990764986292


@dataclass(frozen=True)
class UniquenessEstimate:
    """One model's estimate of the population uniques.

    Guarantee:
        ``available`` is False exactly when the model could not produce an
        estimate (its fit did not converge, or gave a value outside
        [0, population]); then ``uniques`` and ``fraction`` are 0.0. With no
        sample uniques every model is available with 0 uniques (as ARX).
    """

    model: str
    """"pitman", "zayatz" or "snb"; "none" for the Dankar estimate without sample uniques."""
    available: bool
    uniques: float
    """Estimated number of population uniques (records)."""
    fraction: float
    """``uniques`` / population size."""


@dataclass(frozen=True)
class PopulationUniqueness:
    """The three model estimates and the one chosen by the Dankar et al. 2012 rule.

    Guarantee:
        ``dankar`` is a copy of the chosen model's estimate (labelled with
        that model), or all zeros with ``dankar_choice == "none"`` when the
        sample has no uniques.
    """

    population_size: int
    sample_size: int
    sampling_fraction: float
    pitman: UniquenessEstimate
    zayatz: UniquenessEstimate
    snb: UniquenessEstimate
    dankar_choice: str
    """"pitman", "zayatz", "snb", or "none" when there are no sample uniques (ARX: DANKAR)."""
    dankar: UniquenessEstimate


# --------------------------------------------------------------------------- histogram


@dataclass(frozen=True)
class _Histogram:
    sizes: npt.NDArray[np.int64]  # ascending class sizes
    counts: npt.NDArray[np.int64]  # number of classes of each size
    records: int  # n, the sample size
    classes: int  # u, the number of equivalence classes

    def of_size(self, size: int) -> int:
        hit = np.flatnonzero(self.sizes == size)
        return int(self.counts[hit[0]]) if hit.size else 0


def _histogram(class_sizes: Mapping[int, int]) -> _Histogram:
    pairs: list[tuple[int, int]] = []
    for size, count in class_sizes.items():
        if not _is_int(size) or size < 1:
            raise UsageError(
                f"class_sizes: a key is {size!r}; expected a class size (an integer >= 1)",
                hint="pass {class size: number of equivalence classes of that size}",
            )
        if not _is_int(count) or count < 0:
            raise UsageError(
                f"class_sizes[{size}] is {count!r}; expected a number of classes (an integer >= 0)",
                hint="pass {class size: number of equivalence classes of that size}",
            )
        if count:
            pairs.append((int(size), int(count)))
    if not pairs:
        raise UsageError(
            "class_sizes has no equivalence classes; expected at least one class",
            hint="population uniqueness needs a non-empty sample",
        )
    pairs.sort()
    sizes = np.array([s for s, _ in pairs], dtype=np.int64)
    counts = np.array([c for _, c in pairs], dtype=np.int64)
    return _Histogram(
        sizes=sizes,
        counts=counts,
        records=int(np.dot(sizes, counts)),
        classes=int(counts.sum()),
    )


def _is_int(value: object) -> bool:
    return isinstance(value, int | np.integer) and not isinstance(value, bool)


def _sum(values: Floats) -> float:
    """Left-to-right sum (``cumsum`` is sequential, unlike numpy's pairwise ``sum``).

    Summing in ARX's order keeps the Newton iterates equal to ARX's to the last
    bit wherever the elementwise arithmetic is, so a fit stops at the same step.
    """
    return float(np.cumsum(values)[-1]) if values.size else 0.0


# --------------------------------------------------------------------------- polygamma


def _digamma(x: float) -> float:
    """psi(x) by recurrence to x >= 12 and de Moivre's asymptotic series (Minka's lightspeed)."""
    if not 1e-6 < x < math.inf:  # the common case falls through; NaN lands here
        if math.isnan(x) or math.isinf(x):
            return math.nan
        if x == 0.0:
            return -math.inf
        if x < 0.0:  # reflection: psi(x) = psi(1 - x) + pi / tan(-pi x)
            return _digamma(1.0 - x) + div(math.pi, math.tan(-math.pi * x))
        return -_EULER - 1.0 / x + _ZETA2 * x  # 0 < x <= 1e-6
    result = 0.0
    while x < 12.0:
        result -= 1.0 / x
        x += 1.0
    r = 1.0 / x
    result += math.log(x) - 0.5 * r
    r *= r
    return result - r * (1 / 12 - r * (1 / 120 - r * (1 / 252 - r * (1 / 240 - r * (1 / 132)))))


def _trigamma(x: float) -> float:
    """psi'(x) as ARX approximates it; used only in the Newton step (see below).

    Recurrence up to x >= 8, then the asymptotic series, but (as ARX) the
    series is added only when x >= 12, so for arguments that the recurrence
    leaves in [8, 12) the tail (about 1/x) is missing. This enters only the
    Jacobian of the Pitman closed forms, i.e. the direction of the Newton
    steps: the equations, the convergence test and the check against the exact
    sums do not use it. It is kept so that the iterations, and thus where they
    stop, are ARX's: with the exact trigamma the Adult estimate moves by about
    1e-10 relative and no longer reproduces ARX's printed digits.
    """
    if not 1e-4 < x < math.inf:  # the common case falls through; NaN lands here
        if math.isnan(x) or math.isinf(x):
            return math.nan
        if x == 0.0:
            return -math.inf  # as ARX (the pole); only reached on a failing Newton path
        if x < 0.0:  # reflection: psi'(x) = -psi'(1 - x) + (pi / sin(pi x))^2
            r = div(math.pi, math.sin(-math.pi * x))
            return -_trigamma(1.0 - x) + r * r
        return 1.0 / (x * x) + _ZETA2 - 2.0 * _ZETA3 * x  # 0 < x <= 1e-4
    result = 0.0
    while x < 8.0:
        result += 1.0 / (x * x)
        x += 1.0
    if x < 12.0:
        return result
    r = 1.0 / (x * x)
    series = 1 / 6 + r * (-1 / 30 + r * (1 / 42 + r * (-1 / 30 + r * (5 / 66))))
    return result + (0.5 * r + (1.0 + r * series) / x)


_SCALAR_UP_TO: Final = 100
"""Below this many histogram entries a Python loop beats numpy's per-call overhead."""


def _recurrence(y: Floats, limit: float, power: int) -> tuple[Floats, Floats]:
    """For each y > 0: (sum of 1/x**power over x = y, y+1, ... below ``limit``, first x >= limit).

    The steps x + 1 are taken by repeated addition and the terms summed left to
    right (``cumsum``), exactly as the scalar loops do, in one pass.
    """
    steps = int(limit)  # y > 0 reaches the limit within this many steps
    ladder = np.cumsum(
        np.concatenate((y[:, None], np.ones((y.size, steps))), axis=1), axis=1
    )
    below = ladder[:, :steps] < limit
    terms = np.where(below, 1.0 / ladder[:, :steps] ** power, 0.0)
    total: Floats = np.cumsum(terms, axis=1)[:, -1]
    last: Floats = ladder[np.arange(y.size), below.sum(axis=1)]
    return total, last


def _digamma_array(x: Floats) -> Floats:
    """:func:`_digamma` of every element (the same operations, vectorized)."""
    if x.size <= _SCALAR_UP_TO:
        return np.array([_digamma(v) for v in x.tolist()], dtype=np.float64)
    with np.errstate(all="ignore"):
        negative = x < 0.0
        total, y = _recurrence(np.where(negative, 1.0 - x, x), 12.0, 1)
        r = 1.0 / y
        result = -total + (np.log(y) - 0.5 * r)
        r *= r
        result -= r * (1 / 12 - r * (1 / 120 - r * (1 / 252 - r * (1 / 240 - r * (1 / 132)))))
        result = np.where(negative, result + np.pi / np.tan(-np.pi * x), result)
        small = (x > 0.0) & (x <= 1e-6)
        result = np.where(small, -_EULER - 1.0 / x + _ZETA2 * x, result)
        result = np.where(x == 0.0, -np.inf, result)
        out: Floats = np.where(np.isfinite(x), result, np.nan)
    return out


def _trigamma_array(x: Floats) -> Floats:
    """:func:`_trigamma` of every element (the same operations, vectorized)."""
    if x.size <= _SCALAR_UP_TO:
        return np.array([_trigamma(v) for v in x.tolist()], dtype=np.float64)
    with np.errstate(all="ignore"):
        negative = x < 0.0
        total, y = _recurrence(np.where(negative, 1.0 - x, x), 8.0, 2)
        r = 1.0 / (y * y)
        series = 1 / 6 + r * (-1 / 30 + r * (1 / 42 + r * (-1 / 30 + r * (5 / 66))))
        result = np.where(y >= 12.0, total + (0.5 * r + (1.0 + r * series) / y), total)
        reflected = np.pi / np.sin(-np.pi * x)
        result = np.where(negative, -result + reflected * reflected, result)
        small = (x > 0.0) & (x <= 1e-4)
        result = np.where(small, 1.0 / (x * x) + _ZETA2 - 2.0 * _ZETA3 * x, result)
        result = np.where(x == 0.0, -np.inf, result)
        out: Floats = np.where(np.isfinite(x), result, np.nan)
    return out


# Godfrey's coefficients for the Lanczos approximation with g = 607/128.
_LANCZOS_G: Final = 607.0 / 128.0
_LANCZOS: Final = (
    0.99999999999999709182, 57.156235665862923517, -59.597960355475491248,
    14.136097974741747174, -0.49191381609762019978, 0.33994649984811888699e-4,
    0.46523628927048575665e-4, -0.98374475304879564677e-4, 0.15808870322491248884e-3,
    -0.21026444172410488319e-3, 0.21743961811521264320e-3, -0.16431810653676389022e-3,
    0.84418223983852743293e-4, -0.26190838401581408670e-4, 0.36899182659531622704e-5,
)
_HALF_LOG_2PI: Final = 0.5 * math.log(2.0 * math.pi)


def _log_gamma(x: float) -> float:
    """log Gamma(x) for x > 0, NaN otherwise.

    Above 8 this is the Lanczos approximation (g = 607/128, Godfrey's
    coefficients) that ARX gets from Apache Commons Math. The Pitman estimate
    is exp(log Gamma(theta + 1) - log Gamma(theta + alpha)) with theta in the
    thousands, so the last-bit rounding of these two large logarithms shows in
    the 11th digit: with this approximation the Adult estimate is ARX's to the
    4 decimals ARX prints, with C's lgamma it is 4e-12 relative away.
    """
    if math.isnan(x) or x <= 0.0:
        return math.nan
    if math.isinf(x):
        return math.inf
    if x <= 8.0:
        return math.lgamma(x)
    series = 0.0
    for i in range(len(_LANCZOS) - 1, 0, -1):
        series += _LANCZOS[i] / (x + i)
    series += _LANCZOS[0]
    shifted = x + _LANCZOS_G + 0.5
    return (x + 0.5) * math.log(shifted) - shifted + _HALF_LOG_2PI + math.log(series / x)


def _gamma(x: float) -> float:
    """Gamma(x): NaN at the poles and for NaN, +inf on overflow."""
    if math.isnan(x):
        return math.nan
    try:
        return math.gamma(x)
    except ValueError:
        return math.nan
    except OverflowError:
        return math.inf


# --------------------------------------------------------------------------- Pitman


def _pitman(hist: _Histogram, population: float) -> float:
    """Hoshino's Pitman estimate of population uniques (NaN when the fit fails).

    The parameters (theta, alpha) maximise the likelihood of the observed
    class-size distribution under Pitman's sampling formula; the likelihood
    equations are solved by Newton-Raphson from Hoshino's moment-based
    starting values. As ARX: first with digamma/trigamma closed forms; if that
    fails, or its root is not a root of the exact (summed) equations, again
    with the exact equations. theta must stay >= 0. The estimate is
    Gamma(theta + 1) / Gamma(theta + alpha) * N**alpha, accepted in [0, N].
    """
    n = float(hist.records)
    u = float(hist.classes)
    c1 = float(hist.of_size(1))
    c2 = float(hist.of_size(2)) or 1.0  # as ARX: no pairs counts as one
    c = c1 * (c1 - 1.0) / c2
    theta0 = div(n * u * c - c1 * (n - 1.0) * (2.0 * u + c), 2.0 * c1 * u + c1 * c - n * c)
    alpha0 = div(theta0 * (c1 - n) + (n - 1.0) * c1, n * u)
    start = (theta0, alpha0)

    sizes = hist.sizes.astype(np.float64)
    counts = hist.counts.astype(np.float64)
    multi = sizes != 1.0
    multi_sizes, multi_counts = sizes[multi], counts[multi]

    def allowed(theta: float, alpha: float) -> bool:
        return theta >= 0.0

    # Closed forms: sums over i < u and i < n written with digamma/trigamma.
    def closed_equations(t: float, a: float) -> Vector:
        ta = div(t, a)
        big = _digamma((u - 1.0) + ta + 1.0)
        small = _digamma(ta + 1.0)
        e_theta = div(big - small, a) - (_digamma(n + t) - _digamma(t + 1.0))
        per_class = _digamma_array(multi_sizes - a) - _digamma(1.0 - a)
        e_alpha = div(-t * big + a * (u - 1.0) + t * small, a * a) - _sum(multi_counts * per_class)
        return (e_theta, e_alpha)

    def closed_jacobian(t: float, a: float) -> Matrix:
        ta = div(t, a)
        big = _digamma((u - 1.0) + ta + 1.0)
        small = _digamma(ta + 1.0)
        big1 = _trigamma(div(a + t + a * (u - 1.0), a))
        small1 = _trigamma(ta + 1.0)
        aa = a * a
        d_tt = div(small1 - big1, aa)
        d_ta = div(a * big + t * big1 - a * small - t * small1, aa * a)
        tt = t * t
        d_aa = div(
            aa * (u - 1.0) - tt * big1 + tt * small1 - 2.0 * a * t * big + 2.0 * a * t * small,
            aa * aa,
        )
        d_n = _trigamma(t + 1.0) - _trigamma(n + t)
        per_class = _trigamma(1.0 - a) - _trigamma_array(multi_sizes - a)
        d_classes = _sum(multi_counts * per_class)
        return (d_n - d_tt, -d_ta, -d_ta, -d_aa - d_classes)

    # Exact forms: the sums themselves, vectorized.
    i_u = np.arange(1.0, u)
    i_n = np.arange(1.0, n)
    max_size = int(hist.sizes[-1])
    j_size = np.arange(1.0, float(max_size))
    index = hist.sizes[multi] - 1  # position of sum_{j < size} in the cumulative sums

    def exact_equations(t: float, a: float) -> Vector:
        with np.errstate(all="ignore"):
            inv = 1.0 / (t + i_u * a)
            o1 = _sum(inv)
            o3 = _sum(i_u * inv)
            o2 = _sum(1.0 / (t + i_n))
            cum = np.concatenate(([0.0], np.cumsum(1.0 / (j_size - a))))
            o4 = _sum(multi_counts * cum[index])
        return (o1 - o2, o3 - o4)

    def exact_jacobian(t: float, a: float) -> Matrix:
        with np.errstate(all="ignore"):
            inv2 = 1.0 / (t + i_u * a) ** 2
            d1 = _sum(inv2)
            d5 = _sum(i_u * inv2)
            d3 = _sum(i_u * (i_u * inv2))
            d2 = _sum(1.0 / (t + i_n) ** 2)
            cum = np.concatenate(([0.0], np.cumsum(1.0 / (j_size - a) ** 2)))
            d4 = _sum(multi_counts * cum[index])
        return (d2 - d1, -d5, -d5, -d3 - d4)

    root = _newton.solve(closed_equations, closed_jacobian, start, allowed=allowed)
    if root is not None:
        check = exact_equations(*root)
        if not all(abs(v) <= _newton.ACCURACY for v in check):  # False for NaN too
            root = None
    if root is None:
        root = _newton.solve(exact_equations, exact_jacobian, start, allowed=allowed)
    if root is None:
        return math.nan
    theta, alpha = root
    if math.isnan(theta) or math.isnan(alpha) or alpha == 0.0:
        return math.nan
    scale = power(population, alpha)
    by_logs = exp(_log_gamma(theta + 1.0) - _log_gamma(theta + alpha)) * scale
    direct = div(_gamma(theta + 1.0), _gamma(theta + alpha)) * scale
    candidates = [v for v in (by_logs, direct) if 0.0 <= v <= population]
    return max(candidates) if candidates else math.nan


# --------------------------------------------------------------------------- Zayatz


def _zayatz(hist: _Histogram, population: int) -> float:
    """Zayatz's estimate of population uniques.

    P_k = P(a population class of size k has exactly one record in a simple
    random sample of n out of N) is hypergeometric. As ARX, the population
    class-size distribution is taken to be the sample's, so the probability
    that a sample unique is a population unique is
    (c1/u) P_1 / sum_k (c_k/u) P_k, and the estimate is c1 times that
    divided by the sampling fraction n/N.

    P_k = k n / (N - k + 1) * prod_{j < k-1} (1 - n / (N - j)) is computed in
    logs (log1p), exact to rounding for any N.
    """
    n = float(hist.records)
    big_n = float(population)
    sizes = hist.sizes.astype(np.float64)
    counts = hist.counts.astype(np.float64)
    j = np.arange(0.0, float(hist.sizes[-1]) - 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        # a factor is 0 (log -inf) once j reaches N - n: the class cannot have one record
        steps = np.where(j < big_n - n, np.log1p(-n / (big_n - j)), -np.inf)
    log_prod = np.concatenate(([0.0], np.cumsum(steps)))[hist.sizes - 1]
    p_one = sizes * n / (big_n - sizes + 1.0) * np.exp(log_prod)
    u = float(hist.classes)
    c1 = float(hist.of_size(1))
    denominator = _sum(counts / u * p_one)
    uniqueness = (c1 / u) * (n / big_n) / denominator
    return c1 * uniqueness / (n / big_n)


# --------------------------------------------------------------------------- SNB


def _snb(hist: _Histogram, population: int) -> float:
    """Chen & Keller-McNulty's slide negative binomial estimate (NaN when the fit fails).

    K, the number of non-empty population classes, is estimated with
    Shlosser's estimator (as ARX, including its subtraction of 1 per histogram
    entry rather than per class in one sum). The SNB parameters (alpha, beta)
    solve the two equations "expected sample classes of size 1 and 2 = observed"
    (as ARX, whose second equation multiplies by (1 - d)**(alpha + 2) while its
    Jacobian is that of dividing by it), by Newton-Raphson from (1, 1). The
    estimate is K * beta**alpha.
    """
    f = hist.records / population
    sizes = hist.sizes.astype(np.float64)
    counts = hist.counts.astype(np.float64)
    c1 = float(hist.of_size(1))
    c2 = float(hist.of_size(2))
    with np.errstate(all="ignore"):
        kept = np.power(1.0 - f, sizes) * counts
        var1 = _sum(sizes * (f * f) * np.power(1.0 - f * f, sizes - 1.0) * counts)
        var2 = _sum(kept * np.power(1.0 + f, sizes) - 1.0)
        var3 = _sum(kept)
        var4 = _sum(sizes * f * np.power(1.0 - f, sizes - 1.0) * counts)
    ratio = div(var3, var4)
    k = hist.classes + c1 * div(var1, var2) * ratio * ratio

    def equations(a: float, b: float) -> Vector:
        d = (1.0 - f) * (1.0 - b)
        e1 = k * f * power(div(b, 1.0 - d), a) * (div(a * d, 1.0 - d) + 1.0) - c1
        e2 = (
            k * a * power(b, a) * (f * f) * (1.0 - b) / 2.0
            * power(1.0 - d, a + 2.0) * (2.0 - (1.0 - a) * d) - c2
        )
        return (e1, e2)

    def jacobian(a: float, b: float) -> Matrix:
        v0 = (b - 1.0) * (f - 1.0)
        v1 = v0 - 1.0
        v2 = 1.0 - v0
        v3 = div(a * v0, v1) - 1.0
        v4 = power(div(-b, v1), a)
        ff = f * f
        v7 = power(b, a)
        v9 = a * (v7 * ff * k)
        v10 = 2.0 * power(v2, a + 2.0)
        v11 = v1 * v1
        fk = f * k
        fm1 = f - 1.0
        am1 = a - 1.0
        bm1 = b - 1.0
        v17 = am1 * v0
        ffk = ff * k
        v19 = v17 + 2.0
        v20 = ffk * v19
        d_a1 = -fk * log(div(-b, v1)) * v3 * v4 - div(fk * v4 * v0, v1)
        d_b1 = (
            a * fk * (div(1.0, v1) - div(b * fm1, v11)) * v3 * power(div(-b, v1), am1)
            - fk * v4 * (div(a * fm1, v1) - div(a * bm1 * (fm1 * fm1), v11))
        )
        d_a2 = (
            div(v9 * log(v2) * v19 * bm1, v10)
            - div(v9 * (bm1 * bm1) * fm1, v10)
            - div(v7 * v20 * bm1, v10)
            - div(a * v7 * ffk * log(b) * v19 * bm1, v10)
        )
        d_b2 = (
            -div(v9 * v19, v10)
            - div(a * a * power(b, am1) * v20 * bm1, v10)
            - div(a * v7 * ffk * v17, v10)
            - div(a * v7 * v20 * (a + 2.0) * v0, 2.0 * power(v2, a + 3.0))
        )
        return (d_a1, d_b1, d_a2, d_b2)

    root = _newton.solve(equations, jacobian, (1.0, 1.0))
    if root is None:
        return math.nan
    alpha, beta = root
    return k * power(beta, alpha)


# --------------------------------------------------------------------------- API


def _valid(value: float) -> bool:
    # As ARX: an estimate of exactly 0 or NaN means "not available".
    return not math.isnan(value) and value != 0.0


def _estimate(model: str, value: float, population: int) -> UniquenessEstimate:
    if not _valid(value):
        return UniquenessEstimate(model=model, available=False, uniques=0.0, fraction=0.0)
    return UniquenessEstimate(
        model=model, available=True, uniques=value, fraction=value / population
    )


def population_uniqueness(
    class_sizes: Mapping[int, int], *, population_size: int
) -> PopulationUniqueness:
    """Estimate the population uniques with Pitman, Zayatz and SNB, and apply Dankar's rule.

    ``class_sizes`` maps a class size to the number of equivalence classes of
    that size in the sample (e.g. ``{1: 15512, 2: 2098, ...}``); the sample
    size is the sum of size x count. ``population_size`` is the size N of the
    population the sample was drawn from.

    Dankar et al. 2012, as ARX implements it: with no sample uniques, every
    estimate is 0 and the choice is "none". Otherwise, if the sampling
    fraction n/N is at most 0.1, Pitman, or Zayatz if Pitman is unavailable;
    above 0.1, the smaller of Zayatz and SNB (SNB on a tie), or Zayatz if SNB
    is unavailable.

    Guarantee:
        Matches ARX 3.9.2's estimates (see the module docstring). Raises
        :class:`~veil.errors.UsageError` for an empty histogram, a class size
        below 1, a negative count, or a population smaller than the sample.
    """
    hist = _histogram(class_sizes)
    if not _is_int(population_size) or population_size < hist.records:
        raise UsageError(
            f"population_size is {population_size!r}; expected an integer >= the sample "
            f"size ({hist.records} records)",
            hint="the population is the group the sample was drawn from, so it is at "
            "least as large as the sample",
        )
    population = int(population_size)
    fraction = hist.records / population

    def result(
        pitman: UniquenessEstimate,
        zayatz: UniquenessEstimate,
        snb: UniquenessEstimate,
        choice: Choice,
        dankar: UniquenessEstimate,
    ) -> PopulationUniqueness:
        return PopulationUniqueness(
            population_size=population,
            sample_size=hist.records,
            sampling_fraction=fraction,
            pitman=pitman,
            zayatz=zayatz,
            snb=snb,
            dankar_choice=choice,
            dankar=dankar,
        )

    if hist.of_size(1) == 0:
        zeros = {
            name: UniquenessEstimate(model=name, available=True, uniques=0.0, fraction=0.0)
            for name in ("pitman", "zayatz", "snb", "none")
        }
        return result(zeros["pitman"], zeros["zayatz"], zeros["snb"], "none", zeros["none"])

    pitman = _estimate("pitman", _pitman(hist, float(population)), population)
    zayatz = _estimate("zayatz", _zayatz(hist, population), population)
    snb_value = _snb(hist, population)
    if not (math.isfinite(snb_value) and 0.0 <= snb_value <= population):
        snb_value = math.nan
    snb = _estimate("snb", snb_value, population)

    estimates: dict[ModelName, UniquenessEstimate] = {
        "pitman": pitman, "zayatz": zayatz, "snb": snb,
    }
    choice: ModelName
    if fraction <= DANKAR_SAMPLING_FRACTION:
        choice = "pitman" if pitman.available else "zayatz"
    elif snb.available:
        choice = "zayatz" if zayatz.uniques < snb.uniques else "snb"
    else:
        choice = "zayatz"
    return result(pitman, zayatz, snb, choice, estimates[choice])
