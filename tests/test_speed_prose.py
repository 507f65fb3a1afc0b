"""The prose readers' and the linker's shortcuts give what the general paths give.

- A "simple" bracket group ("[8]" after a word: the ``simple`` alternative of ``_BRACKET``) is
  read without the tests and conversions of ``_brackets``' loop; with the alternative made
  unable to match, every group goes through them: the markers are the same.
- A parenthetical that ``_WHOLE_AUTHOR_YEAR`` matches whole skips ``_parts``/``_parse_part``;
  with the shortcut disabled, the cites are the same, in running text and in notes.
- ``check_markers`` skips its note-by-note loop when no label repeats, each is cited and no
  note counts backlinks; with the skip disabled, the findings are the same.
"""

from __future__ import annotations

import re
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from verify_refs.checks import linkage
from verify_refs.extract import markers, shortcites
from verify_refs.extract.source import SourceText
from verify_refs.models import Marker, MarkerStyle, Note, ParsedDocument, Span

_NEVER = re.compile(r"(?!)")

# --- bracket markers ------------------------------------------------------------------

# Pieces that put brackets at line starts, after spaces, after "]" (links, adjacent groups),
# at the region's edge, with leading zeros, non-ASCII digits, lists, ranges and years.
_BRACKET_PIECES = st.sampled_from([
    "[", "]", "[1]", "[8]", "[08]", "[0]", "[12]", "[999]", "[1969]", "[٣]", "[8, 9]", "[3-5]",
    "[ 4]", "[4 ]", "[^a]", "[Flight]", "1", "0", "7", "42", " ", "\n", "  ", ",", "-", ".",
    "x", "word", "1938.", "]:", "²", "¹", "(", ")",
])


def _markers(text: str, start: int, end: int, labels: list[str]) -> list[Marker]:
    return markers.find_markers(SourceText("doc.txt", text), [(start, end)], labels)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_BRACKET_PIECES, max_size=14).map("".join), st.data(),
       st.lists(st.sampled_from(["1", "2", "8", "1969", "0999", "a"]), max_size=3))
def test_simple_bracket_markers_are_what_the_loop_makes_of_them(text: str, data, labels) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    fast = _markers(text, start, end, labels)
    general = re.compile(markers._BRACKET.pattern.replace("(?P<simple>", "(?!)(?P<simple>"))
    with mock.patch.object(markers, "_BRACKET", general):
        assert _markers(text, start, end, labels) == fast


def test_simple_bracket_markers_are_taken_and_refused_as_before() -> None:
    text = "a value,[8] so.[8][9] [7]\n[1] label\nlink [x][3] and 1938.[12] [1969]"
    got = [(m.label, m.span.line, m.span.column, m.style) for m in _markers(text, 0, len(text), [])]
    assert got == [("8", 1, 9, MarkerStyle.BRACKET), ("8", 1, 16, MarkerStyle.BRACKET),
                   ("9", 1, 19, MarkerStyle.BRACKET), ("7", 1, 23, MarkerStyle.BRACKET),
                   ("12", 3, 22, MarkerStyle.BRACKET)]


# --- parenthetical cites ----------------------------------------------------------------

_CITE_PIECES = st.sampled_from([
    "(", ")", "Coox", "Smith", "van Ree", "Carrère d'Encausse", "O'Brien", "Coox and Hill",
    "Coox, Hill, and Smith", "Smith et al.", "June", "In", "Vsesoiuznoe soveshchanie", "see ",
    "See ", "Compare ", "See also ", "cf. ", "e.g., ", " ", "  ", "\n", "1968", "1968a", "1968b", "1920-1922",
    "1714", "2001", ", ", ": ", "; ", "p. ", "pp. ", "411", "405-7", "xii", ".", ",", "&",
    '"', "Ibid.", "op. cit.", "said", "2",
])


# Parentheticals built as cites are: a prefix, authors, a year, a pinpoint, spaces and stops
# around them, or any of those missing or in the wrong place.
_PARENTHETICALS = st.builds(
    lambda *parts: "(" + "".join(parts) + ")",
    st.sampled_from(["", "see ", "See ", "See also ", "cf. ", "Compare ", "e.g., ", " ", "1"]),
    st.sampled_from(["Coox", "van Ree", "See van Ree", "Coox and Hill", "Smith et al.", "June",
                     "In", "Vsesoiuznoe soveshchanie", "d'Encausse", ""]),
    st.sampled_from(["", ","]),
    st.sampled_from([" ", "  ", "\n", ""]),
    st.sampled_from(["1968", "1968a", "1968a, 1968b", "1920-1922", "1714", "411", "xii"]),
    st.sampled_from(["", ", p. 411", ": 411", " pp. 405-7", ", xii", "; Smith 2001", " and"]),
    st.sampled_from(["", ".", " "]),
)
_CITE_TEXTS = st.lists(_CITE_PIECES | _PARENTHETICALS, max_size=10).map("".join)


def _both_ways(read):
    fast = read()
    with mock.patch.object(shortcites, "_WHOLE_AUTHOR_YEAR", _NEVER):
        general = read()
    return fast, general


@settings(max_examples=1500, deadline=None)
@given(_CITE_TEXTS)
def test_whole_author_year_parentheticals_are_what_the_parts_give(text: str) -> None:
    source = SourceText("t.txt", text)
    fast, general = _both_ways(lambda: shortcites.cites_in_text(source, 0, len(text)))
    assert fast == general
    fast, general = _both_ways(lambda: shortcites.cites_in_note(source, 0, len(text), "1"))
    assert fast == general


def test_usual_parentheticals_still_read() -> None:
    text = "It said (Coox 1968, p. 411) and (see Smith 2001: 4) and (Coox 1968a, 1968b)."
    source = SourceText("t.txt", text)
    cites = shortcites.cites_in_text(source, 0, len(text))
    assert [(c.author, c.year, c.year_suffix, c.pinpoints, c.span.column) for c in cites] == [
        ("Coox", 1968, "", ("411",), 10), ("Smith", 2001, "", ("4",), 38),
        ("Coox", 1968, "a", (), 58), ("Coox", 1968, "b", (), 70)]


# --- note use -----------------------------------------------------------------------------

_LABELS = st.sampled_from(["1", "2", "3", "4", "a"])


@st.composite
def _documents(draw) -> ParsedDocument:
    notes = tuple(Note(label, Span("d.txt", line, 1), "A note.", Span("d.txt", line, 4),
                       draw(st.sampled_from([None, None, None, 0, 1, 2])))
                  for line, label in enumerate(draw(st.lists(_LABELS, max_size=6)), start=1))
    found = tuple(Marker(label, Span("d.txt", 100 + index, 5), MarkerStyle.BRACKET)
                  for index, label in enumerate(draw(st.lists(_LABELS, max_size=8))))
    return ParsedDocument(path="d.txt", markers=found, notes=notes)


@settings(max_examples=1000, deadline=None)
@given(_documents())
def test_skipping_the_note_loop_changes_no_finding(document: ParsedDocument) -> None:
    fast = list(linkage.check_markers(document))
    with mock.patch.object(linkage, "_ONLY_NONE", frozenset()):  # the skip never taken
        assert list(linkage.check_markers(document)) == fast


def test_a_prefix_is_no_part_of_the_author() -> None:
    """"See van Ree" would pass for one surname: the prefix keeps the cite off the shortcut."""
    text = "As shown (See van Ree 1968, 4)."
    cites = shortcites.cites_in_text(SourceText("t.txt", text), 0, len(text))
    assert [(c.author, c.year, c.pinpoints) for c in cites] == [("van Ree", 1968, ("4",))]


def test_a_semicolon_leaves_the_whole_parenthetical_to_the_parts():
    """"(Cooxxii; Smith 2001)": AUTHORS reads ABNT's "A; B" lists, but a part that is no author
    in capitals is a cite of its own (here none), as ``_parts`` splits it (found by hypothesis)."""
    text = "(Cooxxii; Smith 2001)"
    source = SourceText("t.txt", text)
    fast, general = _both_ways(lambda: shortcites.cites_in_text(source, 0, len(text)))
    assert fast == general
    assert [cite.author for cite in fast] == ["Smith"]


def test_abnt_authors_in_capitals_before_a_cite_however_many():
    """"(TEIXEIRA; MACHADO; VIEIRA, 2003)": every part of capitals alone opens the next."""
    text = "(TEIXEIRA; MACHADO; VIEIRA, 2003)"
    source = SourceText("t.txt", text)
    fast, general = _both_ways(lambda: shortcites.cites_in_text(source, 0, len(text)))
    assert fast == general
    assert [cite.author for cite in general] == ["TEIXEIRA; MACHADO; VIEIRA"]
