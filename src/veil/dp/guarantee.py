"""The `guarantee` block of a DP release: exactly what is protected, in NIST SP 800-226's terms.

SP 800-226 asks every claim of differential privacy to state the unit of
privacy, the privacy parameters (all of them, in the variant's own terms, plus a
conversion to (epsilon, delta) at a stated delta when the variant is zCDP), how
contributions were bounded, how the budget composes across releases, and what
the guarantee does not cover. This module writes that block; the numbers come
from the spec and from OpenDP, never from the data.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from veil.dp.loss import Accounting, Loss
from veil.dp.spec import ReleaseSpec

STRONG_EPSILON = 1.0  # SP 800-226: "a conservative setting of epsilon <= 1 provides strong ..."


def epsilon_equivalent(loss: Loss, delta: float) -> float:
    """The epsilon of (epsilon, delta)-DP that `loss` implies at `delta` (OpenDP's conversion)."""
    if loss.accounting is not Accounting.ZCDP:
        assert loss.epsilon is not None
        return loss.epsilon
    assert loss.rho is not None
    return _zcdp_epsilon(loss.rho, delta)


@cache
def _zcdp_epsilon(rho: float, delta: float) -> float:
    from veil.dp import _opendp as dp

    # a measurement whose privacy map is the constant rho, only to run OpenDP's own
    # zCDP -> (epsilon, delta) conversion on it (it is never invoked on data)
    dp.enable_features("honest-but-curious")
    constant = dp.measurements.make_user_measurement(
        dp.atom_domain(T=int), dp.absolute_distance(T=int), dp.zero_concentrated_divergence(),
        function=lambda x: x, privacy_map=lambda d_in: rho)
    profile = dp.combinators.make_zCDP_to_approxDP(constant).map(1)  # type: ignore[no-untyped-call]
    return float(profile.epsilon(delta))


def guarantee(spec: ReleaseSpec, *, spent_before: Loss | None, left_after: Loss | None,
              preview: bool = False) -> dict[str, Any]:
    """The guarantee block written into release.json and the report."""
    unit = spec.privacy_unit
    loss = spec.release.to_loss()
    block: dict[str, Any] = {
        "unit_of_privacy": {
            "level": "user-level (one person, all of their rows)",
            "column": unit.column,
            "max_contributions": unit.max_contributions,
            "bounding": (f"rows beyond {unit.max_contributions} per {unit.column!r} value are "
                         "dropped at random before any statistic is computed (OpenDP "
                         "truncation), so the guarantee holds for each person, not each row"),
        },
        "accounting": loss.accounting.value,
        "parameters": loss.to_dict(),
        "statement": _statement(spec, loss),
        "composition": ("sequential: the parameters of every release of dataset "
                        f"{spec.dataset!r} add up in its ledger, which refuses a release past "
                        f"the total ({spec.budget.to_loss().describe()}); the ledger knows the "
                        "data by the keyed fingerprint of its set of privacy units, so another "
                        "name or export of the same people spends the same budget"),
        "mechanisms": ("OpenDP (Polars integration, 'contrib' features): "
                       + ("Laplace noise" if loss.rho is None else "Gaussian noise")
                       + " on integers for counts and on floats for sums, with floating-point-"
                         "safe sampling; exponential mechanism for quantiles; "
                       + ("DP key selection by threshold for categories not declared public"
                          if any(q.key_selection for q in spec.queries) else
                          "categories only from public domains declared in the spec")),
        "not_covered": [
            "other releases of the same people that are not differentially private, or that "
            "use another ledger",
            "the public domains, bins and bounds written in the spec (they are not protected: "
            "they must not come from the data)",
            "which rows were in the data source at all (the data source's own exposure)",
            "errors the data owner sees while preparing a release (they run on the real data)",
        ],
    }
    if loss.accounting is Accounting.ZCDP:
        delta = spec.conversion_delta
        block["epsilon_delta_equivalent"] = {
            "epsilon": epsilon_equivalent(loss, delta), "delta": delta,
            "note": "SP 800-226: report the original parameter (rho) as well; compare "
                    "conversions only at the same delta"}
    if epsilon_equivalent(loss, spec.conversion_delta) > STRONG_EPSILON:
        block["caution"] = ("epsilon above 1: SP 800-226 calls epsilon <= 1 strong in most "
                            "cases and warns that large values may not provide meaningful "
                            "privacy")
    if spent_before is not None:
        block["ledger"] = {"spent_before": spent_before.to_dict(),
                           "left_after": None if left_after is None else left_after.to_dict()}
    if preview:
        block["preview"] = ("PREVIEW ON A COPY, NOT A RELEASE: true values are shown beside the "
                            "DP values; nothing was charged to the ledger; do not share")
    return block


def _statement(spec: ReleaseSpec, loss: Loss) -> str:
    unit = spec.privacy_unit
    who = (f"any one person (all rows sharing one {unit.column!r} value, at most "
           f"{unit.max_contributions} of which are used)")
    if loss.accounting is Accounting.PURE:
        strength = f"epsilon = {loss.epsilon:g} (pure differential privacy)"
    elif loss.accounting is Accounting.APPROXIMATE:
        strength = f"(epsilon, delta) = ({loss.epsilon:g}, {loss.delta:g}) (approximate DP)"
    else:
        strength = f"rho = {loss.rho:g} (zero-concentrated DP)"
        if loss.delta is not None:
            strength += f", plus delta = {loss.delta:g} for key selection"
    return (f"This release satisfies differential privacy with {strength} for {who}: its "
            "distribution of outputs is almost the same whether or not that person's data is "
            "in the dataset, so an observer learns almost nothing specific to them.")
