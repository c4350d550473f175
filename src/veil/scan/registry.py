"""The default tuple of recognizers, most specific first.

Order breaks ties between equally confident rules, so checksum-backed and
strict-format rules come before generic ones and OTHER_ID comes last. Callers
who want more or fewer rules pass their own tuple to `scan_frame`.
"""

from __future__ import annotations

from veil.scan import clinical, codes, contact, dates, geo, ids, media, people, places
from veil.scan.recognizer import Recognizer

DEFAULT_RECOGNIZERS: tuple[Recognizer, ...] = (
    ids.SSN,
    ids.MEDICARE_MBI,
    ids.PAYMENT_CARD,
    ids.IBAN,
    ids.VIN,
    ids.DEVICE_CODE,
    contact.EMAIL,
    media.PHOTO,
    contact.URL,
    contact.IP_ADDRESS,
    contact.PHONE,
    contact.FAX,
    *dates.RECOGNIZERS,
    *geo.RECOGNIZERS,
    *people.RECOGNIZERS,
    *places.RECOGNIZERS,
    media.BIOMETRIC,
    ids.MRN,
    ids.HEALTH_PLAN,
    ids.ACCOUNT,
    ids.LICENSE,
    ids.LICENSE_PLATE,
    ids.DEVICE,
    *codes.RECOGNIZERS,
    *clinical.RECOGNIZERS,
    media.FREE_TEXT,
    ids.OTHER_ID,
)
