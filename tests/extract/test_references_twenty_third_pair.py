"""Forms the twenty-third pair of blind testers wrote: German book notes that give the place
and year alone ("Göttingen 2013, S. 47.") and "hg. v.", a CS1 author list with a patronymic
initial before ";", remarks that end on a cite, and a notes list whose note holds two cites."""

from __future__ import annotations

from offline_parsing import findings_of, parse


def test_a_german_book_note_with_place_and_year_alone():
    book = parse("Vgl. Gerald Spindler: Unternehmensorganisationspflichten. Zivilrechtliche und "
                 "öffentlich-rechtliche Regelungskonzepte. Göttingen 2013, S. 47.")
    assert book.kind.value == "book" and book.container is None
    assert book.title == ("Unternehmensorganisationspflichten. Zivilrechtliche und öffentlich-rechtliche "
                          "Regelungskonzepte")
    assert (book.place, book.year, book.pages, book.pinpoints) == ("Göttingen", 2013, None, ("47",))
    two_places = parse("Fritz Leonhardt/Eduard Mönnig: Vorlesungen über Massivbau, Bd. 1. Berlin/Heidelberg 1973, S. 88.")
    assert (two_places.place, two_places.container) == ("Berlin/Heidelberg", None)
    # a journal's article keeps its journal: it has a volume before the year
    article = parse("Hans Müller: Der Staat. In: Zeitschrift für Politik 12 (1990), S. 1–20.")
    assert (article.container, article.volume) == ("Zeitschrift für Politik", "12")


def test_hg_v_names_the_editor():
    book = parse("Regina Bendix: Der Göttingische Ausruff von 1744, hg. v. Rolf Wilhelm Brednich. Göttingen 2021, S. 15.")
    assert book.title == "Der Göttingische Ausruff von 1744"
    assert [person.family for person in book.editors] == ["Brednich"]


def test_a_cs1_author_list_goes_on_after_a_patronymic_initial():
    article = parse('Isaenko, Ludmila I.; Khyzhun, O. Y.; Naumov, Dmitrii Yu.; Tarasova, Alexandra Yu. (2016). '
                    '"New SrPb3Br8 crystals: Growth, crystal structure and electronic properties". '
                    'Journal of Alloys and Compounds. 682: 832\u2013838.')
    assert [person.family for person in article.authors] == ["Isaenko", "Khyzhun", "Naumov", "Tarasova"]
    assert article.title == "New SrPb3Br8 crystals: Growth, crystal structure and electronic properties"
    assert article.container == "Journal of Alloys and Compounds"


NOTES = """# Lyon

The clergy was purged.[^9] Politics changed.[^10] Rites merged.[^11] The city grew.[^12]

[^9]: Charlas, "Lyon, 1879\u20131906," 360; on the purge of the clergy see Halloran, *Lyon Politics*, 45.
[^10]: On the purge see Halloran, *Lyon Politics*, 45.
[^11]: In New England the celebrations merged with Pope's Day on 5 November; see Davies 1948, p. 3.
[^12]: Jean Charlas, "Lyon, 1879\u20131906," *Revue d'histoire* 12, no. 3 (1990): 317\u201340.
"""


def test_remarks_that_end_on_a_cite_hold_the_cite():
    document, findings = findings_of(NOTES, "lyon.md")
    assert [reference.span.line for reference in document.references] == [8]
    cites = sorted((cite.span.line, cite.author, cite.pinpoints) for cite in document.short_cites)
    assert cites == [(5, "Charlas", ("360",)), (5, "Halloran", ("45",)), (6, "Halloran", ("45",)),
                     (7, "Davies", ("3",))]
    problems = sorted((f.code, f.span.line) for f in findings if f.severity.value != "info")
    assert problems == [("orphan-short-cite", 5), ("orphan-short-cite", 6), ("orphan-short-cite", 7),
                        ("page-out-of-range", 5)]  # Halloran and Davies are nowhere; 360 is past 340


# Footnotes that are nearly all full references are read as a reference list, where a note
# that names a year is an entry of its own unless each of its parts holds a cite.
LISTED = """# Lyon

A.[^1] B.[^2] C.[^3] D.[^4] E.[^5] F.[^9]

[^1]: Joseph T. Criscenti, "Sarmiento and Rosas: Argentines in Search of a Nation, 1810\u20131852," in *Sarmiento and His Argentina*, ed. Joseph T. Criscenti (Boulder, CO: Lynne Rienner, 1993), 97\u2013130.
[^2]: Stephen Parker, "Ever the Enemy Alien 1942\u20135," in *Bertolt Brecht: A Literary Life* (London: Bloomsbury, 2014), 455\u201384.
[^3]: Jean Charlas, "Lyon, 1879\u20131906," *Revue d'histoire* 12, no. 3 (1990): 317\u201340.
[^4]: C. Jeffrey, "Systematic Botany in the States Successor to the Soviet Union," *Taxon* 43, no. 2 (1994): 233\u201339.
[^5]: David H. Secor, *Migration Ecology of Marine Fishes* (Baltimore: Johns Hopkins University Press, 2015), 112.
[^9]: Charlas, "Lyon, 1879\u20131906," 360; on the purge of the clergy see Halloran, *Lyon Politics*, 45.
"""


def test_two_cites_in_a_note_of_a_reference_list():
    document, findings = findings_of(LISTED, "listed.md")
    assert [reference.span.line for reference in document.references] == [5, 6, 7, 8, 9]
    assert sorted((cite.span.line, cite.author) for cite in document.short_cites) == [
        (10, "Charlas"), (10, "Halloran")]
    assert ("page-out-of-range", 10) in {(f.code, f.span.line) for f in findings}
