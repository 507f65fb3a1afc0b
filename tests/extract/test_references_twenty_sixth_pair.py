"""Forms the twenty-sixth pair of blind testers wrote: a copied marker on one entry of an
unnumbered reference list (which must not turn the entries after it into the text of a
note), and a CS1 book whose series names a newspaper-like word."""

from __future__ import annotations

from offline_parsing import findings_of

from verify_refs.extract.references import parse_reference
from verify_refs.extract.source import SourceText
from verify_refs.models import ReferenceKind

BRESSAN = ("Bressan, Paola. 2002. \u201cThe Connection between Random Sequences, Everyday Coincidences, and Belief "
           "in the Paranormal.\u201d Applied Cognitive Psychology 16 (1): 17\u201334.")
EBERMAN = ("Eberman, Carolin, and Stuart J. McKelvie. 2002. \u201cVividness of Visual Imagery and Source Memory "
           "for Audio and Text.\u201d Applied Cognitive Psychology 16 (1): 87\u201395.")
HOLLIDAY = ("Holliday, Robyn E., and Brett K. Hayes. 2002. \u201cAutomatic and Intentional Processes in Children\u2019s "
            "Recognition Memory.\u201d Applied Cognitive Psychology 16 (1): 1\u201316.")
PROSE = "Coincidences mislead (Bressan 2002, 20). Imagery (Eberman and McKelvie 2002, 90). Children (Holliday and Hayes 2002, 9).\n\nReferences\n\n"


def _surnames(document):
    return [reference.authors[0].family for reference in document.references]


def test_a_copied_number_inside_an_unnumbered_list_is_a_stray():
    document, findings = findings_of(PROSE + f"{BRESSAN}\n\n10 {EBERMAN}\n\n{HOLLIDAY}\n")
    assert _surnames(document) == ["Bressan", "Eberman", "Holliday"]
    assert document.notes == ()
    assert [f.code for f in findings if f.code in ("stray-number", "orphan-short-cite", "unused-note")] == ["stray-number"]


def test_a_copied_number_on_the_first_entry_is_a_stray_once_unnumbered_entries_follow():
    document, findings = findings_of(PROSE + f"10 {BRESSAN}\n\n{EBERMAN}\n\n{HOLLIDAY}\n")
    assert _surnames(document) == ["Bressan", "Eberman", "Holliday"]
    assert [f.code for f in findings if f.code in ("stray-number", "orphan-short-cite", "unused-note")] == ["stray-number"]


def test_a_numbered_notes_list_stays_one():
    document, _ = findings_of("Text.[1] More.[2]\n\nNotes\n\n1 " + BRESSAN + "\n2 " + EBERMAN + "\n")
    assert [note.label for note in document.notes] == ["1", "2"]


def _parse(text: str):
    return parse_reference(SourceText("x.txt", text), 0, len(text))


def test_a_cs1_book_in_a_series_is_a_book():
    reference = _parse("Getty, J. Arch (1985). Origins of the Great Purges: The Soviet Communist Party Reconsidered, "
                       "1933\u20131938. Cambridge Russian, Soviet and Post-Soviet Studies. Cambridge University Press. "
                       "ISBN 978-0-521-33570-6.")
    assert reference.kind is ReferenceKind.BOOK
    assert reference.publisher == "Cambridge University Press"
    # a newspaper's article is still one
    for paper in ("The Washington Post", "Daily Herald", "The Guardian", "Chicago Tribune", "BBC News"):
        assert _parse(f"Smith, John (1999). \"Purges recalled\". {paper}. p. 4.").kind is ReferenceKind.NEWS, paper


def test_acs_journal_abbreviations_are_read_whole():
    texts = {
        "J. Organomet. Chem": "Herrmann, G. S.; Alt, H. G.; Rausch, M. D. ansa-Titanocen- und Zirconocenkomplexe mit "
                              "asymmetrisch substituierter Kohlenstoffbrücke. J. Organomet. Chem. 1991, 401 (1\u20132), C5\u2013C9.",
        "Environ. Sci.: Nano": "Anders, C. B.; Wingett, D. G. ZnO Nanoparticle Preparation Route Influences Surface "
                               "Reactivity. Environ. Sci.: Nano 2018, 5 (2), 572\u2013588.",
        "J. Polym. Sci., Part B: Polym. Phys": "Gorga, R. E.; Narasimhan, B. Quantifying Phase Behavior in Partially "
                                               "Miscible Blends. J. Polym. Sci., Part B: Polym. Phys. 2002, 40 (3), 255\u2013271.",
    }
    for container, text in texts.items():
        reference = _parse(text)
        assert reference.container == container, text
        assert reference.year is not None and str(reference.year) in text
    # a journal's full name ending a sentence is not run into what follows
    reference = _parse("Smith, J. A. Title of the Paper. Soviet Studies. 1968, 19 (3), 405\u2013420.")
    assert reference.container == "Soviet Studies"


def test_a_journal_run_into_its_volume_is_split():
    reference = _parse('Wayne Moodie, D. (1987). "The trading post settlement of the Canadian northwest, 1774\u20131821". '
                       "Journal of Historical Geography13 (4): 460\u2013474.")
    assert (reference.container, reference.volume, reference.issue) == ("Journal of Historical Geography", "13", "4")
    assert reference.pages is not None and (reference.pages.first, reference.pages.last) == ("460", "474")


def test_an_issue_with_its_running_number_keeps_its_pages():
    reference = _parse("Ivanov, I. \u201cTitle of the work here,\u201d Voprosy istorii 12, no. 2(45) (2019): 15\u201323.")
    assert (reference.volume, reference.issue) == ("12", "2")
    assert reference.pages is not None and reference.pages.first == "15"


def test_a_reviewed_books_imprint_is_no_part_of_the_journal():
    reference = _parse("Francis J. Bowman, review of The Baltic States, by Edgar Anderson (Stockholm: Daugava, 1967), "
                       "American Historical Review 73, no. 5 (1968): 1551\u20131552.")
    assert reference.container == "American Historical Review"


def test_latvian_lithuanian_and_romanian_given_names():
    for name, family in (("K\u0119stutis Girnius", "Girnius"), ("J\u0101nis B\u0113rzi\u0146\u0161", "B\u0113rzi\u0146\u0161"),
                         ("\u0218tefan Ionescu", "Ionescu")):
        reference = _parse(f"{name}, \u201cLatvian Riflemen in 1919,\u201d Journal of Baltic Studies 14, no. 2 (1983): 131\u2013147.")
        assert [a.family for a in reference.authors] == [family]


def test_a_pinpoint_before_an_isbn_is_kept():
    reference = _parse("Roch Denis and Luc Racine, La conjoncture politique qu\u00e9b\u00e9coise, 1960\u20131970 "
                       "(Chicoutimi: J.-M. Tremblay, 2005), 14, ISBN 1-55441-883-6.")
    assert reference.pinpoints == ("14",)


def test_a_nature_chapter_has_its_pages_editors_and_no_volume():
    reference = _parse("Mittelbach, G. G. & McGill, B. J. Evolutionary community ecology. in Community Ecology "
                       "(eds Smith, A. & Jones, B.) Ch. 16, 307\u2013333 (Oxford Univ. Press, 2019).")
    assert reference.kind is ReferenceKind.CHAPTER and reference.volume is None
    assert reference.container == "Community Ecology" and [e.family for e in reference.editors] == ["Smith", "Jones"]
    assert reference.pages is not None and (reference.pages.first, reference.pages.last) == ("307", "333")
    assert reference.publisher == "Oxford Univ. Press" and reference.year == 2019


def test_a_lone_note_ending_an_excerpt_is_a_note():
    document, _ = findings_of("The survey was reviewed.1\n\n1 Francis J. Bowman, review of The Baltic States, by Edgar "
                              "Anderson, American Historical Review 73, no. 5 (1968): 1551\u20131552.\n")
    assert [note.label for note in document.notes] == ["1"] and [m.label for m in document.markers] == ["1"]


def test_wikipedias_coordinates_after_the_sources_are_no_reference():
    document, _ = findings_of("Text.[1]\n\nReferences\n\n1. ^ " + BRESSAN + "\n\nCoordinates: 56\u00b054\u2032N 74\u00b022\u2032E\n")
    assert len(document.references) == 1


def test_lost_superscripts_beside_one_kept_as_markup():
    text = ("Recombination.1 Screens,2 and tests.3 More,4 and cells.5,6 Also,7 and this.8 Elsewhere.<sup>9</sup>\n\n"
            "## References\n\n" + "".join(f"{i}. {BRESSAN}\n" for i in range(1, 10)))
    document, _ = findings_of(text)
    assert [m.label for m in document.markers] == [str(i) for i in range(1, 10)]


def test_a_lost_superscript_after_a_year_and_a_comma():
    document, _ = findings_of("Printed.1 Engraved in 1744,2 and later.3\n\nNotes\n\n1. " + BRESSAN + "\n2. " + EBERMAN
                              + "\n3. " + HOLLIDAY + "\n")
    assert [m.label for m in document.markers] == ["1", "2", "3"]


# --- the twenty-seventh group of testers -------------------------------------------------

SIDORENKO = ("10 Sidorenko, F. A.; Miroshnikov, L. A.; Gel'd, P. V. (May 1969). \"Magnetic susceptibility of solid "
             "solutions based on the higher silicide of nickel\". Soviet Physics Journal. 12 (5): 638\u2013640.")
MITENKOV = ("Mitenkov, F. M.; Motorov, B. I.; Motorova, E. A. (November 1966). \"A very simple mathematical model of "
            "reactors\". Soviet Atomic Energy. 21 (5): 1065\u20131066.")


def test_a_stray_right_under_an_entry_or_above_a_bulleted_one_is_its_own_entry():
    for text in (f"References\n{MITENKOV}\n{SIDORENKO}\n", f"References\n \u2022 {MITENKOV}\n{SIDORENKO}\n \u2022 {BRESSAN}\n",
                 f"References\n{SIDORENKO}\n \u2022 {MITENKOV}\n"):
        document, findings = findings_of("Reactors.[1]\n\nNotes\n1. ^ Mitenkov, Motorov & Motorova 1966, p. 1065.\n\n" + text)
        surnames = _surnames(document)
        assert "Sidorenko" in surnames and "Mitenkov" in surnames, text
        assert [f.code for f in findings if f.code == "stray-number"] == ["stray-number"], text
        assert [note.label for note in document.notes] == ["1"], text


def test_british_volume_and_issue_with_a_colon():
    reference = _parse("Kenji Sato, \u2018A Study of Reactions\u2019, Bulletin of the Chemical Society of Japan, 52:5 (1979), 1545\u20136.")
    assert (reference.container, reference.volume, reference.issue) == ("Bulletin of the Chemical Society of Japan", "52", "5")


def test_an_article_number_after_the_date_is_the_works_page_not_a_pinpoint():
    reference = _parse("Yuri Kimura, \u2018Conservation Paleobiology on Minami-Daito Island\u2019, PeerJ, 10 (2020), e12702.")
    assert reference.pages is not None and reference.pages.first == "e12702" and reference.pinpoints == ()


def test_a_cs1_journal_article_dated_to_the_day_is_an_article_and_a_magazine_stays_news():
    article = _parse('Nakagawa, Yoshiko; Ito, Kenji (7 January 2019). "Late toxicity of chemoradiotherapy". PLOS ONE. 14 (1): e0210999.')
    magazine = _parse('"The concrete jungle: Soviet blocks find new fans" (25 March 2017). The Economist 422 (9033): 48.')
    assert (article.kind, magazine.kind) == (ReferenceKind.ARTICLE, ReferenceKind.NEWS)


def test_a_plurals_apostrophe_inside_a_single_quoted_title():
    reference = _parse("Hess, J.L., Strobel, J. and Pan, R. (2016) 'Voices from the workplace: practitioners' perspectives on "
                       "the role of empathy', Engineering Studies, 9(3), pp. 312\u2013342.")
    assert reference.title == "Voices from the workplace: practitioners' perspectives on the role of empathy"
    assert (reference.container, reference.volume) == ("Engineering Studies", "9")


def test_ieee_abbreviations_with_a_hyphenated_word():
    reference = _parse('[4] S. Koziel and S. Ogurtsov, "Phase-spacing optimization of linear arrays," '
                       "Int. J. RF Microw. Comput.-Aided Eng., vol. 25, no. 6, pp. 536\u2013547, 2015.")
    assert reference.container == "Int. J. RF Microw. Comput.-Aided Eng"


def test_backlink_letters_emphasised_by_a_markdown_export():
    document, _ = findings_of('Text.[1] More.[1]\n\nReferences\n\n1. ^ Jump up to: ***a*** ***b*** Breitenseher, J.; Pones, M. '
                              '(2015). "Moderne Therapie". Wiener Medizinische Wochenschrift. 165 (3): 45\u201350.\n')
    (note,) = document.notes
    assert note.backlinks == 2 and _surnames(document) == ["Breitenseher"]


def test_a_superscript_ranges_notes_point_at_its_first_digit():
    document, _ = findings_of("Text\u00b9\u2013\u00b3 more.\n\nNotes\n\n1. A.\n2. B.\n3. C.\n")
    assert [(m.label, m.span.column) for m in document.markers] == [("1", 5), ("2", 5), ("3", 7)]


def test_an_ieee_conference_paper_is_one_crossref_covers():
    from verify_refs.checks.registry import well_covered
    paper = _parse('[5] J. Okafor, "Smart grid resilience," in Proc. IEEE Int. Conf. Smart Grid Commun., 2019, pp. 1\u20136.')
    book = _parse("Kotkin, Stephen. Magnetic Mountain. Berkeley: University of California Press, 1995.")
    assert well_covered(paper) and not well_covered(book)


# --- the twenty-eighth group of testers ----------------------------------------------------


def test_a_bare_numbered_note_repeating_the_number_above_is_a_duplicate_note():
    document, findings = findings_of(
        "Captors.1 Household.2\n\nNotes\n\n"
        "1 Christopher Fletcher, \u201cThe Pursuit of Manhood,\u201d in Richard II (Oxford: Oxford University Press, 2008), 127\u201350.\n"
        "2 Natalie Mears, \u201cThe Holy Days,\u201d History 105, no. 365 (2020): 201\u201328.\n"
        "2 Nancy Stieber, \u201cStanford Anderson,\u201d Journal of the Society of Architectural Historians 76, no. 1 (2017): 10\u201312.\n")
    assert [note.label for note in document.notes] == ["1", "2", "2"]
    assert [f.code for f in findings if f.code == "duplicate-note"] == ["duplicate-note"]
    assert _surnames(document) == ["Fletcher", "Mears", "Stieber"]


def test_a_markdown_title_that_reads_as_a_notes_heading_over_prose_is_a_title():
    document, _ = findings_of("# Note\n\nThe survey by Jain [1] maps the space, and Gryk [2] the widgets.\n\n## References\n\n"
                              f"[1] {BRESSAN}\n\n[2] {EBERMAN}\n")
    assert [m.label for m in document.markers] == ["1", "2"]
    # a file that is a reference list under its heading stays one
    listed, _ = findings_of(f"# References\n\n{BRESSAN}\n{EBERMAN}\n")
    assert _surnames(listed) == ["Bressan", "Eberman"]


def test_a_biologists_spp_is_no_end_of_the_title():
    reference = _parse("Ouwehand AC, Conway PL. Specificity of spent culture fluids of Lactobacillus spp. to inhibit adhesion "
                       "of enteropathogenic fimbriated Escherichia coli cells. Microb Ecol Health Dis. 1996;9(6):239\u201346.")
    assert reference.title.endswith("Escherichia coli cells") and reference.container == "Microb Ecol Health Dis"
