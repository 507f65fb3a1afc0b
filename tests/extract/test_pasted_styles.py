"""Regressions from documents written the way users paste them: APA lists whose entries end
in a DOI URL, year spans in titles, Markdown emphasis around titles."""

from verify_refs.checks.linkage import link_corpus
from verify_refs.extract.document import parse_document
from verify_refs.extract.source import SourceText
from verify_refs.models import IdScheme
from verify_refs.pipeline import offline_findings

APA = """The defection embarrassed the NKVD (Coox, 1968, p. 409), as later accounts repeat (Haslam, 1992, pp. 112-115).

References

Coox, A. D. (1968). L'Affaire Lyushkov: Anatomy of a defector. Soviet Studies, 19(3), 405-420. https://doi.org/10.1080/09668136808410603
Haslam, J. (1992). The Soviet Union and the threat from the East, 1933-41. Macmillan. ISBN 0-333-30051-3
Kuromiya, H. (2007). The voices of the dead: Stalin's great terror in the 1930s. Yale University Press.
"""


def parse(text: str, path: str = "doc.md"):
    return parse_document(SourceText(path, text))


def test_apa_entries_ending_in_an_identifier_are_separate_entries():
    document = parse(APA)
    assert [(r.span.line, r.first_author) for r in document.references] == [
        (5, "Coox"), (6, "Haslam"), (7, "Kuromiya")]
    assert document.references[0].doi == "10.1080/09668136808410603"
    assert document.references[1].first_id(IdScheme.ISBN) == "0333300513"


def test_an_entry_ending_in_a_malformed_doi_is_still_one_entry():
    # doi:10.108/... is reported as invalid-doi; the next entry must stay its own reference
    text = APA.replace("https://doi.org/10.1080/09668136808410603", "doi:10.108/09668136808410603")
    document = parse(text)
    assert [(r.span.line, r.first_author) for r in document.references] == [
        (5, "Coox"), (6, "Haslam"), (7, "Kuromiya")]
    # the line test itself: a line ending in a malformed DOI ends its entry
    from verify_refs.extract.layout import _continues_clearly
    from verify_refs.extract.lines import split_lines

    pair = ("Alvarez, A. Y. (2013). Fractal interfaces. Journal of Engineering, 2013, 1-7. "
            "doi:10.115/2013/310748\nBrandt, T. A. (1988). Membranes. Gastroenterology, 2(1), 45-46.\n")
    first, second = split_lines(pair)[:2]
    assert not _continues_clearly(pair, first, second)


def test_a_year_span_in_a_title_is_not_a_page_range():
    haslam = parse(APA).references[1]
    assert haslam.pages is None
    assert haslam.title == "The Soviet Union and the threat from the East, 1933-41"
    assert haslam.kind.value == "book"


def test_sound_apa_document_raises_no_offline_finding_but_its_uncited_entry():
    document = parse(APA)
    links = link_corpus([document])
    # an author-date list holds the works cited: Kuromiya's, cited nowhere, is named (info)
    assert [(f.code, f.severity.name, f.span.line) for f in offline_findings([document], links)] == [("unused-note", "INFO", 7)]
    assert len(links.cite_targets) == 2


def test_markdown_emphasis_is_not_part_of_the_title():
    document = parse(
        "A claim.[^1]\n\n[^1]: Hiroaki Kuromiya, *The Voices of the Dead: Stalin's Great Terror in "
        "the 1930s* (New Haven: Yale University Press, 2007), 112.\n")
    (reference,) = document.references
    assert reference.title == "The Voices of the Dead: Stalin's Great Terror in the 1930s"
    assert reference.publisher == "Yale University Press" and reference.pinpoints == ("112",)


BARE = """Coox, A. D. (1968). L'Affaire Lyushkov: Anatomy of a defector. Soviet Studies, 19(3), 405-420. https://doi.org/10.1080/09668136808410603
Haslam, J. (1992). The Soviet Union and the threat from the East, 1933-41. Macmillan. ISBN 0-333-30051-3
Kuromiya, H. (2007). The voices of the dead: Stalin's great terror in the 1930s. New Haven:
  Yale University Press.
"""


def test_a_file_of_references_without_a_heading_is_a_reference_list():
    document = parse(BARE, "refs.txt")
    assert [(r.span.line, r.first_author) for r in document.references] == [
        (1, "Coox"), (2, "Haslam"), (3, "Kuromiya")]
    assert document.references[2].publisher == "Yale University Press"


def test_a_single_reference_alone_in_a_file_is_found():
    (reference,) = parse(BARE.splitlines()[0] + "\n", "one.txt").references
    assert reference.doi == "10.1080/09668136808410603"


def test_prose_without_a_heading_is_not_a_reference_list():
    prose = ("On 13 June 1938, Lyushkov defected from the Soviet Union by crossing the border.\n"
             "He was the highest-ranking secret police official to defect (Coox 1968, p. 407).\n"
             + BARE.splitlines()[0] + "\n")
    document = parse(prose, "essay.txt")
    assert document.references == ()
    assert [c.author for c in document.short_cites] == ["Coox"]


def test_markdown_code_is_not_read_for_markers_or_cites():
    text = ("Lyushkov defected in 1938.[1]\n\n"
            "```text\nnote 2 has 7 backlinks, but 1 marker [2] found (Smith 2001, p. 3)\n```\n\n"
            "Run `verify-refs [3]` on it (Jones 1999).\n\n"
            "[1]: Coox 1968, p. 407.\n")
    document = parse(text, "essay.md")
    assert [m.label for m in document.markers] == ["1"]
    assert [c.author for c in document.short_cites if c.note_label is None] == ["Jones"]
    plain = parse(text, "essay.txt")  # in plain text, backticks are just characters
    assert "2" in [m.label for m in plain.markers]


def test_digits_glued_to_short_names_of_things_are_not_markers():
    text = ("References in CS1 style are parsed. The parser (v2) is newer. Water is H2O.\n"
            "Trotsky was convicted in 1938.1 His son Sedov2 was too, and Shelepin's3 speech lied.\n")
    document = parse(text, "notes.txt")
    assert [(m.label, m.span.line) for m in document.markers] == [("1", 2), ("2", 2), ("3", 2)]
