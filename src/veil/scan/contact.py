"""Recognizers for contact identifiers: telephone (D), fax (E), email (F), URL (N), IP (O).

Fax numbers look exactly like telephone numbers, so the fax rule needs a fax
header; without one a phone-like column comes out as a telephone number, which
is just as much a direct identifier.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

import phonenumbers

from veil.categories import Kind
from veil.scan.codes import NDC
from veil.scan.recognizer import Header, Rule, ValueCheck, gate_on, pattern_check, shared, uses
from veil.scan.sample import ColumnSample, Prefilter

_PHONE_FORMATTED = r"^\+?[\d\s().\-]{7,24}(?i:\s*(x|ext\.?|extension|#)\s*\d{1,6})?$"
_EXTENSION = re.compile(r"(?i)x|ext|#")
_HAS_SEPARATOR = r"[\s().\-+]"


def _is_possible_phone(value: str) -> bool:
    """A possible number for its length and country (US by default).

    `is_possible_number` rather than `is_valid_number`: test and legacy data
    hold numbers in unassigned area codes that are still telephone numbers.
    """
    digits = sum(c.isdigit() for c in _EXTENSION.split(value)[0])
    if not value or (value[0] not in "+0" and digits not in (7, 10, 11)):
        return False  # North American numbers have 7, 10 or 11 (with 1) digits
    if value.startswith("00"):
        value = "+" + value[2:]  # international call prefix used outside North America
    try:
        parsed = phonenumbers.parse(value, "US")
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_possible_number(parsed))


def _is_url(value: str) -> bool:
    if value.lower().startswith("www."):
        value = "http://" + value
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    host = parts.hostname or ""
    return parts.scheme in {"http", "https", "ftp", "ftps"} and ("." in host or host == "localhost")


def _is_ip(value: str) -> bool:
    address = value.split("/", 1)[0]
    if ":" not in address and address.count(".") != 3:
        return False  # neither IPv6 (colons) nor a dotted quad: no need for the parser
    try:
        if "/" in value:
            ipaddress.ip_network(value, strict=False)
        else:
            ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


_NOT_PHONE = (NDC,)
"""Drug codes grouped 4-4-2, 5-3-2, 5-4-1 or 5-4-2: digits a phone number is never written in."""


def _phone_gate(column: ColumnSample) -> tuple[Prefilter, ...]:
    return gate_on(_PHONE_FORMATTED, exclude=_NOT_PHONE) if column.has_text else ()


@uses(_PHONE_FORMATTED, _HAS_SEPARATOR, *_NOT_PHONE, gate=_phone_gate)
def _phone_check(column: ColumnSample) -> ValueCheck | None:
    """Possible telephone numbers; bare digit strings (no separators) count less."""
    if not column.has_text:
        return None
    found = column.validated(_is_possible_phone, _PHONE_FORMATTED, exclude=_NOT_PHONE)
    separated = column.row_share(_PHONE_FORMATTED, _HAS_SEPARATOR, exclude=_NOT_PHONE)
    strength = 0.7 + 0.25 * (min(separated / found.share, 1.0) if found.share else 0.0)
    return ValueCheck(found.share, found.tested, "are possible telephone numbers "
                      "(phonenumbers)", strength)


PHONE = Rule(
    name="phone",
    kind=Kind.PHONE,
    header=Header(
        strong=("phone", "telephone", "tel", "phone number", "phonenumber", "mobile", "cell",
                "cellphone", "home phone", "work phone", "contact number", "msisdn", "pager"),
        weak=("contact", "contact no"),
        exclude=("fax", "facsimile"),
    ),
    value_check=shared(_phone_check),
)

FAX = Rule(
    name="fax",
    kind=Kind.FAX,
    header=Header(strong=("fax", "facsimile", "fax number", "faxnumber", "fax no")),
    value_check=shared(_phone_check),
    needs_header=True,
)

EMAIL = Rule(
    name="email",
    kind=Kind.EMAIL,
    header=Header(strong=("email", "e mail", "mail", "email address", "emailaddress", "mailto")),
    value_check=pattern_check(
        r"^(mailto:)?[A-Za-z0-9._%+'\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}$",
        detail="are email addresses",
    ),
)

URL = Rule(
    name="url",
    kind=Kind.URL,
    header=Header(strong=("url", "uri", "website", "web site", "homepage", "link", "web page",
                          "webpage", "profile url")),
    value_check=pattern_check(
        r"(?i)^((https?|ftps?)://|www\.)\S+$",
        detail="are web URLs (urllib.parse)",
        validator=_is_url, strength=0.95,
    ),
)

IP_ADDRESS = Rule(
    name="ip_address",
    kind=Kind.IP_ADDRESS,
    header=Header(strong=("ip", "ip address", "ipaddress", "ipv4", "ipv6", "ip addr",
                          "remote addr", "client ip", "host ip")),
    value_check=pattern_check(
        r"^[0-9A-Fa-f:.]{2,45}(/\d{1,3})?$", r"[.:]",
        detail="are IP addresses (ipaddress)",
        validator=_is_ip,
    ),
)

RECOGNIZERS = (PHONE, FAX, EMAIL, URL, IP_ADDRESS)
