"""parse_document on small documents of each citation style."""

from verify_refs.extract.document import parse_document
from verify_refs.extract.source import SourceText
from verify_refs.models import MarkerStyle, ShortCiteStyle


def parse(text: str, path="doc.txt"):
    return parse_document(SourceText(path, text))


WIKIPEDIA = """\
His defection was kept secret,[1] but revealed later.[2][3] He met the press.[2]

References

  1. ^ Coox 1968, p. 407.
  2. Jump up to:a b Coox 1968, p. 408.
  3. ^ Medvedev, Roy (1972) [1969]. "Let History Judge" (in Russian). Alfred A. Knopf. ISBN 0-394-44645-3.
"""


def test_wikipedia_notes_backlinks_and_references():
    document = parse(WIKIPEDIA)
    assert [(m.label, m.span.line, m.span.column) for m in document.markers] == [
        ("1", 1, 31), ("2", 1, 54), ("3", 1, 57), ("2", 1, 78)]
    assert [(n.label, n.backlinks, n.span.line, n.section) for n in document.notes] == [
        ("1", 1, 5, "References"), ("2", 2, 6, "References"), ("3", 1, 7, "References")]
    assert [(r.note_label, r.span.line, r.span.column) for r in document.references] == [("3", 7, 8)]
    assert [(c.note_label, c.pinpoints) for c in document.short_cites] == [("1", ("407",)), ("2", ("408",))]


CHICAGO = """\
The defection shocked Moscow.\u00b9 Coox revisited it.\u00b2

Notes

1. Alvin D. Coox, "L'Affaire Lyushkov: Anatomy of a Defector," Soviet Studies 19, no. 3 (1968): 407.
2. Coox, "L'Affaire Lyushkov," 411; Ibid., 412.

Bibliography

Coox, Alvin D. "L'Affaire Lyushkov: Anatomy of a Defector." Soviet Studies 19, no. 3 (1968): 405\u201320.
"""


def test_chicago_full_note_short_note_and_bibliography():
    document = parse(CHICAGO)
    assert [(m.label, m.style) for m in document.markers] == [("1", MarkerStyle.SUPERSCRIPT),
                                                              ("2", MarkerStyle.SUPERSCRIPT)]
    assert [(r.note_label, r.span.line, r.span.column) for r in document.references] == [
        ("1", 5, 4), (None, 10, 1)]
    assert [(c.style, c.short_title, c.pinpoints, c.span.column) for c in document.short_cites] == [
        (ShortCiteStyle.AUTHOR_TITLE, "L'Affaire Lyushkov", ("411",), 4),
        (ShortCiteStyle.IBID, None, ("412",), 37)]


def test_mixed_note_with_short_cite_and_full_reference():
    text = ('Claim.[1]\n\nNotes\n\n1. Coox 1968, p. 407; see also Alvin D. Coox, "L\'Affaire Lyushkov," '
            "Soviet Studies 19, no. 3 (1968): 405-20.\n")
    document = parse(text)
    assert [(c.author, c.pinpoints) for c in document.short_cites] == [("Coox", ("407",))]
    assert [(r.span.column, r.note_label) for r in document.references] == [(32, "1")]


APA = """\
# The defection

Lyushkov crossed in June 1938 (Coox 1968, p. 411). Accounts differ
(Coox 1968; Smith and Jones 2001, 45). The Great Purge (1937) is no cite.

## References

Coox, A. D. (1968). L'Affaire Lyushkov: Anatomy of a defector. Soviet Studies, 19(3),
    405\u2013420. https://doi.org/10.1080/09668136808410603
Smith, J., & Jones, K. (2001). Defectors and their handlers. Journal of Cold War Studies, 3(2), 40\u201360.
"""


def test_apa_parentheticals_and_reference_list():
    document = parse(APA, "doc.md")
    assert document.markers == () and document.notes == ()
    assert [(c.author, c.year, c.pinpoints, c.span.line, c.span.column) for c in document.short_cites] == [
        ("Coox", 1968, ("411",), 3, 32), ("Coox", 1968, (), 4, 2), ("Smith and Jones", 2001, ("45",), 4, 13)]
    assert [(r.span.line, r.doi) for r in document.references] == [
        (8, "10.1080/09668136808410603"), (10, None)]


MLA = """\
Pospelov denied it (Vsesoiuznoe soveshchanie 298). Furr disagrees (Furr 45).

Works Cited

Furr, Grover. Khrushchev Lied. Erythros Press, 2011.
Vsesoiuznoe soveshchanie o merakh uluchsheniia podgotovki kadrov po istoricheskim naukam. Nauka, 1964.
"""


def test_mla_parentheticals_and_works_cited():
    document = parse(MLA)
    assert [(c.author, c.pinpoints, c.span.column) for c in document.short_cites] == [
        ("Vsesoiuznoe soveshchanie", ("298",), 21), ("Furr", ("45",), 68)]
    assert [r.span.line for r in document.references] == [5, 6]


MARKDOWN = """\
Lyushkov defected in 1938.[^coox] He was debriefed in Tokyo.[^2]

[^coox]: Coox 1968, p. 407.
[^2]: Alvin D. Coox, "L'Affaire Lyushkov," *Soviet Studies* 19, no. 3 (1968): 405\u201320.
"""


def test_markdown_footnotes():
    document = parse(MARKDOWN, "doc.md")
    assert [(m.label, m.span.column, m.style) for m in document.markers] == [
        ("coox", 27, MarkerStyle.FOOTNOTE), ("2", 61, MarkerStyle.FOOTNOTE)]
    assert [(n.label, n.span.line, n.body_span.column) for n in document.notes] == [("coox", 3, 10), ("2", 4, 7)]
    assert [(c.note_label, c.pinpoints) for c in document.short_cites] == [("coox", ("407",))]
    assert [(r.note_label, r.span.line, r.span.column) for r in document.references] == [("2", 4, 7)]


def test_glued_digits_with_notes_list():
    text = ("Trials of 1936 and 1938.1 Trotsky and his son Leon Sedov2 were absent.\n\n"
            "Notes\n\n1 Coox 1968, p. 407.\n2 Coox 1968, p. 408.\n")
    document = parse(text)
    assert [(m.label, m.span.column, m.style) for m in document.markers] == [
        ("1", 25, MarkerStyle.GLUED), ("2", 57, MarkerStyle.GLUED)]
    assert [n.label for n in document.notes] == ["1", "2"]


def test_spans_carry_the_path_and_references_have_stable_ids():
    document = parse(CHICAGO, "essays/chicago.txt")
    assert {m.span.path for m in document.markers} == {"essays/chicago.txt"}
    assert document.references[0].id == "essays/chicago.txt:5:4"


def test_empty_and_odd_documents():
    for text in ("", "\n\n\n", "Notes", "Notes\n\n", "[", "(((", "1.", "^", "[^", "Jump up to:",
                 "\x00\x01\x02", "References\n\n\x0c\x0b"):
        document = parse(text)
        assert document.path == "doc.txt"
        assert document.markers == ()


def test_vancouver_locators_after_a_semicolon_stay_with_their_reference():
    # "Journal 1994; 21(6): 613-616" and "Springer; 2001. p. 312-23": the part after "; "
    # opens with a number, so it is no work of its own (and no phantom reference "21")
    document = parse("A.[1] B.[2]\n\nReferences\n\n"
                     "1. Reilly JJ, Murray LA. Prediction of body density. Ann Hum Biol. 1994; 21(6): 613-616. "
                     "ISSN 0301-4460.\n"
                     "2. Wang H, Perng CS. The S2-tree. In: Cheung D, editor. Advances in Data Mining. "
                     "Berlin: Springer; 2001. p. 312-23.\n")
    assert [(r.note_label, r.volume, r.issue) for r in document.references] == [("1", "21", "6"), ("2", None, None)]
    # two works in one note are still two
    two = parse("A.[1]\n\nNotes\n\n1. Coox, Alvin D. (1968). \"L'Affaire Lyushkov\". Soviet Studies. 19 (3): 405-20; "
                "Medvedev, Roy (1972). Let History Judge. New York: Knopf. ISBN 0-394-44645-3.\n")
    assert len(two.references) == 2


def test_a_markdown_short_title_in_emphasis_is_a_short_cite():
    document = parse("One.[^1] Two.[^2]\n\n"
                     "[^1]: Eric Hobsbawm, *The Age of Revolution* (London: Weidenfeld, 1962), 44.\n"
                     "[^2]: Hobsbawm, *Age of Revolution*, 45.\n", path="essay.md")
    assert [(c.author, c.short_title, c.pinpoints) for c in document.short_cites] == [
        ("Hobsbawm", "Age of Revolution", ("45",))]
    # an emphasis left open is no title
    assert not parse("One.[^1]\n\n[^1]: Hobsbawm, *Age of Revolution, 45.\n", path="essay.md").short_cites


IEEE = """\
The effect was measured twice [1, p. 125] and disputed [2]. Later work [1, pp. 135-6] agreed.
A year in brackets with a page is no marker [1969, p. 5].

References

[1] L. Gulyaeva, "Measurement of hydrophobicity," J. Pharm. Sci., vol. 90, no. 9, pp. 122-130, 2001.
[2] A. D. Coox, "L'Affaire Lyushkov," Soviet Studies, vol. 19, no. 3, pp. 405-420, 1968.
"""


def test_ieee_markers_with_pages_are_markers_and_cite_their_pages():
    document = parse(IEEE)
    assert [(m.label, m.span.line, m.span.column) for m in document.markers] == [
        ("1", 1, 31), ("2", 1, 56), ("1", 1, 72)]
    paged = [(c.note_label, c.pinpoints, c.span.column) for c in document.short_cites
             if c.style is ShortCiteStyle.MARKER]
    assert paged == [("1", ("125",), 31), ("1", ("135-6",), 72)]
