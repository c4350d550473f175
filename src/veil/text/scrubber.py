"""The Scrubber: every recognizer, the merger and the replacement behind one batch API.

`Scrubber(options)` compiles the pattern rules and loads the word lists (and,
with `ner=True`, the spaCy model) once; `find_batch` runs

1. the pattern rules (`veil.text.rules`), validators once per batch per rule;
2. the name and place finders (`veil.text.names`, `veil.text.places`);
3. the optional NER signal (`veil.text.ner`);
4. the patient's known PHI (`veil.text.known`), always accepted;
5. vetoes: a weak finding (score < 0.9) whose whole text is clinical
   vocabulary (an eponym, a drug, a gene, a score) or a US state is dropped;
6. the merger (`veil.text.merge`);
7. propagation: every other occurrence in the same text of a found entity (its
   text, and each word of a name) is found too, then merged again; with patient
   keys, in the other texts of the same patient in the batch as well (not a
   word that is plain English, medicine or a language: a false find stays put).

`scrub_batch` then replaces (`veil.text.replace`). Nothing here logs or raises
with text content.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal

from veil.detect import vocab
from veil.errors import UsageError
from veil.text import words as words_module
from veil.text.address_lines import address_lines
from veil.text.age_neighbours import ages_beside, ages_of_persons
from veil.text.airports import airport_codes
from veil.text.brands import BrandFinder
from veil.text.cues import CueFinder
from veil.text.date_neighbours import dates_beside
from veil.text.facility_edges import facility_edges, written_initials
from veil.text.gaps import FIELD_GAP
from veil.text.known import KnownPhi, KnownTable, known_phi_from_table
from veil.text.latin import ascii_reading
from veil.text.layout import layout_spans
from veil.text.lexicon import (
    CLINICAL_INITIALS,
    FUNCTION_WORDS,
    LANGUAGES,
    MONTH_WORDS,
    Lexicon,
    fold,
    lexicon,
)
from veil.text.merge import merge
from veil.text.named_orgs import named_organizations
from veil.text.names import SHORT_SURNAME, NameFinder
from veil.text.names.guards import _EPONYM_ONLY
from veil.text.names.tokens import _CREDENTIALS
from veil.text.ocr import letter_reading
from veil.text.org_heads import organizations_by_head
from veil.text.places import (
    COUNTRY_OR_REGION,
    FACILITY_SHORT_NAMES,
    TOWN_AFTER_FACILITY,
    PlaceFinder,
    countries_and_languages,
    names_a_rule_after,
)
from veil.text.postal import PostalFinder, world_cities
from veil.text.regex_lead import fast_compile
from veil.text.replace import replace_text, shift_days, surrogate_keys, surrogates
from veil.text.road_edges import neighbourhoods, road_locations
from veil.text.rules import _HOLIDAY, _HOLIDAY_OTHER, NINETY, Candidate, CompiledRules
from veil.text.slots import SlotFinder
from veil.text.spans import PhiType, Span
from veil.text.structured import structured_spans
from veil.text.validate import VALIDATORS

__all__ = ["KnownPhi", "KnownTable", "ScrubOptions", "Scrubber", "known_phi_from_table"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]+")
_NO_PROPAGATE = (PhiType.DATE, PhiType.AGE)
_CODE_TYPES = (PhiType.ID, PhiType.MRN, PhiType.ACCOUNT, PhiType.HEALTH_PLAN, PhiType.LICENSE,
               PhiType.DEVICE)
_CALENDAR_ALONE = frozenset({"date_weekday", "date_weekday_abbr", "date_holiday",
                             "date_holiday_other", "date_month_alone"})
_SHORT_TEXT = 400
_HOLIDAY_WORD = re.compile(_HOLIDAY + "|" + _HOLIDAY_OTHER)
_PERSONAL = re.compile(
    r"(?i:\b(?:i|i'm|im|i've|ive|i'll|my|me|mine|we|our|us|he|she|his|her|him|hers|they|their|"
    r"them|you|your|u|ur|pt|pts|patient|patients|mom|mum|dad|wife|husband|son|daughter|baby|"
    r"kid|kids|child|grandma|grandpa|mother|father|sister|brother|aunt|uncle|friend|"
    r"admitted|admission|discharged?|seen|visit|visited|appt|appointment|surgery|procedure|"
    r"fell|died|passed|born|scheduled|booked|started|stopped|since|last|next|this|restart|"
    r"resume|take|taking|stop|start|skip|hold|continue|"
    r"follow-?up|f/u|clinic|er|ed|hospital|[A-Z][a-z]+['’]s|"
    r"mi|mis|su|sus|mon|ma|mes|sa|ses|il|elle|ils|elles|fille|fils|mere|pere|mari|femme|"
    r"epouse|hija|hijo|madre|padre|esposa|esposo|abuela|abuelo|mama|papa|paciente|patiente|"
    r"minha|meu|mae|pai|filha|filho)\b)")
"""Words that make a date word in a short text someone's date: a person, a pronoun or an
event of care. A clinical note is about a person throughout; a short question without any of
these ('Christmas tree allergy is that real', 'Monday morning headaches from caffeine') asks
about no one, and its weekday, holiday or month is no date element of an individual."""
_EVENT = re.compile(
    r"(?i:\b(?:[a-z]{3,}ed|began|begun|was|were|had|got|came|went|saw|took|gave|found|felt|"
    r"became|fell|woke|ate|ran|left|biopsy|labs?|surgery|procedure|chemo|mri|ct|cxr|ekg|ecg|"
    r"echo|scan|x-?ray|dose|started|starting|onset|since|male|female|man|woman|boy|girl|"
    r"toddler|infant|newborn|child|baby|[0-9]{1,3}[ \t]*(?:yo|y/o|[mf]))\b)")
"""Words of an event that happened to someone ('Biopsy on Friday revealed...', 'Intubated
Friday', 'Male, 67, CABG in March'): a short text with one is a record, not a question."""
_SERIAL_LABEL_BEFORE = re.compile(
    r"(?i:\b(?:serial(?:[ \t]+(?:number|no\.?|#))?|s/n|sn|n/s|ser\.?[ \t]*no\.?|(?<!a )lot|udi|"
    r"imei))"
    r"[ \t]*[:#]?[ \t]*$")
"""A serial or lot label right before a device's number ('S/N 1908-33410', 'lot 0922-R07')."""
_NUMBER_TYPES = frozenset({PhiType.PHONE, PhiType.FAX, PhiType.ID, PhiType.MRN,
                           PhiType.ACCOUNT, PhiType.HEALTH_PLAN, PhiType.LICENSE})
"""Types a bare number may have been given before its label was read: after a serial's label
it is the device's ('S/N 2933018821' holds no phone)."""


def _with_serial_labels(text: str, spans: list[Span]) -> list[Span]:
    """Device numbers widened over the serial or lot label before them: the label and its
    number are one identifier to replace ('[DEVICE]', not 'S/N [DEVICE]'), as writers mark
    them; a number another rule typed (ten digits read as a phone) is the device's after such
    a label; never over a span before it (the merged spans stay apart and in order)."""
    out: list[Span] = []
    for span in spans:
        if span.type is PhiType.DEVICE or (span.type in _NUMBER_TYPES and not (
                span.type in (PhiType.PHONE, PhiType.FAX)
                and not text[span.start:span.end].isdigit())):
            # (a phone written as one, with its separators, stays a phone: 'SN 617-555-0134'
            # is a skilled nurse's)
            label = _SERIAL_LABEL_BEFORE.search(text, max(0, span.start - 24), span.start)
            if label and not (out and out[-1].end > label.start()):
                span = Span(label.start(), span.end, PhiType.DEVICE, span.source, span.score)
        out.append(span)
    return out


def _about_someone(text: str, spans: list[Span]) -> list[Span]:
    """The spans, without a weekday, holiday or month standing alone in a short text about no
    one: no person, pronoun or event word and no other identifier ('Christmas tree allergy
    is that real', 'flu season peak usually in February?'); 'Can Earl restart insulin on
    Tuesday?' names someone, and 'Intubated Friday' is a record of an event."""
    if len(text) >= _SHORT_TEXT or not any(s.source in _CALENDAR_ALONE for s in spans):
        return spans
    if any(s.source not in _CALENDAR_ALONE for s in spans) or _PERSONAL.search(text) \
            or _EVENT.search(text):
        return spans
    return [s for s in spans if s.source not in _CALENDAR_ALONE]


_CODE_CONTEXT = fast_compile(
    r"(?i:\b(?:snomed(?:[\s\-]?ct)?|sct|icd[\s\-]?(?:9|10|11)?(?:[\s\-]?(?:cm|pcs))?|cpt|loinc|"
    r"ndc|din|npn|hcpcs|rxnorm|rxcui|cvx|umls|cui|mesh|omim|hgvs|dbsnp|rs|ncbi|ensembl|pmid|doi|"
    r"clinicaltrials(?:\.gov)?|nct)\b[\s:#]*(?:code[\s:#]*)?$)")
_DOCUMENT_BEFORE = fast_compile(
    r"(?i:\b(?:forms?|policy|policies|rev\.?|revision|guidance|guideline|enclosures?|enc\.?|"
    r"encl\.?|protocol|ref|cat(?:alog(?:ue)?)?\.?|model|code|statute|section|rule|regulation|"
    r"workstation|camera|version|standard|sponsor|study|trial|room|rm|bed|suite)\b[ \t]*+"
    r"[:#.]?[ \t]*+(?:no\.?[ \t]*+)?"
    r"|\((?=[A-Z]{2,}-[0-9]))$")
"""A document's, a form's or a product's word right before capital groups ('form WH-380-E',
'policy MP-RAD-014', 'REF 5510-F-601', 'protocol ONC-7731-302'): no one's label."""
_DOCUMENT_AFTER = re.compile(r"[ \t]+(?i:forms?|trial|study|protocol|guidance|policy)\b")
_CARD_FIELDS = frozenset({"BIN", "PCN", "RXBIN", "RXPCN", "RX BIN", "RX PCN", "GRP", "GROUP"})
_CODE_SYSTEM_FIRST = re.compile(r"(?:CPT|HCPCS|ICD-?10(?:-CM|-PCS)?|ICD-?9|LOINC|SNOMED|NDC|DRG)"
                                r"[ \t:#]*[0-9]")
"""A code system's name at the start of a code-shaped span ('CPT 93296', 'ICD-10 I48.91')."""
_DEVICE_MAKERS = (r"(?:Abbott|Medtronic|Biotronik|BIOTRONIK|Boston[ \t]+Scientific|St\.?[ \t]+Jude|"
                  r"MicroPort|Sorin|LivaNova|Zoll|ZOLL|Dexcom|Tandem|Insulet|Abiomed|Edwards|"
                  r"Cochlear|Philips|ResMed|Nevro|Stryker|Zimmer(?:[ \t]+Biomet)?|Smith[ \t]+&"
                  r"[ \t]+Nephew|DePuy(?:[ \t]+Synthes)?|Arthrex|Baxter|Fresenius)")
_DEVICE_MAKER_FIRST = re.compile(_DEVICE_MAKERS + r"[ \t]+(?=[A-Z])(?!(?:Hospital|Children|Health|"
                                 r"Clinic|Cent(?:er|re)|ICU|Research|Regional|Memorial|"
                                 r"Medical[ \t]+Cent(?:er|re)|Heart[ \t]+Institute)\b)")
_MODEL_WORD = re.compile(r"[A-Za-z][A-Za-z0-9\-]*")
_DEVICE_MODEL_WORDS = frozenset({
    "AZURE", "GALLANT", "MERLIN", "WATCHMAN", "EVIA", "KORA", "REVEAL", "MINIMED", "PERCEPT",
    "ACCENT", "ELLIPSE", "FORTIFY", "NEUTRINO", "UNIFY", "JOT", "TENDRIL", "FREESTYLE",
    "PROCLAIM", "PROPONENT", "RESONATE", "VIGILANT", "EMBLEM", "CARELINK", "LATITUDE",
    "COBALT", "INTREPID", "SOLARA", "ACCOLADE", "ALLURE"})
"""Device models that are everyday words or names ('Accent', 'Ellipse', 'Gallant'): a model
only right after its maker, so they stay out of the clinical list (which would hide 'Unify
Community Health' or a person named Gallant everywhere)."""
"""A maker of implants and devices before a model's name ('Abbott Assurity MRI', 'St. Jude
Accent DR', 'Medtronic Micra AV'): the words after it name a product, never a person."""
_DEVICE_CONTEXT = re.compile(r"(?i:\b(?:device|icd|ppm|pacemaker|crt-?[dp]?|ilr|loop[ \t]+recorder|"
                             r"generator|pump|implant(?:ed)?|model|leads?|sn|s/n|serial|"
                             r"interrogat\w*|monitor|cgm|sensor|defib\w*|stimulator|transmitter)\b)")


_MODEL_DR_BEFORE = re.compile(r"(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9\-]*)[ \t]+DR[ \t]+$")
_UPPER_CODE = re.compile(r"[A-Z]{2,4}(?![A-Za-z])")


def _upper_code_after_model(text: str, span: Span) -> bool:
    """A 'name' of capitals after a capitalized 'DR' that follows a model's word ('Azure XT DR
    MRI', 'Accent DR RF'): DR there is a dual-chamber device, the capitals a feature."""
    before = _MODEL_DR_BEFORE.search(text, max(0, span.start - 30), span.start)
    return before is not None and fold(before.group(1)) not in FUNCTION_WORDS \
        and _UPPER_CODE.match(text, span.start) is not None and _on_device_line(text, span)


def _on_device_line(text: str, span: Span) -> bool:
    """A word of a device on the span's line ('Device:', 'ICD', 'SN', 'pacemaker')."""
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    return bool(_DEVICE_CONTEXT.search(text, line_start, line_end if line_end >= 0 else len(text)))


def _device_model(text: str, span: Span, lexicon: Lexicon) -> bool:
    """A name or facility span that is a device maker and its model ('Abbott Assurity MRI',
    'St. Jude Accent DR'): the word after the maker is a model the clinical list holds
    (a person named like a maker, 'Baxter Williams', and 'Abbott Northwestern' stay)."""
    first = _DEVICE_MAKER_FIRST.match(text, span.start)
    if first is None:
        return False
    model = _MODEL_WORD.match(text, first.end())
    return model is not None and (fold(model.group()) in lexicon.clinical
                                  or fold(model.group()) in _DEVICE_MODEL_WORDS)


_AMINO = r"(?:Ala|Arg|Asn|Asp|Cys|Gln|Glu|Gly|His|Ile|Leu|Lys|Met|Phe|Pro|Ser|Thr|Trp|Tyr|Val|Ter)"
_VARIANT_OR_CODE = re.compile(
    _AMINO + r"[0-9]{1,5}(?:_" + _AMINO + r"[0-9]{1,5})?(?:" + _AMINO
    + r"|\*|=|X|del|dup|ins|delins)?(?:fs)?(?:\*|Ter|X)?[0-9]*|"
    r"[A-TV-Z][0-9][0-9A-Z]\.[0-9A-Z]{1,4}|(?:[cpyr]{1,2})?[TNM](?:[0-4][a-d]?|is|x|X)(?:mi)?")
"""What a code rule can take for a person's code but is a code of medicine: a protein change
in HGVS ('Gly2023Arg', 'Gln1756Profs', 'Arg3128'), an ICD-10-CM code ('N18.6', 'I69.351'), a
TNM stage ('pT2')."""
_SHORT_VARIANT = re.compile(r"[ACDEFGHIKLMNPQRSTVWY][0-9]{2,5}(?:[ACDEFGHIKLMNPQRSTVWYX*]|fs)")
_VARIANT_BEFORE = re.compile(r"(?:p\.|c\.[^ \t\n]*[ \t]*\()[ \t]*\(?$")
"""A one-letter protein change ('W1282X') right after 'p.' or a cDNA change's bracket."""
_CODE_LABEL_BEFORE = re.compile(r"(?i:\b(?:mrn|mr|id|no|number|acct|account|member|case|"
                                r"record|chart)\b\.?|#)[ \t]*[:#]?[ \t]*$")
"""A label right before a code: then it is the person's, whatever its shape ('MRN: N18.6')."""
_TOWN_SUFFIX_AFTER = re.compile(
    r"[ ](?:Springs?|City|Crossing|Ridge|Gap|Wells|Flats?|Junction|Harbou?r|Vista|Bend|Draw|"
    r"Falls|Valley|Heights|Beach|Hills|Mills?|Grove|Landing|Bluffs?|Hollow|Mesa|Pass|Butte|"
    r"Canyon|Rapids|Shores|Township|Twp|Viejo|Vieja|Nuevo|Nueva|Chico|Grande|de[ ]Arriba|"
    r"de[ ]Abajo|(?:d['’]|du[ ]|de[ ]la[ ]|del[ ]|des[ ])[A-Z][a-z'’\-]+)(?![A-Za-z'’\-])"
    r"(?![ ](?:Hospital|Clinic|Medical|Health|Center|Centre|Road|Rd|"
    r"Street|St|Ave|Avenue|Drive|Dr|Lane|Ln|Blvd|Way)\b)")
"""The last word of a town's name after its found first word ('Kolob Springs', 'Cache
Ridge', 'Cimarrón Viejo', 'Big Stone City'); a facility or street word after it is another
rule's ('Cache Ridge Road')."""
_ZIP_AFTER_CITY = re.compile(r",?[ \t]+(?:[A-Z]{2}\.?,?[ \t]+)?([0-9]{5}(?:-[0-9]{4})?)(?![0-9])")
_CODE_IN_PARENS = re.compile(r"[ \t]*\((?!(?:19|20)[0-9]{2}\))([0-9]{4,6})\)")
"""A postcode in parentheses after a town ('Perth (6050)', 'Valencia (46010)'), not a year."""
_AGE_AFTER_NAME = re.compile(
    r"(?:,?\s+(?:is|was|turned|turns|is\s+now|who\s+is)\s+|,\s*who\s+is\s+|"
    r"\.?,\s*(?:age\s+|aged\s+)?|\s*\(\s*|"
    r"[ \t]+(?=(?:9[0-9]|1[01][0-9])[ \t]+(?:lives|is|was|has|had|with|and|yo|y/o|years?|"
    r"next)\b))"
    r"(9[0-9]|1[01][0-9]|(?i:" + NINETY + r"(?:[\s\-]+(?:one|two|three|four|five|six|seven|eight|"
    r"nine))?|one\s+hundred(?:\s+and\s+\w+)?|a\s+hundred))"
    r"(?![0-9]|\.[0-9]|\s*(?:%|mg|kg|lb|bpm|mm|/|percent|degrees|°))(?=[MFmf]?\b)"
    r"(?![ \t]+F\b|[ \t]*(?:cm\b|pounds|lbs?\b|inches|kg\b|on[ \t]+(?:RA|room|O2|oxygen|NC|"
    r"BiPAP|CPAP|the[ \t]+vent|[0-9])))")
_INITIALS_KEY_BEFORE = re.compile(r"(?<![A-Za-z0-9])([A-Z][A-Za-z]?[A-Z]?)[ \t]*(?:=|:|[-–][ \t])"
                                  r"[ \t]*$")
_MIXED_CREDENTIALS = frozenset({"RPh", "PharmD", "PsyD", "PhD", "CPhT", "MSc", "EdD", "DrPH"})
"""Credentials written in mixed case, which the capitals' list does not hold."""
_INITIALS_KEY_AFTER = re.compile(r"(?:,?[ \t]*(?:[A-Z]{2,5}|PA-C|"
                                 + "|".join(sorted(_MIXED_CREDENTIALS)) + r")\b){0,2}"
                                 r"[ \t]*[(\[][ \t]*([A-Z][A-Za-z]?[A-Z]?)[ \t]*[)\]]")
"""A key of initials beside a person's name ('TG = Tiffany Goins', 'José Marrero (JM)', 'Rhonda
Tate MHT (RT)': a credential or two may stand between): a chart's legend, after which the
initials stand for the person in every row."""
_CITY_AFTER_STREET = re.compile(r",[ \t]*([A-Z][A-Za-z'’\-]+(?:[ \t][A-Z][A-Za-z'’\-]+){0,2})"
                                r"(?![A-Za-z])")
"""Capitalized words after a street line and a comma: a town when a gazetteer names it."""
_WEEKDAY_BEFORE = fast_compile(
    r"(?<![A-Za-z])((?i:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|"
    r"rsday|urday)?|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo|lundi|mardi|"
    r"mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|"
    r"samstag|sonntag|segunda|ter[cç]a|quarta|quinta|sexta)\.?),?[ \t]+(?:(?i:the)[ \t]+)?$")
"""A weekday right before a date ('Sat 22/06/2024', 'jueves 7/11/2024'): part of the date."""
_THE_BEFORE = re.compile(r"(?<![A-Za-z])(?:the|The|THE)[ \t]+$")
"""The article before a facility's name, which is part of how people name it ('the
Rockyview', 'The Moncton Hospital')."""
_WORDS_BEFORE = re.compile(r"(?<![A-Za-z'’\-])((?:(?:[A-Z][A-Za-z'’\-]+|[A-Z]{2,6})[ ]){1,2})$")
_CAP_WORD = re.compile(r"[A-Za-z'’\-]+")
_NOT_BEFORE_FACILITY = frozenset({"PATIENT", "PT", "SEEN", "AT", "TO", "FROM", "VIA", "THE",
                                  "DR", "DOCTOR", "NURSE", "CALL", "CALLED", "SEE", "REFER",
                                  "REFERRED", "TRANSFER", "TRANSFERRED", "ADMIT", "ADMITTED",
                                  "NEW", "OLD", "OUR", "YOUR", "MY", "HIS", "HER", "THEIR"})
"""Capitalized words before a facility that are not part of its name."""
_MONTHS_AFTER_AGE = re.compile(r"[ \t]*+,?[ \t]*+(?<=[ \t])(?:and[ \t]++)?[0-9]{1,2}[ \t]*+"
                               r"(?i:mo|mos|months?)(?![A-Za-z])")
"""The months after an age in years ('99 yrs 4 mo', '90 years, 1 month')."""
_TIME_AFTER_DATE = re.compile(r"(?:[ \t]+|[ \t]*@[ \t]*|T)(?:[01]?[0-9]|2[0-3]):[0-5][0-9]"
                              r"(?::[0-5][0-9])?(?:[ \t]*(?i:[ap]\.?m\.?))?(?![0-9])")
"""A clock time right after a full date."""
_SHORT_YEAR_AFTER = re.compile(r"/[0-9]{2}(?![0-9/])")
"""A two-digit year after a month and day ('Jan 23/24')."""
_ARTICLE_BEFORE_DAY = re.compile(r"(?<![A-Za-z.])(?<!Dr\.[ ])(?<!Dr[ ])(?<!Mr\.[ ])(?<!Ms\.[ ])"
                                 r"(?:le|Le|el|El|il|Il)[ \t]+$")
"""The article a French, Spanish or Italian date opens with ('le 3 mars', 'el 5 de junio',
'il 12 marzo'): part of the date, as 'the' is of 'the 3rd' (not a surname: 'Dr. Le 12/05')."""
_AM_BEFORE_DAY = re.compile(r"(?<![0-9])(?<![0-9][ \t])(?:am|Am)[ \t]+$")
_DOTTED_DAY = re.compile(r"[0-9]{1,2}\.[ ]?[0-9A-Za-z]")
"""German 'am 11.10.2024', 'am 3. Mai': the article before a dotted day (not '10 am 12/03')."""
_PART_OF_MONTH = re.compile(r"(?<![A-Za-z])(?i:mid|early|late)-$")
"""'mid-May', 'early-June': the part of the month belongs to the date."""
_AGE_IN_PARENS = re.compile(r"[ \t]*\([ \t]*(9[0-9]|1[01][0-9])[ \t]*\)")
"""The same age in digits in parentheses right after an age ('ninety-nine (99)')."""
_AGE_AFTER_AGE = re.compile(
    r"(?:[^\n.;:]|\.(?![ \t]*[A-Z0-9]|$)){0,25}?(?<![A-Z][ \t])(?<![A-Z]{2}[ \t])"
    r"(?:\b(?:or|and|to|maybe|possibly|perhaps|vs\.?|"
    r"correction,?|actually,?|sorry,?|i\.?e\.?,?)|(?<=[ \t])(?:--|—|–)|\((?:[a-z ]{1,15}:)?)\s*"
    r"(9[0-9]|1[01][0-9]|(?i:" + NINETY + r"(?:[\s\-]+(?:one|two|three|four|five|six|seven|eight|"
    r"nine))?|(?:one|a)\s+hundred(?:[\s\-]+(?:and[\s\-]+)?(?:one|two|three|four|five|six|"
    r"seven|eight|nine|ten))?))"
    r"(?![0-9]|\.[0-9]|\s*(?:%|mg|kg|lb|bpm|mm|/|percent|degrees|°|meq|mmol|sbp|dbp|hr|"
    r"temp|on\s+arrival|min|minutes|hours?|days?|times|pounds|over))\b")
"""'93 y.o. (per son), or 94 per her own count', '91 y/o -- correction, 91 per DOB', 'a
nonagenarian -- ninety-three to be exact': a second age over 89 offered as an alternative,
a correction or a precision right after an age."""
_EVERYDAY = 4.5
"""Zipf frequency from which a town's name reads as an everyday word when it
recurs in another case ('Mobile' 4.8, 'Reading' 5.1; 'Tulsa' 3.5)."""
_OCR_HINT = fast_compile(r"[0-9][OolI]|[OolI][0-9]")
_OCR_TOKEN = re.compile(r"(?<![A-Za-z0-9])(?=[0-9OolI]*[0-9][0-9OolI]*[0-9])(?=[0-9OolI]*[OolI])"
                        r"[0-9OolI]{3,}(?![A-Za-z0-9])")
"""A whole token of digits and the letters scanners read for them, two digits at least
('l5O65', 'O137', '4l2'); never part of a word or code ('V122I', 'D0B') and never 'O2'."""
_OCR_SHORT = re.compile(r"(?<![A-Za-z0-9])(?:(?=[0-9lIO/.\-]{0,10}[0-9])[0-9lIO]{1,2}([/.\-])"
                        r"[0-9lIO]{1,2}\1[0-9lIO]{2,4}(?![A-Za-z0-9/])|(?:[lI][0-9]|[0-9][lIO])"
                        r"(?=(?:st|nd|rd|th)(?![A-Za-z0-9])))")
"""In a scanned text only: a short date whose digits were read as letters ('ll/l5/23') and
a day's ordinal ('l4th'), too short for `_OCR_TOKEN` anywhere else; and a day beside a
month ('N0v l5, 2O23', 'l5 N0v'), its month read by the letter reading."""
_OCR_MONTH_DAY = re.compile(
    r"(?<![A-Za-z0-9])(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|JAN|FEB|MAR|APR|"
    r"MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[a-zA-Z]{0,6}\.?[ \t]+([0-9lIO]{1,2})(?=[ \t,]|st|nd|rd|th)"
    r"|([0-9lIO]{1,2})[ \t]+(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|"
    r"MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)))")
_ICD_CHAPTER = re.compile(r"[IO][0-9]{2}")
"""An ICD-10 category of the circulatory or pregnancy chapter ('I50', 'O24'), not a scanned
number: the OCR reading leaves it (and a text with no other damage is not read again)."""
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})
_GIVEN_ABBREVIATION_BEFORE = re.compile(
    r"(?<![A-Za-z])(?<!,[ ])(?<!,)(?:Ma|Md|Mohd|Muhd|Mst)\.[ \t]?$")
"""A given name written short right before a name: Spanish 'Ma.' (María), Bangladeshi 'Md.'
(Mohammad) and 'Mst.' (Mosammat)."""
_WIDOW_OF_AFTER = re.compile(r" (?:viuda|vda\.?|Vda\.?|Viuda) de ([A-ZÁÉÍÓÚÑ][a-záéíóúñ'’\-]+"
                             r"(?: (?:y )?[A-ZÁÉÍÓÚÑ][a-záéíóúñ'’\-]+)?)")
"""'viuda de Mora', 'vda. de García': a Spanish widow's name ends in her husband's surname."""
_MORE_INITIALS = re.compile(r"(?<=[A-Z]\.)(?:[A-Z]\.){1,3}(?![A-Za-z])")
"""Dotted initials right after a found initial ('T.' of 'T.W.', 'K.' of 'K.L.M.')."""
_FACILITY_LEAD = re.compile(r"([A-Z][a-z]{3,})[ \t]+[A-Z]")
"""A facility's first word, capitalized, with more of the name after it."""
_PEOPLE_AFTER = (r"(?:[ \t]+[A-Z][a-z]+)?[ \t]*(?:\([^()\n]{0,40}\)[ \t]*)?(?:-[ \t]*speaking|"
                 r"[ \t](?:woman|man|male|female|girl|boy|elders?|interpreter|custom|customs|"
                 r"people|speaker|speaking|tribe|Tribe|nation|language|culture|tradition|"
                 r"family|families|community|descent|heritage|ancestry)\b)")
"""What follows a people's or a language's name ('Oglala Lakota woman', 'Hmong custom',
'Blackfeet (Amskapi Pikuni) girl', 'Lumbee Tribe')."""
_PEOPLE_WORD = re.compile(r"(?<![A-Za-z])(?:enrolled[ \t]+)?([A-Z][a-z]{3,})" + _PEOPLE_AFTER
                          + r"|\benrolled[ \t]+([A-Z][a-z]{3,})\b")
"""The capitalized words a text uses for a people or a language (one pass per text)."""
_KIND_WORDS_ABROAD = frozenset({
    "CLINIQUE", "CLINICA", "SANATORIO", "OSPEDALE", "CAISSE", "HOPITAL", "HOSPITAL", "CENTRE",
    "CENTRO", "FOYER", "MANOIR", "MAISON", "RESIDENCE", "PHARMACIE", "SOCIETE", "KLINIKUM",
    "KRANKENHAUS", "POLICLINICO", "POLICLINICA", "FARMACIA", "COUVENT", "RESEAU"})
"""Words of a kind of place in other languages: a facility's first word, never its name."""
_RARE_LEAD_ZIPF = 2.0
"""A facility's first word rarer than this in English names the facility alone."""
_DECISIVE = frozenset({"cue_title", "cue_intro", "cue_unit_facility", "brand_facility",
                       "cue_role_initial",
                       "cue_typist", "cue_initials", "named_org", "world_city_ended",
                       "cue_everyday_name", "city_labelled", "county_labelled",
                       "cue_initial_credential", "sign_off_initials", "place_eponym",
                       "cue_spoken_date", "cue_spoken_phone", "name_chosen_quoted"})
"""Sources whose cue decides alone ('Mrs. Ng', 'at Bethesda ICU', a listed brand such as
'UPMC', 'from the Home' after `veil.text.named_orgs` checked its words, 'moved to Glasgow.'
ending its clause after a travel word, 'City: Foley' after a form's label): never vetoed as a
term."""
_SHAPED_SOURCES = frozenset({
    "name_context", "facility", "facility_of", "city_state", "town_state", "place_town",
    "slot_city", "slot_facility", "slot_name", "postal_town", "postal_county", "postal_after_in",
    "brand_facility", "postal_after_street", "cue_patient", "cue_relation", "cue_child_age",
    "cue_lower_pair", "cue_name_pair", "cue_greeting", "cue_role_name", "layout_letterhead",
    "layout_header", "layout_branch", "world_city", "name_lower_role", "university_state",
    "numbered_ward", "employer_works",
})
"""Sources whose shape says what the span is (a relation or credential, a facility word, ', ST',
a postal or gazetteer confirmation, a cue): vetoed only when every word is clinical."""
_DEPARTMENT_END = re.compile(r"(?:OLOGY|IATRY|IATRICS|OLOGISTS)$")
_NO_PERSON = frozenset({"TEAM", "STAFF", "TRIAGE", "PHARMACY", "NURSING", "REGISTRATION",
                        "SCHEDULING", "ADMITTING", "HOSPITALISTS", "EVERYONE", "ALL", "SURGERY",
                        "ANESTHESIA", "ONCOLOGY", "CARDIOLOGY", "RADIOLOGY", "PATHOLOGY"})
"""Words that sign or are greeted as a service, never as a person."""
_TITLE_BEFORE = fast_compile(r"(?i:\b(?:dr|mr|mrs|ms|miss|mx|prof|doctor)\.?\s*$)")


_BLOOD_TYPE = re.compile(r"A|B|AB|O")
_BLOOD_SIGN_AFTER = re.compile(r"(?:[+\u2212]|-(?![ \t\-])|"
                               r"[ \t]*(?i:pos|neg|positive|negative|rh)\b)")
_TITLE_JUST_BEFORE = re.compile(r"(?i:\b(?:dr|mr|mrs|ms|miss|mx|prof)\.?)[ \t]+$")
"""A blood group letter and its sign ('O+', 'A neg') after a relation word is no initial."""


@dataclass
class _Needles:
    """What propagation searches for: surfaces matched in any case (`insensitive`) or only
    as written (`sensitive`), a legend's initials keys and dotted initials."""

    insensitive: dict[str, PhiType]
    sensitive: dict[str, PhiType]
    keys: set[str]
    dotted: set[str]

    def joined(self, others: Sequence[_Needles],
               shareable: Callable[[str], bool] = lambda _surface: True) -> _Needles:
        """These needles and the others' that are `shareable` (first type wins); a legend's
        keys stay this text's own: 'AB' stands for its person only where the legend says so."""
        out = _Needles(dict(self.insensitive), dict(self.sensitive), set(self.keys),
                       set(self.dotted))
        for other in others:
            for surface, kind in other.insensitive.items():
                if shareable(surface):
                    out.insensitive.setdefault(surface, kind)
            for surface, kind in other.sensitive.items():
                if surface not in other.keys and shareable(surface):
                    out.sensitive.setdefault(surface, kind)
            out.dotted |= other.dotted
        return out


def _shared_by_patient(needles: list[_Needles], patient_keys: Sequence[str | None],
                       shareable: Callable[[str], bool]) -> list[_Needles]:
    """Each text's needles joined with the `shareable` ones of the other texts of its patient
    (a text with no key shares nothing)."""
    group: dict[str, list[int]] = {}
    for i, key in enumerate(patient_keys):
        if key is not None:
            group.setdefault(key, []).append(i)
    out = list(needles)
    for members in group.values():
        if len(members) < 2:
            continue
        shared = _Needles({}, {}, set(), set()).joined([needles[j] for j in members],
                                                       shareable)
        for i in members:  # its own first: a surface keeps the type its own text gave it
            out[i] = needles[i].joined([shared])
    return out


@dataclass(frozen=True)
class ScrubOptions:
    """How to scrub (see TEXT_INTERFACE.md).

    replacement: numbered tags or keyed surrogates (surrogates need `secret`);
    safe_harbor: dates keep only the year, ages over 89 become '90+';
    date_shift: move full dates by a keyed per-patient number of days (needs
    `secret` and patient keys; the output is then not Safe Harbor);
    ner: add the NER signal (the `text-ner` extra);
    ner_models: which models make it: 'veil' (the shipped model trained on generated text)
    and/or 'spacy' (spaCy's small English model); both by default.
    """

    replacement: Literal["tag", "surrogate"] = "tag"
    safe_harbor: bool = True
    date_shift: bool = False
    ner: bool = False
    secret: bytes | None = None
    ner_models: tuple[str, ...] = ("veil", "spacy")

    def __post_init__(self) -> None:
        if self.replacement not in ("tag", "surrogate"):
            raise UsageError("replacement must be 'tag' or 'surrogate'")
        if not self.ner_models or any(m not in ("veil", "spacy") for m in self.ner_models):
            raise UsageError("ner_models must name 'veil' and/or 'spacy'")
        if (self.replacement == "surrogate" or self.date_shift) and not self.secret:
            raise UsageError("surrogates and date shifts need a secret key",
                             hint="pass --secret-file FILE or set ScrubOptions(secret=...)")
        if self.secret is not None and len(self.secret) < 16:
            raise UsageError("the secret key must be at least 16 bytes")

    @property
    def is_safe_harbor(self) -> bool:
        """False when dates are shifted rather than reduced to years."""
        return self.safe_harbor and not self.date_shift


_POSTCODE_TOWN = re.compile(r"[ \t]*[,·|][ \t]*(?:[A-Z]{1,2}-)?([0-9]{4,5})[ \t]+"
                            r"([A-Z][a-z'’\-]+(?:[ \t][A-Z][a-z'’\-]+)?)(?![A-Za-z])")
"""A postcode and its town after a street line, as most of Europe writes them ('Hauptstraße
41, 85354 Freising', 'Ismaninger Str. 22 · 81675 München', 'D-10117 Berlin')."""
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
_NICKNAME = re.compile(r",?[ \t]*+(?:[0-9]{1,3}+[ \t\-]*+(?:y/o|yo|y\.o\.?|yrs?|"
                       r"years?(?:[ \t\-]++old)?)?[ \t]*+(?:[MF](?![A-Za-z])|male|female)?"
                       r"[ \t]*+,?[ \t]*+)?"
                       r"\(?[\"“‘](?!s\b)([A-Z][A-Za-z'’\-]{0,20})[\"”’]\)?")
"""A quoted word after a name, maybe after the age and sex: the person's nickname ('"Effie"',
'(“JoJo”)', 'Nikolai Petrov, 88 y/o M ("Kolya")')."""
_NOT_MIDDLE_NAMES = frozenset({"RE", "CC", "FWD", "FW", "ATTN", "VIA", "PER", "VS", "AND", "OR"})
"""Short words between two names of a message's header ('Sarah Jones Re Tom Brown')."""
_ONE_WORD_BETWEEN = re.compile(r" ([A-Z][a-z]{1,7}) (?=[A-Z])")
"""One capitalized word and a space after a name, where another found name starts."""
_SHORT_SURNAME_AFTER = re.compile(r" ((?:Her|Le|Do|Ha|Ho|To|Ma|An|Ng|Vu|Vo|Yi|Oh|Ko|Go|Ly|La)"
                                  r")(?=[ \t]*(?:[.,;:)\n]|$)|[ \t]+(?:is|was|has|had|and|who|"
                                  r"said|says|called|lives|died)\b)")
"""Surnames that are also short words (Hmong 'Her', Vietnamese 'Le', 'Do', 'Vo'), written with
a capital right after a name and before punctuation: the name's last word."""
_GENERATION_AFTER = re.compile(r",?[ \t]+(Jr\.?|Sr\.?|JR\.?|SR\.?|II|III|IV)(?![A-Za-z0-9])")
"""A generation after a name ('Harrison W. Beauchamp III', 'GARZA, ROGELIO JR')."""
_BADGE_AFTER_NAME = re.compile(r",?[ \t]*\(?(?:(?i:badge|star|unit|shield)[ \t]*)?#[ \t]?"
                               r"([0-9]{3,7})(?![0-9])")
"""A badge number after an officer's name ('Ofc. Hardaway, #11294')."""
_NAME_BEFORE_PHONE = re.compile(r"(?:^|(?<=\n)|[(,;:]|(?<![A-Za-z])(?i:call|text|contact|reach|"
                                r"ask[ \t]+for))[ \t]*([A-Z][a-z'’\-]+(?:[ \t][A-Z][a-z'’\-]+)?)"
                                r"[ \t]*[,:\-]?[ \t]*(?:at[ \t]+|@[ \t]*)?$")
"""'(Deb, 218-555-0125)', 'call Marisol 555-201-3344': a name written right before a phone."""
_OFFICER_BEFORE = re.compile(r"(?i:\b(?:ofc|officer|off|deputy|dep|trooper|tpr|sgt|sergeant|"
                             r"cpl|corporal|det|detective|lt|capt|agent|patrolman)\.?[ \t]+)$")
_INITIALS_ONLY = re.compile(r"(?:[A-Z]\.?[ \t]?){1,3}")
"""A name found as initials only ('K.M', 'J. D.', 'KM')."""
_NAME_IN_BRACKETS = re.compile(r"\.?[ \t]*\(([A-Z][a-zà-ÿ'’\-]+(?:[ \t]+[A-Z][a-zà-ÿ'’\-]+)"
                               r"{0,3})\)")
"""A name in brackets right after initials ('K.M. (Kamuela Mahoe)')."""
_SPACED_INITIALS_BEFORE = re.compile(r"(?<![A-Za-z.\-])(?!P\.[ \t]?O\.|R\.[ \t]?N\.|M\.[ \t]?D\.)"
                                     r"((?:[A-Z][ \t]?\.[ \t]?){1,3})$")
"""Initials right before a found name, dotted with the spaces a scan or a typist leaves
('A . Goldfarb', 'W . H . Breland'; 'J.K. Rowling' too)."""
_TRAILING_INITIAL = re.compile(r"[ \t]([B-HJ-Z](?![A-Za-z0-9])\.?|[A-Z]\.)"
                               r"(?=[ \t]{2,}|[ \t]*(?:[,;\n)]|$)|[ \t]+[0-9])")
"""A single initial after a name ('ODUM P 46F', 'ODUM, PRISCILLA K'); 'A' and 'I' only with
a period ('SMITH I think' keeps its pronoun)."""
_WORKS_AFTER = re.compile(
    r"(?:[ \t]+(?:coal|coke|steel|paper|power|prep|processing|packing|chemical|assembly|glass|"
    r"tire|auto|bottling|rail|ore|iron|pulp|strip|surface|underground)){1,2}[ \t]+(?:plant|works|"
    r"mine|mill|refinery|smelter|furnace|foundry|shipyard)(?![A-Za-z\-])|[ \t]+(?:plant|refinery|"
    r"smelter|foundry|shipyard)(?![A-Za-z\-]|[ \t]+(?:a|the|seeds?)\b)")
"""The lower-case kind of works after an employer's name ('Elk Run coal prep plant')."""
_LOWER_INITIAL = re.compile(r"[ \t]([a-z]\.)(?=[ \t]*[,;)]|[ \t]*$)", re.MULTILINE)
"""A lower-case initial with its period after a lower-case name ('Taken by: lindsey b., RN')."""
_COMMA_INITIAL = re.compile(r",[ \t]?([A-Z]\.)(?=[ \t]|[,;:)\n]|$)")
_CAPS_SURNAME = re.compile(r"[A-Z0-9][A-Z0-9'’\-]{2,}")
"""A surname in capitals and its first initial after a comma ('HOLLOWAY, P.'), the way forms
write a person last name first."""
_PAREN_NAME = re.compile(r"[ \t]*\(([A-Za-z][a-z'’\-]{1,20})\)")
_REST_OF_NAME = re.compile(r" ([A-Z][a-z'’]*(?:-[A-Z][a-z'’]+)*[a-z])(?![A-Za-z])")
_REST_OF_NAME_CAPS = re.compile(r" ([A-Z]{2}[A-Z'’]*(?:-[A-Z][A-Z'’]+)*)(?![A-Za-z])")
_LOWER_NICKNAME = re.compile(r"[ \t]+[\"“]([a-z][a-z'’\-]{0,15})[\"”][ \t]+([a-z][a-z'’\-]{2,})"
                             r"(?![A-Za-z])")
"""'marcus "mo" delacroix': a quoted nickname between a lower-case given name and surname."""
_LAST_WORD = re.compile(r"[A-Za-z'’\-]+$")
_PIN_AFTER_CITY = re.compile(r",?[ \t]*(?:[-–][ \t]*)?([1-9][0-9]{5})(?![0-9])")
"""A six-digit postal code after a town (India's PIN, Singapore's, Russia's)."""
_SHORT_NUMBER = 6
"""A found number of fewer digits than this does not recur as PHI elsewhere in the text:
'Order 5000' may be an order number, 'Platelets 5000' is a count."""
_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def _occurrences(haystack: str, needle: str) -> list[int]:
    """Where `needle` stands in `haystack` as a whole token (no ASCII letter or digit right
    before or after). A find loop in C over each found entity, in place of one alternation
    regex compiled for every text (compiling it cost more than the search)."""
    found: list[int] = []
    if not needle:
        return found
    at = haystack.find(needle)
    size = len(needle)
    while at >= 0:
        end = at + size
        if (at == 0 or not _ascii_alnum(haystack[at - 1])) and (
                end == len(haystack) or not _ascii_alnum(haystack[end])):
            found.append(at)
        at = haystack.find(needle, at + 1)
    return found


_QUOTED = r"[\"“'‘]([A-Z][A-Za-z'’\-]+(?:[ ][A-Z][A-Za-z'’\-]+)?)[\"”'’]"
_NICKNAME_AFTER = re.compile(
    r"[ \t]*\([ \t]*(?:(?i:prefers|goes[ \t]+by|called|aka|a\.k\.a\.?|nickname:?|"
    r"pronounced)[ \t]+)?" + _QUOTED + r"[ \t]*\)"
    r"|,?[ \t]+(?i:aka|a\.k\.a\.?|goes[ \t]+by|known[ \t]+as)[ \t]+" + _QUOTED
    + r"(?:[ \t]*,[ \t]*" + _QUOTED + r")?")
"""A nickname in quotes right after a person's name: 'Tauiliili ("Lili")', 'Tou Xiong
(pronounced "Too Shong")', 'Wesley Tran aka "Wes", "Duc"'."""


def _nicknames(text: str, spans: list[Span], lex: Lexicon) -> list[Span]:
    """The nicknames after found names (`_NICKNAME_AFTER`), before propagation so that
    the nickname is found wherever the text uses it; a nickname in name case with a word no
    English or clinical one, or a dictionary name ('Lili', 'Wes', 'Too Shong'; not 'DNR',
    'Hospice', 'The Boss', 'Yes', 'Tylenol')."""
    extra: list[Span] = []
    for span in spans:
        if span.type is not PhiType.NAME:
            continue
        match = _NICKNAME_AFTER.match(text, span.end)
        if match is None:
            continue
        for group in range(1, match.re.groups + 1):
            nickname = match.group(group)
            if nickname is None or nickname.isupper():
                continue
            keys = [fold(word) for word in nickname.split()]
            if any(lex.is_clinical(key) or key in lex.titles or key in FUNCTION_WORDS
                   for key in keys) or not any(
                    not words_module.is_english(key) or (
                        key in lex.first and words_module.zipf(key) < 4.0) for key in keys):
                continue
            extra.append(Span(match.start(group), match.end(group), PhiType.NAME, "nickname",
                              0.85))
    return merge([*spans, *extra], text) if extra else spans


_NAME_AND_NAME = re.compile(
    r"[ \t]+(?:and|&)[ \t]+((?:[A-Z][a-z'’\-]+|[A-Z]\.)(?:[ \t]+(?:[A-Z][a-z'’\-]+|[A-Z]\.)){1,2})"
    r"(?![A-Za-z0-9'’\-])(?![ \t]+[A-Z])")
"""' and ' then two or three capitalized words after a person's name ('Lucía Ríos and
Olumide Akande'), no more capitalized words after them."""


def _names_coordinated(text: str, spans: list[Span], lex: Lexicon) -> list[Span]:
    """A second person's full name joined by 'and' to a found one ('Parents Lucía Ríos and
    Olumide Akande present'): words in name case, no English, clinical or place word except
    a dictionary name, a surname last that no English word is; before propagation, so the
    name is found wherever the text uses it."""
    extra: list[Span] = []
    for span in spans:
        if span.type is not PhiType.NAME or " " not in text[span.start:span.end].strip():
            continue  # a full name before it, not one word
        match = _NAME_AND_NAME.match(text, span.end)
        if match is None:
            continue
        words = [w for w in match.group(1).split() if not w.endswith(".")]
        keys = [fold(w) for w in words]
        if not keys or any(lex.is_clinical(k) or k in lex.titles or k in FUNCTION_WORDS
                           or k in lex.states or k in MONTH_WORDS for k in keys) \
                or " ".join(keys) in lex.places:
            continue  # ('Maria Lopez and Santa Fe': a town)
        if words_module.is_english(keys[-1]) or not all(
                lex.is_name(k) or not words_module.is_english(k) for k in keys):
            continue  # 'Smith and Sons Roofing', 'Ríos and Home Care'
        extra.append(Span(match.start(1), match.end(1), PhiType.NAME, "name_coordinated", 0.8))
    return merge([*spans, *extra], text) if extra else spans


_AGED_ITEM = (r"[A-Z][a-z'’\-]+(?:[ \t]+[A-Z][a-z'’\-]+){0,2}(?:[ \t]*\([^()\n]{1,12}\))?"
              r"[ \t]+[0-9]{1,2}(?:[ \t]*(?:yo|y/o|yrs?|y|mos?|wks?))?(?![0-9A-Za-z])")
_AGED_ROSTER = re.compile(r"(?<![A-Za-z0-9'’\-])" + _AGED_ITEM + r"(?:[ \t]*[,;][ \t]*"
                          + _AGED_ITEM + r"){2,}")
"""A list of three or more people each with an age ('Yidel 13, Chana Sury 12, Lipa 10')."""
_ROSTER_NAME = re.compile(r"[A-Z][a-z'’\-]+(?:[ \t]+[A-Z][a-z'’\-]+){0,2}")


def _names_in_aged_rosters(text: str, spans: list[Span], lex: Lexicon) -> list[Span]:
    """Every name of a list of people with their ages when two of its names are found
    ('children: Yidel 13, Chana Sury 12, Lipa 10, Tziry 9, Toby 6'): the list's shape says
    what its other items are; no item with a clinical word, an eponym or a word that is no
    name ('Hgb 13, Plt 250', 'Gail 2, Tyrer Cuzick 18, Claus 12', 'Baby 1'), leading English
    words left out ('Visiting Today Ari 4')."""
    names = [s for s in spans if s.type is PhiType.NAME]
    if len(names) < 2:
        return spans
    extra: list[Span] = []
    for roster in _AGED_ROSTER.finditer(text):
        items = [m for m in _ROSTER_NAME.finditer(text, roster.start(), roster.end())
                 if not text[m.end():m.end() + 3].lstrip(" \t").startswith(")")]
        hits = sum(1 for m in items if any(s.start < m.end() and m.start() < s.end
                                           for s in names))
        if hits < 2:
            continue
        for item in items:
            words = list(re.finditer(r"\S+", item.group()))
            while words and words_module.is_english(fold(words[0].group())) \
                    and not lex.is_name(fold(words[0].group())):
                words.pop(0)  # 'Visiting Today Ari 4': the words before the name
            keys = [fold(w.group()) for w in words]
            if not keys or any(lex.is_clinical(k) or k in lex.titles or k in MONTH_WORDS
                               or k in lex.eponyms or k in lex.not_name for k in keys):
                continue  # 'Gail 2, Tyrer Cuzick 18': a risk model's score; 'Baby 1'
            extra.append(Span(item.start() + words[0].start(), item.end(), PhiType.NAME,
                              "name_roster", 0.8))
    return merge([*spans, *extra], text) if extra else spans


def _day_read(match: re.Match[str]) -> str:
    """A month's day read as digits where a scanner put letters for them ('l5' of 'Nov l5');
    the month and the blanks as they are."""
    group = 1 if match.group(1) is not None else 2
    day = match.group(group)
    if not any(c.isdigit() for c in day) and len(day) < 2:
        return match.group()  # 'I Nov' is no day
    start, end = match.span(group)
    whole = match.group()
    offset = start - match.start()
    return whole[:offset] + day.translate(_OCR_DIGITS) + whole[offset + (end - start):]


def _ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


_STATE_ZIP_AFTER = re.compile(r",?[ \t]+[A-Z]{2}\.?,?[ \t]+[0-9]{5}(?:-[0-9]{4})?(?![0-9])")
"""A state code and a ZIP after a town: an address's town, whatever its words mean."""
_STATE_CODE_AFTER = re.compile(r",?[ \t]+[A-Z]{2}(?![A-Za-z])")
"""A state code in capitals right after a town the postal list has in that state ('Glasgow
KY' is no coma scale)."""
_DOTTED_INITIALS = re.compile(r"[A-Z]\.[ ]?[A-Z](?:\.[ ]?[A-Z])?\.?")
"""A person's dotted initials ('D.R', 'K. M.'): they recur as written ("Called D.R.'s mother")."""
_ACRONYM_SURFACE = re.compile(r"[A-Z][A-Z&]{2,7}")
"""A facility written as its acronym: it recurs in capitals only ('MWH', not 'mwh')."""
_NUMERIC_DATE = re.compile(r"[0-9]{1,2}/[0-9]{1,2}(?:/[0-9]{2,4})?")
_NOT_A_COUNT_AFTER = (
    r"(?![ \t]*(?i:%|strength|power|motor|murmur|pain|reflex(?:es)?|dtr|of\b|tabs?\b|tablets?|"
    r"caps?\b|cups?|nodes?|cores?|positive|negative|pos\b|neg\b|points?|ratio|dilution|"
    r"titer|in\b(?![ \t]+(?!length|diameter|width|depth|size|long|wide|deep)[a-z]{3,})|mm|cm|"
    r"mg|ml|mcg|units?|x\b|times|sets|reps|sessions|visits|doses|cycles|"
    r"days?|weeks?|wks?|months?|years?|yrs?|hrs?|hours?|scale|score|bilateral|throughout|"
    r"symmetric|proximal|distal|left|right|[lr][ul]e\b|ue\b|le\b|bottles?|ago\b|nights\b|"
    r"frequencies|items|words|meals|correct|trials|attempts|with[ \t]+bloods?|bid\b|tid\b|"
    r"qid\b|qd\b|qhs\b|daily\b|q[0-9]{1,2}h))"
    r"(?![ \t]+[A-Za-z\-]+[ \t]+(?i:murmur|strength|pain|reflexes|rub|gallop))")
"""No score, fraction, ratio or count after a month/day."""
_BARE_DAY = fast_compile(
    r"(?<![0-9A-Za-z/.\-:+#])(?!(?:1/[1-4]|2/[2-4]|3/[34]|4/4|5/5)(?![0-9]))"
    r"(?:1[0-2]|0?[1-9])/(?:3[01]|[12][0-9]|0?[1-9])(?![0-9/]|[.,][0-9])" + _NOT_A_COUNT_AFTER)
"""A bare month/day (no score, fraction, ratio or count after it)."""
_FRACTION_DAY = fast_compile(
    r"(?<![0-9A-Za-z/.\-:+#])(?:1/[2-4]|2/[34]|3/4|(?:1[0-2]|0?[1-9])/10)"
    r"(?![0-9/]|[.,][0-9])" + _NOT_A_COUNT_AFTER)
"""A month/day that reads as a common fraction or a tenth too ('2/3', '3/4', '9/10'): a date
only in a dated note, right after a word of an event and before a clause's end or a
preposition ('given 3/4 (RSV season)', 'on 2/3 with aunt'; not 'given 1/2 NS bolus')."""
_AFTER_FRACTION_DAY = re.compile(r"[ \t]*(?:$|[.,;:)(\]\n]|--|(?:with|and|by|at|to|per|in|on|"
                                 r"for|from|via|after|before|until|when)\b)")
_SCORE_BEFORE = re.compile(r"(?i:strength|power|motor|murmur|pain|grade|reflex(?:es)?|dtr|gcs|"
                           r"apgars?|score|mmse|moca|phq-?9?|gad-?7?|ratio|bp|titer|nodes?|"
                           r"bottles?|cultures?\s+x|sets?|recall|orientation|registration|"
                           r"attention|language|visuospatial|naming|fluency|abstraction|total|"
                           r"scale|mini-?cog|i?adls?|katz|lawton|barthel|braden|morse|slums|"
                           r"bipap|cpap|peep|vent|day|pod|hd|cycle|gracey|rrr|sem|stage|class|"
                           r"sats?|fio2|rass|cam|nihss|mrs|ecog|kps|tanner|ap?gar|lachman|"
                           r"drawer|pivot|sensation|proprioception|vibration|ratio|sec|"
                           r"section|items?|inattention|hyperactiv\w*|acuity|vision|snellen|va)"
                           r"[ \t:]*(?:of[ \t]+)?$")


_TESTS = (r"(?i:\b(?:" + "|".join(
    ("duplex", "doppler", "echo", "tte", "tee", "ct", "cta", "mri", "mra", "ultrasound", "us",
     "xr", "cxr", "x-ray", "ekg", "ecg", "eeg", "emg", "egd", "colonoscopy", "scan", "mammogram",
     "angiogram", "biopsy", "cath", "pet", "dexa", "holter", "pfts?", "labs", "bmp", "cmp", "cbc",
     "culture", "cultures", "swab", "ua")) + r")[ \t:]+)")
"""A test before a month/day ('duplex 9/10'): the day of the test, even a '/10'."""
_DAY_SLOT_BEFORE = re.compile(
    r"(?:(?:^|\n|[|,(;—–])[ \t]*|(?i:\b(?:on|at|by|from|until|till|since|after|before|likely|"
    r"planned|anticipated|expected|last|next|thru|through|to|and|or|d/c|dispo|fill|filled|"
    r"visits?|submitted|regressing|improving|resolved|repeat|given|due|around|about|approx|"
    r"~|wk|week|dated|done|signed|faxed|called)[ \t:]+)|" + _TESTS + r")$")
"""Where a date stands in a sentence or a table: after a cell or list separator, a line start
or a word of time; a score's label ('Lawton 5/8', 'BiPAP 10/5') is none of them."""


_CODE_AFTER_NAME = re.compile(r"[ \t]*\((?!(?:19|20)[0-9]{2}\))(?!(?:ICD|CPT|CVX|NDC|DRG|LOINC|"
                              r"HCPCS|COVID|PHQ|GAD|ECOG|NYHA|CD|ISO|ICU|BED|RM|ROOM|OR|EXT|PGY|ACLS|BLS|PALS|SOP|UNIT|"
                              r"STE|APT|RN|MD|NP|PA)-)([A-Z]{1,2}[0-9]{4,10}|"
                              r"[A-Z]{1,4}-[0-9]{3,8}|[A-Z]{1,4}-[A-Z]{1,4}-[0-9]{2,8}|"
                              r"[0-9]{5,10})\)")
"""A code in parentheses right after a person's name ('RUFUS T (C4417)', the VA's last
initial and last four; an interpreter's 'Falguni Dave (INT-GU-33)'): that person's
identifier."""
_UNIT_TAIL = re.compile(
    r",?[ \t]*+(?:(?i:apto|apt|apartamento|piso|int|interior|depto|dpto|departamento|flat|unit|"
    r"suite|ste|bloco|bl|casa|andar|[eé]tage|no|n[º°])\.?[ \t]*+#?[ \t]*+[0-9][0-9A-Za-z\-]{0,5}"
    r"(?:[ \t]*+[º°ª](?:[ \t]*+[A-Z](?![A-Za-z]))?)?|[0-9]{1,2}[º°ª](?:[ \t]*+[A-Z](?![A-Za-z]))?|"
    r"#[ \t]*+[0-9][0-9\-]{0,7}[A-Za-z]?|(?:Col\.|Colonia|Barrio|Bairro)[ \t]++"
    r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)(?![A-Za-z0-9])")
"""What an address line goes on with abroad and at home: 'apto 702', 'piso 3', '2º B', 'Int. 3',
'#45-12', 'Col. Centro'."""
_UNIT_HEAD = re.compile(
    r"(?:(?<![A-Za-z])(?i:flat|plot|shop|unit|apt|apartment|house|h\.?[ \t]?no|r\.?r\.?|rr|"
    r"lot|door|block|blk)\.?[ \t]*+#?[ \t]*+[0-9][0-9A-Za-z\-/]{0,5},?[ \t]*+)$")
"""What stands before an address line: 'Flat 7B, ', 'Plot 27, ', 'R.R. #1, '."""


_CELL_BEFORE = re.compile(r"(?:^|[|\t]|[ ]{2})[ \t]*$")
_CELL_AFTER = re.compile(r"[ \t]*(?:$|[|\t\n]|[ ]{2})")


def _in_cell(text: str, span: Span) -> bool:
    """The span stands alone in a grid's cell: a bar, a tab, a line's edge or two blanks on
    each side ('| AB  | AB  |'), not in a sentence ('Hx of DM type 2')."""
    line_start = text.rfind("\n", 0, span.start) + 1
    return bool(_CELL_BEFORE.search(text[line_start:span.start])) and bool(
        _CELL_AFTER.match(text, span.end))


def _initials_keys(text: str, span: Span) -> list[Span]:
    """The initials a legend gives a found name, when they are its initials ('TG = Tiffany
    Goins', 'Rk = Rukhsana Kazmi', 'José Marrero (JM)'); they recur alone (`_propagate`).
    Initials that also abbreviate a clinical word ('DM', 'AB') count only after '='."""
    words = re.findall(r"[^\W\d_]+", text[span.start:span.end])
    if len(words) < 2:
        return []
    wanted = {"".join(w[0] for w in words).upper(), (words[0][0] + words[-1][0]).upper()}
    while len(words) > 2 and (words[-1].upper() in _CREDENTIALS
                              or words[-1] in _MIXED_CREDENTIALS):
        words.pop()  # 'Ji-woo Kang, RPh (JWK)': a credential is no initial
        wanted |= {"".join(w[0] for w in words).upper(), (words[0][0] + words[-1][0]).upper()}
    found = []
    before = _INITIALS_KEY_BEFORE.search(text, max(0, span.start - 8), span.start)
    after = _INITIALS_KEY_AFTER.match(text, span.end)
    for match in (before, after):
        # an equals sign is a legend's own ('AB = Andrea Bias, RN'): its key is the person's
        # even where the letters also abbreviate something clinical
        if match is not None and match.group(1).upper() in wanted \
                and (match.group(1).upper() not in CLINICAL_INITIALS
                     or (match is before and "=" in match.group(0))):
            found.append(Span(match.start(1), match.end(1), PhiType.NAME, "initials_key", 0.85))
    return found


def _address_edges(text: str, span: Span) -> Span | None:
    """The address with the unit or floor around it (`_UNIT_TAIL`, `_UNIT_HEAD`), or None."""
    start, end = span.start, span.end
    for _ in range(3):
        tail = _UNIT_TAIL.match(text, end)
        if tail is None:
            break
        end = tail.end()
    head = _UNIT_HEAD.search(text, max(0, start - 24), start)
    if head is not None:
        start = head.start()
    if (start, end) == (span.start, span.end):
        return None
    return Span(start, end, PhiType.ADDRESS, span.source, span.score)


_REGISTRY_CODE = re.compile(r"NCT[0-9]{8}|ISRCTN[0-9]{8}|EudraCT[ \t]?[0-9]{4}-[0-9]{6}-[0-9]{2}|"
                            r"ACTRN[0-9]{14}|CTRI/[0-9]{4}/[0-9]{2,3}/[0-9]{6}")
"""A clinical trial's registry number (ClinicalTrials.gov, ISRCTN, EudraCT, ANZCTR, CTRI):
public, and the same for every participant."""
_TEST_BEFORE = re.compile(_TESTS + r"$")
_VISION_BEFORE = re.compile(r"(?i:acuity|vision|snellen|\bva\b)")
"""A visual acuity ('Visual acuity checked 6/9') is a fraction of a chart, no day."""
_EVENT_BEFORE_DAY = re.compile(
    r"(?i:\b(?:last[ \t]+use|(?:recheck|check|repeat|lithium|digoxin|drug|trough|peak|"
    r"tacrolimus|vancomycin|vanc|valproic[ \t]+acid|valproate|depakote|dilantin|phenytoin|"
    r"carbamazepine|tegretol|keppra)[ \t]+level|on|since|until|till|from|through|thru|by|"
    r"after|before|last|next|due|"
    r"adm|admit|admitted|admission|presented|seen|visit|appt|appointment|f/u|"
    r"follow[ \t\-]?up|"
    r"rtc|lmp|edd|dos|d/c|discharged?|started|stopped|held|resumed|given|drawn|collected|"
    r"recheck|rechecked|checked|done|performed|placed|removed|delivered|arrived?|accepted|"
    r"scheduled|booked|call(?:ed)?|died|expired|fell|fall|injured|surgery|transfused|"
    r"dosed|injection|vaccine|shot|booster|dose[ \t]+[0-9]|test|labs?|last[ \t]+use|drink|"
    r"ed|er|coiled|clipped|operated|biopsied|implanted|extubated|intubated|transferred|"
    r"returned|born|birthday|bday|dob|visited|provided|ordered|faxed|sent|mailed|received|"
    r"signed|submitted|approved|denied|expires?|expired|refill(?:ed)?|filled|shipped|"
    r"effective|week[ \t]+of|as[ \t]+of|today|tonight|tomorrow|yesterday|night|morning|"
    r"evening|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?|"
    # 'my procedure is 10/7', 'next shipment is 9/5' (a bare 'infusion 2/5' counts doses)
    r"(?:procedure|shipment|delivery|appointment|appt|surgery|visit|scan|biopsy|test)[ \t]+"
    r"(?:is|was|on))"
    r"[ \t:]*|" + _TESTS + r"[ \t:]*)")
"""In a text with no other numeric date, a word of an event or a time right before a bare
month/day ('adm 9/3', 'LMP 4/2', 'Last use 9/9', 'transfused 1 unit PRBC 12/10' is not one):
that day is a date; a bare fraction after no such word stays."""
_SAME_SCALE = re.compile(r"[0-9]/[0-9]")
"""A fraction shortly before a month/day: when it has the same denominator, both are scores."""
_WORD_BEFORE_DAY = re.compile(r"(?:(?<![0-9/])(?i:[a-z][a-z'’\-]*[a-z]|[A-Z]{2,})[)\]]?[ \t]*:?|"
                              r"(?<![0-9/:.])(?:[01][0-9]|2[0-3]):?[0-5][0-9])[ \t]+$")
"""In a dated note, a word right before a month/day ('recheck level 12/5', 'PEG 12/4',
'DISCONTINUED 12/5'): a day of that event, unless a score's label (`_SCORE_BEFORE`) or a
fraction's word after (`_BARE_DAY`) says otherwise."""


_COORDINATED_TYPES = frozenset({PhiType.MRN, PhiType.ACCOUNT, PhiType.ID, PhiType.HEALTH_PLAN,
                                PhiType.PHONE, PhiType.LICENSE, PhiType.DEVICE})
_SERIES_GAP = re.compile(r"[ \t]*(?:,|;|&|/|vs\.?)[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or|"
                         r"through|thru|to|[–\-])[ \t]+|[ \t]*–[ \t]*")


def _shape(value: str) -> str:
    return re.sub(r"[A-Za-z]", "a", re.sub(r"[0-9]", "9", value))


_DECIMAL = re.compile(r"9+[.,]9+")
_RANGE_WORD = re.compile(r"through|thru|to|[–\-]")
_YEAR_ALONE = re.compile(r"(?:19|20)[0-9]{2}")
_COUNT_AFTER = re.compile(r"[ \t]*(?:%|(?i:mg|mcg|ml|units?|hours?|hrs?|days?|weeks?|months?|"
                          r"years?|patients|cases|times|percent|pct)\b)")


def _coordinated_identifier(text: str, span: Span) -> list[Span]:
    """'MRNs 44102 and 44120', 'acct 7713094, 7713095', 'PISP 24-1337 through PISP 24-1351': a
    value of the same shape (digits where it has digits, letters where it has letters, the
    same blanks and dashes) joined to a found identifier by a list or range word is one of
    its kind (at most ten in a row)."""
    out: list[Span] = []
    length = span.end - span.start
    shape = _shape(text[span.start:span.end])
    if "9" not in shape or _DECIMAL.fullmatch(shape):
        return out  # '12.0 - 15.0' is a reference range, whatever found its first number
    end = span.end
    for _ in range(10):
        gap = _SERIES_GAP.match(text, end)
        if gap is None:
            break
        start, stop = gap.end(), gap.end() + length
        if _shape(text[start:stop]) != shape or text[stop:stop + 1].isalnum() \
                or text[start - 1:start].isalnum() or _COUNT_AFTER.match(text, stop) \
                or (_RANGE_WORD.search(gap.group()) and (
                    shape.count("9") < 4 or _YEAR_ALONE.fullmatch(text, start, stop))):
            break  # 'Cases 12 - 15', '15 - 20% mortality': counts, no identifiers
        out.append(Span(start, stop, span.type, "coordinated", 0.8))
        end = stop
    return out


_EDGE_TYPES = frozenset({PhiType.MRN, PhiType.ACCOUNT, PhiType.ID, PhiType.HEALTH_PLAN,
                         PhiType.LICENSE, PhiType.DEVICE, PhiType.SSN})
_MAKER_PREFIX = re.compile(r"(?<![A-Za-z0-9&])[A-Z]{1,3}&$")
"""A maker's initials joined by '&' right before a serial ('A&D-UA651-...' read from 'D-')."""
_CODE_PREFIX = re.compile(r"(?<![A-Za-z0-9\-./])([A-Z]{2,8}(?:-[A-Z]{2,8})?)(?: |(?<=[A-Z])"
                          r"(?<!LOT)(?<!SN)(?<!CLIA)(?<!UPC)(?<!GTIN)(?<!REF)(?<!NDC):)$")
"""An issuer's or form's code printed before a number ('JPD 2281', 'MN-MA 00319842', 'LOT
MKW2281', 'FMC:0099-2185'): capitals, one space or a colon before the found value."""
_GENERIC_LABELS = frozenset({"ID", "NO", "NR", "NUM", "NBR", "MRN", "SSN", "NPI", "DEA", "UDI",
                             "DOB", "ACCT", "PIN", "FIN", "CSN", "MBI", "HICN", "EIN", "TIN", "NHS",
                             "ICN", "DL", "REF", "CASE", "FILE", "CLAIM", "MEMBER", "POLICY"})
"""Labels that name the kind of number and stay in the text ('member ID [..]', 'SSN [..]')."""
_MORE_GROUPS = re.compile(r"(?: [0-9]{2,6}){1,4}(?![0-9A-Za-z/]|[.,:\-][0-9A-Za-z])"
                          r"(?![ \t]*(?i:mg|mcg|ml|units?|iu|mmol|meq|%|mm|cm|kg|lbs?|yo|y/o|"
                          r"years?|yrs?|days?|weeks?|wks?|months?|hours?|hrs?|minutes?|min|"
                          r"times|x|bpm|am|pm|percent)\b)")
"""Digit groups right after a found number ('C-File 22 441 879', 'UHC 0384 4719 21'): the
rest of the same number as a form prints it, unless a unit or a count follows."""


def _code_edges(text: str, span: Span, lexicon: Lexicon) -> Span | None:
    """A found identifier widened over the capitals code before it and the digit groups
    after it, so no part of one number is left behind ('MN-MA 00319842' when only the
    digits were found). A clinical word before it stays ('ICD 2190345')."""
    start, end = span.start, span.end
    maker = _MAKER_PREFIX.search(text, max(0, start - 4), start)
    if maker is not None:  # 'A&D-UA651-5203318': the maker's initials glued to the serial
        start = maker.start()
    prefix = _CODE_PREFIX.search(text, max(0, start - 20), start)
    if prefix is not None:
        key = fold(prefix.group(1))
        if key not in FUNCTION_WORDS and key not in _GENERIC_LABELS and key not in lexicon.states \
                and not lexicon.is_clinical(key) \
                and not any(lexicon.is_clinical(part) for part in key.split("-")):
            start = prefix.start(1)
    if text[end - 1:end].isdigit():
        groups = _MORE_GROUPS.match(text, end)
        if groups is not None:
            end = groups.end()
    if (start, end) == (span.start, span.end):
        return None
    return Span(start, end, span.type, span.source, span.score)


_AGED_BEFORE = re.compile(r"(?i:\b(?:aged|age|a|an|nearly|almost|about|around|casi))[ \t]+$")
"""The words an age is read with ('aged 94', 'age 98', 'a nonagenarian', 'nearly a hundred')."""
_HALF_AFTER = re.compile(r"(?i:[ \t]+and[ \t]+a[ \t]+half|-and-a-half|[ \t]*½)(?![A-Za-z])")


def _age_edges(text: str, span: Span) -> Span | None:
    """An age widened to the words that are part of it: 'aged 94', 'a nonagenarian' (as 'a
    94-year-old' is one phrase) and 'ninety-nine and a half'. The Safe Harbor replacement
    still rewrites only the number ('aged 90+')."""
    start, end = span.start, span.end
    before = _AGED_BEFORE.search(text, max(0, start - 12), start)
    if before is not None:
        start = before.start()
    half = _HALF_AFTER.match(text, end)
    if half is not None:
        end = half.end()
    if (start, end) == (span.start, span.end):
        return None
    return Span(start, end, span.type, span.source, span.score)


_SHORT_TEXT = 300
"""A question or message, not a note: its last month/day is a date (see `_END_DAY`)."""
_END_DAY = re.compile(r"(?<![0-9A-Za-z/.\-:+#])(?:1[0-2]|0?[1-9])/(?:3[01]|[12][0-9]|0?[1-9])"
                      r"[ \t]*[.?!]?[ \t]*$")
"""A month/day that ends a short text ('we went to minute clinic 4/1')."""


def _days_in_dated_note(text: str, spans: list[Span]) -> list[Span]:
    """A note that writes its dates as month/day ('11/30', '12/1/26') writes its other
    month/days that way too: once a numeric date is found, every bare month/day that no
    score, fraction, ratio or count word marks is a date ('digoxin | 12/1 am', 'Anticipated
    d/c 12/3'). One text's own evidence, no wider guess."""
    dated = any(s.type is PhiType.DATE and s.source != "date_in_dated_note"
                and _NUMERIC_DATE.fullmatch(text[s.start:s.end]) for s in spans)
    if not dated and not _BARE_DAY.search(text):
        return []
    found = []
    if not dated:
        end_day = _END_DAY.search(text) if len(text) <= _SHORT_TEXT else None
        if end_day and _BARE_DAY.match(text, end_day.start()) and not _SCORE_BEFORE.search(
                text, max(0, end_day.start() - 24), end_day.start()):
            month, day = end_day.group().strip(" \t.?!").split("/")
            if int(month) != int(day) and day.lstrip("0") != "10":
                found.append(Span(end_day.start(), end_day.start() + len(f"{month}/{day}"),
                                  PhiType.DATE, "date_in_dated_note", 0.75))
    ordered = sorted((s.start, s.end) for s in spans)
    starts = [a for a, _b in ordered]
    reach = list(accumulate((b for _a, b in ordered), max))  # furthest end so far
    events = set() if dated else {m.end() for m in _EVENT_BEFORE_DAY.finditer(text)}
    for match in _BARE_DAY.finditer(text):
        if not dated and (match.start() not in events or _VISION_BEFORE.search(
                text, max(0, match.start() - 32), match.start())):
            continue  # the cheapest test first: most bare days of an undated text have none
        i = bisect_left(starts, match.end())  # spans that start before the match ends
        if i and reach[i - 1] > match.start():
            continue  # already inside a found span
        if _SCORE_BEFORE.search(text, max(0, match.start() - 24), match.start()):
            continue
        month, day = match.group().split("/")
        slot = _DAY_SLOT_BEFORE.search(text, max(0, match.start() - 24), match.start())
        if dated and not slot and not _WORD_BEFORE_DAY.search(text, max(0, match.start() - 40),
                                                              match.start()):
            continue
        if _SAME_SCALE.search(text, max(0, match.start() - 40), match.start()) and re.search(
                r"(?<![0-9/])[0-9]{1,2}/" + day + r"(?![0-9/])",
                text[max(0, match.start() - 40):match.start()]):
            continue  # 'inattention 6/9 items (was 8/9)': fractions of one scale, no days
        if int(month) == int(day) or (day.lstrip("0") == "10" and not (
                slot and _TEST_BEFORE.search(slot.group()))):
            continue  # full marks and x/10 scales ('ADL 6/6', 'pain 8/10'; not 'duplex 9/10')
        found.append(Span(match.start(), match.end(), PhiType.DATE, "date_in_dated_note", 0.8))
    if dated and _FRACTION_DAY.search(text):
        ends = {m.end() for m in _EVENT_BEFORE_DAY.finditer(text)}  # one scan of the text
        for match in _FRACTION_DAY.finditer(text):
            if match.start() not in ends or not _AFTER_FRACTION_DAY.match(text, match.end()) \
                    or _SCORE_BEFORE.search(text, max(0, match.start() - 24), match.start()):
                continue
            i = bisect_left(starts, match.end())
            if not (i and reach[i - 1] > match.start()):
                found.append(Span(match.start(), match.end(), PhiType.DATE,
                                  "date_in_dated_note", 0.75))
    return found


class Scrubber:
    """Finds and replaces PHI in batches of texts (see the module docstring)."""

    def __init__(self, options: ScrubOptions | None = None) -> None:
        self.options = options or ScrubOptions()
        self.lexicon = lexicon()
        self.rules = CompiledRules()
        self.names = NameFinder(self.lexicon)
        self.places = PlaceFinder(self.lexicon)
        self.slots = SlotFinder(self.lexicon)
        self.postal = PostalFinder(self.lexicon)
        self.cues = CueFinder(self.lexicon)
        self.brands = BrandFinder(self.lexicon)
        if self.options.ner:
            from veil.text.ner import load_model, load_trained_models

            if "veil" in self.options.ner_models:
                load_trained_models()
            if "spacy" in self.options.ner_models:
                load_model()

    # --- detection ---
    def find(self, text: str, known: KnownPhi | None = None) -> list[Span]:
        """Merged, non-overlapping PHI spans of one text, sorted by start."""
        return self.find_batch([text], [known])[0]

    def find_batch(self, texts: Sequence[str],
                   known: Sequence[KnownPhi | None] | None = None,
                   patient_keys: Sequence[str | None] | None = None) -> list[list[Span]]:
        """`find` for many texts, validators and NER batched across them. Texts of one
        patient (the same key in `patient_keys`) share their propagation: a name found in
        one of the batch's notes is found in the patient's other notes of the batch too
        ('Maria Delgado' in the admission note, 'maria' in the phone message)."""
        if known is not None and len(known) != len(texts):
            raise UsageError("known must have one entry per text")
        if patient_keys is not None and len(patient_keys) != len(texts):
            raise UsageError("patient_keys must have one entry per text")
        found: list[list[Span]] = [[] for _ in texts]
        pending: dict[str, list[tuple[int, Candidate, str]]] = {}
        originals = texts
        texts = [ascii_reading(text) for text in texts]  # same offsets (veil.text.latin)
        # the letter reading of a scanned text ('PEGUER0' as 'PEGUERO'), same offsets too
        readings = [letter_reading(text, self.lexicon) for text in texts]
        for i, text in enumerate(texts):
            for cand, value in self._scan(text, readings[i]):
                if cand.rule.validator is None:
                    found[i].append(Span(cand.start, cand.end, cand.rule.type, cand.rule.name,
                                         cand.rule.score))
                else:
                    pending.setdefault(cand.rule.validator, []).append((i, cand, value))
            found[i].extend(self.names.find(text))
            found[i].extend(self.places.find(text))
            found[i].extend(self.slots.find(text))
            found[i].extend(self.postal.find(text))
            found[i].extend(self.cues.find(text))
            found[i].extend(self.brands.find(text))
            found[i].extend(structured_spans(text, self.lexicon))
            found[i].extend(named_organizations(text, self.lexicon))
            found[i].extend(organizations_by_head(text, self.lexicon))
            found[i].extend(airport_codes(text, self.lexicon))
            letters = readings[i]
            if letters is not text:
                found[i].extend(self.names.find(letters))
                found[i].extend(self.places.find(letters))
                found[i].extend(self.cues.find(letters))
        for name, items in pending.items():
            verdicts = VALIDATORS[name]([value for _i, _c, value in items])
            for (i, cand, _value), ok in zip(items, verdicts, strict=True):
                if ok:
                    found[i].append(Span(cand.start, cand.end, cand.rule.type, cand.rule.name,
                                         cand.rule.score))
        if self.options.ner:
            from veil.text.ner import ner_spans, plausible, trained_spans

            if "spacy" in self.options.ner_models:
                for i, spans in enumerate(ner_spans(originals)):
                    found[i].extend(s for s in spans if plausible(texts[i], s, self.lexicon))
            if "veil" in self.options.ner_models:
                for i, spans in enumerate(trained_spans(originals)):
                    found[i].extend(spans)
        before: list[list[Span]] = []
        for i, text in enumerate(texts):
            spans = _about_someone(text, [s for s in found[i] if not self._vetoed(text, s)])
            patient = known[i] if known is not None else None
            if patient:
                spans.extend(patient.find(text))
                if text is not originals[i]:
                    spans.extend(patient.find(originals[i]))
            merged = merge(spans, text)
            merged = self._ages_after_names(text, merged)
            merged = _nicknames(text, merged, self.lexicon)
            merged = _names_coordinated(text, merged, self.lexicon)
            before.append(_names_in_aged_rosters(text, merged, self.lexicon))
        needles = [self._needles(text, before[i], readings[i]) for i, text in enumerate(texts)]
        if patient_keys is not None:
            needles = _shared_by_patient(needles, patient_keys, self._shareable)
        return [_with_serial_labels(text, self._after_propagation(
            text, self._spread(text, before[i], needles[i], readings[i])))
            for i, text in enumerate(texts)]

    def _scan(self, text: str, letters: str) -> list[tuple[Candidate, str]]:
        """The pattern rules over the text, and over its OCR reading where scanned digits
        hold letters ('(4l2) 555-O137', 'PA l5O65'): the reading swaps O/o for 0 and l/I
        for 1 inside whole digit tokens only, so offsets are the same and no word changes.
        In a scanned text the reading starts from the letter reading (`letters`, 'D0B' as
        'DOB', '0f N0vember' as 'of November'), so labels and months read again too."""
        found = [(c, text[c.start:c.end]) for c in self.rules.scan(text)]
        if letters is text and not _OCR_HINT.search(text):
            return found
        reading = _OCR_TOKEN.sub(lambda m: m.group() if _ICD_CHAPTER.fullmatch(m.group())
                                 else m.group().translate(_OCR_DIGITS), letters)
        if letters is not text:  # a scanned text: short dates and ordinals ('ll/l5/23', 'l4th')
            reading = _OCR_SHORT.sub(lambda m: m.group().translate(_OCR_DIGITS), reading)
            reading = _OCR_MONTH_DAY.sub(_day_read, reading)
        if reading == text:
            return found
        # a candidate the text also gave is read again when its reading differs: 'Court ID
        # O714' fails the validator as written and passes it read as '0714'
        seen = {(c.start, c.end, c.rule.name, v) for c, v in found}
        found.extend((c, reading[c.start:c.end]) for c in self.rules.scan(reading)
                     if (c.start, c.end, c.rule.name, reading[c.start:c.end]) not in seen)
        return found

    def _vetoed(self, text: str, span: Span) -> bool:
        """Clinical vocabulary or a code of a code system, found by a rule that is not sure."""
        if span.source == "brand_facility" and _device_model(text, span, self.lexicon):
            return True  # 'St. Jude Accent DR' on a device's line: the maker, not the hospital
        if span.source in ("known", SHORT_SURNAME) or span.source in _DECISIVE:
            return False
        if span.type is PhiType.NAME and span.source not in _SHAPED_SOURCES \
                and _HOLIDAY_WORD.fullmatch(text, span.start, span.end) \
                and not _TITLE_BEFORE.search(text, max(0, span.start - 8), span.start):
            return True  # 'during Ramadan' is the date rules' to judge ('Mr Easter' a name)
        if span.type in _CODE_TYPES and _CODE_CONTEXT.search(
                text, max(0, span.start - 30), span.start):
            return True
        if span.type in _CODE_TYPES and _REGISTRY_CODE.fullmatch(text, span.start, span.end):
            return True  # 'NCT05338970': a trial's registry number, not a person's
        if span.type in _CODE_TYPES and (_VARIANT_OR_CODE.fullmatch(text, span.start, span.end) or (
                _SHORT_VARIANT.fullmatch(text, span.start, span.end) and _VARIANT_BEFORE.search(
                    text, max(0, span.start - 40), span.start))) and not _CODE_LABEL_BEFORE.search(
                text, max(0, span.start - 16), span.start):
            return True  # 'p.Gly2023Arg', 'N18.6', 'pT2', 'c.3846G>A (W1282X)'

        if span.source == "segmented_code" and (_DOCUMENT_BEFORE.search(
                text, max(0, span.start - 24), span.start) or _DOCUMENT_AFTER.match(
                text, span.end)):
            return True
        if span.type is PhiType.FACILITY and text[span.start:span.end].upper() in _CARD_FIELDS:
            return True  # 'Pharmacy: BIN 610020': a field of a pharmacy card, no pharmacy
        if span.type in _CODE_TYPES and _CODE_SYSTEM_FIRST.match(text, span.start, span.end):
            return True  # 'CPT 93296' read whole as a labelled account: the code of a system
        if span.type is PhiType.NAME and _upper_code_after_model(text, span):
            return True  # 'Azure XT DR MRI', 'Accent DR RF': a model's 'DR', no doctor
        if span.type in (PhiType.NAME, PhiType.FACILITY) and _device_model(
                text, span, self.lexicon):
            return True  # 'Abbott Assurity', 'Medtronic Micra': a maker's model, no person
        if span.type is PhiType.NAME and _BLOOD_TYPE.fullmatch(text, span.start, span.end) \
                and _BLOOD_SIGN_AFTER.match(text, span.end) \
                and not _TITLE_JUST_BEFORE.search(text, max(0, span.start - 8), span.start):
            return True  # 'mother O+', 'baby is A neg': a blood group, not an initial
        if span.type not in (PhiType.NAME, PhiType.CITY, PhiType.FACILITY, PhiType.ID):
            return False
        if span.type in (PhiType.NAME, PhiType.CITY) and names_a_rule_after(
                text[span.end:span.end + 60]) and not _TITLE_BEFORE.search(
                text, max(0, span.start - 8), span.start):
            return True  # 'San Francisco Syncope Rule': the name of a rule
        if span.type is PhiType.ID and any(c.isdigit() for c in text[span.start:span.end]):
            return False  # 'PT88104471' is a code with digits, not the word 'PT'
        if span.source in ("school", "numbered_clinic") and any(
                c.isdigit() for c in text[span.start:span.end]):
            return False  # 'at IS 131', 'the 1917 Clinic': a number names it, not the word

        words = [fold(w) for w in _WORD.findall(text[span.start:span.end])]
        if not words:
            return False
        lex = self.lexicon
        if span.type is PhiType.CITY and (
                (len(words) > 1 and " ".join(words) in lex.places
                 and " ".join(words) not in lex.states)
                or _STATE_ZIP_AFTER.match(text, span.end) or span.source == "new_york_city_zip"
                or (span.source == "postal_town" and _STATE_CODE_AFTER.match(text, span.end))):
            return False  # 'Oklahoma City' is no state; 'Huntington, WV 25701' no eponym
        if span.type is PhiType.NAME and all(
                _DEPARTMENT_END.search(w) or w in _NO_PERSON or w in FUNCTION_WORDS
                for w in words) and any(_DEPARTMENT_END.search(w) or w in _NO_PERSON
                                        for w in words):
            return True  # 'Thanks, Radiology', 'Hi Dr Team': a department signs, no person
        if span.type is PhiType.NAME and all(w in LANGUAGES or w in FUNCTION_WORDS
                                             for w in words) and any(w in LANGUAGES
                                                                     for w in words) \
                and not _TITLE_BEFORE.search(text, max(0, span.start - 8), span.start):
            return True  # 'Interpreter: Korean', 'Spanish and English': a language
        if _TITLE_BEFORE.search(text, max(0, span.start - 8), span.start):
            return all(w in lex.drugs for w in words)  # 'dr Zofran' is a drug, 'Dr. Long' no
        if span.type is PhiType.FACILITY and all(w in FACILITY_SHORT_NAMES for w in words):
            return False  # 'transferred from County', 'followed at the U'
        if span.source in _SHAPED_SOURCES:
            # the shape says what it is (a relation or credential, a facility word, ', ST')
            return all(lex.is_clinical(w) for w in words)
        return all(lex.is_clinical(w) or w in lex.states or w in MONTH_WORDS
                   or w in FUNCTION_WORDS for w in words)

    def _ages_after_names(self, text: str, spans: list[Span]) -> list[Span]:
        """'Harold Jenkins is 94', 'Edith, 101,': a bare number over 89 after a name is an age;
        a ZIP after a city, a postal town after a street line and the facilities a letterhead,
        a header or a branch tail marks (`veil.text.layout`) are found the same way."""
        extra = []
        for span in spans:
            if span.type is PhiType.ADDRESS:
                town = self.postal.town_after_street(text, span.end)
                if town is not None:
                    extra.append(town)
                city = _CITY_AFTER_STREET.match(text, span.end)
                if city:  # 'ul. Piotrkowska 104, Lodz', '12 Rue Cler, Lyon'
                    words = city.group(1).split()
                    for n in range(len(words), 0, -1):
                        key = fold(" ".join(words[:n]))
                        if key in world_cities() and not self.lexicon.is_clinical(key) \
                                and key not in self.lexicon.states:
                            extra.append(Span(city.start(1), city.start(1)
                                              + len(" ".join(words[:n])), PhiType.CITY,
                                              "world_city_after_street", 0.85))
                            break
                abroad = _POSTCODE_TOWN.match(text, span.end)
                if abroad and not _YEAR.fullmatch(abroad.group(1)) and self._town_abroad(
                        abroad.group(2)):
                    # 'Ismaninger Str. 22 · 81675 München' (not '12 Oak St, 2024 Annual')
                    extra.append(Span(abroad.start(1), abroad.end(1), PhiType.ADDRESS,
                                      "postcode_abroad", 0.85))
                    extra.append(Span(abroad.start(2), abroad.end(2), PhiType.CITY,
                                      "postcode_abroad", 0.85))
            if span.type is PhiType.CITY:
                zip_match = _ZIP_AFTER_CITY.match(text, span.end) \
                    or _CODE_IN_PARENS.match(text, span.end)
                if zip_match:
                    extra.append(Span(zip_match.start(1), zip_match.end(1), PhiType.ZIP,
                                      "zip_city", 0.9))
            if span.type is PhiType.AGE:
                months = _MONTHS_AFTER_AGE.match(text, span.end)
                if months:  # 'Age 99 yrs 4 mo'
                    extra.append(Span(span.start, months.end(), PhiType.AGE, span.source,
                                      span.score))
                digits = _AGE_IN_PARENS.match(text, span.end)
                if digits:  # 'ninety-nine (99)'
                    extra.append(Span(digits.start(1), digits.end(1), PhiType.AGE, "age_or_age",
                                      0.9))
                match = _AGE_AFTER_AGE.match(text, span.end)
                if match:
                    extra.append(Span(match.start(1), match.end(1), PhiType.AGE, "age_or_age",
                                      0.85))
            if span.type is PhiType.FACILITY and span.start > 1:
                left = self._facility_left(text, span)
                if left is not None:
                    extra.append(left)
                the = _THE_BEFORE.search(text, max(0, span.start - 5), span.start)
                if the:  # 'from the Rockyview', 'Referred by The Moncton Hospital'
                    extra.append(Span(the.start(), span.end, PhiType.FACILITY, span.source,
                                      span.score))
            if span.type is PhiType.DATE:
                year = _SHORT_YEAR_AFTER.match(text, span.end)
                if year:  # 'Jan 23/24', 'Wed., Feb. 28/24': a Canadian month, day and year
                    extra.append(Span(span.start, year.end(), PhiType.DATE, span.source,
                                      span.score))
                part = _PART_OF_MONTH.search(text, max(0, span.start - 6), span.start)
                if part:  # 'mid-May'
                    extra.append(Span(part.start(), span.end, PhiType.DATE, span.source,
                                      span.score))
                article = _ARTICLE_BEFORE_DAY.search(text, max(0, span.start - 9), span.start) \
                    or (_DOTTED_DAY.match(text, span.start)
                        and _AM_BEFORE_DAY.search(text, max(0, span.start - 6), span.start))
                if article and text[span.start].isdigit() and not any(
                        other.type is PhiType.NAME and other.start <= article.start() < other.end
                        for other in spans):  # 'le 3 mars 2025', 'el 5 de junio'
                    extra.append(Span(article.start(), span.end, PhiType.DATE, span.source,
                                      span.score))
                clock = _TIME_AFTER_DATE.match(text, span.end)
                if clock:  # 'EXAM DATE: 03/09/2025 02:17': the time belongs to the date
                    extra.append(Span(span.start, clock.end(), PhiType.DATE, span.source,
                                      span.score))
            if span.type is PhiType.DATE and span.start > 2:
                weekday = _WEEKDAY_BEFORE.search(text, max(0, span.start - 16), span.start)
                if weekday:
                    extra.append(Span(weekday.start(1), weekday.end(1), PhiType.DATE,
                                      "date_weekday_before", 0.85))
            if span.type is PhiType.NAME:
                abbreviated = _GIVEN_ABBREVIATION_BEFORE.search(
                    text, max(0, span.start - 6), span.start)
                if abbreviated:  # 'Ma. Guadalupe', 'Md. Rafiqul': an abbreviated first name
                    extra.append(Span(abbreviated.start(), span.end, PhiType.NAME, span.source,
                                      span.score))
                widow = _WIDOW_OF_AFTER.match(text, span.end)
                if widow:  # 'Eulalia Contreras viuda de Mora': the husband's surname too
                    extra.append(Span(span.start, widow.end(), PhiType.NAME, span.source,
                                      span.score))
                initials = _MORE_INITIALS.match(text, span.end)
                if initials:  # 'Scribe: T.W.': the rest of the dotted initials
                    extra.append(Span(span.start, initials.end(), PhiType.NAME, span.source,
                                      span.score))
                code = _CODE_AFTER_NAME.match(text, span.end)
                if code:  # 'CALLOWAY,RUFUS T (C4417)': the person's own code
                    extra.append(Span(code.start(1), code.end(1), PhiType.ID, "id_after_name",
                                      0.85))
                extra.extend(_initials_keys(text, span))
                match = _AGE_AFTER_NAME.match(text, span.end)
                if match:
                    extra.append(Span(match.start(1), match.end(1), PhiType.AGE, "age_name",
                                      0.9))
                extra.extend(self._nickname_after(text, span.end,
                                                  capitals=text[span.start:span.end].isupper()))
        extra.extend(layout_spans(text, spans, self.lexicon))
        extra.extend(address_lines(text, spans, self.lexicon))
        extra.extend(dates_beside(text, spans))
        persons = ages_of_persons(text)
        extra.extend(ages_beside(text, [*spans, *persons]))
        extra.extend(persons)
        extra.extend(_days_in_dated_note(text, spans))
        return merge([*spans, *extra], text) if extra else spans

    def _facility_left(self, text: str, span: Span) -> Span | None:
        """'Valley Women's Care', 'Buckeye Home Care': one or two capitalized words right
        before a facility (same line, spaces only) that name a place or a person or are no
        English word ('Valley', 'Buckeye'; not 'Patient', 'Dr', 'Seen', a clinical word)."""
        match = _WORDS_BEFORE.search(text, max(0, span.start - 40), span.start)
        if match is None:
            return None
        lex = self.lexicon
        start = span.start
        for word in reversed(list(_CAP_WORD.finditer(match.group(1)))):
            key = fold(word.group())
            if (key in FUNCTION_WORDS or key in MONTH_WORDS or lex.is_clinical(key)
                    or key.endswith(("OLOGY", "IATRY", "IATRICS"))
                    or key in lex.titles or key in lex.states or key in _NOT_BEFORE_FACILITY
                    or not (key in lex.places or key in lex.place_words or lex.is_name(key)
                            or not words_module.is_english(key))):
                break
            start = match.start(1) + word.start()
        if start == span.start:
            return None
        return Span(start, span.end, PhiType.FACILITY, span.source, span.score)

    def _town_abroad(self, words: str) -> bool:
        """A town after a postcode: a gazetteer or world city ('Paris', 'Freising'), or a word
        no dictionary holds that is no clinical word ('München'; not 'Medrol', 'Annual')."""
        key = fold(words)
        lex = self.lexicon
        if lex.is_clinical(key) or key in lex.states:
            return False
        if key in lex.places or key in world_cities():
            return True
        return all(not words_module.is_english(fold(w)) and words_module.zipf(fold(w)) == 0.0
                   and not lex.is_clinical(fold(w)) for w in words.split())

    def _after_propagation(self, text: str, spans: list[Span]) -> list[Span]:
        """What follows a span found only by propagation: a ZIP after a town ('atlanta
        30309') and a name's trailing initial ('ODUM P 46F', 'ODUM, PRISCILLA K')."""
        extra = []
        name_starts = {span.start for span in spans if span.type is PhiType.NAME}
        for span in spans:
            if span.type is PhiType.CITY:
                zip_match = _ZIP_AFTER_CITY.match(text, span.end)
                if zip_match:
                    extra.append(Span(zip_match.start(1), zip_match.end(1), PhiType.ZIP,
                                      "zip_city", 0.9))
                pin = _PIN_AFTER_CITY.match(text, span.end)
                if pin:  # 'Mumbai 400053', 'Andheri (W), Mumbai - 400053'
                    extra.append(Span(pin.start(1), pin.end(1), PhiType.ADDRESS, "zip_city",
                                      0.85))
                suffix = _TOWN_SUFFIX_AFTER.match(text, span.end)
                if suffix:  # 'Kolob Springs', 'Sagehen Crossing': the rest of the town's name
                    extra.append(Span(span.start, suffix.end(), PhiType.CITY, span.source,
                                      span.score))
            elif span.type in _COORDINATED_TYPES:
                extra.extend(_coordinated_identifier(text, span))
            elif span.type is PhiType.ADDRESS:
                wider = _address_edges(text, span)
                if wider is not None:
                    extra.append(wider)
            if span.type is PhiType.PHONE:
                extra.extend(self._name_before_phone(text, span))
            elif span.type is PhiType.FACILITY:
                extra.extend(self._town_after_facility(text, span))
                works = _WORKS_AFTER.match(text, span.end)
                if works:  # 'the Shenango coke works', 'Elk Run coal prep plant'
                    extra.append(Span(span.start, works.end(), PhiType.FACILITY, span.source,
                                      span.score))
            if span.type in _EDGE_TYPES:
                wider = _code_edges(text, span, self.lexicon)
                if wider is not None:
                    extra.append(wider)
            elif span.type is PhiType.AGE:
                wider = _age_edges(text, span)
                if wider is not None:
                    extra.append(wider)
            if span.type is PhiType.NAME:
                age = _AGE_AFTER_NAME.match(text, span.end)
                if age:
                    extra.append(Span(age.start(1), age.end(1), PhiType.AGE, "age_name", 0.9))
                bridge = _ONE_WORD_BETWEEN.match(text, span.end)
                if bridge and bridge.end() in name_starts and self._bridges_names(
                        bridge.group(1)):  # 'Li Na Huang': a short middle name between two
                    extra.append(Span(span.start, bridge.end(), PhiType.NAME, span.source,
                                      span.score))
                short = _SHORT_SURNAME_AFTER.match(text, span.end)
                if short:  # 'Kou Her.', 'Thanh Huong Le,': a capitalized short word ends it
                    extra.append(Span(span.start, short.end(1), PhiType.NAME, span.source,
                                      span.score))
                generation = _GENERATION_AFTER.match(text, span.end)
                if generation and len(text[span.start:span.end].split()) > 1:  # ('Forrest III')
                    extra.append(Span(span.start, generation.end(1), PhiType.NAME, span.source,
                                      span.score))
                spelled = _NAME_IN_BRACKETS.match(text, span.end) if _INITIALS_ONLY.fullmatch(
                    text, span.start, span.end) else None
                if spelled and all(not self.lexicon.is_clinical(fold(w)) and (
                        self.lexicon.is_name(fold(w)) or words_module.zipf(fold(w)) < 3.0)
                                   for w in spelled.group(1).split()):
                    # 'Pt: K.M. (Kamuela Mahoe)': the initials, then the name they stand for
                    extra.append(Span(spelled.start(1), spelled.end(1), PhiType.NAME,
                                      span.source, span.score))
                badge = _BADGE_AFTER_NAME.match(text, span.end)
                if badge and _OFFICER_BEFORE.search(text, max(0, span.start - 16), span.start):
                    extra.append(Span(badge.start(1), badge.end(1), PhiType.ID, "badge", 0.85))
                initial = _TRAILING_INITIAL.match(text, span.end) or (
                    _COMMA_INITIAL.match(text, span.end)
                    if _CAPS_SURNAME.fullmatch(text, span.start, span.end) else None) or (
                    _LOWER_INITIAL.match(text, span.end)
                    if text[span.start:span.end].islower() else None)
                if initial:
                    extra.append(Span(span.start, initial.end(1), PhiType.NAME, span.source,
                                      span.score))
                spaced = _SPACED_INITIALS_BEFORE.search(text, max(0, span.start - 14), span.start)
                if spaced:  # 'Dr . S . Lipinski', 'W . H . Breland': a scan's spaced initials
                    extra.append(Span(spaced.start(1), span.end, PhiType.NAME, span.source,
                                      span.score))
        extra.extend(facility_edges(text, spans, self.lexicon))
        extra.extend(road_locations(text, spans))
        extra.extend(neighbourhoods(text, spans, self.lexicon))
        return merge([*spans, *extra], text) if extra else spans

    def _bridges_names(self, word: str) -> bool:
        """A capitalized word between two found names that is a middle name ('Na' of 'Li Na
        Huang'): no title, function word, month or clinical word."""
        key = fold(word)
        if key in FUNCTION_WORDS or key in self.lexicon.titles or key in MONTH_WORDS \
                or key in _NOT_MIDDLE_NAMES:
            return False
        # a syllable of two or three letters is a middle name there ('Na', 'Thi'), however
        # clinical ('NA' is sodium); a longer word must be no term and no state
        if len(key) <= 3:  # a syllable ('Na', 'Thi'), not 'Cc' or 'Prn'
            return any(c in "AEIOUY" for c in key)
        return not (self.lexicon.is_clinical(key) or key in self.lexicon.states)

    def _town_after_facility(self, text: str, span: Span) -> list[Span]:
        """A town (the postal list or a city abroad) after a facility and a comma, alone
        to the end of its line or clause; no state, country, clinical or function word."""
        match = TOWN_AFTER_FACILITY.match(text, span.end)
        if match is None:
            return []
        lex = self.lexicon
        key = fold(match.group(1))
        keys = key.split()
        if (key not in lex.places and key not in self.postal.places.towns
                and key not in world_cities()) or key in countries_and_languages() \
                or any(k in lex.states or k in FUNCTION_WORDS or lex.is_clinical(k)
                       or k in COUNTRY_OR_REGION for k in keys):
            return []
        return [Span(match.start(1), match.end(1), PhiType.CITY, "town_after_facility", 0.8)]

    def _name_before_phone(self, text: str, span: Span) -> list[Span]:
        """A given name or a full name right before a phone number, after a bracket, a
        comma or 'call' ('(Deb, 218-555-0125)'): every word a dictionary name, none
        clinical, a state or a common English word that is no name."""
        match = _NAME_BEFORE_PHONE.search(text, max(0, span.start - 40), span.start)
        if match is None:
            return []
        lex = self.lexicon
        keys = [fold(w) for w in match.group(1).split()]
        if not all(lex.is_name(k) and not lex.is_clinical(k) and k not in lex.states
                   and k not in FUNCTION_WORDS and k not in MONTH_WORDS for k in keys):
            return []
        return [Span(match.start(1), match.end(1), PhiType.NAME, "name_phone", 0.8)]

    def _nickname_after(self, text: str, end: int, *, capitals: bool = False) -> list[Span]:
        """'Euphemia "Effie" Cartwright', 'Thibodeaux, Jacques "JoJo"': a quoted word right
        after a name is the person's nickname, and the capitalized words right after the
        nickname are the rest of the name (not a function, clinical or everyday word).
        A nickname in capitals counts after a name in capitals when it is a known name
        ('KOENIG, WILHELMINA "BILLIE"'), or when it is two or three letters with the rest
        of the name right after it ('Jaylen "JJ" Washington')."""
        match = _NICKNAME.match(text, end)
        lex = self.lexicon
        last = _LAST_WORD.search(text, max(0, end - 24), end)
        lower = _LOWER_NICKNAME.match(text, end) if match is None and last is not None \
            and last.group().islower() else None
        if lower is not None:  # 'marcus "mo" delacroix': the surname is no word or term
            nick, surname = fold(lower.group(1)), fold(lower.group(2))
            if (surname in lex.last or words_module.zipf(surname) == 0.0) \
                    and words_module.zipf(surname) < 3.0 and not lex.is_clinical(surname) \
                    and surname not in FUNCTION_WORDS and nick not in FUNCTION_WORDS \
                    and not lex.is_clinical(nick):
                return [Span(lower.start(1), lower.end(1), PhiType.NAME, "name_nickname", 0.8),
                        Span(lower.start(2), lower.end(2), PhiType.NAME, "name_nickname", 0.8)]
        if match is None:
            paren = _PAREN_NAME.match(text, end)  # 'mrs delgado (consuelo)': a given name
            key = fold(paren.group(1)) if paren else ""
            if paren and lex.is_name(key) and not lex.is_clinical(key) \
                    and key not in FUNCTION_WORDS and not words_module.is_english(key):
                return [Span(paren.start(1), paren.end(1), PhiType.NAME, "name_nickname", 0.8)]
            return []
        nick = match.group(1)
        key = fold(nick)
        if nick.isupper() and nick.isalpha() and not lex.is_clinical(key) and (
                (capitals and len(nick) > 3 and lex.is_name(key))
                or (len(nick) <= 3 and (rest := _REST_OF_NAME.match(text, match.end()))
                    and lex.is_name(fold(rest.group(1))))):
            return [Span(match.start(1), match.end(1), PhiType.NAME, "name_nickname", 0.8)]
        rest = _REST_OF_NAME.match(text, match.end()) or _REST_OF_NAME_CAPS.match(
            text, match.end())
        rest_key = fold(rest.group(1)) if rest else ""
        between = rest is not None and key not in FUNCTION_WORDS and not lex.is_clinical(key) \
            and (rest_key not in FUNCTION_WORDS or rest_key in lex.last) \
            and not lex.is_clinical(rest_key) \
            and rest_key not in lex.titles and (lex.is_name(rest_key) or (
                words_module.zipf(rest_key) < 3.0 and not words_module.is_english(rest_key)))
        if not between and (nick.isupper() or key in FUNCTION_WORDS or lex.is_clinical(key)
                            or words_module.term_shaped(key) or (words_module.is_english(key)
                                                                 and not lex.is_name(key))):
            return []  # '"DNR"', '"Sulfa"', '"Full" Code' are no nicknames
        # (a quoted word between a name and its surname is the nickname whatever it means:
        # 'Sequoyah "Sky" Bigwitch', 'LEROY "SWEDE" JOHANNSEN')
        if len(nick) == 1 and not between:
            return []  # '"A"': a single letter names no one unless the surname follows
        out = [Span(match.start(1), match.end(1), PhiType.NAME, "name_nickname", 0.85)]
        position = match.end()
        rest_shape = _REST_OF_NAME_CAPS if capitals else _REST_OF_NAME
        while len(out) < 4 and (word := rest_shape.match(text, position)) is not None:
            key = fold(word.group(1))
            if (key in FUNCTION_WORDS and key not in lex.last) or lex.is_clinical(key) \
                    or key in lex.titles or not (
                    lex.is_name(key) or (words_module.zipf(key) < 3.0
                                         and not words_module.is_english(key))):
                break
            out.append(Span(word.start(1), word.end(1), PhiType.NAME, "name_nickname", 0.85))
            position = word.end()
        return out

    def _everyday_place(self, key: str) -> bool:
        """A place name that is also an everyday English word ('MOBILE', 'BATH', 'HOPE')."""
        return key in self.lexicon.place_words or words_module.zipf(key) >= _EVERYDAY

    def _shareable(self, surface: str) -> bool:
        """Whether a surface found in one of a patient's texts is searched in the others: not
        one word of English that names no one (or written in lower case), of medicine or a
        language: a false find in one note must not spread through the chart ('orchard',
        'trauma', 'Mixteco')."""
        words = _WORD.findall(surface)
        if len(words) != 1 or any(c.isdigit() for c in surface):
            return True
        key = fold(words[0])
        lex = self.lexicon
        english = words_module.is_english(key)
        return not (lex.is_clinical(key) or key in countries_and_languages() or key in LANGUAGES
                    or key in FUNCTION_WORDS or (english and not lex.is_name(key))
                    or (english and words[0].islower()))  # ('orchard', 'parish' as found)

    def _propagate(self, text: str, spans: list[Span], letters: str | None = None
                   ) -> list[Span]:
        """Find every other occurrence of the found entities in the same text, and in a
        scanned text also in its letter reading ('P. Holloway' found, 'H0LLOWAY' too)."""
        return self._spread(text, spans, self._needles(text, spans, letters), letters)

    def _needles(self, text: str, spans: list[Span], letters: str | None = None) -> _Needles:
        """The surfaces propagation searches for, from the entities found in `text`."""
        lex = self.lexicon
        insensitive: dict[str, PhiType] = {}
        sensitive: dict[str, PhiType] = {}
        keys: set[str] = set()
        peoples: set[str] | None = None
        dotted: set[str] = set()
        for span in spans:
            if span.type in _NO_PROPAGATE:
                continue
            surface = text[span.start:span.end]
            if span.source == "initials_key":
                sensitive.setdefault(surface, span.type)  # 'TG' in every row of the chart
                keys.add(surface)
                continue
            if span.type is PhiType.NAME and _DOTTED_INITIALS.fullmatch(surface):
                letters_only = re.sub(r"[. ]", "", surface)
                if letters_only not in CLINICAL_INITIALS:  # a resident 'T.B.': not every TB
                    dotted.add(surface.rstrip("."))
                continue
            if span.type is PhiType.NAME:
                # a key merged into another source's span ('LPN   AB = Andrea Bias')
                for legend in _initials_keys(text, span):
                    keys.add(text[legend.start:legend.end])
                    sensitive.setdefault(text[legend.start:legend.end], PhiType.NAME)
            if span.source == "place_at":
                sensitive.setdefault(surface, span.type)  # only as written: 'at Onset' of a
                continue  # form must never make every 'onset' a place
            everyday = span.type is PhiType.CITY and all(
                self._everyday_place(fold(w)) for w in _WORD.findall(surface))
            if span.type is PhiType.FACILITY and _ACRONYM_SURFACE.fullmatch(surface):
                sensitive.setdefault(surface, span.type)  # 'HRRMC', 'MWH'
            elif len(surface) >= 4 and span.type is not PhiType.NAME and not everyday and not (
                    surface.isdigit() and len(surface) < _SHORT_NUMBER):
                insensitive.setdefault(surface, span.type)  # ('5000' recurs as a count)
            if span.type is PhiType.FACILITY:
                if peoples is None:  # once per text: a lead per facility stays linear
                    peoples = {m.group(1) or m.group(2) for m in _PEOPLE_WORD.finditer(text)}
                lead = self._facility_lead(surface, peoples)
                if lead:  # "Comer Children's PICU" ... 'Transport: Comer critical care team'
                    sensitive.setdefault(lead, span.type)
                initials = written_initials(surface, lex)
                if initials:  # 'Boone County Hospital' ... 'transferred back to BCH'
                    sensitive.setdefault(initials, span.type)
            if span.type in (PhiType.NAME, PhiType.CITY):
                # only the words before a form's field gap: a name run on into the next
                # field's label ('Walter Amundsen           Hospice ID:') spreads no label
                for word in _WORD.findall(FIELD_GAP.split(surface, maxsplit=1)[0]):
                    key = fold(word)
                    if len(key) < 3 or key in lex.titles or key in lex.particles or \
                            key in FUNCTION_WORDS or lex.is_clinical(key) or key in lex.states \
                            or key in lex.suffixes:  # a credential ('APh') names no one
                        continue
                    if span.type is PhiType.CITY and self.places.is_plain(key):
                        continue  # 'WOUND' of a facility merged with its town is no town
                    if key in lex.weak or lex.blocks_alone(key):
                        sensitive.setdefault(word, span.type)
                    elif span.type is PhiType.CITY and self._everyday_place(key):
                        # a town that is an everyday word ('Mobile', 'Bath', 'Hope') recurs
                        # as written or in capitals: 'mobile x-ray', 'we hope' are no town
                        sensitive.setdefault(word, span.type)
                        sensitive.setdefault(word.upper(), span.type)
                    else:
                        insensitive.setdefault(word, span.type)
        if letters is not None and letters is not text:
            # a damaged name's words as read ('M0RALES' recurs as 'M0RALES' and 'MORALES')
            for span in spans:
                if span.type is not PhiType.NAME or \
                        letters[span.start:span.end] == text[span.start:span.end]:
                    continue
                for word in _WORD.findall(letters[span.start:span.end]):
                    key = fold(word)
                    if len(key) >= 3 and key not in lex.titles and key not in FUNCTION_WORDS \
                            and not lex.is_clinical(key) and key not in lex.states \
                            and key not in lex.weak and not lex.blocks_alone(key) \
                            and (not words_module.is_english(key) or (
                                lex.is_name(key) and words_module.zipf(key) < 3.5)):
                        insensitive.setdefault(word, span.type)  # (never 'records')
        return _Needles(insensitive, sensitive, keys, dotted)

    def _spread(self, text: str, spans: list[Span], needles: _Needles,
                letters: str | None = None) -> list[Span]:
        """Every occurrence in `text` (and its letter reading) of the needles, merged with
        `spans`."""
        insensitive, sensitive, keys = needles.insensitive, needles.sensitive, needles.keys
        if not (insensitive or sensitive or needles.dotted):
            return spans
        extra: list[Span] = []
        lower = text.lower()
        if len(lower) != len(text):  # a letter whose lower case is longer: keep offsets
            lower = text.translate(_ASCII_LOWER)
        searches = [(insensitive, lower, True), (sensitive, text, False)]
        if letters is not None and letters is not text:
            low = letters.lower()
            if len(low) != len(letters):
                low = letters.translate(_ASCII_LOWER)
            searches += [(insensitive, low, True), (sensitive, letters, False)]
        for table, haystack, fold_case in searches:
            for surface, kind in table.items():
                needle = surface.lower() if fold_case else surface
                extra.extend(Span(at, at + len(needle), kind, "propagated", 0.9)
                             for at in _occurrences(haystack, needle))
        for initials in sorted(needles.dotted):  # whole only: not the 'D.R' of 'N.P.D.R.'
            extra.extend(Span(m.start(), m.end(), PhiType.NAME, "propagated", 0.9)
                         for m in re.finditer(r"(?<![A-Za-z0-9.])" + re.escape(initials)
                                              + r"(?![A-Za-z0-9]|\.[A-Za-z])", text))
        # a person's name recurring as an eponym is the eponym ('Dr. Wilson' ... "Wilson's
        # disease"), never the person
        extra = [s for s in extra if not (s.type is PhiType.NAME and _EPONYM_ONLY.match(
            text[s.end:s.end + 40]))]
        # a legend's key stands for its person in every row, even 'AB' or 'DM' (the legend
        # was checked against the name's own initials); such clinical-looking letters only
        # in a grid's cells, not in prose ('Hx of DM')
        extra = [s for s in extra if (text[s.start:s.end] in keys and (
            text[s.start:s.end].upper() not in CLINICAL_INITIALS or _in_cell(text, s)))
            or not self._vetoed(text, s)]
        if not extra:
            return spans
        return merge([*spans, *extra], text)

    def _facility_lead(self, surface: str, peoples: set[str]) -> str:
        """The first word of a facility's name that names it alone: capitalized, rare in
        English and nothing generic, clinical, a state, a payer or a people ('Comer' of
        "Comer Children's PICU", 'Sentara' of 'Sentara Heart Hospital'; not 'Mercy',
        'Memorial', 'North', 'Humana', nor 'Hmong' where the text says 'Hmong interpreter')."""
        match = _FACILITY_LEAD.match(surface)
        if not match:
            return ""
        word = match.group(1)
        key = fold(word)
        lex = self.lexicon
        if words_module.zipf(key) >= _RARE_LEAD_ZIPF or key in lex.states \
                or key in FUNCTION_WORDS or key in lex.titles or lex.is_clinical(key) \
                or key in lex.eponyms or self.places.is_plain(key) or key in MONTH_WORDS \
                or key in vocab.WEAK_NAME_WORDS or key in countries_and_languages() \
                or key in _KIND_WORDS_ABROAD or words_module.term_shaped(key) \
                or (words_module.is_english(key) and not lex.is_name(key)):
            return ""  # ('Endoscopy', 'Macula', 'Clinique': a kind of care or anatomy)
        if word in peoples:
            return ""  # a people or a language ('Blackfeet woman', 'Hmong-speaking')
        return word

    # --- replacement ---
    def scrub(self, text: str, known: KnownPhi | None = None,
              patient_key: str | None = None) -> str:
        """One text with its PHI replaced."""
        return self.scrub_batch([text], [known], [patient_key])[0]

    def scrub_batch(self, texts: Sequence[str],
                    known: Sequence[KnownPhi | None] | None = None,
                    patient_keys: Sequence[str | None] | None = None) -> list[str]:
        """Texts with their PHI replaced, in order (see `veil.text.replace`)."""
        if patient_keys is not None and len(patient_keys) != len(texts):
            raise UsageError("patient_keys must have one entry per text")
        spans = self.find_batch(texts, known, patient_keys)
        options = self.options
        table: dict[tuple[str, str], str] | None = None
        if options.replacement == "surrogate" and options.secret is not None:
            keys = list(dict.fromkeys(k for text, found in zip(texts, spans, strict=True)
                                      for k in surrogate_keys(text, found)))
            table = dict(zip(keys, surrogates(keys, options.secret), strict=True))
        out: list[str] = []
        for i, text in enumerate(texts):
            shift = None
            key = patient_keys[i] if patient_keys is not None else None
            if options.date_shift and options.secret is not None and key is not None:
                shift = shift_days(options.secret, key)
            out.append(replace_text(text, spans[i], mode=options.replacement,
                                    safe_harbor=options.safe_harbor, secret=options.secret,
                                    shift=shift, table=table))
        return out
