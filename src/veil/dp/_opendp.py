"""The parts of OpenDP veil uses, imported without `opendp.prelude`.

`opendp.prelude` also imports OpenDP's scikit-learn extras, which import
scikit-learn and SciPy: about 6 s on this machine for nothing veil uses. These
are the same objects, from the modules that define them. Importing this module
enables OpenDP's "contrib" features: its Polars measurements are in that tier
(implemented and tested, not yet formally vetted), and every guarantee block
says so.
"""

from __future__ import annotations

from opendp import combinators, measurements
from opendp.accuracy import summarize_polars_measurement
from opendp.context import Context, domain_of, loss_of, unit_of
from opendp.domains import atom_domain, with_margin
from opendp.extras.polars import Margin, dp_len  # also registers the `.dp` expression namespace
from opendp.measurements import make_private_lazyframe
from opendp.measures import zero_concentrated_divergence
from opendp.metrics import absolute_distance
from opendp.mod import OpenDPException, enable_features

enable_features("contrib")

__all__ = [
    "Context",
    "Margin",
    "OpenDPException",
    "absolute_distance",
    "atom_domain",
    "combinators",
    "domain_of",
    "dp_len",
    "enable_features",
    "loss_of",
    "make_private_lazyframe",
    "measurements",
    "summarize_polars_measurement",
    "unit_of",
    "with_margin",
    "zero_concentrated_divergence",
]
