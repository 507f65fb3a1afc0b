"""Regex building blocks shared by the note, marker and short-cite parsers.

An author in a short cite is one or more *capitalised* words ("Coox", "Carrère
d'Encausse", "van Ree", "Шелепин"), so the patterns need an exact "upper-case letter"
class. Python's ``re`` has no ``\\p{Lu}``; the class is built once from ``str.isupper``
over the scripts historians write in (Latin, Greek, Cyrillic), which keeps it exact
(Latin Extended-A alternates upper and lower case letter by letter).
"""

from __future__ import annotations

import re
from functools import lru_cache


def _char_class(predicate, limit: int = 0x0530) -> str:
    """A compact ``[...]`` body of the code points below ``limit`` that satisfy ``predicate``."""
    ranges: list[tuple[int, int]] = []
    for code in range(limit):
        if predicate(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                   for a, b in ranges)


UPPER = f"[{_char_class(str.isupper)}]"
LOWER = f"[{_char_class(str.islower)}]"
LETTER = r"[^\W\d_]"
NOT_AFTER_WORD = r"(?<![\w'])"  # a name starts a word: "Neal" is not taken out of "McNeal"

# One capitalised word, with inner apostrophes and hyphens: "O'Brien", "Lévy-Bruhl".
NAME_WORD = rf"{UPPER}{LETTER}*(?:['\-]{LETTER}+)*"
PARTICLE = r"(?:(?:van|von|der|den|de|del|della|di|da|du|dos|das|le|la|ter|ten|ibn|bin)\s+|d'|al-|el-)"
# A surname: particles, a capitalised word, optionally a second one after a particle
# ("Carrère d'Encausse"). Two bare capitalised words are *not* one surname, so
# "Trial Bukharin" cannot pass for an author.
SURNAME = rf"{PARTICLE}*{NAME_WORD}(?:\s+{PARTICLE}+{NAME_WORD})?"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
# (French "et", German "und", Spanish "y", Portuguese and Italian "e", Dutch "en", Danish and
# Norwegian "og", Swedish "och" join the last two: "Barbu, Schneider et Dupont")
# (the last a surname of two words right before the year: "Boettiger & Temple Lang, 2012")
AUTHORS = (rf"{SURNAME}(?:(?:\s*,\s*{SURNAME})*,?\s+(?:and|&|et(?!\s+al\b)|und|y|e|en|og|och)\s+{SURNAME}"
           rf"(?:\s+{NAME_WORD}(?=,?\s+{YEAR}))?"
           rf"|\s+(?:et\s+al\.?|u\.\s?a\.)|(?:;\s*{SURNAME})+)?")  # (German "u. a.": et al.; ABNT's ";")

# Pages as cited: "407", "405-7", "405-7, 411", "xii", "407f.", "S170". The text is dash-normalised.
_ROMAN = r"(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})(?!\w)"
# (a supplement's or section's letter before the number: "S170", "S135-S158", "A12")
PAGE = rf"(?:[A-Z]?\d{{1,5}}(?:\s?-\s?[A-Z]?\d{{1,5}})?(?:ff?\.?)?(?![\w])|{_ROMAN})"
PAGES = rf"{PAGE}(?:\s*,\s*{PAGE})*"
PAGE_PREFIX = r"(?:(?:pp?\.|pages?|at|S\.|[Сс]\.|P\.|blz\.|s\.)\s*)"  # (German "S. 58", GOST's "С. 45" and "P. 45")
# What follows an author and year: ", p. 407", ": 411", ", 45", " pp. 405-7".
PINPOINT = rf"(?:\s*[,:]\s*{PAGE_PREFIX}?|\s+{PAGE_PREFIX})(?P<pages>{PAGES})"
# A year as cited, with its letter ("1968a"), that is not part of a range ("1920-1922").
YEAR_TOKEN = rf"{YEAR}[a-z]?(?!\w)(?!\s?-\s?\d)"
YEARS = rf"{YEAR_TOKEN}(?:\s*,\s*{YEAR_TOKEN})*"

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec spring summer autumn fall winter".split()
)
# Capitalised words that open a sentence or name a numbered thing, never an author.
NOT_AUTHORS = frozenset(
    "a an the in on at by of to for from with or but as since until till during after "
    "before between about around circa c ca early late mid this that these those his her its "
    "their our my we he she it they there here see cf compare also ed eds vol vols no nos "
    "page pages p pp part chapter chap ch section sec table fig figure article art appendix "
    "book volume number order room item point paragraph note notes line fond opis delo "
    "case exhibit document file list protocol resolution decree act scene type model level "
    "phase stage step psalm route war world army corps division regiment unit plan year "
    "years age day days week month session congress plenum conference trial".split()
)

# Words of NOT_AUTHORS that are family names too: Korean and Chinese "An" and "He", English
# "Day", "Page", "Case", "Early", "Book", German "List". A short cite whose author has one
# ("An & Liu (2016), p. 60", "He et al. 2019") is read tentatively (``ShortCite.tentative``):
# it is kept when it names a reference, and dropped without a word when it names none ("He
# (1938) said" is a sentence's subject, not an orphan cite).
SURNAMES_TOO = frozenset("an he day page case early book list".split())


def by_first_letter(words: list[str] | tuple[str, ...]) -> str:
    """``(?:The|A|An|...)`` written ``(?:T(?:he|o|...)|A(?:|n|...)|...)`` for regex ``words``
    that each start with a literal character: the same matches (at one position only the
    words starting with its letter can match, tried in their order), but the engine tests a
    few first letters instead of every word."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    return "(?:" + "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items()) + ")"


def keywords(*words: str) -> re.Pattern[str]:
    """``\\b(?:word|...)\\b`` for regex ``words`` that each start with a literal character.

    The lookahead for those first characters changes no match, but the regex engine then
    skips quickly to where a word may start instead of trying every word at every position
    (a list of fifty words is searched in every reference); the words are grouped by first
    letter (``by_first_letter``), so at such a position only a few are tried.
    """
    first = "".join(sorted({word[0] for word in words}))
    return re.compile(rf"(?=[{re.escape(first)}])\b{by_first_letter(words)}\b")


_PAGE_SPLIT = re.compile(r"\s*,\s*")
_PAGE_SPACES = re.compile(r"\s+")


def pinpoints(pages: str | None) -> tuple[str, ...]:
    """``"405 - 7, 411"`` -> ``("405-7", "411")``: each page or range as written, unspaced."""
    if not pages:
        return ()
    if pages.isdigit():
        return (pages,)  # the usual "407", without the splitting
    return tuple(_PAGE_SPACES.sub("", part).rstrip(".") for part in _PAGE_SPLIT.split(pages.strip())
                 if part)


_CONNECTORS = frozenset({"", "and", "&", "et", "al"})
_WORDS = re.compile(r"[\s\-]+")


# Remembered: a document cites the same few authors over and over, and the test splits and
# looks up every word of each (a pure function of the string).
@lru_cache(maxsize=4096)
def read_author_words(words: str) -> bool | None:
    """False when a would-be author has a month, a function word or a "thing" word in it
    ("June 1938", "In 1938", "Article 58"), or no word besides "and"/"et al."; None when the
    only such words are family names too (``SURNAMES_TOO``: "An & Liu", "He et al."), so
    that the words are an author only if a reference has them; True otherwise."""
    verdict: bool | None = False
    lowered = words.lower()
    # a single word (the usual "Coox") has nothing to split at
    for word in (lowered,) if lowered.isalpha() else _WORDS.split(lowered):
        word = word.strip(".,'")
        if word in _CONNECTORS:
            continue
        if word in MONTHS or word in NOT_AUTHORS:
            if word not in SURNAMES_TOO:
                return False
            verdict = None
        elif verdict is False:
            verdict = True
    return verdict


def is_author_words(words: str) -> bool:
    """Whether ``words`` are an author's beyond doubt (``read_author_words``)."""
    return read_author_words(words) is True
