"""A two-dimensional Newton-Raphson solver with ARX's restart schedule, plus IEEE-safe helpers.

The population models in :mod:`veil.risk.population` fit two parameters by
solving two equations. Whether a model "converges" decides which estimate the
Dankar rule picks, so the solver reproduces the schedule of the solver ARX 3.9.2
uses (its default ``ARXSolverConfiguration``, deterministic mode):

- accuracy 1e-6: a point is a solution when both equations are within 1e-6 of 0;
- one try from the model's own starting point, then one try from each of 16
  fixed starting points on the grid {0, 0.33, 0.66, 0.99}²;
- at most 1,000 Newton steps per try; a try ends early when a step gives NaN or
  leaves the parameter's allowed region (the optional constraint);
- the search ends after the first step from the last grid point (ARX stops
  there, so that point is only checked for being a solution itself).

ARX also stops on wall-clock limits (100 ms per try, 1 s in total); this solver
has no time limits, so its outcome never depends on the speed of the machine.

Guarantee:
    Deterministic: the same equations and starting point give the same result
    on every run. The Newton iterations are a plain Python loop (a few
    thousand steps at most), each step costing one evaluation of the equations.

The helpers below evaluate like Java's ``double`` arithmetic: division by zero,
overflow and the logarithm or a fractional power of a negative number give
±inf or NaN instead of raising, because the solver relies on NaN to detect a
failed try.
"""

from __future__ import annotations

import math
from collections.abc import Callable

Vector = tuple[float, float]
Matrix = tuple[float, float, float, float]  # row-major: (d f1/dx, d f1/dy, d f2/dx, d f2/dy)

ACCURACY = 1e-6
ITERATIONS_PER_TRY = 1000


def _grid() -> tuple[Vector, ...]:
    # The grid is built by repeated addition of 0.33, as ARX builds it, so the
    # points are the same doubles (0.99 is 0.9900000000000001).
    axis: list[float] = []
    value = 0.0
    while value < 1.0:
        axis.append(value)
        value += 0.33
    return tuple((x, y) for x in axis for y in axis)


START_VALUES: tuple[Vector, ...] = _grid()


def div(a: float, b: float) -> float:
    """``a / b`` with IEEE semantics (x/0 is ±inf, 0/0 is NaN)."""
    if b == 0.0:
        if a == 0.0 or math.isnan(a):
            return math.nan
        return math.copysign(math.inf, a) * math.copysign(1.0, b)
    return a / b


def power(x: float, y: float) -> float:
    """``x ** y`` as Java's ``Math.pow``: NaN for a negative base and fractional exponent."""
    if y == 0.0:
        return 1.0
    if math.isnan(x) or math.isnan(y):
        return math.nan
    try:
        return math.pow(x, y)
    except ValueError:  # negative base with fractional exponent, or 0 to a negative power
        if x == 0.0:
            odd = y.is_integer() and int(y) % 2 == 1
            return -math.inf if (odd and math.copysign(1.0, x) < 0) else math.inf
        return math.nan
    except OverflowError:
        negative = x < 0.0 and y.is_integer() and int(y) % 2 == 1
        return -math.inf if negative else math.inf


def log(x: float) -> float:
    """Natural logarithm: NaN below 0, -inf at 0."""
    if math.isnan(x) or x < 0.0:
        return math.nan
    if x == 0.0:
        return -math.inf
    return math.log(x)


def exp(x: float) -> float:
    """Exponential: +inf on overflow."""
    try:
        return math.exp(x)
    except OverflowError:
        return math.inf


def solve(
    equations: Callable[[float, float], Vector],
    jacobian: Callable[[float, float], Matrix],
    start: Vector,
    *,
    allowed: Callable[[float, float], bool] | None = None,
) -> Vector | None:
    """A root of ``equations`` near ``start`` by Newton-Raphson, or None if none was found.

    ``jacobian`` gives the partial derivatives of the two equations at a point;
    ``allowed`` (optional) says whether a point is in the parameter region (a
    try stops when a step leaves it).
    """
    tries = (start, *START_VALUES)
    last = len(tries) - 1
    for index, (x, y) in enumerate(tries):
        steps = 0
        while True:
            f1, f2 = equations(x, y)
            if abs(f1) <= ACCURACY and abs(f2) <= ACCURACY:
                return (x, y)
            j11, j12, j21, j22 = jacobian(x, y)
            scale = div(1.0, j11 * j22 - j12 * j21)
            x -= (j22 * scale) * f1 + (-j12 * scale) * f2
            y -= (-j21 * scale) * f1 + (j11 * scale) * f2
            if index == last:
                return None
            if allowed is not None and not allowed(x, y):
                break
            if math.isnan(x) or math.isnan(y) or steps >= ITERATIONS_PER_TRY:
                break
            steps += 1
    return None
