"""The filter on NER spans (veil.text.ner.plausible): the model's PERSON/GPE tags on codes,
eponyms, section words and acronyms are dropped; names and places with evidence stay.
Model-free: the spans are written by hand as the model would tag them."""

from __future__ import annotations

import pytest

from veil.text.lexicon import lexicon
from veil.text.ner import plausible
from veil.text.spans import PhiType, Span


def _span(text: str, value: str, kind: PhiType) -> Span:
    start = text.index(value)
    return Span(start, start + len(value), kind, "ner_test", 0.6)


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("Dx J44.1 exacerbation", "J44.1", PhiType.NAME),
    ("Low B12 on labs", "B12", PhiType.CITY),
    ("Known Graves' disease", "Known Graves", PhiType.NAME),
    ("Tumor NGS pending", "Tumor NGS", PhiType.NAME),
    ("Electronically signed", "Electronically", PhiType.NAME),
    ("Paris classification 0-IIa", "Paris", PhiType.CITY),
    ("Travel to West Africa", "West Africa", PhiType.CITY),
    ("Lives in Texas", "Texas", PhiType.CITY),
])
def test_implausible_ner_spans_dropped(text: str, value: str, kind: PhiType) -> None:
    assert not plausible(text, _span(text, value, kind), lexicon())


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("Spoke with Marguerite Oyelowo today", "Marguerite Oyelowo", PhiType.NAME),
    ("Chukwuemeka Adeyemi arrived", "Chukwuemeka Adeyemi", PhiType.NAME),
    ("she moved from Kettleby last year", "Kettleby", PhiType.CITY),
    ("family in Spokane", "Spokane", PhiType.CITY),
])
def test_plausible_ner_spans_kept(text: str, value: str, kind: PhiType) -> None:
    assert plausible(text, _span(text, value, kind), lexicon())
