"""Facilities that a document's layout marks (veil.text.layout)."""

from __future__ import annotations

import pytest

from tests.text.coverage import covered
from veil.text.scrubber import Scrubber
from veil.text.spans import PhiType


@pytest.mark.parametrize(("text", "value"), [
    ("Blue Ridge Internal Medicine\n88 Patton Ave, Asheville, NC 28801\n\nDear Dr. Okafor,",
     "Blue Ridge Internal Medicine"),
    ("Dental progress note — Smiles of Frederick, 227 W Patrick St, Frederick MD\nPt seen.\nOK",
     "Smiles of Frederick"),
    ("DISCHARGE SUMMARY University of Iowa Hospitals & Clinics — General Medicine\nPt: M.\nx",
     "University of Iowa Hospitals & Clinics"),
    ("Dialysis today.\nUnit: Fresenius Kidney Care — Bayou Vista   Chair 11\nTx: 4 h",
     "Bayou Vista"),
    ("Influenza 10/19/2026 at Walgreens #11872 per registry", "Walgreens #11872"),
])
def test_letterheads_headers_and_branches(scrubber: Scrubber, text: str, value: str) -> None:
    assert covered(scrubber, text, value)


@pytest.mark.parametrize("text", [
    "Infectious Diseases — Consult Reply\nRe: patient\nSeen today.",
    "NIGHT FLOAT HANDOFF (I-PASS) - Medicine Team Gold\nBed 4: stable\nBed 5: stable",
    "PHYSICAL THERAPY INITIAL EVALUATION - OUTPATIENT\nStrength 4/5\nGait slow",
    "Liver Transplant Program — Pre-listing Coordinator Note\nLabs reviewed\nPlan set",
])
def test_service_and_document_headers_stay(scrubber: Scrubber, text: str) -> None:
    assert [s for s in scrubber.find(text) if s.type is PhiType.FACILITY] == []
