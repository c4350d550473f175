"""Person names inside values, by dictionaries and shape, vectorized over distinct values.

A value is a name when its shape and its words say so, however often it repeats
(a table with one row per visit repeats each patient's name):

- shape: one to six words of letters, apostrophes, hyphens and periods,
  separated by spaces or commas ('Smith, John', 'SMITH, JOHN M', 'J. Smith',
  'Dr. Ana de la Cruz', 'Smith J', 'john smith'); no digits, at most 60
  characters, and not sentence case ('Essential hypertension' has a lower-case
  word after a capitalized one);
- words: titles ('Dr', 'Mrs'), credentials and suffixes ('MD', 'Jr') and
  particles ('van', 'de') are neutral; a word from `NOT_NAME_WORDS` (disease,
  hospital, of...) or a possessive ("Parkinson's") rules the value out; a word
  is *known* when it is in the first-name or surname dictionaries and is not a
  category word (`weak_name_words`: 'White', 'North', 'Good'). A value of two
  or more words that is a US place ('San Antonio') is not a name.

A value is then a name when it has two known words, or one known word with an
initial, a title, a credential or a comma, or a title and a name-shaped word,
or one known word among two to four words, or is a single known word. Words
that are names and common words ('Rose Young') still count: only category
words and the lower-case English words that are rare surnames do not.

`name_table` gives per-value flags for a scanner check or any other caller; it
runs as Polars expressions over the values (no Python loop over values).
"""

from __future__ import annotations

import polars as pl

from veil.detect.vocab import WordClass, has_class, word_class

NAME_TEXT = r"^\p{L}[\p{L}'’.\-, ]{0,59}$"
"""Prefilter: letters and name punctuation only, at most 60 characters."""
_SHAPE = r"^\p{L}[\p{L}'’.\-]*(?:(?:\s*,\s*|\s+)\p{L}[\p{L}'’.\-]*){0,5}[.,]?$"
_WORD = r"[A-Za-z][A-Za-z']*"
_LOWER_PARTICLES = r"^(?:de|del|dela|della|la|le|van|von|der|den|da|dos|das|di|du|bin|ben|al|el|y)$"
_MAX_NAMED = 4
_NAME_CLASSES = (WordClass.FIRST | WordClass.LAST | WordClass.WEAK | WordClass.TITLE
                 | WordClass.SUFFIX | WordClass.PARTICLE | WordClass.NOT_NAME)


def plain_text(text: pl.Expr) -> pl.Expr:
    """Text without accents ('José' -> 'Jose'), periods read as spaces, one kind of apostrophe."""
    return (text.str.normalize("NFKD").str.replace_all(r"\p{Mn}", "")
            .str.replace_all(r"[’`]", "'").str.replace_all(r"\.", " "))


def name_table(values: pl.Series) -> pl.DataFrame:
    """Per value, in order: `name` (bool), `named` and `known` word counts, `single` (bool).

    `named` counts the name-shaped words that are not initials, titles,
    credentials or particles, `known` those in the name dictionaries; both are 0
    for values whose shape rules them out. `single` marks a one-word name.
    """
    text = pl.col("v").str.strip_chars()
    frame = pl.LazyFrame({"v": values.cast(pl.String)}).with_row_index("i").select(
        "i",
        shape=(text.str.contains(_SHAPE) & (text.str.len_chars() <= 60)).fill_null(False),
        comma=text.str.contains(",").fill_null(False),
        plain=plain_text(text),
    ).with_columns(
        multiword=pl.col("plain").str.contains(r"\S\s+\S"),
        whole=word_class(pl.col("plain").str.to_uppercase().str.replace_all(r"\s+", " ")
                         .str.strip_chars(), only=WordClass.PLACE),
    )
    bits = pl.col("bits")
    words = (
        frame.filter(pl.col("shape"))
        .select("i", w=pl.col("plain").str.extract_all(_WORD))
        .explode("w")
        .drop_nulls("w")
        .with_columns(key=pl.col("w").str.to_uppercase().str.replace_all("'", ""))
        .with_columns(bits=word_class(pl.col("key"), only=_NAME_CLASSES))
        .with_columns(
            title=has_class(bits, WordClass.TITLE),
            suffix=has_class(bits, WordClass.SUFFIX),
            particle=has_class(bits, WordClass.PARTICLE),
            initial=pl.col("key").str.len_chars() == 1,
            dictionary=(has_class(bits, WordClass.FIRST) | has_class(bits, WordClass.LAST))
            & ~has_class(bits, WordClass.WEAK),
            blocking=has_class(bits, WordClass.NOT_NAME) | pl.col("w").str.contains(r"'[sS]$"),
            lower=pl.col("w").str.contains(r"^[a-z]")
            & ~pl.col("w").str.contains(_LOWER_PARTICLES),
            upper=pl.col("w").str.contains(r"^[A-Z]"),
        )
    )
    core = ~pl.col("title") & ~pl.col("suffix") & ~pl.col("particle")
    named = core & ~pl.col("initial")
    per_value = words.group_by("i").agg(
        core=core.sum(),
        initials=(core & pl.col("initial")).sum(),
        named=named.sum(),
        known=(named & pl.col("dictionary")).sum(),
        title=pl.col("title").any(),
        suffix=pl.col("suffix").any(),
        blocked=pl.col("blocking").any() | (pl.col("lower").any() & pl.col("upper").any()),
    )
    place = has_class(pl.col("whole"), WordClass.PLACE) & pl.col("multiword")
    joined = (frame.select("i", "comma", place=place.fill_null(False))
              .join(per_value, on="i", how="left").sort("i"))
    ok = (~pl.col("blocked").fill_null(True) & ~pl.col("place")
          & pl.col("core").is_between(1, _MAX_NAMED + 2) & (pl.col("named") <= _MAX_NAMED))
    known, named_words = pl.col("known"), pl.col("named")
    marked = pl.col("initials").gt(0) | pl.col("title") | pl.col("suffix") | pl.col("comma")
    name = ok & (
        (known >= 2)
        | ((known >= 1) & marked)
        | (pl.col("title") & named_words.is_between(1, 2))
        | ((known >= 1) & (named_words >= 2))
        | ((known == 1) & (named_words == 1) & (pl.col("core") == 1))
    )
    return joined.select(
        name=name.fill_null(False),
        named=pl.when(ok).then(named_words).otherwise(0).fill_null(0).cast(pl.Int32),
        known=pl.when(ok).then(known).otherwise(0).fill_null(0).cast(pl.Int32),
        single=(name & (pl.col("core") == 1)).fill_null(False),
    ).collect()


def is_person_name(value: str) -> bool:
    """True when one value reads as a person name (see the module docstring)."""
    return bool(name_table(pl.Series([value], dtype=pl.String)).item(0, "name"))


_CAPITAL_WORD = r"\p{Lu}[\p{L}'’\-]*"
NAME_SHAPE = (rf"^\s*(?:{_CAPITAL_WORD}(?:\s+{_CAPITAL_WORD}){{1,2}}"
              rf"|{_CAPITAL_WORD}(?:\s+{_CAPITAL_WORD})?\s*,\s*{_CAPITAL_WORD}"
              rf"(?:\s+\p{{Lu}}\.?|\s+{_CAPITAL_WORD})?)\s*$")
"""A whole value shaped like a person's name whatever its language: two or three
capitalized words ('Nguyễn Văn An', 'José Hernández', 'O'Brien-Smith Ann'), or
'Last, First' with an optional initial or middle name ('TRAN-LE, MAI', 'Díaz, Rosa M')."""


NAME_SHAPED_DISTINCT = 5
"""Distinct name-shaped values that make a column's names names: fewer (a few device
models, 'Boston Scientific Accolade') count only when marked as names."""


def marked_name(text: pl.Expr) -> pl.Expr:
    """Per name-shaped value: marked as a person's name beyond its shape: a comma
    ('Last, First'), a letter with a diacritic, or every word in capitals ('NGUYEN VAN AN')."""
    return (text.str.contains(",") | text.str.contains(r"[^\x00-\x7F]")
            | ~text.str.contains(r"\p{Ll}")).fill_null(False)


def name_shaped(text: pl.Expr) -> pl.Expr:
    """Per value: shaped like a name (`NAME_SHAPE`) and without a word no name has
    (hospital, disease, department: `veil.detect.vocab.NOT_NAME_WORDS`). Independent of
    the name dictionaries, so names of any origin count; a place of two or three
    words ('San Antonio') counts too, which is as identifying under Safe Harbor."""
    from veil.detect.vocab import NOT_NAME_WORDS

    words = plain_text(text).str.to_uppercase().str.extract_all(r"[A-Z']+")
    blocked = words.list.eval(pl.element().is_in(sorted(NOT_NAME_WORDS))).list.any()
    return (text.str.contains(NAME_SHAPE) & ~blocked).fill_null(False)
