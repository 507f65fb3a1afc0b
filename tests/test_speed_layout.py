"""The layout's fast paths give what the general ones give.

- A "12. Text" line read by the dotted shortcut (``_DOTTED_LINE``: ASCII numbers without a
  leading zero, bodies opening with "J" unless "Jump up") gets the head the general pattern
  ``_NOTE_LINE`` gives it.
- The scan of many lines (``dotted_note_heads``) stopped at any offset gives only heads that
  ``match_note_line`` gives their lines: a "Jump up" cut by the end of the scan is not taken
  for a body.
- ``parse_document`` (one pass for notes and their bodies, spans of note labels left out of
  the span memo) gives each note the spans ``SourceText.span`` finds.
- The sorts skipped (the layout's notes without footnote definitions, the references of a
  document whose references all come from notes) would change nothing.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from verify_refs.extract import layout, notes
from verify_refs.extract.document import _SPAN_ORDER, _Readings, parse_document
from verify_refs.extract.lines import split_lines
from verify_refs.extract.notes import dotted_note_heads, match_note_line
from verify_refs.extract.source import SourceText

_PIECES = ["1", "12", "2024", "007", "0", "\u0663", ".", ")", " ", "  ", "^", "J", "Jump", " up", "ump up",
           "Jump up", "Jump up to:", " a b ", "Jo", "Jones", "a", "\r", "\t", "[", "]", "\u00b9"]
_LINE = st.lists(st.sampled_from(_PIECES), max_size=7).map("".join)


@given(_LINE)
@example("12. Jones 1999, p. 4.")
@example("12. Jump up to: a b Coox 1968.")
@example("12. Jump upwards")
@example("12. Jump  up")
@example("3. Jo")
@example("007. Coox")
@example("1\u0663. Coox")
@settings(max_examples=1500, deadline=None)
def test_dotted_shortcut_reads_a_line_as_the_general_pattern(line):
    fast = match_note_line(line, 0, len(line))
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(notes, "_DOTTED_LINE", re.compile(r"(?!)"))  # never matches: the general path
        general = match_note_line(line, 0, len(line))
    assert fast == general


NOTES = """Notes
1. Jones, A. (1999). A Book.
2. Jump up to: a b Coox 1968, p. 4.
3. Jump up Coox 1968.
4. Jo
5. Jump upwards: Getty 1985.
6. J. Smith, Life (2001).
7.  Jumper 1990, p. 3.
"""


@pytest.mark.parametrize("text", [NOTES, NOTES.replace("\n", "\r\n")])
def test_scan_cut_anywhere_gives_only_true_heads(text):
    lines = {line.content_start: line for line in split_lines(text) if not line.blank}
    for end in range(len(text) + 1):
        for head in dotted_note_heads(text, 0, end):
            line = lines[head.label_start]
            assert head == match_note_line(text, line.start, line.end), (end, head)


@given(st.lists(_LINE, min_size=1, max_size=10), st.data())
@settings(max_examples=400, deadline=None)
def test_scan_cut_anywhere_generated(lines, data):
    text = "\n".join(lines)
    end = data.draw(st.integers(0, len(text)))
    by_content_start = {line.content_start: line for line in split_lines(text) if not line.blank}
    for head in dotted_note_heads(text, 0, end):
        line = by_content_start[head.label_start]
        assert head == match_note_line(text, line.start, line.end)


_DOCUMENT_LINES = st.sampled_from([
    "Prose citing a work.[1] More prose (Coox 1968, p. 4).[2]",
    "Notes", "References", "",
    "1. Coox, Alvin D. (1968). \"Nomonhan\". Soviet Studies. 12 (3): 100-30.",
    "2. Jones 1999, p. 4.", "3. Jump up to: a b Getty 1985, p. 12.", "4. ^ Kotkin 2014.",
    "  wrapped onto a second line, 1999.", "5) Smith, J. A Book. London: Pluto Press, 2001.",
    "[^a]: Furr, G. Title. 2010.", "007. Coox 1968, p. 9.", "6.  Jo", "\u00b9 Furr 2010, 3.",
    "Getty, J. A. Origins of the Great Purges. Cambridge, 1985.",
    "8. Coox, Alvin D. (1968). \"Nomonhan\". Soviet Studies. 12 (3): 100-30; see also Getty, J. A. "
    "(1985). Origins of the Great Purges. Cambridge: Cambridge University Press.",
    "9. Kotkin, Stephen (2014). Stalin. New York: Penguin; Coox 1968, p. 4.",
    "10 Coox, Alvin D. (January 1968). \"L'Affaire Lyushkov\". Soviet Studies. 19 (3): 405-20.",
])


@given(st.lists(_DOCUMENT_LINES, max_size=25), st.sampled_from(["\n", "\r\n"]))
@settings(max_examples=300, deadline=None)
def test_notes_and_spans_as_read_one_by_one(lines, newline):
    text = newline.join(lines) + newline
    document = parse_document(SourceText("doc.txt", text))
    entries = layout.lay_out(text, split_lines(text), _Readings().is_reference).notes
    plain = SourceText("doc.txt", text)  # each span found by ``span``'s own search
    assert [(note.span, note.body_span, note.text) for note in document.notes] == [
        (plain.span(entry.head.label_start), plain.span(entry.start), text[entry.start:entry.end].rstrip())
        for entry in entries]


@given(st.lists(_DOCUMENT_LINES, max_size=25))
@settings(max_examples=300, deadline=None)
def test_notes_come_in_reading_order_without_the_sort(lines):
    """The layout sorts its notes only when footnote definitions were added apart: any other
    note is added in reading order, so the sort it skips would change nothing."""
    text = "\n".join(lines) + "\n"
    result = layout.lay_out(text, split_lines(text), _looks_like_reference)
    assert [entry.start for entry in result.notes] == sorted(entry.start for entry in result.notes)


def _looks_like_reference(body: str) -> bool:
    return "(" in body or ("," in body and len(body) > 30)


@given(st.lists(_DOCUMENT_LINES, max_size=25), st.sampled_from(["\n", "\r\n"]))
@settings(max_examples=300, deadline=None)
def test_references_in_reading_order_without_the_sort(lines, newline):
    """``parse_document`` sorts its references only when a bibliography or strays gave some:
    those of notes alone come sorted (and the sort is stable, the spans apart), so the
    result is the sorted one either way."""
    document = parse_document(SourceText("doc.txt", newline.join(lines) + newline))
    assert list(document.references) == sorted(document.references, key=_SPAN_ORDER)
