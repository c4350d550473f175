"""The optional NER signal loads offline from the installed model and adds spans (the
`text-ner` extra is installed by `make`; this test never skips)."""

from __future__ import annotations

import pytest

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
    from veil.text.ner import load_trained_models, trained_spans

    assert load_trained_models() is load_trained_models()
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


def test_trained_model_spans_of_measurements_and_services_are_dropped() -> None:
    from veil.text.ner import keep_trained_span

    def kept(text: str, surface: str, label: str) -> bool:
        start = text.index(surface)
        return keep_trained_span(text, start, start + len(surface), label)

    assert not kept("MAP at 90 he was started on pressors.", "90", "AGE")
    assert not kept("Stopped at 90 she felt better.", "90", "AGE")
    assert not kept("Patient is a woman, 95 kg, with CHF.", "95", "AGE")
    assert not kept("ANA 1:160, C3 90, C4 20.", "90", "AGE")
    assert not kept("Pressure support 15/5 overnight.", "15/5", "DATE")
    assert not kept("Discussed 1/2 tab BID dosing.", "1/2", "DATE")
    assert not kept("Seen 2-3 Times daily.", "2-3", "DATE")
    assert not kept("Monday 5/5 strength bilaterally.", "5/5", "DATE")
    assert not kept("She lives near Reading 4 miles away.", "miles away", "NAME")
    assert not kept("per Trust policy.", "Trust policy", "NAME")
    assert not kept("Male, 90 kg, BMI 31.", "Male", "NAME")
    assert not kept("Referred to General Surgery.", "General Surgery", "FAC")
    assert not kept("Discussed at Tumor Board.", "Tumor Board", "FAC")
    assert not kept("Breast Surgery clinic.", "Breast Surgery clinic", "FAC")
    assert not kept("Admission Hb 95, plt 150.", "95", "AGE")
    assert not kept("at 96 hrs he was extubated.", "96", "AGE")
    assert not kept("Review at 2 weeks, then 6/52.", "6/52", "DATE")
    assert not kept("Code Blue called.", "Code Blue", "NAME")
    assert not kept("Mother Baby Unit.", "Baby Unit", "NAME")
    assert kept("Remarkably, at 96, he walks", "96", "AGE")
    assert kept("Mr. Brown was seen.", "Brown", "NAME")
    assert kept("my nana deloris okonjo was seen", "deloris okonjo", "NAME")
    assert kept("seen at riverbend clinic on march 3rd", "riverbend clinic", "FAC")
    assert kept("Seen at Cleveland Clinic in March.", "Cleveland Clinic", "FAC")


def test_ner_spans_before_an_eponym_word_are_dropped() -> None:
    scrub = Scrubber(ScrubOptions(ner=True))
    for text in ("Is an Austin Flint murmur heard best at the apex?",
                 "Does Sister Mary Joseph nodule mean metastatic disease?",
                 "Ottawa ankle rules negative, no x-ray."):
        assert scrub.scrub(text) == text
    found = scrub.find("My mother Mary Joseph lives in Ottawa.")
    assert {s.type for s in found} >= {PhiType.NAME, PhiType.CITY}


def test_trained_model_spans_written_as_proper_names_are_kept() -> None:
    """Since the model learnt from hand-written text its capitalized spans stand where no list
    holds their words (villages, organizations by initials, carriers, Pacific names), and
    record numbers with capitals or five digits; services, languages, codes do not."""
    from veil.text.ner import keep_trained_span

    def kept(text: str, surface: str, label: str) -> bool:
        start = text.index(surface)
        return keep_trained_span(text, start, start + len(surface), label)

    assert kept("Flew out on Yute Commuter at noon.", "Yute Commuter", "FAC")
    assert kept("Referred to YKHC for follow-up.", "YKHC", "FAC")
    assert kept("Seen at Ascension Sacred Heart Pensacola.", "Ascension Sacred Heart Pensacola",
                "FAC")
    assert kept("She lives in Kualapuu now.", "Kualapuu", "LOC")
    assert kept("Mail to PO Box 57, please.", "PO Box 57", "LOC")
    assert kept("Spoke with Kimiuo Siales today.", "Kimiuo Siales", "NAME")
    assert kept("Be1inda Moore called back.", "Be1inda Moore", "NAME")
    assert kept("Chart from IFHS 7730 attached.", "IFHS 7730", "ID")
    assert kept("Member 2 851 1198 042 17 on file.", "2 851 1198 042 17", "ID")
    assert not kept("Happy Easter from all of us.", "Easter", "NAME")
    assert not kept("The Coast Guard flew her in.", "Coast Guard", "NAME")
    assert not kept("Referred to Family Services.", "Family Services", "FAC")
    assert not kept("Per Fleischner Society guidance.", "Fleischner Society", "FAC")
    assert not kept("Family plans to scatter ashes.", "scatter ashes", "FAC")
    assert not kept("Interpreter for Ilocano booked.", "Ilocano", "LOC")
    assert not kept("Moved here from Guam.", "Guam", "LOC")
    assert not kept("Carrier of CYP2C19 rs4244285.", "rs4244285", "ID")
    assert not kept("Otitis media, H66.3X2.", "H66.3X2", "ID")
    assert not kept("Temp 38.9, +1 at 1830 dose.", "+1 at 1830", "ID")
    assert not kept("Took 12500 units of heparin.", "12500", "ID")


@pytest.mark.parametrize(("text", "surface", "label"), [
    ("Zenpep 40000 with meals.", "40000", "ID"),
    ("Viral load came back 45000 copies.", "45000", "ID"),
    ("Meets IEC 60601 for the pump.", "IEC 60601", "ID"),
    ("Deployed to Iraq 2003-2004.", "2003-2004", "ID"),
    ("Volunteered with the Peace Corps in Togo.", "the Peace Corps", "FAC"),
    ("Went to SMART Recovery meetings weekly.", "SMART Recovery meetings", "FAC"),
    ("Took Accutane as a teen.", "Took Accutane", "FAC"),
    ("Grew up in the Horn of Africa.", "the Horn of Africa", "FAC"),
    ("Family practices Christian Science.", "Christian Science", "FAC"),
    ("She is Native Hawaiian.", "Native Hawaiian", "FAC"),
    ("Can I ride my Peloton after the stent?", "Peloton", "LOC"),
    ("Formula switched to Nutramigen last week.", "Nutramigen", "LOC"),
    ("Juven packets twice daily for the wound.", "Juven", "NAME"),
    ("GIVEN NARCAN IN FIELD BY EMS.", "FIELD", "LOC"),
    ("Campylobacter jejuni grew in the stool.", "Campylobacter", "NAME"),
    ("File CMS-2746 with the state.", "CMS-2746", "ID"),
    ("ROUTINE VISIT. YOUNG WOMEN OFTEN ASK.", "YOUNG WOMEN", "LOC"),
    ("IS BRACKISH WATER SAFE FOR A WOUND?", "BRACKISH WATER", "LOC"),
    ("Referred to the Community Health Center for labs.", "Community Health Center", "FAC"),
    ("She moved into Hospice last week.", "Hospice", "FAC"),
])
def test_trained_model_spans_of_products_peoples_and_doses_are_dropped(
        text: str, surface: str, label: str) -> None:
    """The first review of the looser filter: doses, lab values, standards and year ranges
    read as IDs; programmes, a sentence's first word, regions, faiths and peoples as FACs;
    a product alone after 'my' or a treatment's verb as a NAME or LOC; English words in a
    shouted line, a facility's generic words alone."""
    from veil.text.ner import keep_trained_span

    start = text.index(surface)
    assert not keep_trained_span(text, start, start + len(surface), label)


def test_trained_model_record_numbers_need_their_word_or_their_shape() -> None:
    from veil.text.ner import keep_trained_span

    def kept(text: str, surface: str) -> bool:
        start = text.index(surface)
        return keep_trained_span(text, start, start + len(surface), "ID")

    assert kept("Record 48213 was merged.", "48213")
    assert kept("Encounter # 88104 closed.", "88104")
    assert kept("Plan ID 3908 1152 06 on file.", "3908 1152 06")
    assert kept("Sample HL-CUB-044 shipped.", "HL-CUB-044")
    assert not kept("Platelets 150000 today.", "150000")


def test_trained_model_filter_stays_fast_on_long_hostile_spans() -> None:
    """A span as long as a whole line of repeated capitals and dashes is judged at once (the
    record-number shapes never see more than a record number's length)."""
    import time

    from veil.text.ner import keep_trained_span

    text = "AB-" * 3000 + "x"
    started = time.perf_counter()
    for label in ("ID", "FAC", "NAME", "LOC"):
        assert not keep_trained_span(text, 0, len(text), label)
    assert time.perf_counter() - started < 5.0
