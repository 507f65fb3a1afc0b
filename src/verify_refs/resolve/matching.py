"""Decide which registry work a reference describes, from evidence field by field.

``score`` compares one reference with one work and records, per field, whether they
agree; ``best_match`` turns those scores into a decision. Precision matters more than
recall: a false match makes every later check lie, a miss only costs a warning. So a
work is accepted only with a title that agrees *and* corroboration (author, year,
volume, pages), and two works that fit about equally well are reported as ambiguous
rather than guessed between (reprints, errata, a "Reply to" with the same title).

The comparison helpers (``title_similarity``, ``same_surname``, ``same_container``,
``page_bounds`` ...) are public because ``checks.registry`` reports the same fields.
"""

from __future__ import annotations

import enum
import math
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from anyascii import anyascii
from rapidfuzz import fuzz

from ..extract.locators import roman_to_int
from ..identifiers.isbn import as_isbn13
from ..identifiers.issn import problem as issn_problem
from ..models import IdScheme, Outcome, Person, Reference, ReferenceKind, RegistryWork, Resolution
from .records import plain_text

# --- thresholds (calibrated with benchmarks/matching_quality.py on the 7,546 real records)
ACCEPT = 0.90  # least confidence to call a work resolved (points >= ~6.2)
NEAR_MISS = 0.20  # least confidence for a candidate to be shown as a near miss
MARGIN = 1.5  # points the best work must lead the runner-up by, else ambiguous
TITLE_AGREES = 0.85  # title similarity that counts as the same title (typos, translit)
TITLE_DIFFERS = 0.5  # below this, titles are "very different" (doi-mismatch evidence)
# A title this close to the work's, on a work everything else places, is that title with a
# word or two wrong ("... for distributed orchard" for "... distributed multiprocessors": 0.84).
_TITLE_GARBLED = 0.7
_CENTRE = 4.0  # points at which confidence is 0.5


# --- text normalisation -----------------------------------------------------

_BRACKETED = re.compile(r"\[[^\]]*\]")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_APOSTROPHES = re.compile(r"['`\u2019\u02bc\u02b9]")
_SUBTITLE_BREAK = re.compile(r"\s*(?::|\?|!|\.\s|\s[-\u2013\u2014]+\s|\s*\u2014\s*)")
# One pass, longest first: fold common romanisations of Russian onto one spelling, so
# "Liushkov", "Lyushkov" and anyascii's rendering of "Люшков" compare equal.
_ROMANISATION = re.compile(r"shch|kh|zh|ts|ch|sh|yu|iu|ju|ya|ia|ja|yo|io|ye|ie|je|y|j|w")
_ROMAN_FOLD = {"shch": "s", "kh": "h", "zh": "z", "ts": "c", "ch": "c", "sh": "s", "w": "v",
               "y": "i", "j": "i"}
# Titles of notices about a work: they repeat the work's title but are other works.
_NOTICE = re.compile(
    r"^(?:reply|response|comment|comments|commentary|erratum|errata|corrigendum|correction|"
    r"retraction|retracted|withdrawn|expression of concern|authors? reply|in reply)"
    r"(?: to| on| of| for| regarding)?\b"
)


# A Greek letter alone in a Latin word ("β-galactosidase", "TNF-α", "NF-κB"), which NLM style
# spells out ("beta-galactosidase"): its name, on both sides. (Not mu: "μm" is a unit, and
# Greek words stay Greek, transliterated letter by letter.)
_LONE_GREEK = re.compile(r"(?<![\u0370-\u03ff])[\u03b1-\u03bb\u03bd-\u03c9\u0391-\u03a9](?![\u0370-\u03ff])")
_GREEK_WORD = re.compile(r"[\u0370-\u03ff]{2}")


def _greek_name(match: re.Match[str]) -> str:
    return f" {unicodedata.name(match.group()).rsplit(' ', 1)[-1].lower()} "


def spell_greek_letters(text: str) -> str:
    """``text`` with each lone Greek letter spelled out: "β-galactosidase" -> " beta -galactosidase"."""
    if _LONE_GREEK.search(text) and not _GREEK_WORD.search(text):
        return _LONE_GREEK.sub(_greek_name, text)
    return text


def normalise_text(text: str) -> str:
    """Lower-case ASCII words: markup, bracketed translations and punctuation removed."""
    text = _BRACKETED.sub(" ", plain_text(text))
    text = spell_greek_letters(text)
    text = _APOSTROPHES.sub("", anyascii(text).lower().replace("&", " and "))
    return " ".join(_NOT_ALNUM.sub(" ", text).split())


def fold_romanisation(text: str) -> str:
    """Map romanisation variants (ya/ia/ja, kh/h, ...) of normalised text onto one form."""
    return _ROMANISATION.sub(lambda m: _ROMAN_FOLD.get(m.group(), m.group()[-1]), text)


def text_similarity(a: str, b: str) -> float:
    """Similarity 0..1 of two normalised strings, also after folding romanisations."""
    if not a or not b:
        return 0.0
    plain = fuzz.ratio(a, b)
    folded = fuzz.ratio(fold_romanisation(a), fold_romanisation(b))
    return max(plain, folded) / 100.0


_NUMBERED = frozenset({"part", "phase", "section", "book", "volume", "vol", "chapter", "no"})


def title_numbers(normalised: str) -> tuple[int, ...]:
    """The numbers in a title ("Part II", "Phase 1", "1968"): titles that differ only
    there are different works of a series, however alike the rest."""
    words = normalised.split()
    numbers = []
    for i, word in enumerate(words):
        small = len(word) > 1 and set(word) <= set("ivx")  # ii, iv, xii: not "mix", "did"
        roman = roman_to_int(word) if small or (i and words[i - 1] in _NUMBERED) else None
        if word.isdigit() or roman is not None:
            numbers.append(int(word) if word.isdigit() else roman)
    return tuple(sorted(numbers))


def _title_pair(cited: str, registry: str) -> float:
    if cited.replace(" ", "") == registry.replace(" ", ""):
        return 1.0  # the same letters: the registry's sub- and superscripts came apart ("CO 2", "C 4")
    similarity = text_similarity(cited, registry)
    return similarity if title_numbers(cited) == title_numbers(registry) else min(similarity, 0.8)


def main_title(title: str) -> str:
    """The title without its subtitle (text after the first colon, dash or question mark)."""
    cleaned = _without_brackets(title)
    head = _SUBTITLE_BREAK.split(cleaned, maxsplit=1)[0]
    return head if normalise_text(head) else cleaned


def _without_brackets(title: str) -> str:
    return _BRACKETED.sub(" ", plain_text(title)).strip()


_MAX_BREAKS = 4  # titles with more breaks than this are lists, not title and subtitle


def main_titles(title: str) -> list[str]:
    """``main_title`` normalised, then the title cut at each of its next subtitle breaks:
    where a subtitle starts is not always the first break ("Neopsilotrema n. g. (Digenea:
    Psilostomidae) and ..." loses its subtitle at the colon, not at "n. ")."""
    heads = [normalise_text(main_title(title))]
    cleaned = _without_brackets(title)
    for index, brk in enumerate(_SUBTITLE_BREAK.finditer(cleaned)):
        if index == _MAX_BREAKS:
            break
        head = normalise_text(cleaned[:brk.start()])
        if head and head not in heads:
            heads.append(head)
    return heads


def _is_notice(normalised: str) -> bool:
    return bool(_NOTICE.match(normalised))


# A chapter's number before its title in the registry ("10 Sarmiento and Rosas", "31. L'union
# des Malcontents", "Chapitre II. De nouvelles données", "Chapter 3: ...", "Chapter 7.4 Active ...",
# "III. Analyser"): citations
# leave it out.
_CHAPTER_NUMBER = re.compile(
    r"^(?:(?:Chapter|Chapitre|Kapitel|Capítulo|Capitolo|Ch\.)(?:\s+|-)[\dIVXLC]{1,6}(?:\.\d{1,3})*[.:]?\s+|\d{1,3}\.?\s+(?=[^\W\d])"
    r"|[IVXLC]{2,5}\.\s+(?=[^\W\d]))"  # a part's Roman number: "III. Analyser af Svenska dioriter"
)


def title_similarity(cited: str, title: str, subtitle: str = "") -> float:
    """How alike a cited title and a registry title are, 0..1.

    Either side may have dropped its subtitle (but not both: "Introduction: A" and
    "Introduction: B" are different works). A notice ("Reply to ...", "Erratum: ...")
    never counts as the same title as the work it is about.
    """
    # a chapter's number, "10 Sarmiento and Rosas", "31. L'union ...", on either side or both
    cited = _CHAPTER_NUMBER.sub("", cited, count=1) or cited
    cited_full = normalise_text(cited)
    title = _CHAPTER_NUMBER.sub("", title, count=1) or title
    work_title = normalise_text(title)
    work_full = normalise_text(f"{title}: {subtitle}") if subtitle else work_title
    works = (work_full, work_title)
    # the whole titles, or one side without its subtitle (dropped at any of its breaks)
    pairs = [(cited_full, work) for work in (*works, *main_titles(title))]
    pairs += [(head, work) for head in main_titles(cited) for work in works]
    # or the registry's subtitle alone, where its title is a heading the citation leaves out:
    # "ARCHAEOLOGICAL EXCAVATION: Some Unpublished Mycenaean Pottery From Sarepta"
    tail = subtitle or _SUBTITLE_BREAK.split(_without_brackets(title), maxsplit=1)[-1]
    if tail != title and informative(tail):
        pairs.append((cited_full, normalise_text(tail)))
    best = max(_title_pair(a, b) for a, b in pairs)
    if _is_notice(cited_full) != _is_notice(work_full) or _notice_of(cited_full, work_full):
        return min(best, 0.6)
    return best


def _notice_of(a: str, b: str) -> bool:
    """One title is the other behind a notice phrase ("Erratum: Correction: X" of "Correction: X")."""
    if a == b:
        return False
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer.endswith(" " + shorter) and _is_notice(longer[: -len(shorter)].strip())


def informative(title: str) -> bool:
    """True when a title is specific enough to identify a work on its own."""
    words = normalise_text(title).split()
    letters = sum(len(w) for w in words)
    return len(words) >= 4 and letters >= 15 or len(words) == 3 and letters >= 24


# --- the reference's own text ---------------------------------------------------
# A parser can put a title in the wrong field; the reference text still holds it. These
# find a registry value in the text itself, between punctuation (so "Introduction to
# Surgery" is not found inside "Introduction to Surgery in the Elderly") and not right
# after a notice phrase ("Reply to: X" does not contain the work X).

_INNER_APOSTROPHE = re.compile(r"(?<=[a-z0-9])'(?=[a-z0-9])")


def _ascii_lower(text: str) -> str:
    """Lower-case ASCII keeping punctuation; apostrophes inside words removed."""
    text = anyascii(plain_text(text)).lower().replace("&", " and ")
    return _INNER_APOSTROPHE.sub("", _APOSTROPHES.sub("'", text))


def found_in_text(value: str, text: str, *, subtitle_after: bool = False) -> bool:
    """``value`` (a title, a journal) appears in ``text`` as a whole delimited phrase.
    ``subtitle_after``: it may be followed by a subtitle (a book the registry names by its
    main title, "Electronic Text", cited as "in Electronic Text: Investigations in ...") and
    follow a chapter's "in"."""
    words = normalise_text(value).split()
    if not words:
        return False
    phrase = r"[^0-9a-z]+".join(re.escape(w) for w in words)
    # delimited before; closed after (not ":" or " - ", which would start another subtitle)
    closing = r"[^\sa-z0-9\-]" if subtitle_after else r"[^\sa-z0-9:\-]"
    # (a book after a chapter's "in" is delimited by it: ", in Electronic Text: ...")
    opening = r"(?:^|[^\sa-z0-9]|\bin\s)" if subtitle_after else r"(?:^|[^\sa-z0-9])"
    pattern = rf"{opening}\s*({phrase})(?=\s*(?:$|{closing}))"
    haystack = _ascii_lower(text)
    return any(not _is_notice(_tail_words(haystack[: m.start(1)]))
               for m in re.finditer(pattern, haystack))


def _tail_words(text: str) -> str:
    """The last four words before a match, to spot "Reply to:" or "Erratum to"."""
    words = normalise_text(text).split()[-4:]
    for start in range(len(words)):
        if _is_notice(" ".join(words[start:])):
            return " ".join(words[start:])
    return ""


def title_in_text(reference: Reference, work: RegistryWork) -> bool:
    """The work's whole title (with its subtitle, if any), or its informative main title
    closed by punctuation (a dropped subtitle), is written in the reference."""
    if not work.title or not informative(work.title):
        return False
    full = f"{work.title}: {work.subtitle}" if work.subtitle else work.title
    main = main_title(work.title)
    return found_in_text(full, reference.text) or (
        informative(main) and found_in_text(main, reference.text))


def starts_with_author(reference: Reference, work: RegistryWork) -> bool:
    """The reference text begins with the family name of the work's first author."""
    people = work.authors or work.editors
    family = normalise_text(people[0].family) if people else ""
    return bool(family) and (normalise_text(reference.text) + " ").startswith(family + " ")


# --- names ------------------------------------------------------------------


class AuthorAgreement(str, enum.Enum):
    MATCH = "match"
    SWAPPED = "swapped"  # given and family names exchanged
    OTHER_POSITION = "other-position"  # cited first author is a later author of the work
    DIFFERENT = "different"
    INITIALS_DIFFER = "initials-differ"  # same surname, first initials differ
    MISSPELT = "misspelt"  # a surname a letter or two off, the same co-author (or initial) after it
    UNMENTIONED = "unmentioned"  # no parsed authors, and the text names none of the work's


def _name_words(name: str) -> list[str]:
    # (split at an apostrophe, which ``normalise_text`` drops: IEEE's "E. Dall Anese" reads
    # "Anese" as the family name of Dall'Anese, as "Marquez" is one of "Garcia Marquez")
    return normalise_text(name.replace("'", " ").replace("\u2019", " ")).split()


def same_surname(cited: str, registry: str) -> bool:
    """Surnames agree, allowing diacritics, romanisation, particles and compound names."""
    a, b = _name_words(cited), _name_words(registry)
    if not a or not b:
        return False
    if a == b or fold_romanisation(" ".join(a)) == fold_romanisation(" ".join(b)):
        return True
    long_a = {w for w in a if len(w) > 2}
    long_b = {w for w in b if len(w) > 2}
    if long_a and long_b and (long_a <= long_b or long_b <= long_a):
        return True
    joined_a, joined_b = "".join(a), "".join(b)
    if min(len(joined_a), len(joined_b)) >= 6 and text_similarity(joined_a, joined_b) >= 0.9:
        return True
    return _acronym_of(cited, b) or _acronym_of(registry, a)


def spelled_differently(cited: str, registry: str) -> bool:
    """Surnames that ``same_surname`` takes as one only by their likeness ("Minichello" and
    "Minichillo", "Howald" and "Howaldt") and that no habit of spelling explains: a letter
    that romanisation, a lost umlaut or a doubled consonant does not account for. A
    misspelling to report, not a reason to take the work for another."""
    a, b = _name_words(cited), _name_words(registry)
    if not a or not b or a == b or _fold_name(" ".join(a)) == _fold_name(" ".join(b)):
        return False
    long_a, long_b = {w for w in a if len(w) > 2}, {w for w in b if len(w) > 2}
    if long_a and long_b and (long_a <= long_b or long_b <= long_a):
        return False  # a compound name given in part
    joined_a, joined_b = "".join(a), "".join(b)
    romanised = fold_romanisation(joined_a) == fold_romanisation(joined_b)  # "Hide" and "Hyde", as same_surname
    if not romanised and (min(len(joined_a), len(joined_b)) < 6 or text_similarity(joined_a, joined_b) < 0.9):
        return False  # alike for another reason (an acronym), or not alike at all
    return _spelling_skeleton(a) != _spelling_skeleton(b)


# A "y" between two consonants ("Hyde", "Smyth") is a letter of its own: romanisation writes
# Russian "ы" so in every system, and only a "y" by a vowel or at the end ("Dyachenko",
# "Trotsky") for an "i" ("Diachenko", "Trotskii").
_Y_BETWEEN_CONSONANTS = re.compile(r"(?<=[b-df-hj-np-tv-z])y(?=[b-df-hj-np-tv-z])")


def _fold_name(name: str) -> str:
    """``fold_romanisation`` of a normalised name, keeping a "y" between consonants (and
    the Dutch "ij" it stands for: "Dykstra", "Dijkstra")."""
    return fold_romanisation(_Y_BETWEEN_CONSONANTS.sub("Y", name.replace("ij", "y")))


# What variant spellings of one name share, so that only a letter no habit explains is
# reported: umlauts written out ("Mueller"), romanisation (Trotskii, Trotsky, Trotskij;
# Zinov'ev, Zinovyev; Yezhov, Ezhov; Khrushchev, Khrushchov; Tchaikovsky, Chaikovsky;
# Dzhugashvili, Djugashvili),
# "Mac" and "Mc", and a final "ss" ("Strauss", the German "ß") or "ii" ("Trotskii", "Trotsky"). (Other doubled letters are
# kept: "Forester" for "Forrester", "Cox" for "Coox" are misspellings, and romanisations keep
# Russian's own doubled letters, "Kassil'".)
_UMLAUT_WRITTEN_OUT = re.compile(r"(?<=[aou])e")
_SKELETON_FOLDS = (("dzh", "j"), ("dj", "j"), ("tch", "ch"), ("x", "ks"), ("ph", "f"), ("tz", "ts"))
_FINAL_DOUBLE = re.compile(r"(?:(?<=s)s|(?<=i)i)$")  # "ss", and "ii" of "-skii", "-skiy" (folded) for "-sky"
_I_BEFORE_VOWEL = re.compile(r"i(?=[aeou])")
_YO = re.compile(r"(?<=[csz])ov$")


def _spelling_skeleton(words: list[str]) -> str:
    name = "".join(w for w in words if w not in _NAME_PARTICLES)
    name = _UMLAUT_WRITTEN_OUT.sub("", name)
    for variant, common in _SKELETON_FOLDS:
        name = name.replace(variant, common)
    if name.startswith("mac"):
        name = "mc" + name[3:]
    name = _FINAL_DOUBLE.sub("", _fold_name(name))
    return _YO.sub("ev", _I_BEFORE_VOWEL.sub("", name))


_NAME_PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "della", "di", "da", "du",
                             "dos", "das", "le", "la", "ter", "ten", "te", "al", "el", "bin", "ibn"})


def _acronym_of(name: str, words: list[str]) -> bool:
    """``name`` is the acronym of an organisation's ``words``: "UN" for United Nations, "WHO"
    for World Health Organization (the registry's author and the cited one)."""
    if not (2 <= len(name) <= 6 and name.isalpha() and name.isupper()) or len(words) < 2:
        return False
    return name.lower() == "".join(w[0] for w in words if w not in _STOPWORDS)


def is_swapped(cited: Person, registry: Person) -> bool:
    """The cited family name is the registry's given name (and vice versa when given)."""
    given_words = _name_words(registry.given)
    if not given_words or not same_surname(cited.family, given_words[0]):
        return False
    return not cited.given or same_surname(cited.given, registry.family)


def author_agreement(reference: Reference, work: RegistryWork) -> AuthorAgreement | None:
    """How the reference's first author relates to the work's authors (editors if none)."""
    people = work.authors or work.editors
    if not people:
        return None
    if starts_with_author(reference, work):
        return AuthorAgreement.MATCH
    if not reference.authors:
        return None if _mentions_any(reference.text, people) else AuthorAgreement.UNMENTIONED
    cited = reference.authors[0]
    if same_surname(cited.family, people[0].family):
        if _initials_differ(cited.given, people[0].given):
            return AuthorAgreement.INITIALS_DIFFER
        return AuthorAgreement.MATCH
    if is_swapped(cited, people[0]):
        return AuthorAgreement.SWAPPED
    if any(same_surname(cited.family, p.family) for p in people[1:]):
        return AuthorAgreement.OTHER_POSITION
    if _GARBLED.search(people[0].family):
        return None  # "Mu?oz", "R\u0131&#x;os-Rull": the registry's spelling cannot be compared
    if _misspelt(cited, reference.authors[1:], people):
        return AuthorAgreement.MISSPELT
    return AuthorAgreement.DIFFERENT


def _misspelt(cited: Person, coauthors: Sequence[Person], people: Sequence[Person]) -> bool:
    """A short surname a letter or two off the work's first author's ("Renaer" for "Renear",
    too short for ``same_surname``'s likeness), followed by the work's own second author, or,
    cited alone, with the same first initial: the name misspelt, not another person."""
    a, b = normalise_text(cited.family), normalise_text(people[0].family)
    if min(len(a), len(b)) < 4 or text_similarity(a, b) < _MISSPELT_LIKENESS:
        return False
    if coauthors and len(people) > 1:
        return same_surname(coauthors[0].family, people[1].family)
    return bool(cited.given and people[0].given) and cited.given[:1].lower() == people[0].given[:1].lower()


_MISSPELT_LIKENESS = 0.75  # one letter changed or swapped in a name of five or six letters


# A name the registry holds garbled: a replacement character, an entity left undecoded,
# UTF-8 read as Latin-1 ("MuÃ±oz"), or a question mark inside a word ("Mu?oz").
_GARBLED = re.compile(r"\ufffd|&#|[\u00c3\u00c2][\u0080-\u00bf]|\w\?\w")


def _initials_differ(cited: str, registry: str) -> bool:
    """Both given names known and their first letters differ (Lei vs Hongwei Wang), unless
    one's words are among the other's: a compound family name split in two ("Reever
    Morghan, K. J." read as Morghan, Reever; the registry's Morghan, K. J. Reever)."""
    a, b = _name_words(cited), _name_words(registry)
    if not (a and b) or a[0][0] == b[0][0]:
        return False
    longer_a, longer_b = {w for w in a if len(w) > 1}, {w for w in b if len(w) > 1}
    return not (longer_a and longer_b and (longer_a <= longer_b or longer_b <= longer_a))


def _mentions_any(text: str, people: Sequence[Person]) -> bool:
    words = f" {normalise_text(text)} "
    return any(f" {normalise_text(p.family)} " in words for p in people if p.family.strip())


# --- containers ------------------------------------------------------------

# (and the Spanish, Portuguese and Italian articles NLM's abbreviations leave out: "Rev Med
# Clin Condes" for "Revista Médica Clínica Las Condes")
_STOPWORDS = frozenset({"the", "of", "and", "for", "in", "on", "a", "an", "de", "la", "le",
                        "der", "die", "und", "fur", "du", "des", "et", "las", "los", "el", "del",
                        "y", "da", "do", "dos", "das", "di", "della", "delle", "degli"})


def _content_words(text: str) -> list[str]:
    return [w for w in normalise_text(text).split() if w not in _STOPWORDS]


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return short[:1] == long[:1] and all(ch in letters for ch in short)


# The city some journals' abbreviations add to their name: "C. R. Acad. Sci. Paris".
_PLACES = frozenset("paris london lond berlin wien vienna basel leipzig amsterdam moscow tokyo "
                    "stuttgart roma rome madrid praha prague warszawa budapest stockholm".split())


def is_abbreviation(abbreviated: str, full: str) -> bool:
    """ISO 4 style: each word abbreviates the matching word (J. Biol. Chem.), or initials."""
    short, long = _content_words(abbreviated), _content_words(full)
    if len(short) > len(long) and any(word in _PLACES for word in short):
        short = [word for word in short if word not in _PLACES or word in long]
    if "part" in long and "part" not in short:  # "Phys. Chem. Earth (A)": "... of the Earth, Part A"
        long = [word for word in long if word != "part"]
    if len(short) == 1 and len(long) > 1 and short[0] == "".join(w[0] for w in long):
        return True
    if len(short) == len(long) > 0 and all(_is_subsequence(s, w) for s, w in zip(short, long)):
        return True
    if len(short) != len(long):  # an abbreviation that is a stop word elsewhere: "Des." of "Design"
        short, long = normalise_text(abbreviated).split(), normalise_text(full).split()
        if len(short) == len(long) > 0 and all(_is_subsequence(s, w) for s, w in zip(short, long)):
            return True
    # a hyphenated word abbreviated as one: "Actas Dermosifiliogr" for "Actas Dermo-Sifiliográficas"
    return "-" in full and "-" not in abbreviated and is_abbreviation(abbreviated, full.replace("-", ""))


# Crossref's names for a publisher's online platform in place of a chapter's book.
_PLATFORM = re.compile(r"\b(?:Handbooks|Scholarship|Reference|Research Encyclopedias?) Online\b|^Oxford Handbooks\b")
_SECTION_LETTER = re.compile(r"\w{3}\s[A-Z]$")
_HEAD = re.compile(r":|\s[-–—]\s|,\sPart\s")  # (a journal's part: "Physics and Chemistry of the Earth, Part A")
# A society's acronym before a journal's name: "AMA Arch Otolaryngol", "A.M.A. Archives of ..."
_LEADING_ACRONYM = re.compile(r"(?:[A-Z]{2,4}|(?:[A-Z]\.){2,4})\s(?=\S+\s\S)")


def _same_title_text(cited: str, registry: str) -> bool:
    if _same_name(cited, registry):
        return True
    qualifier = _PLACE_QUALIFIER.search(cited)
    if qualifier is not None and _same_name(cited[:qualifier.start()], registry):
        return True  # NLM's place after an abbreviated name: "Rev Neurol (Paris)" for "Revue Neurologique"
    if "'" in registry or "’" in registry:
        elided = _ELISION.sub("", registry)  # "Chron Egypte" for "Chronique d'Egypte"
        if _same_name(cited, elided):
            return True
    # a journal cited without the subtitle the registry gives it ("Comparative American
    # Studies: An International Journal"), or by its name before an extension that the
    # registry gives an old paper under ("Archives of Otolaryngology - Head and Neck Surgery"
    # for a 1959 paper in the "AMA Archives of Otolaryngology")
    cited_head = cited.partition(": ")[0]  # a book's subtitle the registry leaves out: "Tcl/Tk: A Developer's Guide"
    if cited_head != cited and len(normalise_text(cited_head)) >= 4 and _same_name(cited_head, registry):
        return True
    head = _HEAD.split(registry, maxsplit=1)[0]
    if head != registry and _SECTION_LETTER.search(head):
        # a journal cited by its name before it split into lettered sections: "J Chromatogr"
        # in 1991 for "Journal of Chromatography B: Biomedical Sciences and Applications"
        head = head[:-2]
    # (or by an acronym that is the name before the subtitle: "JAMA" for "JAMA: The Journal
    # of the American Medical Association")
    if head != registry and len(head) >= 4 and normalise_text(head) == normalise_text(cited):
        return True  # the name before the subtitle, all of it: "Psyche" for "Psyche: A Journal of Entomology"
    if head != registry and (len(normalise_text(head)) >= 8 or (head.isupper() and len(head) >= 3)):
        acronym = _LEADING_ACRONYM.match(cited)
        if _same_name(cited, head) or (acronym is not None and _same_name(cited[acronym.end():], head)):
            return True
    # the same, the subtitle run on without a colon ("Comparative American Studies An
    # International Journal"): the cited name's three or more words open the registry's; or
    # the registry's name opens the cited one, a journal's fuller name ("Proceedings of the
    # National Academy of Sciences of the United States of America")
    words, registry_words = normalise_text(cited).split(), normalise_text(registry).split()
    return ((len(_content_words(cited)) >= 3 and registry_words[:len(words)] == words)
            or (len(_content_words(registry)) >= 3 and words[:len(registry_words)] == registry_words))


# A journal's numbered series after its name, which Chicago cites and the registry leaves out:
# "William and Mary Quarterly, 3rd ser.", "Transactions of the Royal Historical Society, 5th series", "n.s."
_SERIES_DESIGNATION = re.compile(r",?\s(?:\d{1,2}(?:st|nd|rd|th)|[Nn]ew|[Nn]\.)\s?[Ss]er(?:\.|ies)?$")
# A place in brackets that tells two journals of one name apart: "(Paris)", "(Lond)", "(Basel)".
_PLACE_QUALIFIER = re.compile(r"\s\([A-Z][a-z]+\.?\)$")
# A French or Italian article elided before a vowel: "d'Egypte", "l'Histoire".
_ELISION = re.compile(r"\b[dlDL]['\u2019](?=\w)")


def same_container_name(cited: str, registry: str) -> bool:
    """Whether a cited journal or book title names the registry's (abbreviations, a subtitle
    left out, the place or series around it allowed): ``same_container``'s test of names."""
    return _same_title_text(cited, registry)


def _same_name(cited: str, registry: str) -> bool:
    a, b = normalise_text(cited), normalise_text(registry)
    a, b = _without_proceedings(a.removeprefix("the ")), _without_proceedings(b.removeprefix("the "))
    if a == b:
        return True
    if _other_kind_of_periodical(a, b):
        return False
    years_a, years_b = _YEAR_IN_NAME.findall(a), _YEAR_IN_NAME.findall(b)
    if years_a and years_b and years_a != years_b:
        return False  # one meeting's proceedings, another year's: "iConference 2019", "iConference 2018"
    return text_similarity(a, b) >= 0.9 or is_abbreviation(a, b) or is_abbreviation(b, a)


_YEAR_IN_NAME = re.compile(r"\b(?:1[89]|20)\d\d\b")


# The word that says what kind of periodical a name is: two names that differ in it alone are
# two periodicals of one society ("Journal of the Association for Information Science and
# Technology", its "Bulletin"), however alike their letters.
_PERIODICAL_KINDS = frozenset(
    "journal bulletin annals review proceedings transactions letters newsletter magazine "
    "quarterly archives reports yearbook".split())


def _other_kind_of_periodical(a: str, b: str) -> bool:
    """Whether normalised names ``a`` and ``b`` differ in a periodical's kind word alone."""
    first_a, _, rest_a = a.partition(" ")
    first_b, _, rest_b = b.partition(" ")
    return (first_a != first_b and rest_a == rest_b and first_a in _PERIODICAL_KINDS
            and first_b in _PERIODICAL_KINDS)


def _without_proceedings(name: str) -> str:
    """A normalised name without the "proceedings of (the)" that one side may put before a
    meeting's name: "Proceedings of the Annual Meeting of the Berkeley Linguistics Society"
    is what Crossref calls the "Annual Meeting of the Berkeley Linguistics Society". (And
    IEEE's "Proc." before it, or "Proceedings" after it: "Proc. iConference 2019" is
    "iConference 2019 Proceedings".)"""
    for prefix in ("proceedings of the ", "proceedings of ", "proc of the ", "proc of ", "proc "):
        if name.startswith(prefix):
            name = name[len(prefix):]
            break
    return name.removesuffix(" proceedings")


def same_container(reference: Reference, work: RegistryWork) -> bool | None:
    """Whether the reference's journal/book is the work's; None when it cannot be told.

    A valid ISSN in the reference decides on its own; otherwise full titles, Crossref's
    short titles and ISO 4 abbreviations of either are accepted.
    """
    issns = {i.value.replace("-", "").upper() for i in reference.ids(IdScheme.ISSN)
             if issn_problem(i.raw) is None}  # a mistyped ISSN (invalid-issn) decides nothing
    work_issns = {i.replace("-", "").upper() for i in work.issn}
    if issns and work_issns:
        return bool(issns & work_issns)
    names = work.container_titles + work.short_container_titles
    if not names or all(_PLATFORM.search(n) for n in work.container_titles):
        return None  # "Oxford Handbooks Online": where the registry holds the chapter, not its book
    names += tuple(variant for name in names for variant in _other_forms(name))
    container = reference.container
    if container and ("ser" in container or "Ser" in container):
        container = _SERIES_DESIGNATION.sub("", container)  # "William and Mary Quarterly, 3rd ser."
    if container and work.publisher and container.endswith(f". {work.publisher}"):
        # the book's publisher run into its title, as a CS1 chapter without "In" gives
        # them: '"The text widget". Tcl/Tk. Elsevier. pp. 455-494.'
        container = container[:-len(work.publisher) - 2]
    if container and any(_same_title_text(container, n) for n in names):
        return True
    if any(len(normalise_text(n)) >= 8 and found_in_text(n, reference.text, subtitle_after=True) for n in names):
        return True
    if any(_abbreviation_in_text(n, reference.text) for n in names):
        return True  # "J Pharm Sci. 2001;90(9)" after a title whose own full stop misled the parser
    if reference.volume and any(_before_volume(n, reference) for n in names):
        return True
    if reference.container and _acronym_of_any(reference.container, names):
        return None  # a journal's own acronym, "MAGMA" for "Magnetic Resonance Materials in Physics, ..."
    if reference.container and _transliterated(reference.container) and not any(map(_transliterated, names)):
        return None  # "Zhurnal issledovanii sotsial'noi politiki" for "The Journal of Social Policy Studies"
    if reference.container and _PROCEEDINGS_NAME.search(reference.container) and any(
            _PROCEEDINGS_NAME.search(n) for n in names):
        # A conference's proceedings are named in too many ways to tell one from another by name:
        # "Proc. 2nd ACM Conf. Learning @ Scale (L@S '15), Vancouver, BC, Canada" is "Proceedings
        # of the Second (2015) ACM Conference on Learning @ Scale - L@S '15"
        return None
    if work.type in BOOK_TYPES and (reference.kind is ReferenceKind.BOOK or reference.publisher):
        # a whole book's "container" is its series, which a citation often leaves out: what
        # was read as one is mostly a subtitle ("Generation | Garderobe | Geschlecht.
        # Kleidungspraxis bei Mutter-Tochter-Paaren. Göttingen: ..., S. 88.", German style,
        # a page cited in it)
        return None
    return False if reference.container else None


def _acronym_of_any(cited: str, names: Sequence[str]) -> bool:
    """``cited`` is one word in capitals whose letters run, in order, through one of the names
    from its first letter: perhaps the journal's own acronym ("MAGMA" for "MAGnetic resonance
    MAterials ..."), which no rule derives, so neither the same journal nor another."""
    if not (cited.isupper() and cited.isalpha() and 3 <= len(cited) <= 8):
        return False
    letters = cited.lower()
    return any(_is_subsequence(letters, "".join(_content_words(name))) for name in names)


# A conference's name (not a journal's "Proceedings of the Royal Society", which is told apart).
_PROCEEDINGS_NAME = re.compile(r"\b(?:Conf(?:erence)?|Symp(?:osium)?|Workshop|Congress)\b", re.I)


# Russian (and Ukrainian) journal names transliterated: word endings and letter pairs that
# English names hardly have, and the commonest words of such names.
_TRANSLITERATED_WORD = re.compile(
    r"(?:ii|yi|oi|aia|iia|ogo|ykh|ikh|skii|skoi|nyi)$|zh|kh|shch|ts(?!$)|^(?:vestnik|zhurnal|izvestiia|"
    r"izvestiya|voprosy|trudy|zapiski|sbornik|letopis|istoriia|istoriya|nauki?)$"
)
_ENGLISH_WORDS = frozenset("of the and for in on journal review studies research".split())


def _transliterated(name: str) -> bool:
    """Whether a journal's name is written in a transliterated Slavic language (half its words
    or more look so, and it has no English function word): it cannot be compared with the
    registry's English name of the same journal."""
    words = [w for w in normalise_text(name).split() if len(w) >= 3 or w in _ENGLISH_WORDS]
    if not words or any(w in _ENGLISH_WORDS for w in words):
        return False
    return 2 * sum(1 for w in words if _TRANSLITERATED_WORD.search(w)) >= len(words)


_SENTENCE = re.compile(r"[.;]\s+|\.$")
_INVERTED_TAIL = frozenset({"on", "of", "for", "in"})


# A journal's acronym after its name, which citations leave out: "European Journal of
# Surgical Oncology (EJSO)" is "Eur J Surg Oncol".
_TRAILING_ACRONYM = re.compile(r"\s\([A-Z]{2,8}\)$")
# A journal's series between dashes, with the series' own subject after it: "Comptes Rendus de
# l'Académie des Sciences - Series IIA - Earth and Planetary Science", which citations give as
# the name and the series ("C. R. Acad. Sci. IIA"), or the name, "Sér." and the subject
# ("C. R. Acad. Sci. Paris Sér. I Math.").
_DASHED_SERIES = re.compile(r"^(?P<name>.+?)\s[-–]\s(?P<series>Series\s[A-Z]{1,4})(?:\s[-–]\s(?P<subject>.+))?$")


def _other_forms(name: str) -> Iterator[str]:
    """Other ways citations name the journal Crossref calls ``name``."""
    uninverted = _uninverted(name)
    if uninverted:
        yield uninverted
    if name.endswith(")") and _TRAILING_ACRONYM.search(name):
        yield _TRAILING_ACRONYM.sub("", name)
    if " - Series " in name or " – Series " in name:
        series = _DASHED_SERIES.match(name)
        if series:
            yield f"{series['name']} {series['series'].split()[1]}"
            if series["subject"]:
                yield f"{series['name']} {series['series']} {series['subject']}"


def _uninverted(name: str) -> str | None:
    """A journal name as Crossref holds some IEEE titles, inverted after a comma, put back in
    reading order: "Vehicular Technology, IEEE Transactions on" -> "IEEE Transactions on
    Vehicular Technology". None for a name not so inverted."""
    head, comma, tail = name.rpartition(", ")
    if comma and head and tail.split() and tail.split()[-1].lower() in _INVERTED_TAIL:
        return f"{tail} {head}"
    return None


def _abbreviation_in_text(name: str, text: str) -> bool:
    """A sentence of ``text`` is the journal ``name`` abbreviated without full stops, as
    Vancouver lists write it, in two words or more ("J Pharm Sci" for the Journal of
    Pharmaceutical Sciences). (A dotted "J. Pharm. Sci." is read as the container itself.)"""
    if len(_content_words(name)) < 2:
        return False
    for piece in _SENTENCE.split(text):
        piece = re.sub(r"[\s\d();:,-]+$", "", piece)  # "J Pharm Sci 2001;90(9)": the locators after it
        if 2 <= len(piece.split()) <= 8 and is_abbreviation(piece, name):
            return True
    # a dotted one the parser did not read as the container, after a title of two sentences:
    # "... Rattenorgane. Differenzierung und ... Enzyme. *Hoppe-Seyler's Z. Physiol. Chem.* 1969"
    return any("." in run and is_abbreviation(run, name) for run in _DOTTED_RUN.findall(text))


# Two to eight capitalised words, some abbreviated: "Hoppe-Seyler's Z. Physiol. Chem."
_DOTTED_RUN = re.compile(r"(?<![\w.])[A-Z][\w'’´-]*\.?(?:\s[A-Z][\w'’´-]*\.?){1,7}")


def _before_volume(name: str, reference: Reference) -> bool:
    """The journal's whole name, followed by the cited volume, is in the text: Chicago's
    "Journal of Geophysical Research: Space Physics 119, no. 3", whose colon misleads a
    parser into a container "Journal of"."""
    words = normalise_text(name)
    volume = normalise_text(reference.volume or "")
    return len(words) >= 8 and bool(volume) and \
        f" {words} {volume} " in f" {normalise_text(reference.text)} "


# --- numbers ---------------------------------------------------------------

_VOLUME_LABEL = re.compile(r"^(?:vol(?:ume)?|v|t|tom|bd|band)(?:\.\s*|\s+)(?=\S)", re.IGNORECASE)


def volume_number(text: str | None) -> int | None:
    """The number of a volume written ``19``, ``XIX``, ``vol. 19``; None otherwise."""
    if not text:
        return None
    words = _VOLUME_LABEL.sub("", text.strip()).split()
    word = words[0].strip(".,;()") if words else ""
    if word.isdigit():
        return int(word)
    return roman_to_int(word)


def same_volume(cited: str | None, registry: str | None) -> bool | None:
    """Volumes agree (``19`` == ``XIX``); None when either is missing or not a number."""
    a, b = volume_number(cited), volume_number(registry)
    if a is None or b is None:
        if cited and registry and normalise_text(cited) == normalise_text(registry):
            return True
        return None
    return a == b


def issue_numbers(text: str | None) -> frozenset[int]:
    """The numbers an issue covers: ``3-4`` -> {3, 4}; empty for supplements and months."""
    if not text or re.search(r"suppl|supp\b|^s\d", text, re.IGNORECASE):
        return frozenset()
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    if len(numbers) == 2 and re.search(r"\d\s*[-\u2013/]\s*\d", text) and numbers[0] < numbers[1]:
        return frozenset(range(numbers[0], min(numbers[1], numbers[0] + 12) + 1))
    return frozenset(numbers)


def same_issue(cited: str | None, registry: str | None) -> bool | None:
    """Issues agree unless their numbers are disjoint (``3`` vs ``3-4`` agree)."""
    a, b = issue_numbers(cited), issue_numbers(registry)
    if not a or not b:
        return None
    return bool(a & b)


_PAGE = re.compile(r"^([A-Za-z]*)(\d+)([A-Za-z]*)$")


def page_bounds(text: str | None) -> tuple[str, str | None] | None:
    """First and (expanded) last page of ``405-420``, ``405–20``, ``S19-S23``, ``13,771-13,794``."""
    if not text:
        return None
    parts = [p.strip().replace(",", "") for p in re.split(r"\s*[-\u2013\u2014]+\s*", text.strip())]
    parts = [p for p in parts if p]
    if not parts or not all(_PAGE.match(p) or roman_to_int(p) for p in parts[:2]):
        return None
    first = parts[0]
    last = _expand_last(first, parts[1]) if len(parts) > 1 else None
    return first, last


def _expand_last(first: str, last: str) -> str:
    """``405``, ``20`` -> ``420``: an abbreviated last page borrows the first's leading digits."""
    a, b = _PAGE.match(first), _PAGE.match(last)
    if a and b and not b.group(1) and len(b.group(2)) < len(a.group(2)):
        digits = a.group(2)[: len(a.group(2)) - len(b.group(2))] + b.group(2)
        return a.group(1) + digits + b.group(3)
    return last


def page_numbers(text: str | None) -> tuple[int, int] | None:
    """A page range as integers (letter prefixes like ``S`` dropped); None if not numeric."""
    bounds = page_bounds(text)
    if bounds is None:
        return None
    first, last = (_PAGE.match(p) for p in (bounds[0], bounds[1] or bounds[0]))
    if first is None or last is None:
        return None
    if last.group(1) and first.group(1).lower() != last.group(1).lower():
        return None  # "S19-23" borrows the S; "S19-A3" is not a range
    low, high = int(first.group(2)), int(last.group(2))
    return (low, high) if low <= high else None


def same_first_page(cited: str | None, registry: str | None) -> bool | None:
    """First pages agree (letters ignored: ``e33693`` == ``33693``); None when missing."""
    a, b = page_bounds(cited), page_bounds(registry)
    if a is None or b is None:
        return None
    if a[0].lower() == b[0].lower():
        return True
    prefix_a, prefix_b = (re.sub(r"\d", "", p).lower() for p in (a[0], b[0]))
    if prefix_a and prefix_b and prefix_a != prefix_b:
        return False  # "b1" and "f1": a journal's back and front matter
    digits_a, digits_b = re.sub(r"\D", "", a[0]), re.sub(r"\D", "", b[0])
    if not digits_a or not digits_b:  # roman front matter ("iii") against a number
        return None
    return digits_a == digits_b


# --- evidence and decision -------------------------------------------------

# Points: log-odds-like weights. Title carries most; author and year corroborate; a
# contradiction on author or on a year more than one apart costs more than agreement
# earns, so a reprint or another paper by the same author falls below ACCEPT.
_AUTHOR_POINTS = {AuthorAgreement.MATCH: 2.0, AuthorAgreement.SWAPPED: 1.5,
                  AuthorAgreement.OTHER_POSITION: 0.5, AuthorAgreement.DIFFERENT: -3.0,
                  AuthorAgreement.INITIALS_DIFFER: 0.0,  # a namesake, or a garbled given name
                  AuthorAgreement.MISSPELT: 1.0,  # the same person, the name mistyped
                  AuthorAgreement.UNMENTIONED: -2.5}  # anonymous citations exist: not -3
_YEAR_POINTS = {0: 1.5, 1: 0.5}  # more than one year apart: -3
# Another first page in the same journal volume is nearly always another article: -3.
_FIELD_POINTS = {"container": (1.0, -0.5), "volume": (1.0, -2.0), "issue": (0.5, -0.5),
                 "first_page": (1.5, -3.0)}
# A pinpoint inside the work's pages: weaker than the first page (any page of a long range).
_PINPOINT_POINTS = 1.0
# The whole range of two pages or more, both ends: more than the first page alone (a chapter
# whose title is cited wrong is still placed by its book, year, author and whole range).
_WHOLE_RANGE_POINTS = 0.5
# A cited ISBN among the work's: as strong as a first page in a journal volume (a short book
# title, "Shakespeare and Ecology", is not informative enough to place the book alone).
_ISBN_POINTS = 3.0
# The cited publisher the work's: with the same short title, first author and year, a book
# is placed ("Randall Martin, Shakespeare and Ecology (Oxford: Oxford University Press, 2015)").
_PUBLISHER_POINTS = 1.0


@dataclass(frozen=True, slots=True)
class MatchEvidence:
    """Per-field agreement of one reference with one work; None = cannot be compared."""

    work: RegistryWork
    title: float | None = None
    informative_title: bool = False
    author: AuthorAgreement | None = None
    year_gap: int | None = None
    container: bool | None = None
    volume: bool | None = None
    issue: bool | None = None
    first_page: bool | None = None
    # a note's pinpoint ("(1968): 411") inside the work's page range, when no range is cited;
    # None when it cannot be told or lies outside (a wrong pinpoint is page-out-of-range)
    pinpoint_inside: bool | None = None
    # the cited page range is the work's, both ends and two pages or more ("264-66" for
    # "264-266"): with the issue, a place no other work of the same author and year shares
    whole_range: bool = False
    # a cited ISBN that is one of the work's: it names the book (and edition) itself. Never
    # False: one book has many ISBNs (print, e-book, editions), the registry lists some
    isbn: bool | None = None
    # the cited publisher is the work's ("Oxford UP" for "Oxford University Press"). Never
    # False: the registry often names a parent company or another imprint ("Informa UK
    # Limited" for Routledge)
    publisher: bool | None = None

    @property
    def points(self) -> float:
        """Summed evidence; positive fields agree, negative fields contradict."""
        total = self._title_points()
        if total < 0 and self.placed_but_for_title:
            total = 0.0  # a wrong title on a work everything else places: no points either way
        if self.author is AuthorAgreement.DIFFERENT and self.located:
            pass  # the rest places it exactly: a wrong first author, not another work
        elif self.author is not None:
            total += _AUTHOR_POINTS[self.author]
        if self.year_gap is not None and not (self.year_gap > 1 and self.placed_but_for_year):
            total += _YEAR_POINTS.get(self.year_gap, -3.0)  # (else a wrong year: no points either way)
        for name, (agree, disagree) in _FIELD_POINTS.items():
            value = getattr(self, name)
            if value is False and name == "first_page" and self.placed_but_for_pages:
                continue  # a wrong first page: no points either way
            total += 0.0 if value is None else agree if value else disagree
        if self.pinpoint_inside:
            total += _PINPOINT_POINTS
        if self.whole_range:
            total += _WHOLE_RANGE_POINTS
        if self.isbn:
            total += _ISBN_POINTS
        if self.publisher:
            total += _PUBLISHER_POINTS
        return total

    def _title_points(self) -> float:
        if self.title is None:
            return 0.0
        points = _interpolate(self.title, (0.5, 0.7, TITLE_AGREES, 1.0), (-5.0, -2.0, 2.0, 4.0))
        # (a short title is informative enough with its author and publisher: one book)
        return min(points, 2.5) if not (self.informative_title or self.same_book or self._same_book_imprint) else points

    @property
    def located(self) -> bool:
        """Everything but the author places the work: the same informative title, year,
        journal, volume and first page. Two works never share all of these, so a first
        author that differs is then a wrong author (author-mismatch), not another work. A chapter
        is placed by its book and first page instead of a volume, whatever its title's length;
        a whole book by its informative title, year and publisher or ISBN."""
        return (self._same_title_and_place or self._same_chapter_place or self._same_book_imprint
                or self._same_title_and_range) and self.year_gap == 0

    @property
    def _same_title_and_range(self) -> bool:
        """The same title, however short, in the same journal and volume at the same whole page
        range ("The new ecology", Ecology 98, 1731-1732): no two works share all of these."""
        return (self.title is not None and self.title >= 0.95 and self.whole_range
                and bool(self.container and self.volume and self.first_page))

    @property
    def _same_book_imprint(self) -> bool:
        """The same informative title (or one of three words that are not "of" and "the":
        "Modernist Time Ecology"), from the same publisher or with one of its ISBNs, and the
        registry holds a whole book: one book, whoever the citation names as its author. (With
        one of its ISBNs, a title of any length: "Shakespeare and Ecology", ISBN 978-0-19-956702-7.)"""
        return (self.title is not None and self.title >= 0.95
                and (self.informative_title or len(_content_words(self.work.title)) >= 3 or bool(self.isbn))
                and self.work.type in BOOK_TYPES and self.container is None and self.volume is None
                and bool(self.isbn or self.publisher))

    @property
    def placed_but_for_year(self) -> bool:
        """Everything but the year places the work: the same informative title, journal,
        volume and first page (or a pinpoint inside its pages), by the same first author.
        A year more than one apart is then a wrong year (year-mismatch), not another work:
        a reprint or a namesake in another year has another volume and other pages. A book
        is placed by its title, first author and publisher or ISBN (``same_book``); a chapter
        by its title, first author, book and first page (``_same_chapter_place``), when the
        registry holds it as a chapter (a journal's article cited without its volume is not
        placed so). Or by its informative title and its whole range of pages, wherever the
        journal or proceedings cannot be compared (a conference's are named in too many ways:
        "Proc. Int. Conf. Manage. Data (SIGMOD), 2019, pp. 1386-1399" for a 2021 paper)."""
        same_pages = (self.whole_range and self.container is None and self.informative_title
                      and self.title is not None and self.title >= 0.95)
        return (self._same_title_and_place or self.same_book or same_pages
                or (self._same_chapter_place and self.work.type in _CHAPTER_TYPES)) and self._author_agrees

    @property
    def same_book(self) -> bool:
        """The same title (of two words or more) by the same first author, from the same
        publisher or with one of the work's ISBNs, and no journal: one book, perhaps in
        another edition ("Jesse Matz, Modernist Time Ecology (Baltimore: Johns Hopkins
        University Press, 2008)" for the press's 2018 record). An informative title of a
        registry book needs neither, as German notes give the place alone ("Göttingen 2013")."""
        return (self.title is not None and self.title >= 0.95 and self.author is AuthorAgreement.MATCH
                and self.container is None and self.volume is None
                and bool(self.isbn or self.publisher or (self.informative_title and self.work.type in BOOK_TYPES))
                and len(_content_words(f"{self.work.title} {self.work.subtitle}")) >= 2)

    @property
    def placed_but_for_pages(self) -> bool:
        """Everything but the pages places the work: the same informative title, first author
        and year (where the registry has one), in the same journal (and volume and issue, where
        both give one). Pages that disagree are then wrong pages (pages-mismatch), not another
        work: one author does not publish two papers of one title in one journal and year."""
        # (a short title too for a chapter in the same book from the same publisher: "Water and
        # productivity", in The Ecology of the Fish Pond Ecosystem, Springer, 1992)
        return (self.title is not None and self.title >= 0.95
                and (self.informative_title or (bool(self.publisher) and self.work.type in _CHAPTER_TYPES))
                and self._author_agrees and self.year_gap in (0, None) and bool(self.container)
                and self.volume is not False and self.issue is not False)

    @property
    def placed_but_for_title(self) -> bool:
        """Everything but the title places the work: the same first author and year, in the
        same journal, volume and first page (or a page a note cites inside the work's pages,
        in the same issue), or a chapter in the same book at the same first page; and a title
        with only a word or two wrong. The title must still come close unless the same whole
        range of pages (two or more) places the work: one author's news briefs can share a
        page ("New FDA Head" and "Diagnosing Ovarian Cancer", both JAMA 295(16): 1889)."""
        # (any title at all where the same whole range of pages places it, in the same issue
        # or book: one author's two works never share their pages; a title beside the
        # point is then a wrong title, "Beyond Praxis" for "Out of Praxis", not another work)
        # (nor an issue neither side gives: Elsevier's journals have none, "Coastal Engineering,
        # 140, 272-291"; one the citation leaves out may be another issue's page)
        same_issue = self.issue or (self.issue is None and not self.work.issue)
        floor = 0.0 if self.whole_range and (same_issue or self.volume is None) else _TITLE_GARBLED
        if self.title is None or self.title < floor or not self._author_agrees or self.year_gap != 0:
            return False
        if self.container and self.volume:
            return bool(self.first_page or (self.pinpoint_inside and self.issue is not False))
        return bool(self.container and self.first_page) and self.volume is None  # a chapter

    @property
    def _author_agrees(self) -> bool:
        """The cited first author is the work's, perhaps with given and family names swapped."""
        return self.author in (AuthorAgreement.MATCH, AuthorAgreement.SWAPPED)

    @property
    def _same_title_and_place(self) -> bool:
        """The same informative title in the same journal, volume and pages (or issue, where
        the registry gives no pages)."""
        return (self.title is not None and self.title >= 0.95 and self.informative_title
                and bool(self.container and self.volume
                         and (self.first_page or self.pinpoint_inside or (self.issue and not self.work.page))))

    @property
    def _same_chapter_place(self) -> bool:
        """The same title in the same book at the same first page ("Economics and Ecology," in
        Integrating Economics, Ecology and Thermodynamics, 92-110)."""
        return (self.title is not None and self.title >= 0.95 and self.volume is None
                and bool(self.container and self.first_page))

    @property
    def confidence(self) -> float:
        """Points squashed to 0..1 (logistic); 0.5 at ``_CENTRE`` points."""
        return 1.0 / (1.0 + math.exp(-(self.points - _CENTRE)))

    @property
    def corroborated(self) -> bool:
        """A match needs a title that agrees plus one more field, or, without a title,
        author, year and two of container/volume/first page."""
        if self.title is not None:
            others = (self._author_agrees,
                      self.year_gap is not None and self.year_gap <= 1,
                      bool(self.volume and self.first_page), bool(self.isbn))
            return (self.title >= TITLE_AGREES and any(others)) or self.placed_but_for_title
        located = sum(bool(v) for v in (self.container, self.volume, self.first_page))
        return self.author is AuthorAgreement.MATCH and self.year_gap == 0 and located >= 2


def _interpolate(x: float, xs: tuple[float, ...], ys: tuple[float, ...]) -> float:
    if x <= xs[0]:
        return ys[0]
    for (x0, y0), (x1, y1) in zip(zip(xs, ys), zip(xs[1:], ys[1:])):
        if x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return ys[-1]


# (and in the languages of our users' sources: "compte rendu de", "recensione a", "reseña de",
# "resenha de", "Rezension zu/von")
# (APA brackets its description of a review and names what is reviewed: "[Review of the book
# BOOK, by AUTHOR]")
_REVIEW_LABEL = re.compile(r"^(?i:book\s+)?(?i:reviews?):\s*")  # a registry's "Book Review: BOOK"
_REVIEW_OF = re.compile(r"\[?(?i:review\s+of(?:\s+the\s+(?:book|film|edited\s+book|album|exhibition))?|compte\s+rendu\s+de|"
                        r"recensione\s+a|rese[ñn]h?a\s+de|rezension\s+(?:zu|von))"
                        r"\s+(?P<book>.+?)(?:,\s+(?:by|ed\.|edited\s+by|par|di|de|von)\s+[^,\]]+)*\]?$")  # ("by X, ed. Y")
_BY_AUTHOR = re.compile(r"\s+by\s+[^,]{3,80}$")
_VANCOUVER_YEAR = re.compile(r"(?<![\w.-])(1[5-9]\d\d|20\d\d)[a-z]?\s?;\s?\d")


def year_gap(reference: Reference, work: RegistryWork) -> int | None:
    """Years between the cited year (or original year of a reprint) and the registry's."""
    if work.year is None:
        return None
    years = [y for y in (reference.year, reference.original_year) if y is not None]
    if years:
        # Vancouver's issue date before the volume, "J Quat Sci. 1999;14(3):287-8", is the
        # work's year even where the text names another first (the year of a book it reviews)
        years += [int(m) for m in _VANCOUVER_YEAR.findall(reference.text)]
    # the registry's year, or the year of its print or online date (cited as often)
    registry = (work.year, *work.other_years)
    return min(abs(y - r) for y in years for r in registry) if years else None


def cited_title_similarity(reference: Reference, work: RegistryWork) -> float | None:
    """The best of: the parsed title (or bracketed translation) against the work's, and
    1.0 when the work's whole title is written in the reference; None if nothing to compare."""
    if not work.title:
        return None
    if title_in_text(reference, work):
        return 1.0
    if not reference.title:
        return None
    similarity = title_similarity(reference.title, work.title, work.subtitle)
    # (also when the whole already agrees: "review of BOOK, by AUTHOR" against "Book Review:
    # BOOK" comes close, but not close enough to place the review without its year)
    review = _REVIEW_OF.match(reference.title) if similarity < 1.0 else None
    if review is not None:  # Chicago's "review of BOOK, by AUTHOR", which the registry holds as BOOK
        book = review.group("book")  # (or "compte rendu de AUTHOR, BOOK")
        # (the registry may title the review "BOOK by AUTHOR")
        # or "Book Review: BOOK")
        reviewed = _REVIEW_LABEL.sub("", _BY_AUTHOR.sub("", work.title)) or work.title
        similarity = max(similarity, *(title_similarity(cited, registry, work.subtitle)
                                       for cited in (book, book.partition(", ")[2] or book)
                                       for registry in dict.fromkeys((work.title, reviewed))))
    by = _BY_AUTHOR.search(reference.title) if similarity < TITLE_AGREES and " by " in reference.title else None
    if by is not None and _mentions_any(by.group().split(None, 1)[1], (*work.authors, *work.editors)):
        # A review cited as its journal titles it, "BOOK by AUTHOR" ("Les La Verendrye et le
        # Poste de l'Ouest by Antoine Champagne"), where the registry holds BOOK and lists
        # AUTHOR among the review's people: the book's title is compared.
        similarity = max(similarity, title_similarity(reference.title[:by.start()], work.title, work.subtitle))
    if similarity < TITLE_AGREES and (registry_title_cut_short(reference.title, work)
                                      or cited_title_cut_short(reference.title, work)):
        similarity = _REGISTRY_CUT_SHORT
    if reference.translated_title:
        similarity = max(similarity, title_similarity(reference.translated_title, work.title))
    volume = reference.volume
    if (similarity < 1.0 and volume and volume.isdigit() and volume not in reference.title
            and (numbered := re.search(rf"(?<!\d){volume}(?!\d)", work.title)) is not None):
        # a volume the registry writes into the title: "Proceedings of the Ocean Drilling
        # Program, 180 Initial Reports" for "... Program, Initial Reports. Vol. 180."
        unnumbered = " ".join((work.title[:numbered.start()] + work.title[numbered.end():]).split())
        similarity = max(similarity, title_similarity(reference.title, unnumbered, work.subtitle))
    return similarity


# How alike a title is to a registry title that is its opening words (``registry_title_cut_short``):
# the same title, a little less sure than one written out in full.
_REGISTRY_CUT_SHORT = 0.95
_CUT_SHORT_WORDS = 5  # a registry title this long, at least, is no title of its own that another opens with


def registry_title_cut_short(cited: str, work: RegistryWork) -> bool:
    """The registry's title (with no subtitle) is the cited title's first five words or more,
    cut off short: JSTOR's records of old reviews stop so ("Academic Economics in Present
    Russia Gelesnoff, Grundzuge" for "Academic Economics in Present Russia: Gelesnoff,
    Grundzüge der Volkswirtschaftslehre")."""
    if work.subtitle:
        return False
    registry, words = normalise_text(work.title).split(), normalise_text(cited).split()
    # (not a review's "BOOK by AUTHOR" where the registry holds BOOK: the author decides)
    return (len(registry) >= _CUT_SHORT_WORDS and words[:len(registry)] == registry
            and words[len(registry):len(registry) + 1] != ["by"])


def cited_title_cut_short(cited: str, work: RegistryWork, least_words: int = _CUT_SHORT_WORDS) -> bool:
    """The cited title is the registry's (with its subtitle) cut off after ``least_words``
    words or more, the rest left out: "Academic Economics in Present Russia" for "Academic
    Economics in Present Russia Gelesnoff, Grundzuge" (to place a work), or a title that ran
    into brackets or a formula and was cut there (the title check asks for four words)."""
    words = normalise_text(cited).split()
    return len(words) >= least_words and normalise_text(f"{work.title} {work.subtitle}").split()[:len(words)] == words


def score(reference: Reference, work: RegistryWork) -> MatchEvidence:
    """Compare one reference with one registry work, field by field."""
    within = pages_cited_within(reference, work.page)
    return MatchEvidence(
        work=work,
        title=cited_title_similarity(reference, work),
        informative_title=informative(reference.title or work.title),
        author=author_agreement(reference, work),
        year_gap=year_gap(reference, work),
        container=same_container(reference, work),
        volume=same_volume(reference.volume, work.volume),
        issue=same_issue(reference.issue, work.issue),
        pinpoint_inside=True if within else _pinpoint_inside(reference, work),
        first_page=None if within else same_first_page(reference.pages.first if reference.pages else None,
                                                       work.page),
        isbn=_same_isbn(reference, work),
        publisher=_same_imprint(reference, work),
        whole_range=_same_whole_range(reference, work),
    )


def _same_whole_range(reference: Reference, work: RegistryWork) -> bool:
    cited = _cited_range(reference)
    return cited is not None and cited[0] != cited[1] and cited == page_numbers(work.page)


def _cited_range(reference: Reference) -> tuple[int, int] | None:
    """The cited page range as numbers, when both its ends are cited (a supplement's letter
    before both dropped: "S171-S186")."""
    pages = reference.pages
    if pages is None or not pages.last:
        return None
    return pages.numeric() or page_numbers(f"{pages.first}-{pages.last}")


# Crossref's types of a part of a book.
_CHAPTER_TYPES = frozenset({"book-chapter", "book-section", "book-part"})
# Crossref's types of whole books: their container, if any, is a series.
BOOK_TYPES = frozenset({"book", "monograph", "edited-book", "reference-book", "book-set"})


def _same_imprint(reference: Reference, work: RegistryWork) -> bool | None:
    """``same_publisher``, or for a whole book the cited publisher is its series, which the
    registry may hold as the container and name the series' maker as publisher ("Chicoutimi:
    Les Classiques des sciences sociales, 2002" for a record published by "J.-M. Tremblay"
    in "Classiques des sciences sociales.")."""
    if same_publisher(reference.publisher, work.publisher):
        return True
    if not work.authors and not work.editors and reference.authors and not reference.authors[0].given:
        # an organisation as author of a work the registry credits to no one but its
        # publisher: "U.S. Geological Survey (1973) Map showing ..." for the Survey's map
        if same_publisher(reference.authors[0].family, work.publisher):
            return True
    if work.type in BOOK_TYPES and reference.publisher:
        return True if any(same_publisher(reference.publisher, series) for series in work.container_titles) else None
    return None


# A university press as publishers write it short or in their language: "Oxford UP",
# "Universitätsverlag Göttingen" (read "University Press" before the words are compared).
_UNIVERSITY_PRESS = re.compile(r"\bUP\b|\bUniversit(?:ä|ae)tsverlag\b\s?|\bPresses\suniversitaires\b")

# Words of a publisher's name that tell no publisher from another.
_GENERIC_PUBLISHER_WORDS = frozenset(
    "the press publishers publisher publishing publications books co company inc ltd limited llc "
    "gmbh verlag editions group and of".split())


# Dotted capitals of an abbreviated name, "U.S.", read as one word ("US").
_DOTTED_CAPITALS = re.compile(r"\b(?:[A-Z]\.){2,}")
# A publisher's name as its acronym ("USGS", "OUP", "PUF"): one word of capitals.
_ACRONYM = re.compile(r"[A-Z]{3,6}")


def _undotted(name: str) -> str:
    """``name`` with its dotted capitals written as one word: "U.S. Geological Survey" -> "US ..."."""
    return _DOTTED_CAPITALS.sub(lambda m: m.group().replace(".", ""), name)


def _publisher_words(name: str) -> frozenset[str]:
    words = normalise_text(_UNIVERSITY_PRESS.sub("University Press ", _undotted(name))).split()
    return frozenset(w for w in words if w not in _GENERIC_PUBLISHER_WORDS)


def _publisher_acronym(short: str, name: str) -> bool:
    """``short`` is the acronym of ``name``: its words' initials, a short word of capitals
    whole ("USGS" for "US Geological Survey", "OUP" for "Oxford University Press", "PUF" for
    "Presses universitaires de France")."""
    if not _ACRONYM.fullmatch(short):
        return False
    words = _undotted(name).replace("-", " ").split()
    letters = "".join(w if w.isupper() and len(w) <= 3 else w[0] for w in words
                      if w.lower() not in _STOPWORDS and w[0].isalpha())
    return letters.upper() == short


def same_publisher(cited: str | None, registry: str | None) -> bool | None:
    """True when the cited publisher's distinctive words are the registry's, or the reverse
    ("Oxford UP" and "Oxford University Press", "Springer" and "Springer Berlin Heidelberg"),
    or one is the other's acronym ("OUP"); None otherwise (never False: see
    ``MatchEvidence.publisher``)."""
    if not cited or not registry:
        return None
    a, b = _publisher_words(cited), _publisher_words(registry)
    if a and b and (a <= b or b <= a):
        return True
    return True if _publisher_acronym(cited, registry) or _publisher_acronym(registry, cited) else None


def _same_isbn(reference: Reference, work: RegistryWork) -> bool | None:
    """True when an ISBN the reference cites is one of the work's; None otherwise."""
    if not work.isbn:
        return None
    cited = {as_isbn13(i.raw) for i in reference.ids(IdScheme.ISBN)} - {None}
    return True if cited and cited & {as_isbn13(i) for i in work.isbn} else None


_LEADING_NUMBER = re.compile(r"^(?:pp?\.?\s*)?(\d+)")


def pages_cited_within(reference: Reference, page: str | None) -> bool:
    """Whether a note cites a range strictly inside ``page`` (the work's range): a Chicago note
    gives the pages it draws on, after a chapter's imprint ("(Oxford: Wiley-Blackwell, 2012),
    160-62" of a chapter at 159-75) or after an article's dated bracket ("2 (2015): 112-15" of
    an article at 109-54); only the bibliography gives the work's own range. (An article's
    range must lie inside at both ends and follow "): ", which a numbered list of references
    in another style does not write: a range there that is cut short is a wrong range.)"""
    if reference.note_label is None or reference.pages is None or reference.pages.last is None:
        return False
    kind = reference.kind
    if kind is not ReferenceKind.CHAPTER and not (kind is ReferenceKind.ARTICLE and _CHICAGO_NOTE_PAGES.search(
            reference.text.replace(reference.pages.raw, "\x00"))):
        return False
    cited, whole = reference.pages.numeric(), page_numbers(page)
    if cited is None or whole is None or not whole[0] < cited[0] <= cited[1] <= whole[1]:
        return False
    return kind is ReferenceKind.CHAPTER or cited[1] < whole[1]


# A Chicago note's pages (``PageRange.raw``, here "\x00") after an article's dated bracket:
# "(2015): 112-15.", "(2015): 112-15, https://doi.org/..."
_CHICAGO_NOTE_PAGES = re.compile(r"\(\d{4}\)\s?:\s?\x00(?:[.,]|$)")


def _pinpoint_inside(reference: Reference, work: RegistryWork) -> bool | None:
    """True when the reference cites no page range but a pinpoint inside the work's."""
    if reference.pages is not None or not reference.pinpoints:
        return None
    bounds = page_numbers(work.page)
    first = _LEADING_NUMBER.match(reference.pinpoints[0].strip())
    if bounds is None or first is None:
        return None
    page = int(first.group(1))
    # (a one-page work, or a registry that gives only the first page: only that page is known
    # to be the work's, "Endeavour 23, no. 1 (1989): 41" for page "41")
    return True if bounds[0] <= page <= bounds[1] else None


@dataclass(frozen=True, slots=True)
class MatchDecision:
    """Which work (if any) a reference is, how sure we are, and the runners-up."""

    outcome: Outcome  # RESOLVED, NO_MATCH or AMBIGUOUS
    work: RegistryWork | None = None
    confidence: float = 0.0
    candidates: tuple[RegistryWork, ...] = ()  # near misses, or the ambiguous pair


def _ranked(reference: Reference, candidates: Sequence[RegistryWork]) -> list[MatchEvidence]:
    seen: set[str] = set()
    unique = [w for w in candidates if not (w.doi in seen or seen.add(w.doi))]
    return sorted((score(reference, w) for w in unique), key=lambda e: -e.points)


def best_match(reference: Reference, candidates: Sequence[RegistryWork]) -> MatchDecision:
    """Pick the work the reference describes, or say why none can be picked."""
    ranked = _ranked(reference, candidates)
    acceptable = [e for e in ranked if e.corroborated and e.confidence >= ACCEPT]
    if not acceptable:
        near = tuple(e.work for e in ranked[:3] if _near_miss(e))
        top = ranked[0].confidence if ranked else 0.0
        return MatchDecision(Outcome.NO_MATCH, None, top, near)
    best = acceptable[0]
    rivals = [e for e in ranked if e is not best and e.points > best.points - MARGIN
              and e.corroborated and not _same_record(e.work, best.work)]
    if rivals:
        return MatchDecision(Outcome.AMBIGUOUS, None, best.confidence,
                             (best.work, rivals[0].work))
    return MatchDecision(Outcome.RESOLVED, best.work, best.confidence,
                         tuple(e.work for e in ranked[1:3] if _near_miss(e)))


def _same_record(one: RegistryWork, other: RegistryWork) -> bool:
    """The registry holds one work twice (a proceedings paper under two DOIs): the same
    title, authors, year, container, volume, issue and pages. Either is the work cited."""
    return (normalise_text(one.title) == normalise_text(other.title) and one.year == other.year
            and [p.family for p in one.authors] == [p.family for p in other.authors]
            and (one.container_titles, one.volume, one.issue, one.page)
            == (other.container_titles, other.volume, other.issue, other.page))


def _near_miss(evidence: MatchEvidence) -> bool:
    """Worth showing beside a miss: fairly likely, or the same title (a reprint, a notice)."""
    return evidence.confidence >= NEAR_MISS or (evidence.title or 0.0) >= TITLE_AGREES


def doi_names_another_work(reference: Reference, work: RegistryWork) -> bool:
    """The reference cites the DOI of ``work``, which is another work than the one it describes
    (what doi-mismatch reports): the DOI neither joins it to that work's other citations nor
    lends it that work's details (in the bibliography)."""
    return bool(reference.doi and work.doi == reference.doi.lower() and not describes_same_work(reference, work))


def work_cited(reference: Reference, resolution: Resolution) -> RegistryWork | None:
    """The registry's record of the work ``reference`` cites, as far as the resolution shows
    it: the resolved work; for a DOI that names another work (doi-mismatch), the candidate a
    search found for sure, else none; for a DOI found nowhere, the work a search found."""
    if resolution.outcome is Outcome.RESOLVED and resolution.work:
        if doi_names_another_work(reference, resolution.work):
            others = [w for w in resolution.candidates if w.doi != resolution.work.doi]
            decision = best_match(reference, others) if others else None
            return decision.work if decision is not None and decision.outcome is Outcome.RESOLVED else None
        return resolution.work
    return resolution.searched_work


def describes_same_work(reference: Reference, work: RegistryWork) -> bool:
    """False only on strong evidence that ``work`` is another work than the one described:
    a very different title and a disagreeing author (or none of the work's authors named
    in the reference), year (more than one year apart) or journal. Without a title, both
    author and year must disagree. Missing fields never count."""
    evidence = score(reference, work)
    author_differs = evidence.author in (AuthorAgreement.DIFFERENT, AuthorAgreement.UNMENTIONED)
    year_differs = evidence.year_gap is not None and evidence.year_gap > 1
    if evidence.title is None:
        return not (author_differs and year_differs)
    # (another paper of the same author in the same journal and year has another volume or
    # at least other pages: "Lapeyrolerie et al. 2022" cited with the DOI of "Lapeyrolerie &
    # Boettiger 2023", volume 13 for 14 and pages 2649-62 for 785-98)
    placed_elsewhere = evidence.volume is False and evidence.first_page is False
    other_differs = author_differs or year_differs or evidence.container is False or placed_elsewhere
    if evidence.title < _TITLE_GARBLED and author_differs and evidence.first_page is False \
            or (evidence.title < _TITLE_GARBLED and evidence.author is AuthorAgreement.DIFFERENT
                and not evidence.first_page and not evidence.pinpoint_inside):
        # (or with no pages to compare, another first author named: "Climate Change and
        # Geopolitics" by Dalby with the DOI of Lamb's "Ethics for Climate Change
        # Communicators", both in one encyclopedia of one year)
        # a title with only some words in common, by another first author, at other pages: the
        # paper beside it in the same issue ("Comparisons of memories for traumatic events"
        # by Byrne for "Involuntary memories of emotional events" by Berntsen, both Applied
        # Cognitive Psychology 15(7)), not the cited work with three faults
        return False
    if evidence.title < TITLE_AGREES and evidence.first_page is False and _pages_apart(reference, work):
        # a title that does not agree, on pages the work's range does not touch: the paper
        # beside it in the same volume by the same authors ("Modeling Transient Long Waves
        # ... Coastal Forest", 122: 124-40, for "Periodic Water Waves through a ... Coastal
        # Forest", 122: 141-57), not the cited work with two faults
        return False
    return not (evidence.title < TITLE_DIFFERS and other_differs)


def _pages_apart(reference: Reference, work: RegistryWork) -> bool:
    """The cited range and the registry's share no page."""
    cited = _cited_range(reference)
    registry = page_numbers(work.page)
    if cited is None or registry is None or registry[0] == registry[1]:
        return False
    return cited[1] < registry[0] or registry[1] < cited[0]
