"""Identifiers found anywhere in a reference: one handler per scheme (``doi``, ``isbn``,
``issn``, ``jstor``, ``oclc``, ``pmid``, ``arxiv``, ``url``), each with a pattern, a
normaliser and a validator.

``find_identifiers`` returns every identifier with the exact span of its text (the label,
``doi:`` or ``ISBN``, is not part of ``raw``); ``problem`` says what is wrong with one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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


# Trigger words found from their second character, the first checked behind it: the engine
# skips quickly to the characters that can start a word, and "r" is common in any text where
# "X" and "x" are rare. Such a word's offset is its second character's (arXiv's scan starts
# ``_LOOKBACK`` before it, and its matches start two characters before at most).
_FROM_SECOND = frozenset({"rXiv", "rxiv", "RXIV"})


def _trigger_pattern(words: list[str]) -> tuple[re.Pattern[str], tuple[int, ...]]:
    """All ``words`` in one pass, grouped by the character each is found from (the first, or
    the second for ``_FROM_SECOND``; ``by_first_letter``), each followed by an empty group;
    and which word each group number stands for (a match's ``lastindex``: the empty group
    after the word that matched). No word is the start of another (from where each is found),
    so at one position one word at most matches, whatever their order."""
    found_as = [word[1:] if word in _FROM_SECOND else word for word in words]
    if any(word != other and other.startswith(word) for word in found_as for other in found_as):
        raise ValueError("a trigger word starts another")
    pattern = by_first_letter([
        re.escape(word[1]) + f"(?<={re.escape(word[:2])})" + re.escape(word[2:]) + "()"
        if word in _FROM_SECOND else re.escape(word) + "()"
        for word in words])
    # the groups come in the pattern's order: by the character found from, then as given
    order = [0]  # group 0 is the whole match
    for first in dict.fromkeys(word[0] for word in found_as):
        order += [index for index, word in enumerate(found_as) if word[0] == first]
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


# Builds a Found from its fields in C (a named tuple's own constructor is a Python function).
_new_found = tuple.__new__


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
# (scheme, pattern, trim, normalise, priority, reach, lead) in ``HANDLERS`` order; reach None:
# no skipping.
_SCANNERS = tuple((h.scheme, h.pattern, h.trim, h.normalise, h.priority, *_REACH.get(h.scheme, (None, "")))
                  for h in HANDLERS.values())


def _matches(text: str, trigger: re.Match[str]) -> list[tuple[int, int, int, int, Found]]:
    """Every scheme's matches, overlaps not resolved, each after its sort key (label start,
    priority, -length, scanner index: ties keep ``HANDLERS`` order).

    The trigger words are visited in order, from ``trigger``, the first, on (all of them, also
    one that starts inside another). A scheme's scan starts at its first trigger word, less
    ``_LOOKBACK``; a scheme with a reach then goes on at its next trigger word after each
    match (``pattern.finditer`` without trying the positions in between), the others run
    ``pattern.finditer`` to the end at once.
    """
    found: list[tuple[int, int, int, int, Found]] = []
    done = len(text)  # no trigger word starts there
    resume: dict[int, int] = {}  # by scanner index: where its scan goes on (``done``: no more matches)
    while trigger is not None:
        word_at = trigger.start()
        index = _SCANNER_OF_GROUP[trigger.lastindex]
        pos = resume.get(index, -1)
        if word_at >= pos:  # not passed by the scheme's last match
            scheme, pattern, trim, normalise, priority, reach, lead = _SCANNERS[index]
            if pos < 0:  # the scheme's first trigger word
                pos = word_at - _LOOKBACK if word_at > _LOOKBACK else 0
            if reach is None:
                matches: Iterable[re.Match[str]] = pattern.finditer(text, pos)
                resume[index] = done
            else:
                at = max(pos, word_at - reach) if word_at > 0 and text[word_at - 1] in lead else word_at
                match = pattern.search(text, at)
                matches = (match,) if match else ()
                resume[index] = match.end() if match else done  # never empty: every id has a character
            for match in matches:
                raw = trim(match.group("id"))
                if raw:
                    label_start = match.start()
                    start = match.start("id")
                    found.append((label_start, priority, -len(raw), index, _new_found(
                        Found, (scheme, label_start, start, start + len(raw), raw, normalise(raw)))))
        trigger = _TRIGGER.search(text, word_at + 1)
    return found


_order = itemgetter(0, 1, 2, 3)  # (label start, priority, -length, scanner index)


def scan(text: str) -> list[Found]:
    """All identifiers in ``text``, in order, overlaps resolved."""
    trigger = _TRIGGER.search(text)
    if trigger is None:
        return []  # the usual case: no trigger word, no identifier
    matches = _matches(text, trigger)
    if len(matches) < 2:
        return [matches[0][4]] if matches else []
    kept: list[Found] = []
    outer_end = -1
    for _, _, _, _, item in sorted(matches, key=_order):
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
