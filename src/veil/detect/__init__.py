"""Identifier detectors over single values and column names (no rows, no policy).

`veil.detect.patterns` holds the value detectors (a prefilter regex and a
vectorized validation each); `veil.detect.header` applies them to column names.
They sit below the scanner, the plan and the verification pass, which all use them.
"""
