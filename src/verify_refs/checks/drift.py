"""Telling a changed fact from changed wording in two copies of one passage.

Two sentences are aligned word by word (``difflib``). Only *substitutions* can be drift:
a word inserted or dropped ("the Ukraine" / "Ukraine", "Joseph Stalin" / "Stalin") changes
the wording, not the claim. A substitution is drift when both sides carry a number, a date
or a month that differ ("7 August" / "9 August", "eleven" / "twelve"), or both carry a
proper name and the names are not spellings of one another ("Stalin" / "Trotsky", but not
"Iakir" / "Yakir"). Common words that differ (realised/realized, greater/higher,
impostor/imposter) are never drift.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from .passages import Passage

SAME_PASSAGE = 0.7  # share of aligned words from which two sentences are one passage
_VARIANT_SIMILARITY = 0.75  # normalised edit similarity of two spellings of one name

_MONTHS = {
    name: index
    for index, names in enumerate(
        ("january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
         "august aug", "september sep sept", "october oct", "november nov", "december dec"), 1)
    for name in names.split()
}
_AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "dec", "oct", "sept", "sep", "aug", "jun", "jul"}
_NUMBER_WORDS = {
    word: index
    for index, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split())
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
     "ninety": 90, "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9,
     "dozen": 12, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
     "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "once": 1, "twice": 2, "half": 0.5}
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
# Transliteration and spelling habits folded away before names are compared.
_SKELETON = [("kh", "h"), ("zh", "z"), ("tch", "ch"), ("ts", "c"), ("tz", "c"), ("ck", "k"),
             ("ph", "f"), ("w", "v"), ("y", "i"), ("j", "i"), ("ou", "u"), ("ie", "i")]


@dataclass(frozen=True, slots=True)
class Difference:
    """Words that differ between the two copies: ``[a_start, a_end)`` vs ``[b_start, b_end)``."""

    kind: str  # "number" (numbers, dates, months) or "name"
    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass(frozen=True, slots=True)
class Comparison:
    similarity: float  # difflib ratio over the normalised words
    drift: tuple[Difference, ...]


def compare(a: Passage, b: Passage) -> Comparison | None:
    """The differing facts of two passages, or None when they are not one passage."""
    matcher = SequenceMatcher(None, a.words, b.words, autojunk=False)
    if matcher.real_quick_ratio() < SAME_PASSAGE or matcher.quick_ratio() < SAME_PASSAGE:
        return None
    similarity = matcher.ratio()
    if similarity < SAME_PASSAGE:
        return None
    drift = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace":
            kind = _conflict(a, i1, i2, b, j1, j2)
            if kind:
                drift.append(_widen(kind, a, i1, i2, b, j1, j2))
    return Comparison(similarity, tuple(drift))


def _conflict(a: Passage, i1: int, i2: int, b: Passage, j1: int, j2: int) -> str | None:
    facts_a = Counter(v for k in range(i1, i2) if (v := fact_value(a, k)) is not None)
    facts_b = Counter(v for k in range(j1, j2) if (v := fact_value(b, k)) is not None)
    if facts_a and facts_b and facts_a != facts_b:
        return "number"
    names_a = [a.words[k] for k in range(i1, i2) if _is_plain_name(a, k)]
    names_b = [b.words[k] for k in range(j1, j2) if _is_plain_name(b, k)]
    only_a = [x for x in names_a if not any(is_variant(x, y) for y in names_b)]
    only_b = [y for y in names_b if not any(is_variant(x, y) for x in names_a)]
    return "name" if only_a and only_b else None


def fact_value(passage: Passage, index: int) -> str | None:
    """A canonical value for a number, number word or month; None for other words."""
    word = passage.words[index]
    if word[:1].isdigit():
        ordinal = _ORDINAL.match(word)
        return ordinal.group(1) if ordinal else word
    if word in _NUMBER_WORDS:
        return str(_NUMBER_WORDS[word])
    if word in _MONTHS and (word not in _AMBIGUOUS_MONTHS or passage.raw[index][:1].isupper()):
        return f"month-{_MONTHS[word]}"
    return None


def _is_plain_name(passage: Passage, index: int) -> bool:
    return passage.is_name(index) and fact_value(passage, index) is None


@lru_cache(maxsize=65_536)
def is_variant(x: str, y: str) -> bool:
    """Two spellings of one word: realised/realized, Iakir/Yakir, impostor/imposter."""
    if x == y:
        return True
    sx, sy = _skeleton(x), _skeleton(y)
    if sx == sy:
        return True
    return min(len(sx), len(sy)) >= 4 and Levenshtein.normalized_similarity(sx, sy) >= _VARIANT_SIMILARITY


def _skeleton(word: str) -> str:
    for old, new in _SKELETON:
        word = word.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", word)


def _widen(kind: str, a: Passage, i1: int, i2: int, b: Passage, j1: int, j2: int) -> Difference:
    """Grow both ranges over neighbouring words of the same kind: "7" -> "7 August 1945"."""
    i1, i2 = _grow(kind, a, i1, i2)
    j1, j2 = _grow(kind, b, j1, j2)
    return Difference(kind, i1, i2, j1, j2)


def _grow(kind: str, passage: Passage, start: int, end: int) -> tuple[int, int]:
    def same_kind(k: int) -> bool:
        if kind == "number":
            return fact_value(passage, k) is not None
        return _is_plain_name(passage, k)

    while start > 0 and same_kind(start - 1):
        start -= 1
    while end < len(passage.words) and same_kind(end):
        end += 1
    return start, end
