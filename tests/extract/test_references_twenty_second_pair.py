"""Forms the twenty-second pair of blind testers wrote: Italian notes with AGU's lettered issue
("D14") and a double issue ("nn. 3-4"), and a Wikipedia copy with lettered explanatory notes
("a. ^ ...", cited by "[a]") whose remark ends on a short cite."""

from __future__ import annotations

from offline_parsing import findings_of, parse

from verify_refs.extract.notes import match_note_line
from verify_refs.extract.references import looks_like_reference


def test_an_italian_note_with_a_lettered_issue_keeps_its_page_range():
    article = parse("F. Esposito, C. Serio, Vertical and horizontal aerosol spectral extinction at a rural location "
                    "in southern Italy, in «Journal of Geophysical Research», 101 (1996), D14, pp. 19285-19292.")
    assert (article.volume, article.issue) == ("101", "D14")
    assert (article.pages.first, article.pages.last) == ("19285", "19292")
    assert article.pinpoints == ()  # "D14" was taken for a page cited


def test_an_italian_double_issue_keeps_its_page_range():
    article = parse("L. Sebba, Sanctioning Policy in Israel — An Historical Overview, in «Israel Law Review», "
                    "30 (1996), nn. 3-4, pp. 243-275.")
    assert (article.volume, article.issue) == ("30", "3-4")
    assert (article.pages.first, article.pages.last) == ("243", "275")


def test_a_lettered_note_needs_its_caret():
    text = "a. ^ The western posts were known collectively as the Poste de l'Ouest."
    head = match_note_line(text, 0, len(text))
    assert head is not None and head.label == "a" and text[head.body_start:].startswith("The western")
    jump = "b. Jump up to: a b Both notes say so."
    head = match_note_line(jump, 0, len(jump))
    assert head is not None and (head.label, head.backlinks) == ("b", 2)
    plain = "a. the first item of a list"
    assert match_note_line(plain, 0, len(plain)) is None


def test_a_remark_ending_on_a_short_cite_is_no_reference():
    assert not looks_like_reference(
        "The principal herbaria of the successor states are listed in Jeffrey 1994, pp. 235-236.")
    assert not looks_like_reference("A fuller account is given by Wan, Audi and Sasani 2016, p. 4.")
    # a reference whose title the remark pattern could take stays one: it has quotes or a colon
    assert looks_like_reference('Jeffrey, C. 1994. "Herbaria are listed in Jeffrey 1994." Taxon 43 (2): 233-239.')


WIKIPEDIA = (
    "Accounts differ.[1][a] Resources came later.[b] A last remark.[c]\n\n"
    "Notes\n\n"
    "a. ^ The posts were known as the Poste de l'Ouest.\n"
    "b. ^ The principal herbaria are listed in Jeffrey 1994, pp. 235\u2013236.\n\n"
    "References\n\n"
    "1. ^ Eccles & Champagne 1970, p. 170.\n\n"
    "Sources\n\n"
    'Eccles, W. J.; Champagne, Antoine (1970). "Les La Verendrye". The William and Mary Quarterly. 27 (1): 170.\n'
    'Jeffrey, C. (1994). "Systematic botany in the successor states". Taxon. 43 (2): 233\u2013239.\n'
)


def test_wikipedias_lettered_notes_and_their_markers():
    document, findings = findings_of(WIKIPEDIA)
    assert [note.label for note in document.notes] == ["a", "b", "1"]
    assert [marker.label for marker in document.markers] == ["1", "a", "b", "c"]
    assert [r.first_author for r in document.references] == ["Eccles", "Jeffrey"]  # the remark is none
    cited = {(cite.author, cite.year, cite.pinpoints) for cite in document.short_cites}
    assert ("Jeffrey", 1994, ("235-236",)) in cited
    problems = [(f.code, f.span.line) for f in findings if f.severity.value != "info"]
    assert problems == [("dangling-marker", 1)]  # "[c]": no note c


def test_a_bracketed_letter_without_lettered_notes_is_no_marker():
    document, _ = findings_of("He wrote that [a]ll was lost and [b] followed.[1]\n\nNotes\n\n1. ^ Coox 1968, p. 4.\n")
    assert [marker.label for marker in document.markers] == ["1"]
