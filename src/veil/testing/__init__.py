"""Conformance checks for veil's extension points, public like `polars.testing` or
scikit-learn's `check_estimator`: whoever adds an action, a recognizer, a privacy model
or an engine runs it through the same checks the built-ins pass.

- `check_action(name_or_builder, rule=...)`: dtypes, nulls, determinism under a key,
  eager = lazy = streaming, row-local, refusals that quote no value;
- `check_recognizer(recognizer, positives=..., negatives=...)`: planted positives found,
  hard negatives not, evidence without values; `check_detector` for the verification
  pass's value detectors;
- `check_privacy_model(model)`: releases of generated tables satisfy the model, by its
  own check and by the definition recomputed independently;
- `check_engine(engine)`: the golden cases (`veil.testing.golden`) give exactly what the
  Polars engine gives;
- `assert_no_planted_identifiers(frame_or_path, planted)`: no planted value survives;
- `veil.testing.strategies`: hypothesis strategies for health tables (needs hypothesis).

Every check raises `ConformanceError` (an AssertionError) naming the check, the case and
the column or dtype, never a value of the data.
"""

from __future__ import annotations

import importlib

from veil.testing._failure import ConformanceError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from veil.testing.actions import ActionCheck, check_action
    from veil.testing.engines import EngineCheck, GoldenKeyStore, check_engine
    from veil.testing.planted import assert_no_planted_identifiers
    from veil.testing.privacy import PrivacyCheck, check_privacy_model
    from veil.testing.recognizers import (
        DetectorCheck,
        RecognizerCheck,
        check_detector,
        check_recognizer,
    )

# each check imports only what it tests (check_action needs no anonymizer)
_HOMES = {
    "ActionCheck": "actions", "check_action": "actions",
    "EngineCheck": "engines", "GoldenKeyStore": "engines", "check_engine": "engines",
    "assert_no_planted_identifiers": "planted",
    "PrivacyCheck": "privacy", "check_privacy_model": "privacy",
    "RecognizerCheck": "recognizers", "check_recognizer": "recognizers",
    "DetectorCheck": "recognizers", "check_detector": "recognizers",
}

__all__ = [
    "ActionCheck",
    "ConformanceError",
    "DetectorCheck",
    "EngineCheck",
    "GoldenKeyStore",
    "PrivacyCheck",
    "RecognizerCheck",
    "assert_no_planted_identifiers",
    "check_action",
    "check_detector",
    "check_engine",
    "check_privacy_model",
    "check_recognizer",
]


if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        if name in _HOMES:
            return getattr(importlib.import_module(f"veil.testing.{_HOMES[name]}"), name)
        raise AttributeError(f"module 'veil.testing' has no attribute {name!r}")
