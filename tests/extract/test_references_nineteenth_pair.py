"""Forms the nineteenth pair of blind testers wrote, and French and Italian notes' books with
their imprint written with commas: German notes' "hg. von", "u. a. (Hg.)", "(wie Anm. 4)",
a newspaper named by its day ("Göttinger Tageblatt vom 14. März 1998"), a series in brackets
after the year, a place written "Berlin/Heidelberg"; a PDF's running head between entries; a
DOI broken before a period; a journal's line under an APA title that ends in a full stop."""

from __future__ import annotations

import pytest

from verify_refs.extract.locators import find_locators
from verify_refs.identifiers import scan
from verify_refs.models import IdScheme, ReferenceKind, ShortCiteStyle

from offline_parsing import findings_of, parse



# --- books with a comma-written imprint (French, Italian) ---------------------------


@pytest.mark.parametrize("text, title, place, publisher", [
    # the title has a name's shape ("Histoire de la France": a given word, particles, a family
    # name), but no natural-order name follows another without "and"
    ("Jean Dupont, Histoire de la France, Paris, Gallimard, 1990, p. 12.", "Histoire de la France",
     "Paris", "Gallimard"),
    ("Jean Dupont, Histoire de la France, vol. 1, Paris, Gallimard, 1990, p. 12.", "Histoire de la France",
     "Paris", "Gallimard"),
    # a publisher the parser does not know by name, after a two-city place
    ("Giovanni Levi, Storia della Sicilia, Roma-Bari, Laterza, 1985, p. 33.", "Storia della Sicilia",
     "Roma-Bari", "Laterza"),
    # a book's tome before the imprint
    ("Marc Bloch, La soci\u00e9t\u00e9 f\u00e9odale, t. 1, Paris, Albin Michel, 1939.", "La soci\u00e9t\u00e9 f\u00e9odale",
     "Paris", "Albin Michel"),
])
def test_a_book_with_its_imprint_written_with_commas(text, title, place, publisher):
    book = parse(text)
    assert book.kind is ReferenceKind.BOOK
    assert len(book.authors) == 1 and book.title == title
    assert (book.place, book.publisher) == (place, publisher)


def test_a_tome_is_no_volume_and_a_publisher_before_its_place_is_not_swapped():
    assert parse("Marc Bloch, La soci\u00e9t\u00e9 f\u00e9odale, t. 1, Paris, Albin Michel, 1939, p. 45.").volume is None
    # "Ellipses, Paris": a publisher, then the place where it is
    book = parse("Jean Dupont, Histoire de la France, Ellipses, Paris, 2004.")
    assert book.place != "Ellipses"


def test_a_french_editor_mark_after_the_name():
    book = parse("Pierre Nora, \u00e9d., Les Lieux de m\u00e9moire, t. 1, La R\u00e9publique (Paris: Gallimard, 1984), p. xxiv.")
    assert [person.family for person in book.editors] == ["Nora"] and not book.authors
    assert book.title == "Les Lieux de m\u00e9moire"


# --- German notes ---------------------------------------------------------------------


def test_hg_von_after_the_title_gives_the_editors_and_the_year_comes_from_the_imprint():
    book = parse("Vgl. Georg Daniel Heumann: Der G\u00f6ttingische Ausruff von 1744, hg. von Rolf Wilhelm "
                 "Brednich, G\u00f6ttingen: Universit\u00e4tsverlag G\u00f6ttingen 2021, S. 12.")
    assert book.title == "Der G\u00f6ttingische Ausruff von 1744"  # (its "1744" is no year of the book)
    assert [person.family for person in book.editors] == ["Brednich"]
    assert (book.year, book.place, book.publisher) == (2021, "G\u00f6ttingen", "Universit\u00e4tsverlag G\u00f6ttingen")
    assert book.pages is None and book.pinpoints == ("12",)  # one page of a book: a pinpoint


def test_a_books_subtitle_after_a_period_is_no_container():
    book = parse("Gerald Spindler: Unternehmensorganisationspflichten. Zivilrechtliche und \u00f6ffentlich-rechtliche "
                 "Regelungskonzepte, 2. Aufl., G\u00f6ttingen: Universit\u00e4tsverlag G\u00f6ttingen 2011, S. 233.")
    assert book.kind is ReferenceKind.BOOK and book.container is None
    assert book.title.startswith("Unternehmensorganisationspflichten. Zivilrechtliche")
    assert book.pinpoints == ("233",)
    series = parse("Nadine Wagener-B\u00f6ck: Generation | Garderobe | Geschlecht. Kleidungspraxis bei "
                   "Mutter-Tochter-Paaren (G\u00f6ttinger Studien zur Kulturanthropologie), G\u00f6ttingen: "
                   "Universit\u00e4tsverlag G\u00f6ttingen 2015, S. 41.")
    assert series.kind is ReferenceKind.BOOK
    assert series.title == "Generation | Garderobe | Geschlecht. Kleidungspraxis bei Mutter-Tochter-Paaren"


def test_a_chapter_whose_in_was_left_out_keeps_its_book():
    chapter = parse("Rescorla, R. A., & Wagner, A. R. (1972). A theory of Pavlovian conditioning. Classical "
                    "conditioning II: Current research and theory, 64-99.")
    assert chapter.container is not None and chapter.pages is not None


def test_places_with_a_slash_and_editors_with_u_a():
    book = parse("Fritz Leonhardt/Eduard M\u00f6nnig: Vorlesungen \u00fcber Massivbau, Berlin/Heidelberg: Springer "
                 "1973, S. 5.")
    assert (book.place, book.publisher, book.container) == ("Berlin/Heidelberg", "Springer", None)
    chapter = parse("Martyn Hammersley: Reflections on the Methodology of Systematic Reviews, in: Olaf "
                    "Zawacki-Richter u. a. (Hg.): Systematic Reviews in Educational Research, Wiesbaden: "
                    "Springer VS 2020, S. 23\u201339.")
    assert [person.family for person in chapter.editors] == ["Zawacki-Richter"]
    # the book's title ends in words that look like "City, State" before the colon
    assert (chapter.container, chapter.place) == ("Systematic Reviews in Educational Research", "Wiesbaden")
    two = parse("Andrew Nicholls, A Fleeting Empire (Montreal and Ithaca, NY: McGill-Queen's University Press, 2010).")
    assert two.place == "Ithaca, NY"


def test_a_series_in_brackets_after_the_year_is_no_issue():
    chapter = parse("Arlette Jouanna: L'union des Malcontents, in: dies.: La France du XVIe si\u00e8cle, 1483\u20131598, "
                    "Paris: PUF 2012 (Quadrige), S. 439\u2013511.")
    assert (chapter.volume, chapter.issue) == (None, None)
    assert chapter.pages is not None and chapter.pages.raw == "439-511"
    # a season is an issue
    assert find_locators(" Review 2012 (Spring): 45-67.").issue == "Spring"


@pytest.mark.parametrize("text, name, year", [
    ("G\u00f6ttinger Tageblatt vom 14. M\u00e4rz 1998, S. 9.", "G\u00f6ttinger Tageblatt", 1998),
    ("G\u00f6ttinger Tageblatt, 14. M\u00e4rz 1998, S. 9.", "G\u00f6ttinger Tageblatt", 1998),
    ("Frankfurter Allgemeine Zeitung vom 3.5.2001, S. 4.", "Frankfurter Allgemeine Zeitung", 2001),
])
def test_a_newspaper_named_by_its_day(text, name, year):
    news = parse(text)
    assert news.kind is ReferenceKind.NEWS
    assert (news.container, news.year, news.volume, news.authors) == (name, year, None, ())


def test_vom_is_no_volume_label():
    assert find_locators(" vom 14. M\u00e4rz 1998, S. 9.").volume is None
    assert find_locators(" Bd. 12, S. 9.").volume == "12"


GERMAN_NOTES = """Text.[1] Mehr.[2] Noch.[3] Ende.[4]

Anmerkungen

[1] Vera Kaltizkus: Als Ethnologin in der Medizin? Ein pers\u00f6nliches Res\u00fcmee, in: Elfriede Hermann/Karin Klenke (Hg.): Form, Macht, Differenz, G\u00f6ttingen: Universit\u00e4tsverlag G\u00f6ttingen 2009, S. 347\u2013355.
[2] Kaltizkus: Ethnologin (wie Anm. 1), S. 361.
[3] Vgl. Kaltizkus (wie Anm. 1), S. 350 f.
[4] M\u00fcller: Stadt (wie Anm. 9), S. 3.
"""


def test_a_short_note_that_names_the_note_of_its_full_reference():
    document, findings = findings_of(GERMAN_NOTES)
    assert len(document.references) == 1  # the three short notes are no references
    cites = {cite.note_label: cite for cite in document.short_cites}
    assert (cites["2"].author, cites["2"].short_title, cites["2"].pinpoints) == ("Kaltizkus", "Ethnologin", ("361",))
    assert (cites["3"].author, cites["3"].pinpoints, cites["3"].style) == ("Kaltizkus", ("350",), ShortCiteStyle.AUTHOR_TITLE)
    by_line = {(f.span.line, f.code) for f in findings}
    assert (6, "page-out-of-range") in by_line  # 361 is outside 347-355
    assert (7, "page-out-of-range") not in by_line
    assert (8, "orphan-short-cite") in by_line  # no M\u00fcller anywhere


# --- organisations, page furniture, broken DOIs, wrapped APA entries ---------------


def test_an_army_corps_is_an_author_before_the_year():
    report = parse("U.S. Army Corps of Engineers, 2002. Coastal Engineering Manual. Engineer Manual 1110-2-1100. "
                   "U.S. Army Corps of Engineers, Washington, D.C.")
    assert [person.family for person in report.authors] == ["U.S. Army Corps of Engineers"]
    assert report.kind is not ReferenceKind.ARTICLE and report.title == "Coastal Engineering Manual"


PDF_LIST = """References

Durbin, P.A., Eaton, J.K., 2005. Transonic Cascade Measurements
   to Support Analytical Modeling. Defense Technical Information Center, Fort Belvoir, VA.

Journal of Infrastructure Resilience                                         Page 12 of 20

Gatti, F., Lasorne, B., 2017. Applications of Quantum Dynamics in
   Chemistry. Springer International Publishing, Cham.
Bestavros, A., Cunha, C., 1996. Server-initiated document dissemination for the www.
   IEEE Data Engineering Bulletin, September 1996. Page 15
"""


def test_a_running_head_between_entries_is_no_reference():
    document, _ = findings_of(PDF_LIST)
    starts = [reference.text.split(",")[0] for reference in document.references]
    assert starts == ["Durbin", "Gatti", "Bestavros"]
    assert document.references[-1].text.endswith("Page 15")  # a reference's own last words stay


def test_a_doi_broken_before_a_period():
    text = ("Religion 45, no. 2 (2015): 191\u2013208, https://doi.org/10.1080/02757206\n.2020.1790363.")
    dois = [found.value for found in scan(text) if found.scheme is IdScheme.DOI]
    assert dois == ["10.1080/02757206.2020.1790363"]


APA_LIST = """References

Kasckow, J. W., Mohamed, S., Thallasinos, A., Carroll, B., Zisook, S., & Jeste, D. V. (2001).
Citalopram augmentation of antipsychotic treatment in older schizophrenia patients.
*International Journal of Geriatric Psychiatry, 16*(12), 1163\u20131167.
https://doi.org/10.1002/gps.490

House, J. S. (2005). Physicians, families, and population health. *Annals of Family Medicine,
3*(2), 100\u2013101. https://doi.org/10.1370/afm.292
"""


def test_a_journals_line_under_a_title_that_ends_in_a_full_stop_goes_on_with_it():
    document, _ = findings_of(APA_LIST)
    assert len(document.references) == 2
    kasckow = document.references[0]
    assert kasckow.container == "International Journal of Geriatric Psychiatry" and kasckow.doi == "10.1002/gps.490"


REVIEW_NOTES = """Text.1 More.2

Notes

1 Francis J. Bowman, review of Latvijas V\u0113sture, 1914\u20131920, by Edgar Anderson, American Historical Review 73, no. 5 (1968): 1551\u201352.
2 Bowman, review of Latvijas V\u0113sture, 1558.
"""


def test_the_short_form_of_a_review():
    document, findings = findings_of(REVIEW_NOTES)
    (cite,) = document.short_cites
    assert (cite.author, cite.short_title, cite.pinpoints) == ("Bowman", "review of Latvijas V\u0113sture", ("1558",))
    assert [(f.span.line, f.code) for f in findings if f.code == "page-out-of-range"] == [(6, "page-out-of-range")]


def test_a_dangling_markers_message_shows_the_gaps_between_the_notes():
    text = "One.[^1] Two.[^2] Seven.[^7] Eight.[^8]\n\n[^1]: Note one.\n[^2]: Note two.\n[^8]: Note eight.\n[^9]: Nine.\n"
    _, findings = findings_of(text, "doc.md")
    (dangling,) = [f for f in findings if f.code == "dangling-marker"]
    assert dangling.message.endswith("(notes here: 1-2, 8-9)")


def test_cs1_editors_between_the_date_and_the_title():
    book = parse("Heumann, Georg Daniel (2021) [1747]. Brednich, Rolf Wilhelm (ed.). Der G\u00f6ttingische Ausruff "
                 "von 1744 [The G\u00f6ttingen street cries of 1744] (in German). G\u00f6ttingen: G\u00f6ttingen University "
                 "Press. ISBN 978-3-86395-505-2.")
    assert [person.family for person in book.authors] == ["Heumann"]
    assert [person.family for person in book.editors] == ["Brednich"]
    assert book.title == "Der G\u00f6ttingische Ausruff von 1744" and book.original_year == 1747


def test_cs1_title_in_its_own_script_after_the_romanised_one_is_no_journal():
    article = parse("Latysheva, Aleksandra N. (2017). \"Eto ne prosto biznes: sotsial'naya sostavlyayushchaya "
                    "rossiiskogo kraudfandinga\" \u042d\u0442\u043e \u043d\u0435 \u043f\u0440\u043e\u0441\u0442\u043e "
                    "\u0431\u0438\u0437\u043d\u0435\u0441 [It's not just business]. The Journal of Social Policy "
                    "Studies (in Russian). 15 (4): 660\u2013668.")
    assert article.container == "The Journal of Social Policy Studies"
    assert article.translated_title == "It's not just business"


def test_vancouvers_volume_numbered_by_the_year():
    article = parse("Tang C, Hou J, Yan G. Effects of serum cytochrome c on contrast-induced nephropathy. "
                    "Biomed Res Int. 2019;2019:9357203.")
    assert (article.kind, article.container, article.volume, article.year) == (
        ReferenceKind.ARTICLE, "Biomed Res Int", "2019", 2019)
    assert find_locators(" Stanford University Press, 1985, 234.").volume is None  # a year and a page


def test_an_article_in_a_newspaper_named_by_its_day():
    article = parse("Hans M\u00fcller: Die Stadt im Wandel, in: G\u00f6ttinger Tageblatt vom 14. M\u00e4rz 1998, S. 9.")
    assert (article.kind, article.title, article.container) == (
        ReferenceKind.NEWS, "Die Stadt im Wandel", "G\u00f6ttinger Tageblatt")


def test_a_range_of_superscript_markers_cites_the_notes_between():
    text = ("Samples differ,\u00b2\u207b\u2074 as shown\u00b9 and again.\u2075\u2013\u2077\n\nNotes\n"
            + "".join(f"{n}. Note {n}.\n" for n in range(1, 8)))
    document, findings = findings_of(text)
    assert sorted(int(marker.label) for marker in document.markers) == [1, 2, 3, 4, 5, 6, 7]
    assert not [f for f in findings if f.code in ("unused-note", "dangling-marker")]


def test_a_french_book_note_is_no_author_year_short_cite():
    text = ("Text.[1] More.[2] And.[3]\n\nNotes\n\n1. Pierre Brou\u00e9, Trotsky, Paris, Fayard, 1988, p. 845.\n"
            "2. Id., p. 847.\n3. Smith, Jones and Brown, 2001, p. 4.\n")
    document, findings = findings_of(text)
    (book,) = document.references
    assert (book.kind, book.title, book.publisher) == (ReferenceKind.BOOK, "Trotsky", "Fayard")
    # a short cite with its authors and year between commas stays one
    assert [(f.span.line, f.code) for f in findings] == [(7, "orphan-short-cite")]


MLA_TEXT = """The purge was vast (Conquest, *Great Terror* 45). Its harvest (Conquest, Harvest 500) and a place (Kyiv, Ukraine 12).

## Works Cited

Conquest, Robert. "The Harvest of Sorrow." *Soviet Studies*, vol. 38, no. 2, 1986, pp. 100-120.
"""


def test_an_mla_cite_with_a_books_short_title():
    document, findings = findings_of(MLA_TEXT, "doc.md")
    cites = {cite.text: cite for cite in document.short_cites}
    assert cites["Conquest, *Great Terror* 45"].short_title == "Great Terror"
    assert cites["Conquest, Harvest 500"].pinpoints == ("500",)
    by_code = sorted((f.code, f.message.split(" matches")[0].split(",")[0]) for f in findings)
    # the emphasised title names a work the list lacks; the place in brackets is no cite to report
    assert by_code == [("orphan-short-cite", 'short cite "Conquest'), ("page-out-of-range", "page 500 cited")]
