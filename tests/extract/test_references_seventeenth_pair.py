"""Forms the seventeenth pair of blind testers wrote: a nickname in brackets among the authors
("Rui (Celia) Pan", APA's "Pan, R. (C.)"), MLA's container with a subtitle before its
publisher, and a Vancouver title that asks a question and goes on with a subtitle."""

from __future__ import annotations

import pytest

from verify_refs.extract.references import parse_reference
from verify_refs.extract.source import SourceText
from verify_refs.models import ReferenceKind

TITLE = "Voices from the Workplace: Practitioners' Perspectives on the Role of Empathy and Care within Engineering"


def parse(text: str):
    source = SourceText("doc.txt", text)
    return parse_reference(source, 0, len(source.text))


@pytest.mark.parametrize("text, journal", [
    # Chicago's note, the nickname between the given and family names
    ("Justin L. Hess, Johannes Strobel, and Rui (Celia) Pan, \u201cVoices from the Workplace: "
     "Practitioners\u2019 Perspectives on the Role of Empathy and Care within Engineering,\u201d "
     "Engineering Studies 8, no. 3 (2016): 212\u201342.", "Engineering Studies"),
    # APA's preferred name after the initials, its period kept once
    ("Hess, J. L., Strobel, J., & Pan, R. (C.). (2016). Voices from the Workplace: Practitioners\u2019 "
     "Perspectives on the Role of Empathy and Care within Engineering. *Engineering Studies*, *8*(3), "
     "212\u2013242.", "Engineering Studies"),
])
def test_a_nickname_in_brackets_is_read_past(text, journal):
    reference = parse(text)
    assert [person.family for person in reference.authors] == ["Hess", "Strobel", "Pan"]
    assert reference.title == TITLE
    assert reference.container == journal
    assert (reference.volume, reference.issue, reference.year) == ("8", "3", 2016)


@pytest.mark.parametrize("text, authors, editors, title", [
    # CS1's nickname before the dated bracket
    ('Smith, John (Jack) (1998). "Title of It". Soviet Studies. 19 (3): 405-20.', ["Smith"], [], "Title of It"),
    # an editor's mark is not a nickname
    ("Smith, J. (Ed) (2001) Title of the book. London: Sage.", [], ["Smith"], "Title of the book"),
    ("Paul Hudak, Simon Peyton Jones, and Philip Wadler (Editors). Report on the Programming Language "
     "Haskell. ACM SIGPLAN Notices, 27(5), 1992.", [], ["Hudak", "Jones", "Wadler"],
     "Report on the Programming Language Haskell"),
    # nor a title's place in brackets, nor a French given name after the family name
    ("Gurov, A. El'gygytgyn Impact Structure at Chukotka (Russia). Meteoritics, 2006.", ["Gurov"], [],
     "El'gygytgyn Impact Structure at Chukotka (Russia)"),
    ("FERRIERES (Madeleine), Nourritures canailles, Seuil, Paris, 2007", ["FERRIERES"], [], "Nourritures canailles"),
])
def test_brackets_that_are_no_nickname_stay(text, authors, editors, title):
    reference = parse(text)
    assert [person.family for person in reference.authors] == authors
    assert [person.family for person in reference.editors] == editors
    assert reference.title == title


@pytest.mark.parametrize("text, book, publisher", [
    ('Leppert, Richard. "Introduction." Art and the Committed Eye: The Cultural Functions of Imagery, '
     "Routledge, 2019, pp. 3\u201318.", "Art and the Committed Eye: The Cultural Functions of Imagery", "Routledge"),
    ('Renear, Allen. "Out of Praxis: Three (Meta)Theories of Textuality." Electronic Text: Investigations in '
     "Method and Theory, edited by Kathryn Sutherland, Clarendon Press, 1997, pp. 107\u201324.",
     "Electronic Text: Investigations in Method and Theory", "Clarendon Press"),
    ('Smith, Leslie Dorrough. "Introduction: Chaos Rhetoric." Righteous Rhetoric: Sex, Speech, and the '
     "Politics of Concerned Women for America, Oxford UP, 2014, pp. 1\u201328.",
     "Righteous Rhetoric: Sex, Speech, and the Politics of Concerned Women for America", "Oxford UP"),
])
def test_an_mla_containers_subtitle_is_no_place_of_publication(text, book, publisher):
    """MLA names the publisher after the book, between commas, before the year: the colon
    before it is the book's subtitle, not "Place: Publisher"."""
    reference = parse(text)
    assert reference.kind is ReferenceKind.CHAPTER
    assert reference.container == book
    assert reference.publisher == publisher
    assert reference.place is None
    assert reference.pages is not None and reference.pinpoints == ()


def test_a_chicago_imprint_after_a_subtitle_is_still_place_and_publisher():
    reference = parse("Coox, Alvin D. Nomonhan: Japan Against Russia, 1939. Stanford, CA: Stanford University "
                      "Press, 1985.")
    assert (reference.place, reference.publisher) == ("Stanford, CA", "Stanford University Press")


@pytest.mark.parametrize("text, title, journal", [
    ("Vanderlinden LA, Saba LM, Printz MP, et al. Is the alcohol deprivation effect genetically mediated? "
     "Studies with HXB/BXH recombinant inbred rat strains. Alcohol Clin Exp Res. 2014;38(7):2184\u201393.",
     "Is the alcohol deprivation effect genetically mediated? Studies with HXB/BXH recombinant inbred rat strains",
     "Alcohol Clin Exp Res"),
    ("Smith AB. Why do fish swim? Studies of fish. J Fish Biol. 2001;3(2):1-10.",
     "Why do fish swim? Studies of fish", "J Fish Biol"),
    # the sentence after the question is the journal when the date follows it
    ("Smith AB. Why do fish swim in rivers? Journal of Fish Studies. 2001;3(2):1-10.",
     "Why do fish swim in rivers?", "Journal of Fish Studies"),
])
def test_a_vancouver_title_goes_on_after_its_question(text, title, journal):
    reference = parse(text)
    assert reference.title == title
    assert reference.container == journal


@pytest.mark.parametrize("text, people, title", [
    ("FERRIERES (Madeleine), Nourritures canailles, Seuil, Paris, 2007", [("FERRIERES", "Madeleine")],
     "Nourritures canailles"),
    ("LE ROY LADURIE (Emmanuel), Montaillou, village occitan de 1294 \u00e0 1324, Paris, Gallimard, 1975.",
     [("LE ROY LADURIE", "Emmanuel")], "Montaillou, village occitan de 1294 \u00e0 1324"),
    ("DUPONT (Jean) et MARTIN (Paul), Histoire de la France rurale, Paris, Seuil, 1975.",
     [("DUPONT", "Jean"), ("MARTIN", "Paul")], "Histoire de la France rurale"),
    ("ALLEN (J.P.), The Inflection of the Verb in the Pyramid Texts, Malibu, 1984.", [("ALLEN", "J.P.")],
     "The Inflection of the Verb in the Pyramid Texts"),
])
def test_french_given_names_in_brackets_after_the_family_name(text, people, title):
    """French humanities' "NOM (Prénom), Titre": the bracket holds the given name."""
    reference = parse(text)
    assert [(person.family, person.given) for person in reference.authors] == people
    assert reference.title == title


def test_a_place_in_brackets_after_a_newspaper_is_no_given_name():
    # neither a family name in capitals nor initials: "Reuters (London)" names no person
    assert parse("Reuters (London), 12 May 2001, Title of the news.").authors == ()


def test_a_french_chapter_is_in_its_book_after_dans():
    reference = parse("Jean Dupont, \u00ab Titre d\u2019un chapitre \u00bb, dans Paul Martin (dir.), Un livre collectif, "
                      "Paris, PUF, 2001, p. 12-34.")
    assert reference.kind is ReferenceKind.CHAPTER
    assert [person.family for person in reference.editors] == ["Martin"]
    assert reference.title == "Titre d'un chapitre"
    assert reference.container.startswith("Un livre collectif")


def test_a_french_tome_does_not_end_the_title():
    # "t." (tome) is an abbreviation: the title is not cut after "t", nor the imprint lost
    reference = parse("Pierre Nora (dir.), Les Lieux de m\u00e9moire, t. 1, Paris, Gallimard, 1984.")
    assert reference.title.startswith("Les Lieux de m\u00e9moire")
    assert (reference.place, reference.publisher) == ("Paris", "Gallimard")


# --- a reference list copied from a PDF, hard-wrapped (the third tester of the pair) ---------

WRAPPED = """Intro (Nguyen et al., 2019, p. 40). More (Esnaola et al., 2019).

References

Esnaola, I., Benito, M., Antonio-Agirre, I., Ballina, E., & Lorenzo, M. (2019). Gender, age
and cross-cultural differences in life satisfaction: A comparison between Spain and Mexi-
co. Child Indicators Research, 12(6), 1935\u20131949. https://doi.org/10.1007/s12187-018-9616-6
Nguyen, K. P., Josi\u0107, K., & Kilpatrick, Z. P. (2019). Optimizing sequential decisions in the
drift\u2013diffusion model. Journal of Mathematical Psychology, 88, 32\u201347. https://doi.org/10.
1016/j.jmp.2018.11.001
"""


def _wrapped_references():
    from verify_refs.extract.document import parse_document
    return parse_document(SourceText("apa.txt", WRAPPED)).references


def test_a_doi_broken_by_the_line_break_is_joined():
    nguyen = _wrapped_references()[1]
    [doi] = [i for i in nguyen.identifiers if i.scheme.value == "doi"]
    assert doi.value == "10.1016/j.jmp.2018.11.001"
    line = WRAPPED.splitlines()[doi.span.line - 1]
    assert line.endswith("https://doi.org/10.") and doi.span.column == line.index("https") + 1


def test_a_word_hyphenated_at_the_line_break_is_one_word_again():
    esnaola = _wrapped_references()[0]
    assert esnaola.title == ("Gender, age and cross-cultural differences in life satisfaction: "
                             "A comparison between Spain and Mexico")
    assert esnaola.container == "Child Indicators Research"


@pytest.mark.parametrize("text, value", [
    ("Psychology, 88. doi:10.1016/j.jmp.2018.\n11.001", "10.1016/j.jmp.2018.11.001"),
    ("Psychology, 88. doi:10.1016/\nj.jmp.2018.11.001", "10.1016/j.jmp.2018.11.001"),
    # not joined: a year or a word on the next line, a DOI on one line broken by a space
    ("Psychology, 88. doi:10.1016/j.jmp.2018.11.001.\n2019. Retrieved", "10.1016/j.jmp.2018.11.001"),
    ("Psychology, 88. doi:10.1016/j.jmp.2018.11.001.\nRetrieved 2019", "10.1016/j.jmp.2018.11.001"),
    ("Psychology, 88. doi:10.1016/j.jmp.2018.11.001. 11.002", "10.1016/j.jmp.2018.11.001"),
])
def test_where_a_broken_doi_goes_on(text, value):
    from verify_refs.identifiers import scan
    assert [f.value for f in scan(text) if f.scheme.value == "doi"] == [value]


def test_a_chapters_book_wrapped_onto_its_own_line_is_no_new_entry():
    from verify_refs.extract.document import parse_document
    text = ("Text (Criscenti 1993).\n\nBibliography\n\n"
            "Alexander, Nigel. \"Shakespeare's Life, Times, and Stage.\" Shakespeare Survey 26 (1973):\n"
            "168\u201376.\n"
            "Carson, Cathryn. \"A Scientist in Public: Werner Heisenberg after 1945.\" Endeavour 25,\n"
            "no. 1 (1999): 31\u201334.\n"
            "Criscenti, Joseph T. \"Sarmiento and Rosas: Argentines in Search of a Nation, 1810\u20131852.\"\n"
            "In Sarmiento and His Argentina, edited by Joseph T. Criscenti, 97\u2013130. Boulder, CO: Lynne\n"
            "Rienner, 1993.\n"
            "Fletcher, Christopher. \"The Pursuit of Manhood, 1384\u201386.\" In Richard II: Manhood, Youth,\n"
            "and Politics, 1377\u201399, 127\u201350. Oxford: Oxford University Press, 2008.\n")
    references = parse_document(SourceText("c.txt", text)).references
    assert [r.authors[0].family for r in references] == ["Alexander", "Carson", "Criscenti", "Fletcher"]
    assert references[2].kind is ReferenceKind.CHAPTER
    assert references[2].container == "Sarmiento and His Argentina"


# --- humanities notes in German, French and English (the fourth tester of the pair) ----------

@pytest.mark.parametrize("text, family, given", [
    ('See Alvin D. Coox, "L\'Affaire Lyushkov: Anatomy of a Defector," Soviet Studies 19, no. 3 (1968): 405-20.',
     "Coox", "Alvin D."),
    ("Vgl. Sittler, David: Die Stra\u00dfe als politische Arena und Medium der Masse. In: Stra\u00dfe als kultureller "
     "Aktionsraum. Wiesbaden: VS Verlag 2009, S. 111\u2013140.", "Sittler", "David"),
    ('Cf. Alvin D. Coox, "L\'Affaire Lyushkov," Soviet Studies 19, no. 3 (1968): 405-20.', "Coox", "Alvin D."),
])
def test_a_notes_signal_is_no_part_of_the_author(text, family, given):
    reference = parse(text)
    assert (reference.authors[0].family, reference.authors[0].given) == (family, given)


def test_a_family_name_see_is_still_a_name():
    assert parse("See, Jane. (2001). Title of the work. London: Verso.").authors[0].family == "See"


def test_a_regnal_numeral_ends_the_title_before_in():
    reference = parse("Mears, Natalie/Williamson, Philip: The \u2018Holy Days\u2019 of Queen Elizabeth I. In: History 105 "
                      "(2020), H. 365, S. 201\u2013228.")
    assert reference.title == "The 'Holy Days' of Queen Elizabeth I"
    assert (reference.container, reference.volume, reference.issue) == ("History", "105", "365")
    assert reference.kind is ReferenceKind.ARTICLE


def test_a_german_journal_after_a_capital_in_is_no_book():
    reference = parse("Vgl. Goudriaan, Koen: The Devotio Moderna and Commemoration. In: The Medieval Low Countries 2 "
                      "(2015), S. 119\u2013154.")
    assert reference.kind is ReferenceKind.ARTICLE
    assert (reference.container, reference.volume) == ("The Medieval Low Countries", "2")


def test_german_editors_after_hrsg_von_and_a_book_by_the_same_author():
    edited = parse("Heumann, Georg Daniel: Der G\u00f6ttingische Ausruff von 1744. Hrsg. von Rolf Wilhelm Brednich. "
                   "G\u00f6ttingen: Universit\u00e4tsverlag G\u00f6ttingen 2021.")
    assert [person.family for person in edited.editors] == ["Brednich"]
    assert edited.title == "Der G\u00f6ttingische Ausruff von 1744"
    own = parse("Parker, Stephen: Ever the Enemy Alien 1942\u20135. In: ders.: Bertolt Brecht. A Literary Life. "
                "London: Bloomsbury 2014, S. 455\u2013484.")
    assert own.kind is ReferenceKind.CHAPTER
    assert own.container == "Bertolt Brecht"


def test_a_french_journals_tome_and_issue():
    reference = parse("Patricia Hidiroglou, \u00ab L\u2019eau et les bains \u00e0 Qoumr\u00e2n \u00bb, Revue des \u00e9tudes "
                      "juives, t. 159, n\u00ba 3, 2000, p. 19-47.")
    assert (reference.container, reference.volume, reference.issue) == ("Revue des \u00e9tudes juives", "159", "3")
    book = parse("Pierre Nora (dir.), Les Lieux de m\u00e9moire, t. 1, Paris, Gallimard, 1984.")
    assert book.kind is ReferenceKind.BOOK and book.volume is None  # a book's tome is no journal's volume


def test_an_mla_journal_with_issues_only():
    reference = parse('Lehnen, Leila. "Haunted Homes and Desert Landscapes." Literatura e Autoritarismo, no. 2, 2009.')
    assert (reference.container, reference.volume, reference.issue) == ("Literatura e Autoritarismo", None, "2")


def test_a_title_of_words_and_commas_after_a_natural_order_author():
    reference = parse("Nicos Poulantzas, State, Power, Socialism, trans. Patrick Camiller (1978; repr., London: "
                      "Verso, 2000), 58.")
    assert [person.family for person in reference.authors] == ["Poulantzas"]
    assert reference.title == "State, Power, Socialism"


@pytest.mark.parametrize("text, year", [
    ("Fernand Braudel, The Mediterranean, 2 vols. (New York: Harper & Row, 1972\u201373), 2:1240.", 1972),
    ("Braudel, F. The Mediterranean (New York: Harper, 1998-2001).", 1998),
    ("Smith J. Cell 12: 1687-1697.", None),  # pages, not years
    # the span comes before the year of the first edition
    ("Braudel, Fernand. The Mediterranean. 2 vols. New York: Harper & Row, 1972–73. First published 1949 "
     "by Armand Colin.", 1972),
])
def test_a_multi_volume_works_span_of_years(text, year):
    assert parse(text).year == year
