"""`veil generate notes` and `veil text eval` from the command line: numbers out, values never."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.e2e.cli import run_cli
from veil.text.corpus import read_records


def test_generate_then_eval(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    made = run_cli(capsys, "generate", "notes", "--rows", "12", "--seed", "4", "--queries", "5",
                   "--negatives", "6", "-o", str(corpus))
    assert made.code == 0, made.stderr
    assert {p.name for p in corpus.iterdir()} == {
        "notes.jsonl", "queries.jsonl", "negatives.jsonl", "patients.csv", "patients.parquet"}
    records = list(read_records(corpus / "notes.jsonl"))
    values = {r.text[s.start:s.end] for r in records for s in r.spans}
    leaks = tmp_path / "leaks.jsonl"
    outcome = run_cli(capsys, "text", "eval", str(corpus / "notes.jsonl"), "--known",
                      str(corpus / "patients.parquet"), "--link", "patient_id", "--negatives",
                      str(corpus / "negatives.jsonl"), "--json", "--show-leaks", str(leaks))
    assert outcome.code == 0, outcome.stderr
    data = json.loads(outcome.stdout)
    assert data["records"] == 12 and data["negatives"] == 6
    assert data["gold_spans"] == sum(len(r.spans) for r in records)
    assert 0.5 < data["recall"] <= 1.0 and data["terms"] > 0
    assert data["find_chars_per_second"] > 0
    long_values = [v for v in values if len(v) >= 6]
    assert not [v for v in long_values if v in outcome.stdout + outcome.stderr]
    assert (os.stat(leaks).st_mode & 0o777) == 0o600
    assert len(leaks.read_text().splitlines()) == data["leaks_total"]
    table = run_cli(capsys, "text", "eval", str(corpus / "queries.jsonl"))
    assert table.code == 0 and "recall" in table.stdout
    assert not [v for v in long_values if v in table.stdout]


def test_eval_missing_corpus_is_a_usage_error(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    outcome = run_cli(capsys, "text", "eval", str(tmp_path / "nope.jsonl"))
    assert outcome.code == 2 and "no such file" in outcome.stderr


def test_ner_model_choice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    assert run_cli(capsys, "generate", "notes", "--rows", "3", "--seed", "5", "--queries", "2",
                   "--negatives", "2", "-o", str(corpus)).code == 0
    wrong = run_cli(capsys, "text", "eval", str(corpus / "queries.jsonl"), "--ner",
                    "--ner-model", "bert")
    assert wrong.code == 2 and "--ner-model" in wrong.stderr
    veil_only = run_cli(capsys, "text", "eval", str(corpus / "queries.jsonl"), "--ner",
                        "--ner-model", "veil", "--json")
    assert veil_only.code == 0, veil_only.stderr
    assert json.loads(veil_only.stdout)["records"] == 2
