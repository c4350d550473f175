"""Every built-in privacy model through `veil.testing.check_privacy_model`, and a model
that lies about its classes is caught by the independent recomputation."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from veil.anonymize import (
    AverageRisk,
    DistinctLDiversity,
    EntropyLDiversity,
    KAnonymity,
    MaxRisk,
    PrivacyModel,
    RecursiveCLDiversity,
    TCloseness,
)
from veil.anonymize.classes import Classes
from veil.anonymize.prepare import Prepared
from veil.testing import ConformanceError, check_privacy_model

MODELS: list[PrivacyModel] = [
    KAnonymity(2), KAnonymity(5), KAnonymity(10), MaxRisk(0.2), AverageRisk(0.1),
    DistinctLDiversity("diagnosis", 3), EntropyLDiversity("diagnosis", 2.5),
    EntropyLDiversity("diagnosis", 2.0, "grassberger"), RecursiveCLDiversity("diagnosis", 3.0, 2),
    TCloseness("diagnosis", 0.3), TCloseness("lab_band", 0.2, "ordered"),
]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.describe())
def test_builtin_model_conforms(model: PrivacyModel) -> None:
    result = check_privacy_model(model, seeds=range(3))
    assert result.solved >= 1


def test_independent_recomputation_covers_the_simple_models() -> None:
    assert check_privacy_model(KAnonymity(3), seeds=[0]).independent
    assert not check_privacy_model(RecursiveCLDiversity("diagnosis", 3.0, 2),
                                   seeds=[0]).independent


@dataclass(frozen=True)
class _LyingK(KAnonymity):
    """Claims every class is fine: the search then releases the table unchanged."""

    def classes_ok(self, classes: Classes, prepared: Prepared) -> np.ndarray:  # type: ignore[override]
        return np.ones(classes.size, dtype=np.bool_)


def test_a_lying_model_is_caught() -> None:
    with pytest.raises(ConformanceError, match="independently"):
        check_privacy_model(_LyingK(5), seeds=[0])


def test_an_impossible_model_is_not_vacuously_accepted() -> None:
    with pytest.raises(ConformanceError, match="no generated table"):
        check_privacy_model(DistinctLDiversity("diagnosis", 50), seeds=[0], rows=100)
