"""The verification pass: an independent check of every value that leaves.

`verify_frame` streams a whole table through value detectors (regexes with
vectorized validations) and column-level checks, and returns a `Verification`
of counts by column and Safe Harbor category, never values. `veil deidentify`
and `veil apply` run it on their output before it is moved into place and fail
closed on any residual; `veil verify FILE` runs it on a file made by any tool.
"""

from veil.verify.expect import plan_expectations
from veil.verify.model import ColumnExpectation, Expect, Residual, Verification
from veil.verify.run import verify_file, verify_frame, verify_table

__all__ = [
    "ColumnExpectation",
    "Expect",
    "Residual",
    "Verification",
    "plan_expectations",
    "verify_file",
    "verify_frame",
    "verify_table",
]
