"""veil.text: find and replace protected health information in free text.

Detection and replacement are two halves joined only by `Span` (start, end,
type, source, score):

1. ``Scrubber(ScrubOptions(...))`` loads the dictionaries (and the optional NER
   model) once;
2. ``scrubber.find(text)`` / ``find_batch(texts)`` return merged, sorted spans;
3. ``known_phi_from_table(frame, link)`` turns a patient table into per-patient
   identifiers that are always found in that patient's notes;
4. ``scrubber.scrub_batch(texts, known=..., patient_keys=...)`` replaces them
   (numbered tags or keyed surrogates; Safe Harbor dates keep the year, ages
   over 89 become 90+);
5. ``veil scrub --jsonl`` does the same from the command line.

The heavy names are imported on first use (PEP 562), so `veil.text.spans` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from veil.text.spans import PhiType, Span

if TYPE_CHECKING:
    from veil.text.known import KnownPhi, KnownTable, known_phi_from_table
    from veil.text.scrubber import Scrubber, ScrubOptions

__all__ = ["KnownPhi", "KnownTable", "PhiType", "ScrubOptions", "Scrubber", "Span",
           "known_phi_from_table"]

_LAZY = {"KnownPhi": "veil.text.known", "KnownTable": "veil.text.known",
         "known_phi_from_table": "veil.text.known", "Scrubber": "veil.text.scrubber",
         "ScrubOptions": "veil.text.scrubber"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'veil.text' has no attribute {name!r}")
