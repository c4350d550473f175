"""Scoring of a scrubber against gold spans, by hand-computed cases (no scrubber needed)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from veil.text.corpus import GoldSpan, NoteRecord
from veil.text.evaluate import (
    EvalResult,
    Leak,
    f_beta,
    score_corpus,
    score_negatives,
    term_kept,
    write_leak_values,
)
from veil.text.spans import PhiType, Span

TEXT = "Dr. Mary Bell saw Bell, Stacey on 05/03/21 for Parkinson's disease; call 617-555-0199."
#       0123456789012345678901234567890123456789012345678901234567890123456789012345678901234
GOLD = NoteRecord(
    "r1", "P1", "test", TEXT,
    (GoldSpan(4, 13, "NAME"), GoldSpan(18, 30, "NAME"), GoldSpan(34, 42, "DATE"),
     GoldSpan(73, 85, "PHONE")),
    ("Parkinson's disease",),
)


def span(start: int, end: int, kind: PhiType) -> Span:
    return Span(start, end, kind, "test")


def test_offsets_of_the_fixture() -> None:
    assert [TEXT[s.start:s.end] for s in GOLD.spans] == [
        "Mary Bell", "Bell, Stacey", "05/03/21", "617-555-0199"]


def test_perfect_prediction() -> None:
    result = score_corpus([GOLD], [[span(s.start, s.end, PhiType(s.type)) for s in GOLD.spans]])
    assert (result.recall, result.strict_recall, result.precision) == (1.0, 1.0, 1.0)
    assert result.token_recall == 1.0 and result.terms_kept_share == 1.0 and not result.leaks


def test_covered_ignores_punctuation_and_type_but_strict_does_not() -> None:
    predicted = [
        span(4, 8, PhiType.NAME), span(9, 13, PhiType.NAME),  # "Mary" + "Bell", space between
        span(18, 22, PhiType.NAME), span(24, 30, PhiType.NAME),  # the comma is not covered
        span(34, 42, PhiType.PHONE),  # the date found, with the wrong type
        span(73, 80, PhiType.PHONE),  # "617-555" only: a leak
    ]
    result = score_corpus([GOLD], [predicted])
    assert result.gold_spans == 4 and result.found == 3 and result.recall == 0.75
    assert result.strict_found == 2  # the two names; the date has the wrong type
    assert result.leaks == [Leak("r1", 73, 12, "PHONE")]
    assert result.per_type["DATE"].recall == 1.0 and result.per_type["DATE"].strict_recall == 0.0
    assert result.per_type["PHONE"].recall == 0.0
    # gold tokens: Mary Bell Bell Stacey 05 03 21 617 555 0199 -> 9 of 10 covered
    assert (result.gold_tokens, result.tokens_found) == (10, 9)
    # every predicted alphanumeric character lies in a gold span
    assert result.precision == 1.0
    assert result.per_type["PHONE"].predicted_chars == 6 + 6  # 050321 + 617555


def test_precision_per_character_and_f2() -> None:
    # "Parkinson" (47..56) wrongly tagged as a name: 9 false characters; "Mary Bell" right: 8
    result = score_corpus([GOLD], [[span(4, 13, PhiType.NAME), span(47, 56, PhiType.NAME)]])
    names = result.per_type["NAME"]
    assert (names.predicted_chars, names.true_chars) == (17, 8)
    assert names.precision == pytest.approx(8 / 17)
    assert names.recall == 0.5  # "Bell, Stacey" missed
    p, r = 8 / 17, 0.5
    assert names.f2 == pytest.approx(5 * p * r / (4 * p + r))
    assert result.terms_kept == 0  # the term was touched by a span


def test_f_beta_edges() -> None:
    assert f_beta(None, 1.0, beta=2) is None
    assert f_beta(0.0, 0.0, beta=2) == 0.0
    assert f_beta(1.0, 1.0, beta=2) == 1.0
    assert f_beta(0.5, 1.0, beta=2) == pytest.approx(5 * 0.5 / (4 * 0.5 + 1))


def test_terms_kept_on_scrubbed_text() -> None:
    text = "Hodgkin lymphoma in 2019; Hodgkin lymphoma again."
    assert term_kept(text, "Hodgkin lymphoma", scrubbed=text)
    half = "Hodgkin lymphoma in 2019; [NAME] lymphoma again."
    assert not term_kept(text, "Hodgkin lymphoma", scrubbed=half)
    assert term_kept(text, "in 2019", scrubbed="Hodgkin lymphoma in 2019; x")
    assert not term_kept(text, "absent term")
    assert term_kept(text, "Hodgkin lymphoma", predicted=[span(20, 24, PhiType.DATE)])
    assert not term_kept(text, "Hodgkin lymphoma", predicted=[span(26, 33, PhiType.NAME)])


def test_scrubbed_texts_decide_terms_when_given() -> None:
    scrubbed = TEXT.replace("Mary Bell", "[NAME]")
    result = score_corpus([GOLD], [[span(4, 13, PhiType.NAME)]], scrubbed=[scrubbed])
    assert result.terms_kept_share == 1.0


def test_negatives_changed() -> None:
    result = EvalResult()
    score_negatives(result, ["Is Lasix 80 mg ok?", "Will Bell's palsy recur?"],
                    ["Is Lasix 80 mg ok?", "Will [NAME]'s palsy recur?"])
    assert result.negatives_changed_share == 0.5
    other = EvalResult()
    score_negatives(other, ["a", "b", "c", "d"], predicted=[[], [span(0, 1, PhiType.NAME)], [], []])
    assert other.negatives_changed_share == 0.25


def test_result_json_has_no_values() -> None:
    result = score_corpus([GOLD], [[]])
    data = result.to_dict()
    assert data["recall"] == 0.0 and data["leaks_total"] == 4
    assert data["leaks"][0] == {"record": "r1", "offset": 4, "length": 9, "type": "NAME"}
    rendered = repr(data)
    for value in ("Mary", "Stacey", "05/03/21", "617"):
        assert value not in rendered


def test_one_prediction_per_record() -> None:
    with pytest.raises(ValueError):
        score_corpus([GOLD], [])


def test_leak_values_go_to_an_owner_only_file(tmp_path: Path) -> None:
    result = score_corpus([GOLD], [[]])
    path = tmp_path / "leaks.jsonl"
    write_leak_values(path, [GOLD], result.leaks)
    assert (os.stat(path).st_mode & 0o777) == 0o600
    assert "Mary Bell" in path.read_text()


def test_parse_marked_records() -> None:
    from veil.text.corpus import parse_marked

    record = parse_marked("Pt [[NAME|Ann Lee]] ([[AGE|93]]) has {{Crohn's disease}}; "
                          "call [[PHONE|617-555-0100]].", "m1", "P9")
    assert record.text == "Pt Ann Lee (93) has Crohn's disease; call 617-555-0100."
    assert [(record.text[s.start:s.end], s.type) for s in record.spans] == [
        ("Ann Lee", "NAME"), ("93", "AGE"), ("617-555-0100", "PHONE")]
    assert record.terms == ("Crohn's disease",) and record.patient_id == "P9"


def test_held_out_file_parses() -> None:
    """bench/text_heldout.txt: every record parses, every type is a PhiType."""
    from veil.text.corpus import parse_marked

    path = Path(__file__).resolve().parents[2] / "bench" / "text_heldout.txt"
    blocks = path.read_text(encoding="utf-8").split("\n=== ")[1:]
    records = [parse_marked(b.partition("\n")[2], b.split()[1]) for b in blocks]
    assert len(records) >= 30
    assert {s.type for r in records for s in r.spans} <= {t.value for t in PhiType}
    assert all("[[" not in r.text and "{{" not in r.text for r in records)
