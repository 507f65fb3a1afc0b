"""Identifiers found anywhere in a reference: one handler per scheme (``doi``, ``isbn``,
``issn``, ``jstor``, ``oclc``, ``pmid``, ``arxiv``, ``url``), each with a pattern, a
normaliser and a validator.

``find_identifiers`` returns every identifier with the exact span of its text (the label,
``doi:`` or ``ISBN``, is not part of ``raw``); ``problem`` says what is wrong with one.
"""

from __future__ import annotations

import re
from operator import itemgetter
from typing import NamedTuple

from ..extract.names import by_first_letter
from ..extract.source import SourceText
from ..models import IdScheme, Identifier
from . import arxiv, doi, isbn, issn, jstor, oclc, pmid, url
from .base import Handler

__all__ = ["HANDLERS", "Found", "find_identifiers", "handler", "problem", "scan"]

HANDLERS: dict[IdScheme, Handler] = {
    h.scheme: h
    for h in (doi.HANDLER, isbn.HANDLER, issn.HANDLER, jstor.HANDLER, oclc.HANDLER,
              pmid.HANDLER, arxiv.HANDLER, url.HANDLER)
}
# Cheap tests that let most references skip a handler's regex altogether: a scheme's
# pattern runs only if one of its trigger words is present (every match contains one).
_TRIGGERS: dict[IdScheme, tuple[str, ...]] = {
    IdScheme.DOI: ("10.", "doi", "DOI", "Doi"),
    IdScheme.ISBN: ("ISBN", "isbn", "Isbn", "978", "979"),  # and the start of a bare ISBN-13
    IdScheme.ISSN: ("ISSN", "issn", "Issn"),
    IdScheme.JSTOR: ("JSTOR", "jstor.org"),
    IdScheme.OCLC: ("OCLC",),
    IdScheme.PMID: ("PMID",),
    IdScheme.ARXIV: ("rXiv", "rxiv", "RXIV"),
    IdScheme.URL: ("://", "www."),
}


def _trigger_pattern(words: list[str]) -> tuple[re.Pattern[str], tuple[int, ...]]:
    """All ``words`` in one pass, grouped by first character (``by_first_letter``), each
    followed by an empty group; and which word each group number stands for (a match's
    ``lastindex``: the empty group after the word that matched). No word is the start of
    another, so at one position one word at most matches, whatever their order."""
    if any(word != other and other.startswith(word) for word in words for other in words):
        raise ValueError("a trigger word starts another")
    pattern = by_first_letter([re.escape(word) + "()" for word in words])
    # the groups come in the pattern's order: by first character, then as given
    order = [0]  # group 0 is the whole match
    for first in dict.fromkeys(word[0] for word in words):
        order += [index for index, word in enumerate(words) if word[0] == first]
    return re.compile(pattern), tuple(order)


# All trigger words in one pass. Two can overlap ("DOISSN": a lost separator after "DOI"
# glues it to "ISSN"), so the pass goes on from the character after each word's start,
# not from its end, and a word is never hidden by the one before it.
_WORDS = [(word, index) for index, h in enumerate(HANDLERS.values()) for word in _TRIGGERS[h.scheme]]
_TRIGGER, _WORD_OF_GROUP = _trigger_pattern([word for word, _ in _WORDS])
# Each group's scanner, by its index in ``_SCANNERS`` (``HANDLERS`` order).
_SCANNER_OF_GROUP = tuple(_WORDS[word][1] for word in _WORD_OF_GROUP)
# No match starts more than this before its scheme's first trigger word ("https://www." before
# "doi"), so a pattern's scan can start there and skip the title and authors: identifiers
# come at the end of a reference. Lookbehinds and \b still see the text before the start.
_LOOKBACK = 12
# A JSTOR id may sit inside a jstor.org URL; every other overlap keeps the first match.
_NESTABLE = {IdScheme.JSTOR}


class Found(NamedTuple):
    """One identifier in a piece of text: offsets relative to that text. (A named tuple:
    one is built for every identifier of every reference, and tuples build fastest.)"""

    scheme: IdScheme
    label_start: int  # where its label ("doi:", "ISBN ") starts; == start without a label
    start: int
    end: int
    raw: str
    value: str


def handler(scheme: IdScheme) -> Handler:
    return HANDLERS[scheme]


def problem(identifier: Identifier) -> str | None:
    """What is wrong with ``identifier``, or None when it is valid."""
    return HANDLERS[identifier.scheme].problem(identifier.raw)


# Where a match may start before its scheme's trigger word, for the schemes where every match
# has one near its start: up to ``reach`` characters before it, and only after a prefix that
# ends in one of ``lead`` ("https://www." or "dx." before "doi", "e-" before "ISSN", "https"
# before "://"); no prefix holds a trigger word itself. Between matches such a scheme's scan
# skips ahead to the next trigger word instead of trying every position: no match can start
# before it (or before its reach, after a lead character). Not JSTOR (the id of a jstor.org
# URL comes after "jstor.org/stable/") nor arXiv ("ARXiv" has no trigger word).
_REACH: dict[IdScheme, tuple[int, str]] = {
    IdScheme.DOI: (12, "/."), IdScheme.ISBN: (0, ""), IdScheme.ISSN: (2, "ep-"), IdScheme.OCLC: (0, ""),
    IdScheme.PMID: (0, ""), IdScheme.URL: (5, "sp"),
}
# (scheme, pattern, trim, normalise, priority, trigger words, reach, lead) in ``HANDLERS``
# order (ties keep that order); reach None: no skipping. The trigger words are a pattern: its
# search finds the leftmost of them, as the smallest ``str.find`` of each would.
_SCANNERS = tuple((h.scheme, h.pattern, h.trim, h.normalise, h.priority,
                   re.compile("|".join(map(re.escape, _TRIGGERS[h.scheme]))),
                   *_REACH.get(h.scheme, (None, ""))) for h in HANDLERS.values())


def _matches(text: str) -> list[tuple[int, int, int, Found]]:
    found: list[tuple[int, int, int, Found]] = []
    first: dict[int, int] = {}  # where each scanner's first trigger word is
    trigger = _TRIGGER.search(text)
    while trigger is not None:
        index = _SCANNER_OF_GROUP[trigger.lastindex]
        at = trigger.start()
        if index not in first:
            first[index] = at
        trigger = _TRIGGER.search(text, at + 1)
    # only the schemes whose trigger words are there, in ``_SCANNERS`` order
    for index in sorted(first) if len(first) > 1 else first:
        scheme, pattern, trim, normalise, priority, words, reach, lead = _SCANNERS[index]
        at = first[index]
        pos = at - _LOOKBACK if at > _LOOKBACK else 0
        while True:  # pattern.finditer(text, pos), skipping ahead where the scheme allows
            if reach is None:
                match = pattern.search(text, pos)
            else:
                word = words.search(text, pos)  # the next trigger word
                if word is None:
                    break
                at = word.start()
                if at > 0 and text[at - 1] in lead:
                    at = max(pos, at - reach)
                match = pattern.search(text, at)
            if match is None:
                break
            pos = match.end()  # never empty: every id has a character at least
            raw = trim(match.group("id"))
            if not raw:
                continue
            label_start = match.start()
            start = match.start("id")
            found.append((label_start, priority, -len(raw),
                          Found(scheme, label_start, start, start + len(raw), raw, normalise(raw))))
    return found


_order = itemgetter(0, 1, 2)  # (label start, priority, -length)


def scan(text: str) -> list[Found]:
    """All identifiers in ``text``, in order, overlaps resolved."""
    matches = _matches(text)
    if len(matches) < 2:
        return [matches[0][3]] if matches else []
    kept: list[Found] = []
    outer_end = -1
    for _, _, _, item in sorted(matches, key=_order):
        if item.label_start >= outer_end:
            kept.append(item)
            outer_end = item.end
        elif item.scheme in _NESTABLE and kept and kept[-1].scheme is IdScheme.URL:
            kept.append(item)
    return kept


def find_identifiers(source: SourceText, start: int, end: int) -> tuple[Identifier, ...]:
    """Every identifier in ``source.text[start:end]``, with the span of its own text."""
    return tuple(
        Identifier(f.scheme, f.value, f.raw, source.span(start + f.start))
        for f in scan(source.text[start:end])
    )
