"""Forms from historians' notes and bibliographies that the eighth pair of blind testers wrote
(and older forms the guard corpora hold): Roman volumes, one volume of a multivolume work,
APA's bracketed volume or series after a book's title, MLA's chapter with its publisher,
corporate authors, natural-order author lists whose names open with an initial, a chapter's
book whose title ends in a span of years, and Chicago's review notes."""

from __future__ import annotations

import pytest

from verify_refs.extract.locators import find_locators, roman_to_int
from verify_refs.extract.references import parse_reference
from verify_refs.extract.source import SourceText
from verify_refs.models import Person, ReferenceKind


def parse(text: str):
    source = SourceText("doc.txt", text)
    return parse_reference(source, 0, len(source.text))


@pytest.mark.parametrize("text, container, volume, issue, pages", [
    ('Jones, A. "Rivers." Past & Present LXXV (1977): 3–29.', "Past & Present", "LXXV", None, ("3", "29")),
    ('Pipes, R. "Lenin." Slavic Review XXII, no. 2 (Summer 1963): 220–35.', "Slavic Review", "XXII", "2",
     ("220", "235")),
    ('Markowitz, Harry. "Portfolio Selection," The Journal of Finance, Vol. VII, No. 1 (March, 1952): 77-91.',
     "The Journal of Finance", "VII", "1", ("77", "91")),
    ('Tilles, Seymour. "How to Evaluate Corporate Strategy." Harvard Business Review, XLI (July-August, 1963), '
     'pp. 111-21.', "Harvard Business Review", "XLI", None, ("111", "121")),
])
def test_a_roman_volume_is_read_and_cut_from_the_journal(text, container, volume, issue, pages):
    reference = parse(text)
    assert reference.kind is ReferenceKind.ARTICLE
    assert (reference.container, reference.volume, reference.issue) == (container, volume, issue)
    assert (reference.pages.first, reference.pages.last) == pages


def test_a_roman_volume_needs_pages_after_the_year():
    """"Richard III (1955)" is a king's number, not a volume."""
    assert find_locators(" Olivier, dir. Richard III (1955). London Films.").volume is None
    assert find_locators(" Slavic Review XXII (1963): 220-35.").volume == "XXII"


@pytest.mark.parametrize("letters, value", [("LXXV", 75), ("XIX", 19), ("IV", 4), ("CIVIL", None), ("IIII", None)])
def test_roman_numerals(letters, value):
    assert roman_to_int(letters) == value


@pytest.mark.parametrize("text", [
    "Foucault, Michel. The Use of Pleasure. Vol. 2 of The History of Sexuality. Translated by Robert Hurley. "
    "New York: Vintage, 1990.",
    "3. Michel Foucault, The Use of Pleasure, vol. 2 of The History of Sexuality, trans. Robert Hurley "
    "(New York: Vintage, 1990), 45.",
])
def test_one_volume_of_a_multivolume_work_is_a_book(text):
    reference = parse(text)
    assert reference.kind is ReferenceKind.BOOK
    assert reference.title == "The Use of Pleasure"
    assert reference.container is None and reference.volume is None
    assert (reference.publisher, reference.year) == ("Vintage", 1990)


@pytest.mark.parametrize("bracket, edition", [
    ("(Vol. 3)", None), ("(6th ed., Vol. 3)", "6th"), ("(Vols. 1-4)", None),
    ("(Critical Theory Series, Vol. 3)", None), ("(Studies in Social History, No. 12)", None),
])
def test_apas_bracketed_volume_or_series_after_a_book_title(bracket, edition):
    reference = parse(f"Damon, W. (2006). Handbook of child psychology {bracket}. Wiley.")
    assert reference.kind is ReferenceKind.BOOK
    assert reference.title == "Handbook of child psychology"
    assert reference.container is None and reference.publisher == "Wiley"
    assert reference.edition == edition


def test_a_journals_volume_in_brackets_stays_a_journals():
    reference = parse("Smith, A. (2010). Networks of power. Journal of Social History, 3(2), 5-9.")
    assert (reference.kind, reference.volume) == (ReferenceKind.ARTICLE, "3")


def test_a_german_newspaper_day_with_its_ordinal_full_stop():
    reference = parse("Müller, Hans: Der Streit, in: Die Zeit, 14. März 2019, S. 5.")
    assert reference.kind is ReferenceKind.NEWS
    assert (reference.container, reference.year) == ("Die Zeit", 2019)


@pytest.mark.parametrize("middle", ["", "edited by Ann Lee, "])
@pytest.mark.parametrize("publisher", ["Edinburgh UP", "Oxford University Press"])
def test_mlas_chapter_with_the_books_publisher(middle, publisher):
    reference = parse(f'Berressem, Hanjo. "Schizoanalytic Ecology." Felix Guattari\'s Schizoanalytic Ecology, '
                      f'{middle}{publisher}, 2020, pp. 183-232.')
    assert reference.kind is ReferenceKind.CHAPTER
    assert reference.container == "Felix Guattari's Schizoanalytic Ecology"
    assert reference.publisher == publisher
    assert reference.editors == ((Person("Lee", "Ann"),) if middle else ())
    assert (reference.pages.first, reference.pages.last) == ("183", "232")


def test_mlas_journal_article_keeps_its_journal():
    reference = parse('Merskey, Harold. "Patterns." Pain Research and Management, vol. 9, no. 3, 2004, pp. 163-5.')
    assert (reference.kind, reference.container, reference.publisher) == (
        ReferenceKind.ARTICLE, "Pain Research and Management", None)


@pytest.mark.parametrize("text, author", [
    ("U.S. Food and Drug Administration. (2019, February 21). Sunscreen: How to help protect your skin. "
     "https://www.fda.gov/drugs/sunscreen", "U.S. Food and Drug Administration"),
    ("BBC News (2019) 'Sunscreen ingredients absorbed into bloodstream, study finds', BBC News, 7 May. "
     "Available at: https://www.bbc.co.uk/news/health-48184234 (Accessed: 3 March 2021).", "BBC News"),
])
def test_an_organisation_as_author(text, author):
    reference = parse(text)
    assert reference.authors == (Person(author),)
    assert reference.title.startswith("Sunscreen")


@pytest.mark.parametrize("names, families", [
    ("Bensmail, Halima, Buddana Aruna, O. John Semmes, and Abdelali Haoudi.",
     ["Bensmail", "Aruna", "Semmes", "Haoudi"]),
    ("George Mohler, P. Jeffrey Brantingham, Jeremy Carter, and Martin B. Short,",
     ["Mohler", "Brantingham", "Carter", "Short"]),
    ("Guy Henry, E. Wesley F. Peterson, David A. Bessler, and Donald Farris,",
     ["Henry", "Peterson", "Bessler", "Farris"]),
])
def test_natural_order_names_that_open_with_an_initial(names, families):
    reference = parse(f'{names} "Functional Clustering of Proteomics Data." Journal of Biomedicine 35, '
                      f'no. 4 (2020): 747–65.')
    assert [person.family for person in reference.authors] == families
    assert reference.title == "Functional Clustering of Proteomics Data"


def test_a_two_word_family_name_before_initials_still_reads_so():
    reference = parse("Govinda Raju, V., and K. Smith. 2001. \"Title here.\" Journal 3: 4-5.")
    assert reference.authors == (Person("Govinda Raju", "V."), Person("Smith", "K."))


def test_an_initial_then_a_given_name_before_a_dated_bracket():
    reference = parse('Moodie, D. Wayne (October 1987). "The trading post settlement of the Canadian '
                      'northwest, 1774–1821". Journal of Historical Geography. 13 (4): 360–374.')
    assert reference.authors == (Person("Moodie", "D. Wayne"),)
    assert reference.title.startswith("The trading post settlement")


def test_apas_chapter_in_an_authored_book():
    reference = parse("Cressler, J. D. (2017a). Widget deconstruction #1: Smartphone. In Silicon Earth: "
                      "Introduction to microelectronics and nanotechnology (2nd ed., pp. 99–118). CRC Press.")
    assert reference.kind is ReferenceKind.CHAPTER
    assert reference.container == "Silicon Earth: Introduction to microelectronics and nanotechnology"
    assert (reference.publisher, reference.place) == ("CRC Press", None)
    assert (reference.pages.first, reference.pages.last) == ("99", "118")


@pytest.mark.parametrize("text, container, pages", [
    ('Fletcher, Christopher. "The Pursuit of Manhood, 1384–86." In Richard II: Manhood, Youth, and Politics, '
     '1377–99, 127–50. Oxford: Oxford University Press, 2008.',
     "Richard II: Manhood, Youth, and Politics, 1377-99", ("127", "150")),
    ('13. Christopher Fletcher, "The Pursuit of Manhood, 1384–86," in Richard II: Manhood, Youth, and Politics, '
     '1377–99 (Oxford: Oxford University Press, 2008), 127–50.',
     "Richard II: Manhood, Youth, and Politics, 1377-99", ("127", "150")),
    ('Jouanna, Arlette. "L\'union des Malcontents." In La France du XVIe siècle, 1483–1598, 493–511. '
     'Paris: Presses Universitaires de France, 2012.', "La France du XVIe siècle, 1483-1598", ("493", "511")),
])
def test_a_books_title_ending_in_years_is_no_page_range(text, container, pages):
    reference = parse(text)
    assert reference.kind is ReferenceKind.CHAPTER
    assert reference.container == container
    assert (reference.pages.first, reference.pages.last) == pages


@pytest.mark.parametrize("text", [
    "8. Sergei Kiselev, review of Vlast' prostranstva i prostranstvo vlasti [The power of space], by D. N. "
    "Zamiatin, Ab Imperio 2004, no. 4: 668–74.",
    "Kiselev, Sergei. Review of Vlast' prostranstva i prostranstvo vlasti, by D. N. Zamiatin. Ab Imperio "
    "2004, no. 4: 668–74.",
])
def test_a_review_note_with_a_journal_numbered_by_year(text):
    reference = parse(text)
    assert reference.authors == (Person("Kiselev", "Sergei"),)
    assert reference.title.lower().startswith("review of vlast")
    assert (reference.container, reference.volume, reference.issue) == ("Ab Imperio", "2004", "4")
    assert (reference.pages.first, reference.pages.last) == ("668", "674")


def test_a_volume_and_labelled_issue_without_a_bracketed_year():
    reference = parse("Jin-yi Cai (1990), A Note on the Determinant and Permanent Problem, Information and "
                      "Computation, 84, No. 1, 119-127.")
    assert (reference.container, reference.volume, reference.issue) == ("Information and Computation", "84", "1")
    assert (reference.pages.first, reference.pages.last) == ("119", "127")


@pytest.mark.parametrize("text, container, year, pages, pinpoints", [
    ('15. Hannah Arendt, "Eichmann in Jerusalem—I," New Yorker, February 16, 1963, 40.', "New Yorker", 1963,
     None, ("40",)),
    ('Arendt, Hannah. "Eichmann in Jerusalem—I." New Yorker, February 16, 1963, 40–113.', "New Yorker", 1963,
     ("40", "113"), ()),
    ('Smith, John. "Strike." New York Times, March 3, 1999, A12.', "New York Times", 1999, None, ("A12",)),
])
def test_a_magazines_date_then_its_pages(text, container, year, pages, pinpoints):
    """Chicago's magazine and newspaper: the year after the day is no volume, and the day is
    no part of the name."""
    reference = parse(text)
    assert reference.kind is ReferenceKind.NEWS
    assert (reference.container, reference.volume, reference.year) == (container, None, year)
    assert (None if reference.pages is None else (reference.pages.first, reference.pages.last)) == pages
    assert reference.pinpoints == pinpoints


def test_a_cs1_note_with_two_works_whose_authors_are_separated_by_semicolons():
    """CS1 separates a work's authors with ";" as the note separates its works."""
    from verify_refs.pipeline import parse as parse_document
    text = ('Notes\n\n1. ^ Werum, Regina; Steidl, Christina; Absalon, Jacob (November 2020). "Military service '
            'and STEM employment". Social Science Research. 92: 102478. doi:10.1016/j.ssresearch.2020.102478.; '
            'Morash, Merry; Kashy, Deborah A. (March 2022). "The Relevance of Women\'s Economic Marginalization '
            'to Recidivism". Criminal Justice and Behavior. 49 (3): 330–349.\n')
    document = parse_document(SourceText("doc.txt", text))
    works = [([p.family for p in r.authors], r.volume, r.pages.raw) for r in document.references]
    assert works == [(["Werum", "Steidl", "Absalon"], "92", "102478"), (["Morash", "Kashy"], "49", "330-349")]


@pytest.mark.parametrize("text, authors", [
    ('Garton Ash, Timothy (18 January 1990). "The Revolution of the Magi". The New York Review of Books. '
     'Vol. 37, no. 1.', [("Garton Ash", "Timothy")]),
    ('Pataricza, Dóra; Kieding Banik, Vibeke; Rudberg, Pontus (2021). "Title of the thing". Journal of Stuff. '
     '3 (2): 4–9.', [("Pataricza", "Dóra"), ("Kieding Banik", "Vibeke"), ("Rudberg", "Pontus")]),
])
def test_two_word_family_names_in_cs1(text, authors):
    reference = parse(text)
    assert [(p.family, p.given) for p in reference.authors] == authors
    assert reference.title in ("The Revolution of the Magi", "Title of the thing")


@pytest.mark.parametrize("text", [
    "Veblen, Thorstein. The Theory of the Leisure Class. 1899. Reprint, New York: Dover, 1994.",
    "11. Thorstein Veblen, The Theory of the Leisure Class (1899; repr., New York: Dover, 1994), 68.",
])
def test_a_reprint_gives_the_edition_cited_and_the_original_year(text):
    reference = parse(text)
    assert (reference.year, reference.original_year, reference.publisher) == (1994, 1899, "Dover")


def test_an_ieee_journal_abbreviation_ending_in_ys():
    reference = parse('J. Berchem and F. Pitout, "Dawn-dusk asymmetry in solar wind ion entry," '
                      'J. Geophys. Res. Space Phys., vol. 119, no. 3, pp. 1549–1562, 2014.')
    assert (reference.container, reference.volume) == ("J. Geophys. Res. Space Phys", "119")
