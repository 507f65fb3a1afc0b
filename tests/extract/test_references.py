"""The reference parser on real snippets, one block per citation style.

The four corpus references (Coox, Kuksin, Berkman, Medvedev) and the Memorial note are
copied as they appear in ``corpus/``, with their no-break spaces and en dashes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from verify_refs.extract.references import looks_like_reference, parse_reference
from verify_refs.extract.source import SourceText, read_source
from verify_refs.models import IdScheme, PageRange, Person, ReferenceKind, Span

NB = "\u00a0"
COOX = ("Coox, Alvin D. (January 1968). \"L'Affaire Lyushkov: Anatomy of a Defector\". Soviet Studies. "
        "19 (3): 405\u201320. doi:10.1080/09668136808410603. ISSN 0038-5859. JSTOR 149953.")
KUKSIN = (f"Kuksin, Ilya (17 August 1999).{NB}ПОБЕГ СТОЛЕТИЯ[Flight of the Century].{NB}Vestnik{NB}"
          f"(in Russian). Vestnik Information Agency.{NB}17{NB}(224). Retrieved{NB}12 February{NB}2012.")
BERKMAN = (f"Alexander, Berkman{NB}(1989) [1925].{NB}\"Chapter 32: Odessa: Life and Vision\"The Bolshevik "
           f"Myth (Diary 1920\u20131922). London: Pluto Press.{NB}ISBN{NB}1-85305-032-6OCLC{NB}1144036. "
           f"Retrieved{NB}12 February{NB}2012.")
MEDVEDEV = (f"Medvedev, Roy{NB}(1972) [1969].{NB}К суду истории{NB}[Let History Judge: The Origin and "
            f"Consequences of Stalinism] (in Russian).{NB}Alfred A. KnopfISBN{NB}0-394-44645-3OCLC{NB}251139.")
MEMORIAL = (f"ЛЮШКОВ ГЕНРИХ САМОЙЛОВИЧ{NB}[Lyushkov, Genrikh Samoilovich].{NB}(in Russian). Memorial. "
            f"Retrieved{NB}12 February{NB}2012.")


def parse(text: str, prefix: str = "", note_label: str | None = None):
    source = SourceText("doc.txt", prefix + text)
    return parse_reference(source, len(prefix), len(prefix) + len(text), note_label=note_label)


def ids(reference):
    return [(i.scheme, i.value, i.raw, i.span.column) for i in reference.identifiers]


# --- the corpus ----------------------------------------------------------------


def test_coox_cs1_journal():
    r = parse(COOX, prefix=f"10{NB} ")
    assert r.id == "doc.txt:1:5" and r.span == Span("doc.txt", 1, 5)
    assert r.kind is ReferenceKind.ARTICLE
    assert r.authors == (Person("Coox", "Alvin D."),)
    assert (r.year, r.year_suffix, r.original_year) == (1968, "", None)
    assert r.title == "L'Affaire Lyushkov: Anatomy of a Defector"
    assert r.container == "Soviet Studies"
    assert (r.volume, r.issue) == ("19", "3")
    assert r.pages == PageRange("405", "420", "405-20")
    assert r.pinpoints == ()
    assert r.doi == "10.1080/09668136808410603" and r.jstor == "149953"
    assert ids(r) == [
        (IdScheme.DOI, "10.1080/09668136808410603", "10.1080/09668136808410603", 5 + COOX.index("10.1080")),
        (IdScheme.ISSN, "0038-5859", "0038-5859", 5 + COOX.index("0038")),
        (IdScheme.JSTOR, "149953", "149953", 5 + COOX.index("149953")),
    ]
    assert r.text == " ".join(COOX.replace("\u2013", "-").split())


def test_kuksin_news_with_glued_translated_title():
    r = parse(KUKSIN)
    assert r.kind is ReferenceKind.NEWS
    assert r.authors == (Person("Kuksin", "Ilya"),)
    assert r.year == 1999
    assert r.title == "ПОБЕГ СТОЛЕТИЯ"
    assert r.translated_title == "Flight of the Century"
    assert r.container == "Vestnik"
    assert r.publisher == "Vestnik Information Agency"
    assert (r.volume, r.issue, r.pages) == ("17", "224", None)
    assert r.language == "ru"
    assert r.accessed == "12 February 2012"
    assert r.identifiers == ()


def test_berkman_chapter_glued_title_and_identifiers():
    r = parse(BERKMAN)
    assert r.kind is ReferenceKind.CHAPTER
    assert r.authors == (Person("Alexander", "Berkman"),)  # as written; swaps are a later check
    assert (r.year, r.original_year) == (1989, 1925)
    assert r.title == "Chapter 32: Odessa: Life and Vision"
    assert r.container == "The Bolshevik Myth (Diary 1920-1922)"
    assert (r.place, r.publisher) == ("London", "Pluto Press")
    assert r.accessed == "12 February 2012"
    assert ids(r) == [
        (IdScheme.ISBN, "1853050326", "1-85305-032-6", 1 + BERKMAN.index("1-85305")),
        (IdScheme.OCLC, "1144036", "1144036", 1 + BERKMAN.index("1144036")),
    ]


def test_medvedev_book_cyrillic_title_translated_glued_isbn():
    r = parse(MEDVEDEV)
    assert r.kind is ReferenceKind.BOOK
    assert r.authors == (Person("Medvedev", "Roy"),)
    assert (r.year, r.original_year) == (1972, 1969)
    assert r.title == "К суду истории"
    assert r.translated_title == "Let History Judge: The Origin and Consequences of Stalinism"
    assert r.language == "ru"
    assert r.publisher == "Alfred A. Knopf"
    assert [(i.scheme, i.value, i.raw) for i in r.identifiers] == [
        (IdScheme.ISBN, "0394446453", "0-394-44645-3"),
        (IdScheme.OCLC, "251139", "251139"),
    ]


def test_memorial_web_page_without_author():
    r = parse(MEMORIAL)
    assert r.kind is ReferenceKind.WEB
    assert r.authors == ()
    assert r.year is None
    assert r.title == "ЛЮШКОВ ГЕНРИХ САМОЙЛОВИЧ"
    assert r.translated_title == "Lyushkov, Genrikh Samoilovich"
    assert r.container == "Memorial"
    assert (r.language, r.accessed) == ("ru", "12 February 2012")


def test_spans_in_the_corpus_file():
    path = Path(__file__).parents[2] / "corpus" / "mongolian-road-to-pearl-harbor.txt"
    source = read_source(str(path))
    start = source.text.index("Coox, Alvin D.")
    end = source.text.index("\n", start)
    r = parse_reference(source, start, end)
    line = source.text.count("\n", 0, start) + 1
    assert source.original[source.line_offset(line):start] == "10\u00a0"  # a stray note number
    assert r.span == Span(str(path), line, 4)
    doi = r.identifiers[0]
    assert source.original[source.line_offset(line) + doi.span.column - 1:].startswith("10.1080/0966")


@pytest.mark.parametrize("text", [COOX, KUKSIN, BERKMAN, MEDVEDEV, MEMORIAL])
def test_corpus_references_are_references(text):
    assert looks_like_reference(text)


@pytest.mark.parametrize("text", [
    f"Coox 1968, p.{NB}407.", "Coox 1968, p. 413.", "Ibid.", "Ibid., 409.", "Coox (1968: 411).",
    "(Vsesoiuznoe soveshchanie 298).", "See Coox 1968, pp. 405-407.", "Smith et al. 2001, 23.",
    "Trotsky himself proclaimed the charges false, but they were widely credited until 1956.",
    "This is discussed at length below.",
])
def test_short_cites_and_commentary_are_not_references(text):
    assert not looks_like_reference(text)


# --- Chicago -------------------------------------------------------------------


def test_chicago_note_article_single_page_is_a_pinpoint():
    r = parse('Alvin D. Coox, "L\u2019Affaire Lyushkov: Anatomy of a Defector," Soviet Studies 19, '
              'no. 3 (1968): 407.', note_label="2")
    assert r.authors == (Person("Coox", "Alvin D."),)
    assert r.title == "L'Affaire Lyushkov: Anatomy of a Defector"
    assert (r.container, r.volume, r.issue, r.year) == ("Soviet Studies", "19", "3", 1968)
    assert r.pages is None and r.pinpoints == ("407",)
    assert r.note_label == "2" and r.kind is ReferenceKind.ARTICLE


def test_chicago_bibliography_article():
    r = parse('Coox, Alvin D. \u201cL\u2019Affaire Lyushkov: Anatomy of a Defector.\u201d Soviet '
              'Studies 19, no. 3 (1968): 405\u201320.')
    assert r.title == "L'Affaire Lyushkov: Anatomy of a Defector"
    assert r.pages == PageRange("405", "420", "405-20") and r.pinpoints == ()
    assert r.year == 1968 and r.kind is ReferenceKind.ARTICLE


def test_chicago_bibliography_book():
    r = parse("Coox, Alvin D. Nomonhan: Japan Against Russia, 1939. 2 vols. Stanford: Stanford "
              "University Press, 1985.")
    assert r.authors == (Person("Coox", "Alvin D."),)
    assert r.title == "Nomonhan: Japan Against Russia, 1939"
    assert (r.place, r.publisher, r.year) == ("Stanford", "Stanford University Press", 1985)
    assert r.kind is ReferenceKind.BOOK


def test_chicago_note_book_with_pinpoint():
    r = parse("Alvin D. Coox, Nomonhan: Japan Against Russia, 1939 (Stanford: Stanford University "
              "Press, 1985), 120.")
    assert r.authors == (Person("Coox", "Alvin D."),)
    assert r.title == "Nomonhan: Japan Against Russia, 1939"
    assert (r.place, r.publisher, r.year, r.pinpoints) == ("Stanford", "Stanford University Press", 1985, ("120",))


def test_chicago_chapter_edited_by():
    r = parse('Nichols, Bill. "Getting to Know You: Knowledge, Power, and the Body." In Theorizing '
              "Documentary, ed. Michael Renov, 1\u201311. London: Routledge, 1993.")
    assert r.kind is ReferenceKind.CHAPTER
    assert r.title == "Getting to Know You: Knowledge, Power, and the Body"
    assert r.container == "Theorizing Documentary"
    assert r.editors == (Person("Renov", "Michael"),)
    assert r.pages == PageRange("1", "11", "1-11")
    assert (r.place, r.publisher, r.year) == ("London", "Routledge", 1993)


def test_chicago_note_with_p_pinpoint():
    r = parse('Roy Medvedev, Let History Judge (New York: Alfred A. Knopf, 1971), p. 407.')
    assert r.authors == (Person("Medvedev", "Roy"),)
    assert r.title == "Let History Judge"
    assert r.publisher == "Alfred A. Knopf" and r.place == "New York"
    assert r.pinpoints == ("407",) and r.year == 1971 and r.kind is ReferenceKind.BOOK


# --- APA 7 -------------------------------------------------------------------------


def test_apa_article_with_doi_url():
    text = ("Coox, A. D. (1968). L'Affaire Lyushkov: Anatomy of a defector. Soviet Studies, 19(3), "
            "405\u2013420. https://doi.org/10.1080/09668136808410603")
    r = parse(text)
    assert r.authors == (Person("Coox", "A. D."),)
    assert r.title == "L'Affaire Lyushkov: Anatomy of a defector"
    assert (r.container, r.volume, r.issue) == ("Soviet Studies", "19", "3")
    assert r.pages == PageRange("405", "420", "405-420")
    assert ids(r) == [(IdScheme.DOI, "10.1080/09668136808410603",
                       "https://doi.org/10.1080/09668136808410603", 1 + text.index("https"))]
    assert r.url is None  # a DOI link is the DOI, not a web page


def test_apa_two_authors_and_year_suffix():
    r = parse("Smith, J., & Jones, K. (2010b). Peasants and the state. Slavic Review, 69(2), 1\u201320.")
    assert r.authors == (Person("Smith", "J."), Person("Jones", "K."))
    assert (r.year, r.year_suffix) == (2010, "b")
    assert r.title == "Peasants and the state"


def test_apa_chapter_with_editor_edition_and_pages():
    r = parse("Smith, J., & Jones, K. (2010). The purges in the Far East. In P. Brown (Ed.), The "
              "Soviet state (2nd ed., pp. 1\u201311). New York: Academic Press.")
    assert r.kind is ReferenceKind.CHAPTER
    assert r.editors == (Person("Brown", "P."),)
    assert r.container == "The Soviet state"
    assert r.edition == "2nd"
    assert r.pages == PageRange("1", "11", "1-11")
    assert (r.place, r.publisher) == ("New York", "Academic Press")


def test_apa_edited_book_and_et_al():
    r = parse("Brown, P. (Ed.). (2004). Stalin's terror revisited. Manchester University Press.")
    assert r.authors == () and r.editors == (Person("Brown", "P."),)
    assert r.year == 2004 and r.kind is ReferenceKind.BOOK
    assert r.publisher == "Manchester University Press"
    r = parse("Getty, J. A., et al. (1993). Victims of the Soviet penal system. The American "
              "Historical Review, 98(4), 1017\u20131049.")
    assert r.authors == (Person("Getty", "J. A."),) and r.pages == PageRange("1017", "1049", "1017-1049")


def test_apa_web_page_with_month_day_and_retrieved():
    r = parse("Memorial Society. (2020, March 3). Lyushkov, Genrikh Samoilovich. Retrieved March 5, "
              "2020, from https://memo.ru/lyushkov")
    assert r.authors == (Person("Memorial Society"),)
    assert r.year == 2020 and r.accessed == "March 5, 2020"
    assert r.url == "https://memo.ru/lyushkov" and r.kind is ReferenceKind.WEB


# --- MLA 9 and Harvard ---------------------------------------------------------


def test_mla_article():
    r = parse('Coox, Alvin D. "L\'Affaire Lyushkov: Anatomy of a Defector." Soviet Studies, vol. 19, '
              "no. 3, 1968, pp. 405-20.")
    assert (r.container, r.volume, r.issue, r.year) == ("Soviet Studies", "19", "3", 1968)
    assert r.pages == PageRange("405", "420", "405-20")


def test_mla_chapter_with_eds_after_container():
    r = parse('M\u00fcller, Anja. "Childhood in the Renaissance." Childhood in the English Renaissance. '
              "Ed. Anja M\u00fcller. Trier: WVT, 2013. 1-12.")
    assert r.kind is ReferenceKind.CHAPTER
    assert r.container == "Childhood in the English Renaissance"
    assert r.editors == (Person("M\u00fcller", "Anja"),)
    assert (r.place, r.publisher, r.year) == ("Trier", "WVT", 2013)


def test_harvard_single_quoted_title():
    r = parse("Coox, A.D. (1968) 'L'Affaire Lyushkov: anatomy of a defector', Soviet Studies, 19(3), "
              "pp. 405-420.")
    assert r.title == "L'Affaire Lyushkov: anatomy of a defector"
    assert (r.container, r.volume, r.issue) == ("Soviet Studies", "19", "3")
    assert r.pages == PageRange("405", "420", "405-420")


def test_harvard_book_with_edition():
    r = parse("Conquest, R. (1990) The Great Terror: A Reassessment. 2nd edn. London: Pimlico.")
    assert r.authors == (Person("Conquest", "R."),)
    assert r.title == "The Great Terror: A Reassessment"
    assert (r.edition, r.place, r.publisher, r.kind) == ("2nd", "London", "Pimlico", ReferenceKind.BOOK)


# --- names -----------------------------------------------------------------------


@pytest.mark.parametrize("text, authors", [
    ("Coox AD, Hiroshi K. Nomonhan revisited. J Mil Hist 1990;54(2):211-20.",
     (Person("Coox", "AD"), Person("Hiroshi", "K."))),
    ("Smith, John, and Kate Jones. The Far East. London: Verso, 1999.",
     (Person("Smith", "John"), Person("Jones", "Kate"))),
    ("O. Ambacher, B. Foutz, and M. Stutzmann, J. Appl. Phys. 87, 334 (2000).",
     (Person("Ambacher", "O."), Person("Foutz", "B."), Person("Stutzmann", "M."))),
    ("DULONG R., \u00ab Les op\u00e9rateurs de factualit\u00e9 \u00bb, in Politix, 10, 39 (1997), pp. 65-85.",
     (Person("DULONG", "R."),)),
    ("Кукcин, Илья (1999). Побег столетия. Вестник, 17 (224).", (Person("Кукcин", "Илья"),)),
    ("van der Berg, J.-P. (2001). Border crossings. Leiden: Brill.", (Person("van der Berg", "J.-P."),)),
    ("World Health Organization. (2010). Global report. Geneva: WHO.", (Person("World Health Organization"),)),
])
def test_author_forms(text, authors):
    assert parse(text).authors == authors


def test_vancouver_volume_issue_pages():
    r = parse("Coox AD, Hiroshi K. Nomonhan revisited. J Mil Hist 1990;54(2):211-20.")
    assert (r.year, r.volume, r.issue, r.container) == (1990, "54", "2", "J Mil Hist")
    assert r.pages == PageRange("211", "220", "211-20")


def test_nature_style_bare_volume_pages():
    r = parse("Bergk, V., Haefeli, W. E. & Martin-Facklam, M. Information deficits in the summary "
              "of product characteristics. European Journal of Clinical Pharmacology 61, 327\u2013335 (2005).")
    assert r.authors[-1] == Person("Martin-Facklam", "M.")
    assert r.title == "Information deficits in the summary of product characteristics"
    assert (r.volume, r.pages, r.year) == ("61", PageRange("327", "335", "327-335"), 2005)
    assert r.kind is ReferenceKind.ARTICLE


# --- pasted text -------------------------------------------------------------------


def test_glued_isbn_and_oclc_after_publisher():
    r = parse("Medvedev, Roy (1972). Let History Judge. Alfred A. KnopfISBN 0-394-44645-3OCLC 251139.")
    assert r.publisher == "Alfred A. Knopf"
    assert [i.raw for i in r.identifiers] == ["0-394-44645-3", "251139"]


def test_wikipedia_book_with_place_edition_and_isbn13():
    r = parse("Conquest, Robert (2008) [1968]. The Great Terror: A Reassessment (40th anniversary ed.). "
              "Oxford: Oxford University Press. ISBN 978-0-19-531700-8. OCLC 179097066.")
    assert (r.year, r.original_year) == (2008, 1968)
    assert r.title == "The Great Terror: A Reassessment"
    assert (r.place, r.publisher, r.kind) == ("Oxford", "Oxford University Press", ReferenceKind.BOOK)
    assert r.first_id(IdScheme.ISBN) == "9780195317008"


def test_cs1_web_page_with_url_and_access_date():
    r = parse('"Genrikh Lyushkov". Memorial. Archived from the original on 2012-02-12. Retrieved '
              "12 February 2012. https://www.memo.ru/lyushkov.html")
    assert r.title == "Genrikh Lyushkov" and r.container == "Memorial"
    assert r.url == "https://www.memo.ru/lyushkov.html" and r.kind is ReferenceKind.WEB


def test_newspaper_with_day_month_date():
    r = parse('Byas, Hugh (14 July 1938). "Soviet general flees to Japan". The New York Times. p. 1.')
    assert r.kind is ReferenceKind.NEWS
    assert r.container == "The New York Times" and r.pinpoints == ("1",)


def test_thesis_is_other():
    r = parse("Pereira, Maria. \u201cO Coruja de Alu\u00edsio Azevedo.\u201d MA thesis, University of "
              "S\u00e3o Paulo, 2013.")
    assert r.kind is ReferenceKind.OTHER and r.year == 2013


# --- robustness ----------------------------------------------------------------------


def test_pathological_line_is_fast():
    import time

    for text in ("a. " * 35_000, "(" * 100_000, "Smith, J., " * 9_000, "10." * 33_000,
                 "ISBN " + "1-" * 50_000, '"' * 100_000, "In " * 33_000, "1" * 100_000):
        started = time.perf_counter()
        parse(text)
        looks_like_reference(text)
        assert time.perf_counter() - started < 1.0, text[:20]


@pytest.mark.parametrize("text", ["", " ", ".", "\u00a0\u00a0", "(", "\"", "[", "doi:", "ISBN", "10.1/"])
def test_degenerate_input(text):
    r = parse(text)
    assert r.text == " ".join(text.replace("\u00a0", " ").split())
    assert looks_like_reference(text) in (True, False)


# --- names with a suffix, undated books, a whole imprint ---------------------------------


@pytest.mark.parametrize("text, authors, title", [
    ("King, Martin Luther, Jr. Why We Can't Wait. New York: Harper & Row, 1964.",
     (Person("King", "Martin Luther"),), "Why We Can't Wait"),
    ("Gates, Henry Louis, Jr., and Cornel West. The Future of the Race. New York: Knopf, 1996.",
     (Person("Gates", "Henry Louis"), Person("West", "Cornel")), "The Future of the Race"),
    ("Smith, John, III. A Study of Things. Boston: Beacon, 1990.", (Person("Smith", "John"),),
     "A Study of Things"),
    ("Byron, George Gordon, Lord. The Poems and Dramas of Lord Byron. New York: Arundel, n.d.",
     (Person("Byron", "George Gordon"),), "The Poems and Dramas of Lord Byron"),
    ('Hershey, Robert D., Jr. "Chemical New York Taps Commercial Paper Funds," The New York Times '
     "(March 27, 1969).", (Person("Hershey", "Robert D."),), "Chemical New York Taps Commercial Paper Funds"),
])
def test_a_generation_or_title_after_the_name_is_not_the_title(text, authors, title):
    r = parse(text)
    assert (r.authors, r.title) == (authors, title)
    assert looks_like_reference(text)


def test_a_suffix_word_that_starts_the_title_is_the_title():
    # "Sir" and "Lord" only as a name's own suffix, before a separator; a title may start with them
    r = parse("Smith, John. Lord of the Flies Revisited. London: Faber, 1990.")
    assert (r.authors, r.title) == ((Person("Smith", "John"),), "Lord of the Flies Revisited")


def test_four_given_names():
    r = parse("Pereira, Maria Aparecida Viana Schtine. \u201c\u2018O Coruja\u2019 de Alu\u00edsio Azevedo: "
              "romance de forma\u00e7\u00e3o sob o prisma do grotesco.\u201d MA thesis, University of "
              "S\u00e3o Paulo, 2013.")
    assert r.authors == (Person("Pereira", "Maria Aparecida Viana Schtine"),)
    assert r.title.startswith("'O Coruja' de Alu\u00edsio Azevedo")


def test_undated_book_in_the_imprint():
    text = "Sterne, Laurence. The Life and Opinions of Tristram Shandy, Gentleman. New York: Modern Library, n.d."
    r = parse(text)
    assert (r.place, r.publisher, r.year) == ("New York", "Modern Library", None)
    assert r.kind is ReferenceKind.BOOK
    # "n.d." inside a word or another abbreviation is no date
    assert parse("Smith, John. The Grand.dad Papers. Boston: Beacon, 1990.").year == 1990


def test_original_year_inside_the_parentheses():
    r = parse("Freidson, E. (1984 [1970]), La profession m\u00e9dicale, Paris, Payot.")
    assert (r.year, r.original_year) == (1984, 1970)
    assert r.kind is ReferenceKind.BOOK and r.publisher == "Payot"


def test_a_whole_imprint_makes_a_reference_of_a_garbled_head():
    # the author's comma typed as a period: the head is unreadable, "Place: Publisher, Year" is not
    assert looks_like_reference("Becker. Ernest. The Denial of Death. New York: Free Press, 1973.")
    # an imprint alone is no more than two points: a short note naming only a publisher is not one
    assert not looks_like_reference("Free Press, 1973.")


@pytest.mark.parametrize("text", [
    "Cornell, C. A. (1968). Engineering seismic risk analysis. Bulletin of the Seismological Society of America, 58(5):1583-1606.",
    "Poirier, L.J., Giguere, M., and Marchand, R. (1983). Comparative morphology of the substantia nigra. Brain Research Bulletin 11, 371-397.",
])
def test_a_bulletin_is_a_journal(text):
    assert parse(text).kind is ReferenceKind.ARTICLE


@pytest.mark.parametrize("text, families", [
    ("Abrahamson, N. A. and Al Atik, L. (2010). Scenario Spectra for Design Ground Motions and Risk "
     "Calculation. In 9th US National and 10th Canadian Conference on Earthquake Engineering, Toronto, Canada.",
     ("Abrahamson", "Al Atik")),
    ("Salah El Hihi and Yoshua Bengio. Hierarchical recurrent neural networks for long-term dependencies. "
     "In NIPS, 1995.", ("El Hihi", "Bengio")),
])
def test_arabic_al_and_el_are_part_of_the_family_name(text, families):
    r = parse(text)
    assert tuple(p.family for p in r.authors) == families
    assert looks_like_reference(text)


def test_press_is_a_family_name_before_initials():
    r = parse("Press, W. H., Teukolsky, S. A., Vetterling, W. T., & Flannery, B. P. (2007). Numerical "
              "recipes: The art of scientific computing (3rd ed.). Cambridge University Press.")
    assert [p.family for p in r.authors] == ["Press", "Teukolsky", "Vetterling", "Flannery"]
    assert r.title == "Numerical recipes: The art of scientific computing"
    # a publisher's "Press" is no author
    assert not parse("Nomonhan. Stanford: Stanford University Press, 1985.").authors


@pytest.mark.parametrize("text, volume, issue, first", [
    ('Grosh, Karl. "Residual-Based Methods for Fluid-Loaded Beams." Computer Methods in Applied Mechanics '
     'and Engineering 190, nos. 20–21 (2001): 2543–54.', "190", "20-21", "2543"),
    ('Smith, Roy. "A Title." Slavic Review, vol. 3, nos. 1-2, 1999, pp. 4-9.', "3", "1-2", "4"),
    # a page count in brackets is no issue: the locators are the journal's, later
    ("Hacquebord L. Ecology of Arctic environments, Blackwell Science Ltd, Oxford 1997 (286pp). "
     "J Quat Sci. 1999;14(3):287-88.", "14", "3", "287"),
])
def test_plural_issue_labels_and_page_counts(text, volume, issue, first):
    reference = parse(text)
    assert (reference.volume, reference.issue, reference.pages.first) == (volume, issue, first)


def test_vancouver_hyphenated_initials_and_a_title_with_a_letter_and_digit():
    reference = parse("Wang H, Perng C-S. The S2-tree: an index structure for subsequence matching. "
                      "J Data Min. 2001;3:312-23.")
    assert [(p.family, p.given) for p in reference.authors] == [("Wang", "H"), ("Perng", "C-S")]
    assert reference.title == "The S2-tree: an index structure for subsequence matching"
    assert (reference.volume, reference.pages.first) == ("3", "312")
    # a German "S." is still a page label: the pages a book's note cites
    book = parse("Müller, K. Die Stadt. Berlin 1990, S. 12-15.")
    assert (book.place, book.pages, book.pinpoints) == ("Berlin", None, ("12-15",))


def test_a_chicago_book_note_with_an_emphasised_title_has_one_author():
    reference = parse("Jesse Matz, *Modernist Time Ecology* (Baltimore: Johns Hopkins University Press, 2018), 12.")
    assert [(p.family, p.given) for p in reference.authors] == [("Matz", "Jesse")]
    assert reference.title == "Modernist Time Ecology"
    # a journal in emphasis after a quoted title keeps its place
    article = parse('Alvin D. Coox, "L\'Affaire Lyushkov," *Soviet Studies* 19, no. 3 (1968): 405-20.')
    assert (article.title, article.container, article.volume) == ("L'Affaire Lyushkov", "Soviet Studies", "19")
