"""Street lines the town after them marks, and the unit words before a street line.

An address is written street first, town and postcode after: '14 Kingsway, Didsbury,
Manchester M20 2LN', 'One Audubon Plaza Dr, Louisville, KY 40217', '18951 Memorial N Ste
300, Humble TX 77338', 'Plot No. 12, 4th Cross, Jayanagar 9th Block, Bengaluru - 560069'.
The street rules know streets by a suffix word ('Road', 'Dr'); streets named otherwise
('Kingsway', '4th Cross', 'Memorial N') are found here by what follows them: once a town, a
ZIP or a postcode is found, the comma-separated segments right before it on the same line
that start with a house number (digits or a number word) are the street line, with a
neighbourhood segment between them. A unit word before a street line ('Flat 2, 88 Barlow
Moor Road', 'Blk 14 Lot 22') joins it. Runs over the spans found so far; nothing logs text.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from veil.text.lexicon import FUNCTION_WORDS, MONTH_WORDS, Lexicon, fold
from veil.text.spans import PhiType, Span
from veil.text.words import is_english

_HOUSE = (r"(?:[0-9]{1,6}[A-Za-z]?(?:[\-/][0-9]{1,4}[A-Za-z]?)?|(?i:one|two|three|four|five|six|"
          r"seven|eight|nine|ten)|(?i:plot|house|door|h\.?)[ \t]*(?:no\.?|#)?[ \t]*[0-9]{1,5}"
          r"[A-Za-z]?)")
_SEGMENT = (r"(?:" + _HOUSE + r"[ \t]+[A-Z0-9][A-Za-z0-9'’.\-]*(?:[ \t]+[A-Za-z0-9'’.#º°\-]+){0,5}"
            r"(?:[ \t]*,[ \t]*[0-9]{1,3}(?:st|nd|rd|th)[ \t]+[A-Z][A-Za-z]+(?:[ \t]+[A-Z0-9]"
            r"[A-Za-z0-9]*){0,2})*)")
_BEFORE_TOWN = re.compile(
    r"(?<![A-Za-z0-9.,])(" + _SEGMENT + r")[ \t]*,[ \t]*(?:[A-Z][A-Za-z'’.\-]+(?:[ \t]+[A-Z0-9]"
    r"[A-Za-z0-9'’.\-]*){0,3}[ \t]*,?[ \t]*){0,2}$")
"""A street segment (and a neighbourhood segment) ending where the town begins."""
_UNIT_BEFORE = re.compile(
    r"(?<![A-Za-z0-9])((?i:flat|apt\.?|apartment|unit|suite|ste\.?|room|rm\.?|blk\.?|block|"
    r"lot|plot[ \t]+no\.?|house[ \t]+no\.?|int\.?|piso|depto\.?|dpto\.?)[ \t]*+(?:#[ \t]*+)?"
    r"[0-9]{1,5}[A-Za-z]?(?:[ \t]+(?i:lot|phase|blk)[ \t]*[0-9]{1,4})*)[ \t]*,?[ \t]*$")
_UNIT_AFTER = re.compile(
    r"[ \t]*+,?[ \t]*+(?:(?i:apt|apartment|unit|suite|ste|bldg|building|floor|fl|rm|room|lot|"
    r"space|spc|trlr|trailer|flat|bsmt|basement)\.?[ \t]*+(?:#[ \t]*+)?(?:[0-9]{1,5}[A-Za-z]?"
    r"|[A-Z][0-9]{0,4}|[0-9]{1,3}-[0-9A-Z]{1,4})(?![A-Za-z0-9])"
    r"|[0-9]{1,2}(?i:st|nd|rd|th)[ \t]+(?i:floor|fl)\.?(?![A-Za-z])"
    r"|(?i:rear|front|back|upper|lower|basement|garden|attic|side|top|ground)[ \t]+"
    r"(?i:unit|apt|apartment|flat|suite|floor|fl|entrance|house)(?![A-Za-z])"
    r"|(?i:rear|front|upper|lower|top|ground|basement|bsmt)(?=[ \t]*[,.;)\n])"
    r"|(?<=,[ ])(?:[0-9]{1,4}[A-Z]{1,2}|[A-Z][0-9]{1,3})(?=[ \t]*,)"
    r"|(?<![,])(?<=[ ])(?:East|West|North|South|NE|NW|SE|SW|N|S|E|W)(?=[ \t]*(?:[,.;)\n]|$)))")
"""A unit after a street line, as people write it ('1148 W Madison, Rm 312', '2718 S.
Hamlin Ave, 1st fl rear', '7843 S. Kingston Ave, garden unit'); repeated ('1st fl, rear')."""
_HOUSE_WORD_BEFORE = re.compile(r"(?<![A-Za-z])((?i:lot|plot|villa|croft|site|shop|house|"
                                r"no\.|number))[ \t]+$")
"""A word that names the house number it stands before ('Lot 2214 Goldfields Rd', 'Villa 41',
'No. 12 High Street')."""
_ZIP_AFTER = re.compile(r"[ \t]*,[ \t]*([0-9]{5}(?:-[0-9]{4})?)(?![0-9A-Za-z/\-])"
                        r"(?![ \t]*(?i:mg|mcg|units?|ml|people|patients|cases)\b)")
"""A ZIP code right after a street line with no town between ('4417 W. 26th St, Apt 2,
60623.')."""
_CODE_TOWN_AFTER = re.compile(
    r"(?:[ \t]*,[ \t]*|(?:[ \t]*,[ \t]*([A-Z][A-Za-z.]*(?:[ \t]+[A-Z][A-Za-z]*){0,3}))?"
    r"[ \t]*\n[ \t]*)((?:[A-Z]{1,2}-)?[0-9]{4,5}|[0-9]{2}-[0-9]{3}|[0-9]{3}[ ][0-9]{2})"
    r"[ \t]+([A-Z][A-Za-z'’.\-]+(?:[ \t]+(?:[A-Z][A-Za-z'’.\-]+|de|del|la|le|im|am|an|der|"
    r"di|sur|en)){0,4})(?=[ \t]*(?:,|\n|$|\())")
"""A postcode before its town, after a street line (and a neighbourhood segment) on the same
line after a comma or on the next line ('Hauptstraße 112\n80331 München',
'Calle Hidalgo 42, Col. Centro\n68300 San Juan Bautista Tuxtepec', 'Rue X 4, 75012 Paris'):
the layout of most of Europe and Latin America."""
_TOWN_TYPES = (PhiType.CITY, PhiType.ZIP)
_BLOCK_ENDS = (PhiType.CITY, PhiType.ZIP, PhiType.COUNTY)
_BLOCK_REACH = 160
_HOUSE_START = re.compile(
    r"(?:(?i:flat|apt|apartment|unit|suite|ste|level|floor|shop|house|block|blk|lot|plot|villa|"
    r"croft|no|door|site|cabin|bldg|building|piso|int|tower)\.?[ \t]*[#:]?[ \t]*"
    r"[A-Z0-9]{0,3}[0-9][A-Z0-9/\-]*|[A-Z]-[0-9]{1,4}[A-Za-z]?"
    r"|[0-9]{1,6}[A-Za-z]?(?:[\-/][0-9]{1,4}[A-Za-z]?)?(?=[ \t]+(?:[A-Z]|[0-9]{1,3}"
    r"(?:st|nd|rd|th)(?![A-Za-z]))))"
    r"(?:[ \t]+[A-Za-z0-9'’.\-]+){0,5}")
"""A segment a house number or a unit starts ('Flat 6', 'No. 44', 'B-14', 'Level 1',
'19 Peckham Rye', 'Suite IPO-200')."""
_NAME_SEGMENT = re.compile(r"(?:[A-Z][A-Za-z'’.\-]*|of|e|de|la|del|y|the|II|III|IV)"
                           r"(?:[ \t]+(?:[A-Z][A-Za-z'’.\-]*|of|e|de|la|del|y|the)){0,3}")
_HOUSE_NAME = re.compile(r"(?:Cottage|House|Court|Farm|Lodge|Villas?|Apartments|Apts|Towers|"
                         r"Mansions|Building|Gardens|Village|Residency|Manor|Hall|Heights|"
                         r"Enclave|Residences?)$")
"""The last word of a house's or a building's name ('Lilac Cottage', 'Coquet Court')."""
_HOUSE_TAIL = re.compile(
    r"(?:^|[ \t])((?:(?i:flat|apt|apartment|unit|suite|house|block|lot|plot|villa|croft|no)\.?"
    r"[ \t]*+(?:#[ \t]*+)?[A-Z0-9]{0,3}[0-9][A-Z0-9/\-]*|[A-Z][a-z]+[ \t]+(?:Cottage|House|Court|"
    r"Farm|Lodge|Villa|Manor|Hall))(?:[ \t]+[A-Za-z0-9'’.\-]+){0,3})[ \t]*$")
"""The end of a segment that is not all address: 'lives at House 14', 'of Lilac Cottage'."""
_UNITS = frozenset({"MG", "MCG", "ML", "G", "KG", "UNITS", "UNIT", "TAB", "TABS", "TABLETS",
                    "CAPS", "PUFFS", "DROPS", "DAYS", "WEEKS", "MONTHS", "YEARS", "HOURS", "MINS",
                    "YRS", "YR", "YEAR", "DAY", "WKS", "WK", "MOS", "MO", "HRS", "HR", "MONTH",
                    "WEEK", "HOUR", "DECADES",
                    "MINUTES", "TIMES", "PATIENTS", "CASES", "BEDS", "PERCENT", "CYCLES", "PACK",
                    "VESSEL", "PARA", "GRAVIDA", "FALLS", "FALL", "PPD", "LITERS", "L", "WEST",
                    "EAST", "NORTH", "SOUTH", "DOSES", "VIALS", "BAGS", "SESSIONS", "VISITS",
                    "STITCHES", "STAPLES", "LEVELS", "CHILDREN", "KIDS", "SIBLINGS", "DRINKS",
                    "CIGARETTES", "BEERS", "CUPS", "FLOORS", "STEPS", "STAIRS", "BLOCKS"})
"""Words after a number that make it a quantity, not a house ('20 mg, Boston')."""


STREET_TYPE = (r"(?:St|Street|Ave|Av|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Hwy|"
               r"Highway|Pkwy|Parkway|Way|Pike|Pl|Place|Ct|Court|Ter|Terrace|Sq|Square)\.?")
"""The common street types written after a street's name, for the context rules here and in
`veil.text.facility_edges` (the street rules themselves know every USPS and Faker suffix)."""
_DIRECTION = re.compile(r"East|West|North|South|NE|NW|SE|SW|N|S|E|W")
_DIRECTED = re.compile(r"(?:\b(?i:suite|ste|apt|apartment)\.?[ \t]*+(?:#[ \t]*+)?[0-9A-Z\-]+|"
                       + STREET_TYPE + r")$")
"""What a direction word after an address may finish: a suite's number ('Suite 1 East') or a
street ('10th Ave S'); not a ward ('Unit 3 North')."""
_CROSS_WORDS = (r"(?:[NSEW]\.?[ ])?(?:St\.[ ])?(?:[0-9]{1,3}(?:st|nd|rd|th)|[A-Z][A-Za-z'’\-]+)"
                r"(?:[ ][A-Z][A-Za-z'’\-]+)?(?:[ ]" + STREET_TYPE + r")?")
_CROSS_AFTER = re.compile(r"[ \t]+(?:and|&|/)[ \t]+(" + _CROSS_WORDS + r")(?![A-Za-z0-9'’\-])")
"""The cross street after a found street ('Westchester Av and Whitlock Av', 'Mass Ave and
Melnea Cass')."""
_CROSS_BEFORE = re.compile(
    r"(?i:\b(?:near|at|on|from|by|between|corner[ \t]+of|intersection[ \t]+of)[ \t]+)"
    r"(" + _CROSS_WORDS + r")[ \t]+(?:and|&|/)[ \t]+$")
"""The first street before a found one, after a word of place ('near Melnea Cass and Mass
Ave')."""
_CROSSING = re.compile(
    r"(?i:\b(?:near|at|on|from|by|corner[ \t]+of|intersection[ \t]+of)[ \t]+)"
    r"(" + _CROSS_WORDS + r"[ \t]+(?:and|&|/)[ \t]+" + _CROSS_WORDS + r")"
    r"(?![A-Za-z0-9'’\-])(?=[ \t]*(?:[,.;:)\n]|$|--)|[ \t]+[a-z])")
"""Two streets without a found one, after a word of place ('on Allegheny and Kensington', 'at
Ashland and 47th'): an ordinal, a street word, or words no dictionary holds on both sides."""


def _is_street(segment: str, lexicon: Lexicon) -> bool:
    words = segment.split()
    if len(words) < 2 or fold(words[1]) in _UNITS:
        return False
    letters = [fold(w) for w in re.findall(r"[A-Za-z]{2,}", segment)]
    return bool(letters) and not any(lexicon.is_clinical(w) or w in _UNITS for w in letters)


def address_lines(text: str, spans: list[Span], lexicon: Lexicon) -> list[Span]:
    """Street lines before a found town, ZIP or postcode, and unit words before a found
    street line (see the module docstring)."""
    extra: list[Span] = []
    towns = sorted((s.start, s.end) for s in spans if s.type in _BLOCK_ENDS)
    for span in spans:
        line_start = text.rfind("\n", 0, span.start) + 1
        if span.type in _TOWN_TYPES or (span.type is PhiType.ADDRESS and span.start > line_start
                                        and text[span.start].isalnum()
                                        and any(c.isdigit() for c in text[span.start:span.end])
                                        and not text[span.start].isdigit()):
            match = _BEFORE_TOWN.search(text, max(line_start, span.start - 120), span.start)
            if match and _is_street(match.group(1), lexicon):
                extra.append(Span(match.start(1), match.end(1), PhiType.ADDRESS,
                                  "address_before_town", 0.85))
        if span.type is PhiType.ADDRESS:
            end = span.end
            for _ in range(3):  # ('1st fl, rear'); bounded: a run of units stays linear
                unit = _UNIT_AFTER.match(text, end)
                if unit is None or unit.end() <= end:
                    break
                if _DIRECTION.fullmatch(unit.group().strip(" \t")) and not _DIRECTED.search(
                        text, span.start, end):
                    break  # 'Unit 3 North' of a ward; only a suite's or a street's direction
                end = unit.end()
            if end > span.end:
                extra.append(Span(span.start, end, PhiType.ADDRESS, span.source, span.score))
            code = _ZIP_AFTER.match(text, end)
            if code:
                extra.append(Span(code.start(1), code.end(1), PhiType.ZIP, "zip_after_street",
                                  0.85))
            after = _CODE_TOWN_AFTER.match(text, span.end)
            if after and not any(lexicon.is_clinical(fold(w)) for w in after.group(3).split()):
                if after.group(1):  # a neighbourhood between ('Col. Centro')
                    extra.append(Span(after.start(1), after.end(1), PhiType.ADDRESS,
                                      "code_town", 0.8))
                extra.append(Span(after.start(2), after.end(2), PhiType.ZIP, "code_town", 0.8))
                extra.append(Span(after.start(3), after.end(3), PhiType.CITY, "code_town", 0.8))
            word = _HOUSE_WORD_BEFORE.search(text, max(line_start, span.start - 8), span.start)
            if word and text[span.start].isdigit():
                extra.append(Span(word.start(1), span.end, PhiType.ADDRESS, "address_unit",
                                  0.85))
            unit = None if span.source == "room_number" else _UNIT_BEFORE.search(
                text, max(line_start, span.start - 40), span.start)  # a room is no street
            if unit:
                extra.append(Span(unit.start(1), span.end, PhiType.ADDRESS, "address_unit",
                                  0.85))
        if span.type is PhiType.ADDRESS and text[span.start].isalpha():
            extra.extend(_cross_streets(text, span, lexicon))
        if span.type in _BLOCK_ENDS:
            block = _address_block(text, span, towns, lexicon)
            if block is not None:
                extra.append(block)
    if " and " in text or "&" in text or "/" in text:
        for match in _CROSSING.finditer(text):
            first, _joint, second = re.split(r"[ \t]+(and|&|/)[ \t]+", match.group(1), maxsplit=1)
            if _plausible_street(first, lexicon, strong=False) and _plausible_street(
                    second, lexicon, strong=False) and (
                    _has_street_evidence(first) or _has_street_evidence(second)
                    or not (_english(first) or _english(second))):
                extra.append(Span(match.start(1), match.end(1), PhiType.ADDRESS, "crossing",
                                  0.75))
    return extra


def _cross_streets(text: str, street: Span, lexicon: Lexicon) -> list[Span]:
    """A found street line widened over the cross street after it, or before it after a word
    of place ('Westchester Av and Whitlock Av', 'near Melnea Cass and Mass Ave')."""
    out: list[Span] = []
    after = _CROSS_AFTER.match(text, street.end)
    if after and _plausible_street(after.group(1), lexicon, strong=True):
        out.append(Span(street.start, after.end(1), PhiType.ADDRESS, "cross_street", 0.8))
    before = _CROSS_BEFORE.search(text, max(0, street.start - 60), street.start)
    if before and _plausible_street(before.group(1), lexicon, strong=True):
        out.append(Span(before.start(1), street.end, PhiType.ADDRESS, "cross_street", 0.8))
    return out


def _plausible_street(words: str, lexicon: Lexicon, *, strong: bool) -> bool:
    """Words that may name a street: none clinical, a function, time, state or title word;
    after a found street (strong context) any such capitalized words or an ordinal."""
    keys = [fold(w) for w in re.findall(r"[A-Za-z][A-Za-z'’\-]*", words)]
    if any(lexicon.is_clinical(k) or k in FUNCTION_WORDS or k in MONTH_WORDS
           or k in lexicon.titles or k in lexicon.states for k in keys):
        return False
    return strong or bool(keys) or words[:1].isdigit()


def _has_street_evidence(words: str) -> bool:
    if words[:1].isdigit() or re.search(STREET_TYPE + r"$", words) \
            or re.match(r"[0-9]{1,3}(?:st|nd|rd|th)\b", words):
        return True
    directed = re.match(r"[NSEW]\.?[ ]([A-Za-z0-9]+)", words)
    return directed is not None and not _SPECIES_OR_WING.search(directed.group(1))


_SPECIES_OR_WING = re.compile(
    r"(?i:^(?:[a-z]+(?:us|is|ae|ii|um|ia|es)|entrance|wing|tower|lobby|building|bldg|"
    r"elevator|elevators|garage|stairwell|stairs|hall|pavilion|campus|annex|unit|side)$)")
"""After a compass letter, a species' name ('S. Aureus', 'N. Gonorrhoeae') or a part of a
hospital ('E. Entrance', 'N. Wing'), no street."""


def _english(words: str) -> bool:
    return any(is_english(fold(w)) for w in words.split())


def _address_block(text: str, town: Span, towns: list[tuple[int, int]], lexicon: Lexicon
                   ) -> Span | None:
    """The segments of an address before a found town or postcode: on its line after the
    last comma-separated segment that is no part of an address, or, when the town opens its
    line, the whole line before when every segment of it is one ('Flat 6, Coquet Court,
    Priestpopple, Hexley NE46 1PL'; 'Shop 12, Banksia Grove Village, 24 Joondalup Dr' over
    'Banksia Grove WA 6031'). A house number or a unit must stand in it; a segment before the
    first one counts only when it names a house ('Lilac Cottage, 2 Church Hill')."""
    # bounded: an address's segments fit in a few hundred characters (a long line of them
    # would make every town rescan the line)
    line_start = max(text.rfind("\n", 0, town.start) + 1, town.start - _BLOCK_REACH)
    before = text[line_start:town.start]
    if before.strip(" \t"):
        if not before.rstrip(" \t").endswith(","):
            return None
        offset, segments = line_start, before.rstrip(" \t")[:-1].split(",")
        whole_line = False
    else:
        previous_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
        if line_start == 0 or previous_start >= line_start - 1 \
                or line_start - previous_start > _BLOCK_REACH:
            return None
        offset = previous_start
        segments = text[previous_start:line_start - 1].rstrip(" \t,").split(",")
        whole_line = True
    bounds: list[tuple[int, int]] = []
    position = offset
    for segment in segments:
        bounds.append((position, position + len(segment)))
        position += len(segment) + 1
    start = -1
    for seg_start, seg_end in reversed(bounds):
        segment = text[seg_start:seg_end]
        kind = _segment_kind(segment, lexicon)
        if kind == "house":
            start = seg_start + len(segment) - len(segment.lstrip(" \t"))
        elif kind == "name" and (start < 0 or _HOUSE_NAME.search(segment.rstrip(" \t"))):
            if start >= 0:
                start = seg_start + len(segment) - len(segment.lstrip(" \t"))
        elif whole_line:
            return None
        else:
            tail = _HOUSE_TAIL.search(segment)  # 'lives at House 14', 'of Lilac Cottage'
            if tail and (_segment_kind(tail.group(1), lexicon) == "house"
                         or (start >= 0 and _HOUSE_NAME.search(tail.group(1)))):
                start = seg_start + tail.start(1)
            break
    if start < 0:
        return None
    # the found towns inside the block's reach, by bisection (linear over a text's towns)
    near = towns[bisect_left(towns, (start - _BLOCK_REACH, 0)):bisect_left(towns, (town.end, 0))]
    end = start
    for seg_start, seg_end in bounds:  # found towns after the house stay towns ('Gangnam-gu')
        if seg_end > start and not any(a < seg_end and b > seg_start for a, b in near):
            end = seg_end
    while end > start and text[end - 1] in " \t":
        end -= 1
    return Span(start, end, PhiType.ADDRESS, "address_block", 0.8) if end > start else None


def _segment_kind(segment: str, lexicon: Lexicon) -> str:
    """'house' (a house number or a unit starts it), 'name' (one to four capitalized words, a
    neighbourhood or a street without a number) or 'other'."""
    segment = segment.strip(" \t")
    if "\n" in segment or "--" in segment or ":" in segment or any(
            fold(word) in MONTH_WORDS for word in re.findall(r"[A-Za-z]+", segment)):
        return "other"  # a date ('Nov 8'), a heading, a label, another line
    if _HOUSE_START.fullmatch(segment):
        words = [fold(w) for w in re.findall(r"[A-Za-z]{2,}", segment)]
        return "other" if any(lexicon.is_clinical(w) or w in _UNITS for w in words) else "house"
    if _NAME_SEGMENT.fullmatch(segment) and not any(
            lexicon.is_clinical(fold(w)) or fold(w) in lexicon.titles or fold(w) in lexicon.states
            for w in segment.split()):
        return "name"
    return "other"
