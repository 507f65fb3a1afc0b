"""The three corpus documents, parsed end to end."""

from pathlib import Path

import pytest

from verify_refs.extract.document import parse_document
from verify_refs.extract.source import read_source
from verify_refs.models import MarkerStyle, ShortCiteStyle

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="module")
def mongolian():
    return parse_document(read_source(str(CORPUS / "mongolian-road-to-pearl-harbor.txt")))


@pytest.fixture(scope="module")
def trotsky():
    return parse_document(read_source(str(CORPUS / "trotsky-collaboration-evidence.txt")))


@pytest.fixture(scope="module")
def lyushkov():
    return parse_document(read_source(str(CORPUS / "lyushkov-defection.txt")))


def test_mongolian_markers_in_reading_order(mongolian):
    assert [m.label for m in mongolian.markers] == [
        "8", "8", "8", "9", "10", "11", "11", "2", "9", "10", "11", "10", "10", "12", "13", "13"]
    assert {m.style for m in mongolian.markers} == {MarkerStyle.BRACKET}
    assert [(m.span.line, m.span.column) for m in mongolian.markers[:3]] == [(15, 138), (15, 261), (17, 71)]


def test_mongolian_notes_and_backlinks(mongolian):
    assert [n.label for n in mongolian.notes] == [str(i) for i in range(1, 15)]
    assert [n.backlinks for n in mongolian.notes] == [None, 7, 1, 4, 1, 1, 1, 3, 2, 4, 3, 1, 3, 1]
    assert [(n.span.line, n.span.column) for n in mongolian.notes[:2]] == [(41, 3), (42, 3)]
    assert mongolian.notes[0].text == "Coox 1968, p. 407."
    assert mongolian.notes[1].text.startswith("Kuksin, Ilya (17 August 1999).")


def test_mongolian_short_cites(mongolian):
    cites = mongolian.short_cites
    assert [c.note_label for c in cites] == ["1", "4", "6", "7", "8", "9", "10", "11", "12", "13"]
    assert {(c.style, c.author, c.year) for c in cites} == {(ShortCiteStyle.AUTHOR_YEAR, "Coox", 1968)}
    assert (cites[0].pinpoints, cites[0].span.line, cites[0].span.column) == (("407",), 41, 7)
    assert cites[-1].pinpoints == ("418",)


def test_mongolian_references_and_stray_number(mongolian):
    assert [(r.note_label, r.span.line, r.span.column) for r in mongolian.references] == [
        (None, 38, 4), ("2", 42, 31), ("3", 43, 8), ("5", 45, 8), ("14", 54, 9)]
    assert mongolian.references[0].text.startswith("Coox, Alvin D. (January 1968).")
    assert [(f.code, f.span.line, f.span.column, f.reference_id) for f in mongolian.findings] == [
        ("stray-number", 38, 1, mongolian.references[0].id)]


def test_trotsky_glued_markers_only(trotsky):
    assert [(m.label, m.span.line, m.span.column, m.style) for m in trotsky.markers] == [
        ("1", 9, 143, MarkerStyle.GLUED), ("2", 9, 175, MarkerStyle.GLUED),
        ("3", 13, 311, MarkerStyle.GLUED), ("4", 33, 133, MarkerStyle.GLUED),
        ("5", 38, 821, MarkerStyle.GLUED)]


def test_trotsky_glued_markers_sit_where_expected(trotsky):
    source = read_source(str(CORPUS / "trotsky-collaboration-evidence.txt"))
    lines = source.original.split("\n")
    around = [lines[m.span.line - 1][m.span.column - 10:m.span.column + 1] for m in trotsky.markers]
    assert around == ["and 1938.1 ", "eon Sedov2 ", " the NKVD3 ", "helepin\u2019s4 ", "mmunism.\u201d5"]


def test_trotsky_parenthetical_and_nothing_else(trotsky):
    assert [(c.style, c.author, c.year, c.pinpoints, c.span.line, c.span.column)
            for c in trotsky.short_cites] == [
        (ShortCiteStyle.PARENTHETICAL, "Vsesoiuznoe soveshchanie", None, ("298",), 22, 300)]
    assert trotsky.notes == () and trotsky.references == () and trotsky.findings == ()


def test_lyushkov_has_nothing(lyushkov):
    assert lyushkov.markers == ()
    assert lyushkov.short_cites == ()
    assert lyushkov.notes == () and lyushkov.references == ()
