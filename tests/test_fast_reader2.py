"""The reader's fast paths give what the general ones give.

- ``SourceText.spans_on_line`` (a note's spans from the line the layout knows) equals
  ``SourceText.span``, and the line the layout gives each entry is the line ``span`` finds.
- A one-number bracket marker ("[8]", "[08]", "[٣]") is read without ``_expand`` but gets the
  label ``_expand`` gives.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from verify_refs.extract.document import _Readings
from verify_refs.extract.layout import lay_out
from verify_refs.extract.lines import split_lines
from verify_refs.extract.markers import _BRACKET, _expand, find_markers
from verify_refs.extract.source import SourceText

_NOTE_LINES = st.sampled_from([
    "1. Coox, Alvin D. (1968). \"Nomonhan\". Soviet Studies. 12 (3): 100-30.",
    "2. Coox 1968, p. 112.",
    "[3] Smith, J. A Book. London: Pluto Press, 2001.",
    "4) Ibid., p. 9.",
    "^ a b Getty 1999, 45.",
    "[^note-a]: Kotkin, Stephen. Stalin. New York: Penguin, 2014.",
    "   5. indented note, p. 4",
    "¹ Furr 2010, 3.",
    "",
    "Some prose in between with a marker.[1]",
    "Notes",
    "References",
    "Coox, A. D. Nomonhan: Japan Against Russia, 1939. Stanford, 1985.",
    "\r",
    "  ",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_NOTE_LINES, max_size=30), st.sampled_from(["\n", "\r\n"]))
def test_entry_lines_and_note_spans(lines: list[str], newline: str) -> None:
    text = newline.join(lines) + newline
    layout = lay_out(text, split_lines(text), _Readings().is_reference)
    plain = SourceText("doc.md", text)
    for entry in layout.notes + layout.bibliography + layout.strays:
        assert (plain.span(entry.line_start).line, plain.span(entry.line_start).column) == (entry.line, 1)
        if entry.head is not None:
            fast = SourceText("doc.md", text)
            assert fast.spans_on_line(entry.line, entry.line_start, entry.head.label_start, entry.start) == (
                plain.span(entry.head.label_start), plain.span(entry.start))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n\n[]1", max_size=80), st.data())
def test_spans_on_line_is_span(text: str, data: st.DataObject) -> None:
    source = SourceText("x.txt", text)
    starts = [0] + [match.end() for match in re.finditer("\n", text)]
    line = data.draw(st.integers(1, len(starts)))
    start = starts[line - 1]
    end = starts[line] - 1 if line < len(starts) else len(text)
    first, second = data.draw(st.integers(start, end)), data.draw(st.integers(start, end))
    expected = (SourceText("x.txt", text).span(first), SourceText("x.txt", text).span(second))
    assert source.spans_on_line(line, start, first, second) == expected
    assert (source.span(first), source.span(second)) == expected  # the cache holds the same


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789٣۷", min_size=1, max_size=4), st.sampled_from(["x.", "1938.", "Text "]))
def test_single_number_brackets(number: str, before: str) -> None:
    text = f"{before}[{number}] and more"
    match = _BRACKET.search(text)
    assert match is not None
    expected = [label for _, label in _expand(match) if len(label) < 4]
    source = SourceText("x.txt", text)
    assert [marker.label for marker in find_markers(source, [(0, len(text))])] == expected
