"""Fixes of the session-8 adversarial review: the misfires it found, each beside the PHI its
rule must still find. (Its slow inputs, blank form fields that backtracked cubically, are
timed by hand and recorded in BENCHMARKS.md: the house keeps timings out of tests.)"""

from __future__ import annotations

import pytest

from veil.text.scrubber import Scrubber


def _found(scrubber: Scrubber, text: str) -> list[str]:
    return [text[s.start:s.end] for s in scrubber.find(text)]


@pytest.mark.parametrize("text", [
    "pH 7.35 7.40 7.38 7.41 on serial ABGs.",
    "Order 5000 U heparin SC. Platelets 5000 on day 3.",
    "Order 1200 kcal diet.",
    "Ticket ICD-10 I10.",
    "Age 72 M, HR 80-95 bpm.",
    "Age 67, sats 88-94% on 2L.",
    "age 55 with HR 80 to 95 overnight.",
    "Patient aged 45; SpO2 range 88 to 94%.",
    "BG 7 am 12.1. 4 pm 9.8.",
    "Hb am 12.1. pm 11.8.",
    "HR 88@0800",
    "12 Oak St, 5000 Medrol dose.",
    'Mary Jones "DNR" Code Status. "Full" Code',
    "bed 2 - tacrolimus level",
    "- cabg 45M ; (troponin 67F)",
    "- osimertinib 60F",
    "Mercy Health Troponin negative.",
    "Mayo Clinic Tacrolimus levels.",
    "PID|1||A1^^^PI^MR",
    "SEEN BY ONCOLOGY DR PATEL. REFERRED BY FAMILY DR.",
])
def test_review_misfires_stay_clinical(scrubber: Scrubber, text: str) -> None:
    found = _found(scrubber, text)
    for kept in ("7.35", "5000", "1200", "ICD-10", "95", "94", "12.1", "@0800", "Medrol",
                 "Code", "tacrolimus", "troponin", "osimertinib", "Troponin", "Tacrolimus",
                 "PI", "ONCOLOGY DR", "FAMILY DR"):
        assert not any(kept in f for f in found), (kept, found)


@pytest.mark.parametrize(("text", "value"), [
    ("Tel 017687 55501   Fax 017687 55509", "017687 55501"),
    ("Order # 558812 placed; order 558812 cancelled", "558812"),
    ("Ages of residents range 78 to 98 in this outbreak.", "98"),
    ("der sich vom 24.11. bis 29.11.2026 in Behandlung befand", "24.11"),
    ("DATE OF NOTE: DEC 01, 2026@10:42", "@10:42"),
    ("12 rue de la Paix, 75002 Paris.", "75002"),
    ("Children's Hospital of Philadelphia (CHOP) accepted. CHOP called back.", "CHOP"),
    ("rear-ended at light on Jericho Tpke, Mineola", "Jericho Tpke"),
    ("rm 614 - kevin tran, dka resolving", "kevin tran"),
])
def test_the_rules_still_find_their_phi(scrubber: Scrubber, text: str, value: str) -> None:
    assert any(value in f for f in _found(scrubber, text))
