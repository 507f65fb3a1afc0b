"""The document reader's fast paths give exactly what the paths they stand for would give:
the "12. Text" note lines found by one scan are read as ``match_note_line`` reads them."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from verify_refs.extract import layout
from verify_refs.extract.lines import split_lines
from verify_refs.extract.notes import dotted_note_heads, match_note_line

# Lines made of what the note-line patterns turn on: numbers, "." and ")", spaces, "^" and
# "J" (which keep the "12. Text" shortcut off), carriage returns, letters, brackets.
_PIECES = ["1", "12", "2024", "007", ".", ")", " ", "  ", "^", "J", "a", "Coox", "\r", "\t", "\u00b9",
           "[", "]"]
_lines = st.lists(st.lists(st.sampled_from(_PIECES), max_size=6).map("".join), min_size=1, max_size=12)

NOTES = """Some prose that cites [1] and [2].

Notes

1. Coox, Alvin D. (1968). "L'Affaire Lyushkov". Soviet Studies. 19 (3): 405-20.
2. Coox 1968, p. 407.
  3.  Medvedev, R. Wrapped over
  two lines.
4.\rCarriage return first.
5) Smith, J. A Book. London: Verso, 1999.\r
6. ^ Kuksin, Ilya (2001).
7. Jump up to: a b Furr 2008, p. 103.
8.
9. 
1938. In that year.
10 Getty 1985, p. 12.

References

Getty, J. A. Origins of the Great Purges. Cambridge, 1985.
"""


@given(_lines)
@example(["x", "12.\r", "3.\rBody", " 4) Body\r", "5. ", "6.  J", "7.^", "0012. Body", "8.9 Body"])
@settings(max_examples=400, deadline=None)
def test_dotted_heads_are_match_note_line_heads(lines):
    text = "\n".join(lines)
    by_content_start = {line.content_start: line for line in split_lines(text) if not line.blank}
    for head in dotted_note_heads(text, 0, len(text)):
        line = by_content_start[head.label_start]  # a head's label opens its line
        assert head == match_note_line(text, line.start, line.end)


def test_dotted_heads_find_the_usual_note_lines():
    labels = [head.label for head in dotted_note_heads(NOTES, 0, len(NOTES))]
    assert labels == ["1", "2", "3", "5", "1938"]  # not 4 ("\r" first), 6 ("^"), 7 ("J"), 8, 9, 10


def _layout_without_scan(text: str, monkeypatch) -> layout.Layout:
    with monkeypatch.context() as patched:
        patched.setattr(layout, "dotted_note_heads", lambda text, start, end: iter(()))
        return layout.lay_out(text, split_lines(text), _looks_like_reference)


def _looks_like_reference(body: str) -> bool:
    return "(" in body or ("," in body and len(body) > 30)


@pytest.mark.parametrize("window", [4096, 1, 9, 40, 100])  # small windows: openings cut at their ends
@pytest.mark.parametrize("text", [NOTES, NOTES.replace("\n", "\r\n"), "1. First at offset 0.\n2. Then.\n"])
def test_layout_same_with_and_without_the_dotted_scan(text, window, monkeypatch):
    monkeypatch.setattr(layout, "_SCAN_WINDOW", window)
    assert layout.lay_out(text, split_lines(text), _looks_like_reference) == \
        _layout_without_scan(text, monkeypatch)


@given(st.lists(st.sampled_from([
    "", "Notes", "References", "1. Coox 1968, p. 4.", "2. Smith, J. (2001). Title.", "  3. Indented.",
    "12) Paren.", "4. ^ Caret.", "5. Jump up to: a b Coox.", "wrapped line of prose", "10 Bare 1968.",
    "1938. A year.", "[3] Bracket.", "\u00b9 Superscript.", "6.\rCR", "7. \r", "## Other",
]), max_size=25))
@settings(max_examples=300, deadline=None)
def test_layout_same_with_and_without_the_dotted_scan_generated(lines):
    text = "\n".join(lines)
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(layout, "_SCAN_WINDOW", 1 + len(lines) * 3)
        assert layout.lay_out(text, split_lines(text), _looks_like_reference) == \
            _layout_without_scan(text, monkeypatch)

