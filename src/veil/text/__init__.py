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
"""

from veil.text.spans import PhiType, Span

__all__ = ["PhiType", "Span"]
