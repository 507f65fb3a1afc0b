"""Cutting documents into passages (sentences) that keep their offsets.

The corpus checks compare sentences across documents. A passage keeps, for every word,
where it starts and ends in the document, so a finding can point at the very words that
differ. Citation markers (``[8]``, ``⁸``) and the parenthetical cites the extractor found
are blanked out before the words are read: a copy that lost its markers is still the same
passage, and note numbers must not look like changed figures.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

from ..extract.source import SourceText
from ..models import MarkerStyle, ParsedDocument, ShortCiteStyle, Span

MIN_WORDS = 6  # shorter sentences ("No comments:", headings) repeat by chance

# Bracketed note numbers ([8], [8, 9], [3-5], [a], [citation needed]), Markdown footnote
# markers ([^8], [^coox]) and superscripts.
_MARKER_TEXT = re.compile(
    r"\[\^[^\]\s\[]{1,100}\]"
    r"|\[(?:\d{1,4}[a-z]?(?:\s*[,-]\s*\d{1,4}[a-z]?)*|[a-z]|citation needed|note \d+)\]"
    r"|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+"
)
_WORD = re.compile(r"\w+(?:[.,']\w+)*")
# A sentence ends at terminal punctuation (plus closing quotes/brackets) before a space,
# or at a line break; the callers below veto breaks that are not sentence ends.
_BREAK = re.compile(r"[.!?]+[\"')\]]*\s+|\n\s*")
_LAST_WORD = re.compile(r"[\w.]+$")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen col lt capt sgt no vol vols pp p ed eds cf vs etc jr sr prof rev op cit "
    "ibid fig ch trans repr e.g i.e approx ca c".split()
)


@dataclass(frozen=True, slots=True)
class Passage:
    """One sentence of one document, as normalised words with their offsets."""

    doc: int  # index of the document in the sequence given to the check
    path: str
    start: int  # offset of the first character of the sentence
    end: int  # offset after the sentence, trailing note markers included
    words: tuple[str, ...]  # normalised: ASCII, lower case, "1,000" -> "1000"
    raw: tuple[str, ...]  # the words as written
    starts: tuple[int, ...]  # offset of each word
    ends: tuple[int, ...]  # offset after each word
    cited: bool = False  # a marker or parenthetical cite falls inside

    def is_name(self, index: int) -> bool:
        """A capitalised word that does not open the sentence: a proper name, as a rule."""
        word = self.raw[index]
        return index > 0 and word[:1].isupper() and not word[:1].isdigit()


@lru_cache(maxsize=200_000)
def normalise_word(word: str) -> str:
    """ASCII, lower case; thousands separators dropped so "1,000" equals "1000"."""
    if not word.isascii():
        word = anyascii(word)
    word = word.lower()
    if word[:1].isdigit():
        word = word.replace(",", "")
    return word


def split_passages(source: SourceText, document: ParsedDocument | None, doc: int) -> list[Passage]:
    """The sentences of ``source`` with at least ``MIN_WORDS`` words, notes excluded.

    ``document`` supplies the markers and short cites (to blank them and to know which
    sentences are cited) and the notes/references (whose lines are not prose).
    """
    masked = _mask(source, document)
    cite_offsets = sorted(_citation_offsets(source, document))
    skip_lines = _reference_lines(document)
    skip_extents = _reference_extents(source, document)
    passages = []
    for start, end in _sentences(masked):
        if skip_lines and source.span(start).line in skip_lines:
            continue
        if skip_extents and _inside(skip_extents, _skip_space(masked, start)):
            continue  # a sentence on a wrapped line of a reference or note
        passage = _passage(source, masked, doc, start, end, cite_offsets)
        if passage is not None:
            passages.append(passage)
    return passages


def _passage(source: SourceText, masked: str, doc: int, start: int, end: int,
             cite_offsets: list[int]) -> Passage | None:
    matches = list(_WORD.finditer(masked, start, end))
    if len(matches) < MIN_WORDS:
        return None
    raw = tuple(m.group() for m in matches)
    cited = _any_between(cite_offsets, start, end)
    return Passage(doc, source.path, matches[0].start(), end, tuple(normalise_word(w) for w in raw),
                   raw, tuple(m.start() for m in matches), tuple(m.end() for m in matches), cited)


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; ``end`` runs to the next sentence's start."""
    bounds, start = [], 0
    for match in _BREAK.finditer(text):
        if not _is_sentence_break(text, match):
            continue
        if text[start:match.start()].strip():
            bounds.append((_skip_space(text, start), match.end()))
        start = match.end()
    if text[start:].strip():
        bounds.append((_skip_space(text, start), len(text)))
    return bounds


def _is_sentence_break(text: str, match: re.Match[str]) -> bool:
    following = text[match.end():match.end() + 1]
    before = text[max(0, match.start() - 40):match.start()].rstrip()  # the last word is enough
    if match.group().startswith("\n"):
        # A wrapped line: lower-case word or comma before, lower-case word after.
        return not (following.islower() and before[-1:].isalpha() and before[-1:].islower()
                    or before.endswith(","))
    if following.islower():
        return False
    last_word = _LAST_WORD.search(before)
    if last_word is None:
        return True
    word = last_word.group().lower().rstrip(".")
    return not (word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()))


def _skip_space(text: str, offset: int) -> int:
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset


def _mask(source: SourceText, document: ParsedDocument | None) -> str:
    """``source.text`` with markers and parenthetical cites replaced by spaces."""
    chars = list(_MARKER_TEXT.sub(lambda m: " " * len(m.group()), source.text))
    for start, length in _cite_extents(source, document):
        chars[start:start + length] = " " * len(chars[start:start + length])
    return "".join(chars)


def _cite_extents(source: SourceText, document: ParsedDocument | None) -> list[tuple[int, int]]:
    """(offset, length) of glued markers and parenthetical cites, which no pattern finds."""
    if document is None:
        return []
    extents = [(offset_of(source, m.span), len(m.label)) for m in document.markers
               if m.style is MarkerStyle.GLUED and m.span.path == source.path]
    extents += [(offset_of(source, c.span), len(c.text)) for c in document.short_cites
                if c.style is ShortCiteStyle.PARENTHETICAL and c.span.path == source.path]
    return extents


def _citation_offsets(source: SourceText, document: ParsedDocument | None) -> list[int]:
    if document is None:
        return []
    spans = [m.span for m in document.markers] + [c.span for c in document.short_cites]
    return [offset_of(source, s) for s in spans if s.path == source.path]


def _reference_lines(document: ParsedDocument | None) -> frozenset[int]:
    """Lines where a note or a reference starts: those are sources, not prose."""
    if document is None:
        return frozenset()
    return frozenset([n.span.line for n in document.notes] + [r.span.line for r in document.references])


def _reference_extents(source: SourceText, document: ParsedDocument | None) -> list[tuple[int, int]]:
    """Where the notes and references of ``document`` lie in ``source`` (sorted, merged), all
    their lines: a reference wrapped over several lines is a source on each, not prose."""
    if document is None:
        return []
    text = source.text
    extents = []
    for note in document.notes:
        if note.span.path == source.path:
            body = offset_of(source, note.body_span)
            extents.append((offset_of(source, note.span), body + len(note.text)))
    for reference in document.references:
        if reference.span.path == source.path:
            start = position = offset_of(source, reference.span)
            solid = len(reference.text) - reference.text.count(" ")  # its text has one space per gap
            while solid > 0 and position < len(text):
                solid -= not text[position].isspace()
                position += 1
            extents.append((start, position))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(extents):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _inside(extents: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` falls in one of the sorted, disjoint ``extents``."""
    index = bisect.bisect_right(extents, (offset, float("inf"))) - 1
    return index >= 0 and offset < extents[index][1]


def _any_between(sorted_offsets: list[int], start: int, end: int) -> bool:
    index = bisect.bisect_left(sorted_offsets, start)
    return index < len(sorted_offsets) and sorted_offsets[index] < end


def offset_of(source: SourceText, span: Span) -> int:
    """The character offset of a 1-based line/column span in ``source``."""
    line = min(max(span.line, 1), source.line_count)
    return source.line_offset(line) + span.column - 1
