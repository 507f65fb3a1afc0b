"""Reference and document parsing, from the thirtieth group of blind testers' documents
(and the gaps the twenty-ninth left): each test is a form a tester wrote."""

from __future__ import annotations

from offline_parsing import findings_of, parse

from verify_refs.extract.document import parse_document
from verify_refs.extract.source import SourceText, mask_markdown_links
from verify_refs.models import IdScheme


def test_a_doi_only_in_a_markdown_link_target_is_kept_after_the_link_text():
    text = ("Coox, A. D. (1968). [L'Affaire Lyushkov: Anatomy of a defector](https://doi.org/10.1080/0966813680841). "
            "*Soviet Studies*, *19*(3), 405–420.\n")
    masked = mask_markdown_links(text)
    assert len(masked) == len(text)
    assert " ".join(masked.split()).startswith(
        "Coox, A. D. (1968). L'Affaire Lyushkov: Anatomy of a defector https://doi.org/10.1080/0966813680841 .")
    document = parse_document(SourceText("a.md", "Text (Coox 1968).\n\n## References\n\n" + text))
    (reference,) = document.references
    assert reference.doi == "10.1080/0966813680841"
    assert reference.title == "L'Affaire Lyushkov: Anatomy of a defector"
    assert reference.container == "Soviet Studies"


def test_a_link_target_other_than_a_doi_is_still_dropped():
    text = "[Anatomy of a defector](https://www.jstor.org/stable/149379) and [home](/wiki/Main_Page).\n"
    assert " ".join(mask_markdown_links(text).split()) == "Anatomy of a defector and home ."


# --- AMA's pages after a marker ----------------------------------------------

_AMA_LIST = """
REFERENCES
1. Weber WP, Barry M. Initial experiences with a multidisciplinary approach. Eur J Surg Oncol. 2011;37(11):944-949.
2. Gust ID. Design of hepatitis A vaccines. Br Med Bull. 1990;46(2):319-328.
3. Dubin JA, Müller HG, Wang JL. Event history graphs for censored survival data. Stat Med. 2001;20(19):2951-2964.
"""


def _marked_pages(text: str) -> tuple[list[str], list[tuple[str, tuple[str, ...]]]]:
    document, _ = findings_of(text)
    pages = sorted((c.note_label, c.pinpoints) for c in document.short_cites if c.note_label)
    return [m.label for m in document.markers], pages


def test_ama_pages_after_glued_markers_that_follow_a_full_stop():
    markers, pages = _marked_pages("Stays are short.1 Vaccines matter.2(p400) Graphs help.3(pp2990-2991) More.\n"
                                   + _AMA_LIST)
    assert markers == ["1", "2", "3"]
    assert pages == [("2", ("400",)), ("3", ("2990-2991",))]
    # (a year's full stop is no word: "1938.1(p5)" is not AMA's page after a marker)
    assert _marked_pages("It ended in 1938.1(p5) Then.\n" + _AMA_LIST)[1] == []


def test_ama_pages_inside_pandoc_and_html_superscripts():
    markers, pages = _marked_pages("Short.^1^ Vaccines.^2(p400)^ Graphs.<sup>3(p2990)</sup> More.\n" + _AMA_LIST)
    assert markers == ["1", "2", "3"]
    assert pages == [("2", ("400",)), ("3", ("2990",))]


def test_ama_pages_in_unicode_superscript_are_pages_not_markers():
    text = "Stays are short.¹ Vaccines matter.²⁽ᵖ³²⁵⁾ Graphs.³⁽ᵖᵖ²⁹⁹⁰⁻²⁹⁹¹⁾ More.\n" + _AMA_LIST
    markers, pages = _marked_pages(text)
    assert markers == ["1", "2", "3"]
    assert pages == [("2", ("325",)), ("3", ("2990-2991",))]
    assert [f.code for f in findings_of(text)[1] if f.code == "dangling-marker"] == []


# --- PDF copies ----------------------------------------------------------------


def test_a_journals_running_foot_between_two_entries_is_no_note():
    text = ("Imaging [1] and surgery [2] matter.\n\nReferences\n"
            "1. Kotre CJ. An investigation of search pattern extent. Br J Radiol. 2006;79(941):\n   437-40.\n\n"
            "58                                  Crit Care Rehabil Rev 2020;12:45–61\n\n"
            "2. Ozal E, Oz BS. Removal of the thrombosed graft. Am J\n   Surg. 2001;181(1):28-9.\n")
    document, findings = findings_of(text)
    assert [n.label for n in document.notes] == ["1", "2"]
    assert [f.code for f in findings] == []


def test_a_one_line_reference_after_its_number_and_a_gap_is_not_taken_for_a_foot():
    text = ("Imaging [1] matters.\n\nReferences\n"
            "1    Kotre CJ. An investigation of search pattern extent. Br J Radiol 2006;79:437-40\n")
    document, _ = findings_of(text)
    assert [n.label for n in document.notes] == ["1"] and document.references[0].container == "Br J Radiol"


def test_a_compound_hyphen_at_a_line_break_before_a_capital_is_kept():
    reference = parse('S. Koziel and S. Ogurtsov, "Phase-spacing optimization of linear arrays," Int. J. RF Microw. '
                      'Comput.-\n    Aided Eng., vol. 25, no. 6, pp. 536-547, 2015.')
    assert reference.container == "Int. J. RF Microw. Comput.-Aided Eng"
    assert parse("Smith J. Computer-\nAided design of things. J Des. 2001;3:1-9.").title == "Computer-Aided design of things"


def test_nlm_place_of_a_meeting_after_its_dates_is_no_work_of_its_own():
    text = ("Identification may reduce errors [1].\n\nReferences\n"
            "1. Tsiakas K, Zikos D, Makedon F. An audiovisual patient identification system for rehabilitation. "
            "In: Proceedings of the 7th International Conference on PErvasive Technologies Related to Assistive "
            "Environments (PETRA ’14); 2014 May 27–30; Rhodes, Greece. New York: ACM; 2014.\n")
    document, _ = findings_of(text)
    assert len(document.references) == 1
    assert document.references[0].authors[0].family == "Tsiakas"


# --- Wikipedia's CS1 and author-date prose ------------------------------------------


def test_a_given_name_after_an_initial_before_a_days_date_or_an_iso_date():
    for date in ("24 May 2006", "May 24, 2006", "2006-05-24", "2006"):
        reference = parse(f'Hassell, L. Harrison ({date}). "Military Medicine". JAMA. 295 (20): 2415.')
        assert [(a.family, a.given) for a in reference.authors] == [("Hassell", "L. Harrison")], date
        assert (reference.year, reference.title, reference.container) == (2006, "Military Medicine", "JAMA"), date


def test_a_possessive_narrative_cite_names_its_author():
    text = ("As Rejeski's (2013) essay shows, the metaphor is literal now.\n\n## References\n\n"
            "Rejeski, D. (2013). Bioindustrial ecology. *Journal of Industrial Ecology*, *17*(1), 2–4.\n")
    document, findings = findings_of(text, "a.md")
    assert [(c.author, c.year) for c in document.short_cites] == [("Rejeski", 2013)]
    assert [f.code for f in findings] == []


def test_a_quoted_phrase_that_opens_an_apa_title_before_a_dash():
    reference = parse("Von Hoff, D. D. (1996). “It feels better”—measuring clinical benefit. *Annals of Oncology*, "
                      "32(2), 376–377.")
    assert reference.title == '"It feels better"-measuring clinical benefit'
    assert reference.container == "Annals of Oncology"


# --- essays copied from PDFs, with notes at the foot of each page ---------------------

_PAGE = ("The argument of this section depends on a reading of the archive that has been\n"
         "contested since the early studies, and it is worth setting out the evidence in\n"
         "some detail before turning to the interpretations offered by later critics.\n")


def test_notes_at_the_foot_of_every_page_are_read_on_every_page():
    text = ("                HOUSES AND FOREIGNERS                213\n\n"
            + _PAGE + "This is the claim that note 1 supports.1 " + _PAGE + "Note 2 supports it.2\n\n"
            "1 Ana Paula Cantarelli, “Representações do estrangeiro,” Literatura e Autoritarismo, no. 14 (2009): 47–57.\n"
            "2 Ibid., 52.\n\n"
            "214                REVISTA DE ESTUDOS COMPARADOS\n\n"
            + _PAGE + "Note 3 supports it.3 " + _PAGE + "And note four.4\n\n"
            "3 M. W. Stannard, “Two Confessional Novels,” Literatura e Autoritarismo, no. 2 (2009).\n"
            "4 Ibid.\n\n"
            "                HOUSES AND FOREIGNERS                215\n\n"
            + _PAGE + "Note 5 supports it.5\n\n"
            "5 Carl Boggs, “Postscript: Ecology and Population,” in Ecology and Revolution (New York: "
            "Palgrave Macmillan, 2012), 197–207.\n")
    document, findings = findings_of(text)
    assert [n.label for n in document.notes] == ["1", "2", "3", "4", "5"]
    assert [m.label for m in document.markers] == ["1", "2", "3", "4", "5"]
    assert [r.authors[0].family for r in document.references] == ["Cantarelli", "Stannard", "Boggs"]
    assert [f.code for f in findings] == []


def test_numbered_prose_lines_are_no_page_foot_notes():
    text = ("The plan has steps.\n\n1 Gather the documents in one place.\n2 Read them in order.\n\n"
            "More prose follows here, and it is long enough to be prose of its own.\n")
    assert not findings_of(text)[0].notes


def test_a_reviews_short_note_by_its_kind():
    text = ("A claim.1 Another.2\n\nNotes\n\n1. Neuberg, review essay, 510.\n2. Neuberg, review, 511.\n\n"
            "Bibliography\n\nNeuberg, Leland Gerson. Review of Discrimination, Jobs, and Politics, by Paul Burstein. "
            "Journal of Policy Analysis and Management 18, no. 3 (1999): 506–19.\n")
    document, findings = findings_of(text)
    assert [c.short_title for c in document.short_cites] == ["review essay", "review"]
    assert [f.code for f in findings] == []


def test_an_orphans_message_says_when_the_author_is_there_but_not_the_title():
    text = ("A claim.1\n\nNotes\n\n1. Moodie, “Fur Trade Forts,” 365.\n\nBibliography\n\n"
            "Moodie, D. Wayne. “The Trading Post Settlement of the Canadian Northwest, 1774–1821.” "
            "Journal of Historical Geography 13, no. 4 (1987): 360–74.\n")
    (orphan,) = [f for f in findings_of(text)[1] if f.code == "orphan-short-cite"]
    assert orphan.message.endswith('no work of Moodie in this document or the rest of the corpus has the title '
                                   '"Fur Trade Forts"')


def test_an_isbn_after_a_semicolon_is_the_works_own():
    text = ("A claim.1\n\nNotes\n\n1. Randall Martin, Shakespeare and Ecology (Oxford: Oxford University Press, "
            "2015), 12; ISBN 978-0-19-956702-6.\n")
    document, findings = findings_of(text)
    (reference,) = document.references
    assert reference.title == "Shakespeare and Ecology" and reference.first_id(IdScheme.ISBN) == "9780199567026"
    assert [(f.code, f.reference_id) for f in findings] == [("invalid-isbn", reference.id)]
