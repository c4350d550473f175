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


def test_trained_model_ships_loads_once_and_finds_informal_names() -> None:
    from veil.text.ner import load_trained_model, trained_spans

    assert load_trained_model() is load_trained_model()
    text = "my nana deloris okonjo was seen at riverbend clinic on march 3rd"
    spans = trained_spans([text])[0]
    assert any(s.type is PhiType.NAME and "okonjo" in text[s.start:s.end] for s in spans)
    assert all(s.source.startswith("ner_veil_") for s in spans)


def test_trained_model_spans_are_filtered() -> None:
    from veil.text.ner import keep_trained_span

    text = "Parkinson's disease on metformin; seen in Texas; Cleveland Clinic; age 45; 3/4"
    assert not keep_trained_span(text, 0, 11, "NAME")  # an eponym
    assert not keep_trained_span(text, 23, 32, "NAME")  # a drug
    assert not keep_trained_span(text, 42, 47, "LOC")  # a state
    assert not keep_trained_span(text, 67, 73, "AGE")  # not over 89
    assert not keep_trained_span(text, 0, 4, "ID")  # numbers are the rules' to read
    assert keep_trained_span(text, 75, 78, "DATE")
    assert keep_trained_span(text, 49, 65, "FAC")


def test_ner_models_option_is_checked_and_each_model_runs_alone() -> None:
    import pytest

    from veil.errors import UsageError

    with pytest.raises(UsageError):
        ScrubOptions(ner=True, ner_models=("bert",))
    text = "Parkinson's disease and Hodgkin lymphoma; metformin 500 mg; Wells score 2."
    for models in (("veil",), ("spacy",), ("veil", "spacy")):
        assert Scrubber(ScrubOptions(ner=True, ner_models=models)).scrub(text) == text
