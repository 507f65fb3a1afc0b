"""Sections, notes lists, bibliography entries and strays."""

from verify_refs.extract.document import parse_document
from verify_refs.extract.source import SourceText


def parse(text: str):
    return parse_document(SourceText("doc.txt", text))


def test_notes_heading_and_note_spans():
    document = parse("Claim.[1]\n\n## Notes\n\n1. Coox 1968, p. 407.\n  2. Ibid., 12.\n")
    assert [(n.label, n.span.line, n.span.column, n.body_span.column, n.section) for n in document.notes] == [
        ("1", 5, 1, 4, "Notes"), ("2", 6, 3, 6, "Notes")]
    assert document.notes[1].text == "Ibid., 12."


def test_wrapped_note_continues_and_number_at_wrap_is_not_a_note():
    text = ("Notes\n\n1. Coox, Alvin D. (January 1968). \"L'Affaire Lyushkov\". Soviet Studies.\n"
            "19 (3): 405-20.\n2. Coox 1968, p. 407.\n")
    document = parse(text)
    assert [n.label for n in document.notes] == ["1", "2"]
    assert document.notes[0].text.endswith("Studies.\n19 (3): 405-20.")


def test_caret_notes_are_numbered_by_position():
    document = parse("Text.[1][2]\n\nReferences\n\n^ Coox 1968, p. 407.\n^ a b Coox 1968, p. 409.\n")
    assert [(n.label, n.backlinks) for n in document.notes] == [("1", 1), ("2", 2)]


def test_headless_numbered_run_at_the_end_is_a_notes_list():
    text = ("A long paragraph of prose that cites a source.[1] And another.[2]\n\n"
            "1. Coox 1968, p. 407.\n2. Coox 1968, p. 408.\n\nNo comments:\n")
    document = parse(text)
    assert [(n.label, n.span.line, n.section) for n in document.notes] == [("1", 3, None), ("2", 4, None)]


def test_numbered_list_in_prose_is_not_notes():
    text = ("Three reasons:\n\n1. The army was purged.\n2. The border was weak.\n3. Stalin feared Japan.\n\n"
            + "A concluding paragraph of prose that goes on for quite a while. " * 5 + "\n")
    assert parse(text).notes == ()


def test_bibliography_one_entry_per_line():
    text = ("Works cited\n\n"
            "Furr, Grover. Khrushchev Lied. Erythros Press, 2011.\n"
            "World Health Organization. Annual report on the health of the world population. Geneva, 2001.\n"
            "Coox, Alvin D. \"L'Affaire Lyushkov.\" Soviet Studies 19, no. 3 (1968): 405-20.\n")
    document = parse(text)
    assert [(r.span.line, r.span.column, r.note_label) for r in document.references] == [
        (3, 1, None), (4, 1, None), (5, 1, None)]
    assert document.notes == ()


def test_bibliography_hanging_indent_entries():
    text = ("References\n\n"
            "Coox, A. D. (1968). L'Affaire Lyushkov: Anatomy of a defector. Soviet Studies, 19(3),\n"
            "    405-420. https://doi.org/10.1080/09668136808410603\n"
            "Smith, J., & Jones, K. (2001). Defectors and their handlers. Journal of Cold War Studies,\n"
            "    3(2), 40-60.\n")
    references = parse(text).references
    assert [r.span.line for r in references] == [3, 5]
    assert references[0].text.endswith("09668136808410603")


def test_bibliography_wrapped_at_the_margin():
    text = ("Bibliography\n\n"
            "Coox, Alvin D. \"L'Affaire Lyushkov: Anatomy of a Defector.\" Soviet\n"
            "Studies 19, no. 3 (1968): 405-20.\n"
            "Medvedev, Roy. Let History Judge: The Origins and Consequences of\n"
            "Stalinism. New York: Knopf, 1972.\n"
            "\n"
            "Smith, John. A Third Book.\n"
            "London: Pluto, 1999.\n")
    references = parse(text).references
    assert [r.span.line for r in references] == [3, 5, 8]
    assert references[2].text == "Smith, John. A Third Book. London: Pluto, 1999."


def test_bibliography_ends_at_page_furniture():
    text = "Sources\n\nFurr, Grover. Khrushchev Lied. Erythros Press, 2011.\n\nNo comments\n\nPosted by Jason\n"
    assert len(parse(text).references) == 1


def test_numbered_reference_list_gives_notes_and_references():
    text = ("As shown [1], [2].\n\nReferences\n\n"
            "[1] A. D. Coox, \"L'Affaire Lyushkov,\" Soviet Studies, vol. 19, no. 3, pp. 405-420, 1968.\n"
            "[2] R. Medvedev, \"Let History Judge,\" Knopf, New York, 1972. ISBN 0-394-44645-3.\n")
    document = parse(text)
    assert [n.label for n in document.notes] == ["1", "2"]
    assert [(r.note_label, r.span.line, r.span.column) for r in document.references] == [
        ("1", 5, 5), ("2", 6, 5)]


def test_markdown_footnote_definitions_with_continuation():
    text = ("Defected.[^a]\n\n[^a]: Coox 1968, p. 407.\n    More on this.\n\n"
            "    A second paragraph.\n\nProse again.\n")
    document = parse(text)
    assert [(n.label, n.span.line, n.span.column) for n in document.notes] == [("a", 3, 1)]
    assert document.notes[0].text == "Coox 1968, p. 407.\n    More on this.\n\n    A second paragraph."


def test_stray_number_before_a_reference_line():
    text = ("Prose.[1]\n\n"
            "10 Coox, Alvin D. (January 1968). \"L'Affaire Lyushkov: Anatomy of a Defector\". "
            "Soviet Studies. 19 (3): 405-20. doi:10.1080/09668136808410603.\n\n"
            "  1. Coox 1968, p. 407.\n  2. Coox 1968, p. 408.\n")
    document = parse(text)
    assert [n.label for n in document.notes] == ["1", "2"]
    stray = [r for r in document.references if r.note_label is None]
    assert [(r.span.line, r.span.column) for r in stray] == [(3, 4)]
    assert [(f.code, f.span.line, f.span.column) for f in document.findings] == [("stray-number", 3, 1)]


def test_numbered_prose_line_is_not_a_stray():
    document = parse("Prose.\n\n20 July 1945, Lyushkov went to \"Manchukuo\" with many papers and more words.\n")
    assert document.references == () and document.findings == ()
