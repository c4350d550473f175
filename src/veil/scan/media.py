"""Recognizers for photographs (Q), biometric identifiers (P) and free text.

Photos show up as image file names, image URLs, data URIs, base64 text or raw
bytes with an image signature. Biometric templates are opaque blobs that look
like any hash, so only the header can name them. Free text is long strings of
many words; it may hide any identifier, which is why its role is TEXT.
"""

from __future__ import annotations

import polars as pl

from veil.categories import Kind
from veil.scan.recognizer import Header, Rule, ValueCheck, gate_on, uses
from veil.scan.sample import VALIDATE_LIMIT, ColumnSample, Prefilter

_IMAGE_TEXT = (
    r"(?i)(\.(jpe?g|png|gif|bmp|tiff?|dcm|dicom|heic|heif|webp)(\?\S*)?$"
    r"|^data:image/|^(/9j/|iVBORw0KGgo|R0lGOD))"
)
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"II*\x00",
                b"MM\x00*", b"RIFF")
_OPAQUE = r"^[A-Za-z0-9+/=_\-]{16,}$"


def _is_image_bytes(value: bytes) -> bool:
    return value.startswith(_IMAGE_MAGIC) or value[128:132] == b"DICM"


def _binary_share(column: ColumnSample) -> tuple[float, int]:
    """Share of <= VALIDATE_LIMIT sampled byte values that carry an image signature."""
    values = column.values.head(VALIDATE_LIMIT).to_list()
    # Python loop over at most VALIDATE_LIMIT values, never over all rows.
    hits = sum(1 for v in values if isinstance(v, bytes) and _is_image_bytes(v))
    return (hits / len(values) if values else 0.0, len(values))


def _photo_gate(column: ColumnSample) -> tuple[Prefilter, ...] | None:
    if column.is_binary:
        return None
    return gate_on(_IMAGE_TEXT) if column.is_string else ()


@uses(_IMAGE_TEXT, gate=_photo_gate)
def _photo_check(column: ColumnSample) -> ValueCheck | None:
    if column.is_binary:
        share, tested = _binary_share(column)
        return ValueCheck(share, tested, "are bytes with an image or DICOM signature")
    if not column.is_string:
        return None
    share = column.row_share(_IMAGE_TEXT)
    return ValueCheck(share, column.nonnull, "are image files, image URLs or base64 images")


def _opaque_gate(column: ColumnSample) -> tuple[Prefilter, ...] | None:
    if column.is_binary:
        return None
    return gate_on(_OPAQUE) if column.is_string else ()


@uses(_OPAQUE, gate=_opaque_gate)
def _opaque_check(column: ColumnSample) -> ValueCheck | None:
    if column.is_binary:
        return ValueCheck(1.0, column.nonnull, "are binary values", source="dtype")
    if not column.is_string:
        return None
    share = column.row_share(_OPAQUE)
    return ValueCheck(share, column.nonnull, "are opaque tokens (hex/base64, 16+ characters)")


_MIN_MEDIAN_CHARS = 40
_MIN_WORDS = 6
_LONG_CHARS = 30
_LONG = rf"(?s).{{{_LONG_CHARS}}}"
"""Any 30 characters: every value counted as long text matches (the check's gate)."""


def _free_text_gate(column: ColumnSample) -> tuple[Prefilter, ...]:
    return gate_on(_LONG) if column.is_string else ()


@uses(gate=_free_text_gate)
def _free_text_check(column: ColumnSample) -> ValueCheck | None:
    """Long strings of many words: median length over 40 characters and 6+ words."""
    if not column.is_string:
        return None
    median_len, median_words = column.text_stats
    long_rows = (pl.col("v").str.len_chars() >= _LONG_CHARS) & (
        pl.col("v").str.count_matches(r"\s+") >= _MIN_WORDS - 1
    )
    share = column.expr_share("free_text", long_rows)
    if median_len <= _MIN_MEDIAN_CHARS or median_words < _MIN_WORDS:
        return ValueCheck(min(share, 0.5), column.nonnull, "are long multi-word text "
                          "(median too short)", strength=0.85)
    return ValueCheck(share, column.nonnull, "are long multi-word text", strength=0.85)


PHOTO = Rule(
    name="photo",
    kind=Kind.PHOTO,
    header=Header(strong=("photo", "photograph", "image", "img", "picture", "pic", "portrait",
                          "headshot", "mugshot", "selfie", "avatar", "face", "face image",
                          "dicom", "thumbnail", "profile picture", "photo url", "image path"),
                  exclude=("template", "encoding", "print", "geometry")),
    value_check=_photo_check,
)

BIOMETRIC = Rule(
    name="biometric",
    kind=Kind.BIOMETRIC_ID,
    header=Header(strong=("biometric", "fingerprint", "finger print", "voiceprint",
                          "voice print", "retina", "retinal", "retina scan", "iris", "iris scan",
                          "palm print", "palmprint", "face template", "faceprint",
                          "face encoding", "facial geometry", "hand geometry", "gait",
                          "minutiae", "voice sample", "dna sequence", "genome")),
    value_check=_opaque_check,
    needs_header=True,
)

FREE_TEXT = Rule(
    name="free_text",
    kind=Kind.FREE_TEXT,
    header=Header(strong=("note", "notes", "comment", "comments", "narrative", "text",
                          "description", "remarks", "summary", "report", "history", "hpi",
                          "impression", "findings", "free text", "freetext", "message", "body",
                          "assessment", "chief complaint", "reason", "instructions",
                          "transcript", "content", "memo", "observation"),
                  weak=("desc", "details", "info")),
    value_check=_free_text_check,
)

RECOGNIZERS = (PHOTO, BIOMETRIC, FREE_TEXT)
