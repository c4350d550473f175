"""Whether a scrubber's spans cover a value in a text (the tests' unit of recall)."""

from __future__ import annotations

from veil.text.scrubber import Scrubber
from veil.text.spans import PhiType


def covered(scrubber: Scrubber, text: str, value: str, *,
            only: PhiType | None = None) -> bool:
    """Every letter and digit of the first `value` in `text` lies inside a span the
    scrubber finds (of type `only`, if given)."""
    start = text.index(value)
    spans = [s for s in scrubber.find(text) if only is None or s.type is only]
    return all(any(s.start <= p < s.end for s in spans)
               for p in range(start, start + len(value)) if text[p].isalnum())


def touched(scrubber: Scrubber, text: str, value: str, *,
            ignore: PhiType | None = None) -> bool:
    """Some span the scrubber finds (of any type but `ignore`) overlaps the first `value` in
    `text`: the tests' unit of a false positive."""
    start = text.index(value)
    return any(s.start < start + len(value) and s.end > start for s in scrubber.find(text)
               if s.type is not ignore)
