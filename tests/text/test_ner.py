"""The optional NER signal loads offline from the installed model and adds spans (the
`text-ner` extra is installed by `make`; this test never skips)."""

from __future__ import annotations

from veil.text.ner import load_model, ner_spans
from veil.text.scrubber import Scrubber, ScrubOptions
from veil.text.spans import PhiType


def test_model_loads_once_and_finds_a_person() -> None:
    assert load_model() is load_model()
    spans = ner_spans(["Yesterday Bartholomew Quinterro visited the ward."])[0]
    assert any(s.type is PhiType.NAME for s in spans)


def test_scrubber_with_ner_keeps_clinical_terms() -> None:
    scrub = Scrubber(ScrubOptions(ner=True))
    text = "Parkinson's disease and Hodgkin lymphoma; metformin 500 mg; Wells score 2."
    assert scrub.scrub(text) == text
