"""Fast paths of the document reader (spans, short cites) give exactly what they replace."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from verify_refs.extract import shortcites
from verify_refs.extract.source import SourceText
from verify_refs.models import ShortCite, ShortCiteStyle, Span

NOTES = [
    "Coox 1968, p. 407.", "Coox 1968a, 1968b, 12.", "Coox (1968: 411).", "Ibid., p. 12.", "Ibid.",
    'Coox, "L\'Affaire," 411.', "Coox, Nomonhan, 411.", "Coox, op. cit., p. 9.", "June 1938, p. 4.",
    "Coox and Smith 1968, pp. 405-7, 411; Jones 2001: 4.", "See Coox 1968, 4; cf. Smith 2001.",
    "Smith et al. 2001, xii.", "van Ree 1999, 4ff.", "Ивáнов 1980, p. 101.", "In 1938, p. 4.",
    "Coox 1968, p. 4 (see also Smith 2001, p. 9).", "Article 58 1937, 4.", "Coox 1968; Smith, Book, 4.",
]
PIECES = ["Coox", "Smith", "and", "et al.", "1968", "1968a", "2001", ",", ", ", ";", "; ", ":", " ",
          "p.", "pp.", "407", "405-7", "xii", ".", "(", ")", '"', "Ibid.", "op. cit.", "see", "June", "In"]


def _old_cites_in_note(source: SourceText, start: int, end: int, label: str | None) -> list[ShortCite]:
    """``cites_in_note`` without its fast path: every note through the general path."""
    body = source.text[start:end]
    if not shortcites._MAYBE_CITE.search(body):
        return []
    found = list(shortcites._parentheticals(source, start, end, label, narrative=True)) \
        if "(" in body else []
    for pattern, style in shortcites._note_patterns(body):
        for match in pattern.finditer(source.text, start, end):
            cites = shortcites._from_match(source, match, style, label)
            if cites:
                found.append((match.start(), match.end(), cites))
    if not found:
        found.extend(shortcites._short_titles(source, start, end, label))
    return shortcites._without_overlaps(found)


def _check_note(body: str) -> None:
    source = SourceText("n.txt", "1. " + body + "\n")
    start, end = 3, 3 + len(body)
    assert shortcites.cites_in_note(source, start, end, "1") == _old_cites_in_note(source, start, end, "1")


def _check_author_year(text: str) -> None:
    source = SourceText("t.txt", text)
    for pattern, style in ((shortcites._BARE, ShortCiteStyle.AUTHOR_YEAR),
                           (shortcites._PART_AUTHOR_YEAR, ShortCiteStyle.PARENTHETICAL)):
        for match in pattern.finditer(text):
            assert shortcites._author_year(source, match, style, None) == \
                shortcites._from_match(source, match, style, None)


def test_note_fast_path_on_examples():
    rng = random.Random(4)
    bodies = NOTES + ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    for body in bodies:
        _check_note(body)
        _check_author_year(body)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["Nomonhan", "Jan", "d'", "O'Brien", "-", "\n", "x"]), max_size=14))
def test_note_fast_path_on_generated_notes(pieces):
    body = "".join(pieces)
    _check_note(body)
    _check_author_year(body)


def test_spans_match_span_by_span():
    text = "one\n\ntwo [1] three\r\nfour¹\n"
    offsets = list(range(-2, len(text) + 3))
    expected = [SourceText("x.txt", text).span(offset) for offset in offsets]
    assert SourceText("x.txt", text).spans(offsets) == expected
    assert all(type(span) is Span for span in expected)
