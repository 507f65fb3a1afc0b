"""Fields from references in the shapes real bibliographies print them: author lists the name
parser used to stop in, comma-only styles, titles that run past a "?" or a quotation mark, and
conference papers. Every snippet is made up for these tests (names and titles invented)."""

from __future__ import annotations

import pytest

from verify_refs.extract.authors import scan_names
from verify_refs.extract.references import parse_reference
from verify_refs.extract.source import SourceText
from verify_refs.models import Person, ReferenceKind


def parse(text: str):
    return parse_reference(SourceText("t.txt", text), 0, len(text))


# --- author lists -------------------------------------------------------------------


@pytest.mark.parametrize("text, families", [
    # APA ", &" after semicolons
    ("Pike, G.; Morrow, J.; & Tallis, I., 2011. Trace metals in upland streams. Water Research, 45:3: 101.",
     ["Pike", "Morrow", "Tallis"]),
    ("Orme, Daniel; Beck, Laura; & Hale, Nora B. 2002. Early naming in toddlers. Child Development 70, 1-20.",
     ["Orme", "Beck", "Hale"]),
    # Harvard without commas between names, initials with or without dots
    ("Carver, T. Lindqvist, M. Oduya, PB. Reyes, SV. (2011). Turn-taking in clinic talk. Discourse Studies, 9: 10-20.",
     ["Carver", "Lindqvist", "Oduya", "Reyes"]),
    ("Marrow, JK. Stiles, TR. (2001). A model of river icing. Cold Regions Research, 12: 1-9.",
     ["Marrow", "Stiles"]),
    # French capitals, full given names, periods between people
    ("DURAND, Hélène. MOREAU, Paul. Les soins du soir. Paris : Masson, 2010. 120 p.",
     ["DURAND", "MOREAU"]),
    # double commas in Vancouver lists
    ("12. Vela KR,, Osei TM,, Brandt PL. 1991. Serum markers in dairy herds. Vet Rec 12: 101-105.",
     ["Vela", "Osei", "Brandt"]),
    # capitalised particles, "El-" names and "Das" as a family name
    ("Marsh, T., Van der Linde, A. B., & De Vries, L. (1999). Dune migration rates. Geology, 27, 1-5.",
     ["Marsh", "Van der Linde", "De Vries"]),
    ("Okafor, B.; El-Sayed, M. M.; Tran, G. S., Doped oxide films. Chemistry of Materials 12, (3), 100-110.",
     ["Okafor", "El-Sayed", "Tran"]),
    ("Das, S.K. and Roul, B.K. 2004. Grain growth in ceramics. Journal of Materials, 12(3), 40-45.",
     ["Das", "Roul"]),
    ("[4] Rahul K Das, Mira J Holt, and Ana Lin. Sensor fusion at home. IEEE Sensors, 9(6):77-84, 2012.",
     ["Das", "Holt", "Lin"]),
    # natural order with undotted initials; Vancouver initials before the list's period
    ("KL Morton, JA Price and BA Stone: Back pain in hospital porters. Occup Med 24, 20-25 (2003)",
     ["Morton", "Price", "Stone"]),
    ("3. Garber WC. Plasticity of spines. Nature reviews Neuroscience. 2009;9: 38-49.", ["Garber"]),
    # "et" between names, a particle after the given names
    ("Roche, B., et K. Lemaire. «Corrosion du zinc en milieu salin.» Matériaux 34 (2012): 28-29.",
     ["Roche", "Lemaire"]),
    ("Souza, Mário de. Romance do sertão. São Paulo: Ática, 1970.", ["Souza"]),
])
def test_author_lists(text, families):
    r = parse(text)
    assert [a.family for a in r.authors] == families


def test_particle_after_given_names_is_kept():
    r = parse("Souza, Mário de. Romance do sertão. São Paulo: Ática, 1970.")
    assert r.authors == (Person("Souza", "Mário de"),)
    assert r.title == "Romance do sertão"


def test_decomposed_accents_do_not_stop_a_name():
    r = parse("Tho\u0301rsson, H. and Vidal, A. S. (2002). Simulating ground motion. Earthquake Spectra, 3(1):1-9.")
    assert [a.family for a in r.authors] == ["Thórsson", "Vidal"]
    assert r.title == "Simulating ground motion"


def test_collective_in_capitals():
    r = parse("COLLECTIF. Le travail de nuit (dossier). Soins, mai 2009, n°58. p. 17-60.")
    assert r.authors == (Person("COLLECTIF"),)
    assert r.title == "Le travail de nuit (dossier)"
    r = parse("UNEP, 2014. Water for the cities. Nairobi: UNEP.")
    assert r.authors == (Person("UNEP"),)
    assert r.year == 2014


@pytest.mark.parametrize("text, authors, title", [
    # Spanish and Portuguese family names of two words, inverted: the first word is not a given name
    ("Rojas Paredes, Tomás. La sierra en llamas. Lima: Horizonte, 1987.",
     [Person("Rojas Paredes", "Tomás")], "La sierra en llamas"),
    ("Ruiz Zafra, M. (1990). Rivers of the plateau. Quito: Andes.",
     [Person("Ruiz Zafra", "M.")], "Rivers of the plateau"),
    ("Pinto Lobo, B. L., & Melo Reis, C. (2012). Soil carbon in pastures. Geoderma, 18, 1-9.",
     [Person("Pinto Lobo", "B. L."), Person("Melo Reis", "C.")], "Soil carbon in pastures"),
    ("Rojas Paredes, Tomás, and Ana Lima. Andean trade. Lima: Horizonte, 1987.",
     [Person("Rojas Paredes", "Tomás"), Person("Lima", "Ana")], "Andean trade"),
    ("Devaraj Rao, K. V., and L. Moss. 2010. Flow in channels. Journal of Hydraulics 12 (3): 45–67.",
     [Person("Devaraj Rao", "K. V."), Person("Moss", "L.")], "Flow in channels"),
    # ... but two words before a comma are a whole name in natural order when a family name
    # follows the initials, or a title follows the one word
    ("Hale, Nora, Pietro Conti, J. A. Boyd, and Ana Lima. Decrees of the councils. London: Ward, 1990.",
     [Person("Hale", "Nora"), Person("Conti", "Pietro"), Person("Boyd", "J. A."), Person("Lima", "Ana")],
     "Decrees of the councils"),
    ("Vance, Igor, and Robert Lund, Memories and Commentaries (Berkeley: Coast Press, 1959).",
     [Person("Vance", "Igor"), Person("Lund", "Robert")], "Memories and Commentaries"),
    ("Alvin Moss, Frontier (Stanford: Stanford University Press, 1985), 12.",
     [Person("Moss", "Alvin")], "Frontier"),
    ("Alvin Moss, A. Ruiz, and J. Boyd, \"Title here,\" Border Studies 19 (1968): 405.",
     [Person("Moss", "Alvin"), Person("Ruiz", "A."), Person("Boyd", "J.")], "Title here"),
])
def test_two_word_family_names(text, authors, title):
    r = parse(text)
    assert list(r.authors) == authors
    assert r.title == title


def test_title_after_given_name_and_initial_is_not_a_name():
    people, _, _ = scan_names("Smith, J. Boston, MA: Harbor Press, 1990.")
    assert [p.family for p in people] == ["Smith"]
    people, _, _ = scan_names("Kokich, V. G. Calvarial growth and sutures. J. Anat. 12: 4, 1970.")
    assert people == [Person("Kokich", "V. G.")]


# --- comma-only styles --------------------------------------------------------------


@pytest.mark.parametrize("text, title", [
    ("BERTIN, Marc, Les peintres devant la ville, Hazan, 2004", "Les peintres devant la ville"),
    ("[3] K. Ormond, The Physics of Thin Films, Imperial College Press, 2001.", "The Physics of Thin Films"),
    ("Ivers, S., Recursive Hierarchies of Axioms, J. Symbolic Logic, 21, 200-216 (1961).",
     "Recursive Hierarchies of Axioms"),
    ("Nadel, T., Cannon, M., and Lutz, N.: Smoke tracers in prescribed burning, Int. J. Wildland Fire, 9, 60-72, 2009.",
     "Smoke tracers in prescribed burning"),
    ("Loring, William, Paul Baird, 1992, Optical reading of lute tablature, Computers and the Humanities 26 (1): 7-13.",
     "Optical reading of lute tablature"),
    ("Paul Vance, Editorial: the museum at forty, Burlington magazine, No. 1300, 2011, 595-596,",
     "Editorial: the museum at forty"),
    ("Aubry, Jeanne, Lettres provençales, Paris, Flammarion, 1987", "Lettres provençales"),
    ("[56] Ruth Salander. Learning sparse coders, 2011.", "Learning sparse coders"),
])
def test_comma_only_titles(text, title):
    assert parse(text).title == title


@pytest.mark.parametrize("text, title", [
    # a year or a span of years that belongs to the title
    ("Lenz, Otto, The Baltic and the Empire, 1919 (Leipzig: Hirt, 1930).", "The Baltic and the Empire, 1919"),
    ("Rowe, David. Hospitals in New York, 1885-1915. Cambridge: Cambridge University Press, 1982.",
     "Hospitals in New York, 1885-1915"),
    ("Hurd, John. Memoirs of the Life of Sir Hugh Doyle, Bart. Edinburgh: Cadell, 1850.",
     "Memoirs of the Life of Sir Hugh Doyle, Bart"),
    ("Biro, M. and Spey, J., Shock veins in a central uplift, Quebec, Canada. Earth and Planetary Science "
     "Letters, v. 30, pp. 30-32. 2011.", "Shock veins in a central uplift, Quebec, Canada"),
    ("Saar, I. (2003). Syntactic Theory, A Formal Introduction (2nd ed.). CSLI Publications.",
     "Syntactic Theory, A Formal Introduction"),
])
def test_commas_inside_titles_stay(text, title):
    assert parse(text).title == title


# --- titles that run on ---------------------------------------------------------------


def test_subtitle_after_question_mark():
    r = parse("Mayle, B. 1999. How many voles? A field guide to estimating small mammal numbers. Forestry "
              "Commission, Edinburgh.")
    assert r.title == "How many voles? A field guide to estimating small mammal numbers"
    r = parse("Blick, J. C. (2005). Science careers: pipeline or filter? Gender and Education, 17, 369-386.")
    assert r.title == "Science careers: pipeline or filter?"
    assert r.container == "Gender and Education"


def test_semicolon_before_or_and_lower_case_words():
    assert parse("Hutton, James. 1795. Theory of rain; or, An inquiry into the laws of weather. "
                 "Edinburgh.").title == "Theory of rain; or, An inquiry into the laws of weather"
    assert parse("Hovel, C. I. (1953). Attitude and change; psychological studies of opinion. New Haven, "
                 "CT: Yale University Press.").title == "Attitude and change; psychological studies of opinion"


def test_title_continues_after_quoted_phrase():
    r = parse("Darcy, A. (2007). “Like” and language change: separating fact from fiction. American Speech, "
              "82 (4), 386-416.")
    assert r.title == '"Like" and language change: separating fact from fiction'
    r = parse("Doyle, Arthur. “A Scandal in Bohemia” and “The Red-Headed League.” New York: Berkeley Books, 1975.")
    assert r.title == '"A Scandal in Bohemia" and "The Red-Headed League."'
    # Chicago: the chapter's title, then "in" and the book
    r = parse('Pate, Walter, "Conclusion," in Studies in the Renaissance, ed. John Marks (London: Norton, 1986), 1-5.')
    assert r.title == "Conclusion"


def test_parentheses_with_a_colon_inside_a_title():
    r = parse("Weir, C., 2008. Cladistics of Reduviidae (Heteroptera: Cimicomorpha) based on morphology. "
              "Syst. Entomol. 33, 229-274.")
    assert r.title == "Cladistics of Reduviidae (Heteroptera: Cimicomorpha) based on morphology"
    r = parse("Dwork, Gerald (1988), The Theory of Consent (Cambridge: Cambridge University Press).")
    assert r.title == "The Theory of Consent"


def test_empty_parentheses_stay_in_title():
    r = parse("[12] Al Viro. Kernel Sendmsg() Local Overflow. http://www.example.org/bid/14785, 2005.")
    assert r.title == "Kernel Sendmsg() Local Overflow"


# --- kinds ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Brown, S., & Kaste, V. (2004, May). Obstacle detection in fog. Paper presented at the IEEE Intelligent "
    "Vehicles Symposium, Detroit, MI.",
    "[8] Ann Bell and Jo Gerd. A steering feel study. Proceedings of the ASME Dynamic Systems and Control "
    "Conference, September 2014.",
    "Follet, D. (2008). Two teachers debate, Presented at the CMS National Conference, Vol. 49.",
    "Abra, N. A. (2010). Scenario spectra. In 9th US National Conference on Earthquake Engineering, Toronto.",
])
def test_conference_papers_are_chapters(text):
    assert parse(text).kind is ReferenceKind.CHAPTER


def test_journals_named_proceedings_and_talk_about_meetings_stay_articles():
    r = parse("Lee, K. (2001). Folding of small proteins. Proceedings of the National Academy of Sciences, "
              "98(4), 1-6.")
    assert r.kind is ReferenceKind.ARTICLE
    r = parse("Byrd, S. A. 2004. Publication rates of abstracts presented at scientific meetings. Journal of "
              "Radiology 48: 1-10.")
    assert r.kind is ReferenceKind.ARTICLE


def test_news_item_with_day_and_month():
    r = parse("Reyes, Ana. (2016). Residents fear return to empty town. Bloomberg 20 October.")
    assert r.kind is ReferenceKind.NEWS
    assert r.container == "Bloomberg"
    assert r.title == "Residents fear return to empty town"


def test_single_page_after_colon_is_a_locator():
    r = parse("Hale AK, Katz LC. (1996) Growth of dendrites needs activity. Neuron 17: 1057.")
    assert r.kind is ReferenceKind.ARTICLE
    assert r.volume == "17"
    assert r.container == "Neuron"


# --- square brackets inside a title -----------------------------------------------------


@pytest.mark.parametrize("text, title, translated, container", [
    # chemistry's brackets are the title's own, not a translated title
    ("Baranski A. Substituent effect on the [2+3] cycloaddition of nitrostyrene with nitrones. "
     "J Phys Org Chem. 2001;15(2):78-82.",
     "Substituent effect on the [2+3] cycloaddition of nitrostyrene with nitrones", None, "J Phys Org Chem"),
    ("Orlov IV. Schmidt reaction in the series of 3-azabicyclo[3.3.1]nonan-9-ones. "
     "Russ J Org Chem. 2009;45(3):1-9.",
     "Schmidt reaction in the series of 3-azabicyclo[3.3.1]nonan-9-ones", None, "Russ J Org Chem"),
    # a bracket that opens on a word is still a translated title
    ("Medvedev, Roy. K sudu istorii [Let History Judge]. New York: Knopf, 1972.",
     "K sudu istorii", "Let History Judge", None),
])
def test_brackets_in_titles(text, title, translated, container):
    reference = parse(text)
    assert (reference.title, reference.translated_title, reference.container) == (title, translated, container)


# --- Harvard's unlabelled volume before labelled pages ---------------------------------------


@pytest.mark.parametrize("text, volume, container, pages", [
    ("Sadeghi, S. and Loescher, H.W. (2015) 'Wind drift losses under moving irrigation systems', "
     "Biosystems Engineering, 142, pp. 44-53.", "142", "Biosystems Engineering", ("44", "53")),
    # a year there is the year, an "n° 5" an issue: neither is taken for the volume
    ("Orlov, I. (1968) 'Border troops', Soviet Studies, 1968, pp. 405-20.", None, "Soviet Studies", ("405", "420")),
    ("Porta, J. 'Egalite et droit', RDT, 2011, n° 5, pp. 290-302.", None, "RDT, 2011, n° 5", ("290", "302")),
])
def test_harvard_volume_before_labelled_pages(text, volume, container, pages):
    reference = parse(text)
    assert (reference.volume, reference.container, (reference.pages.first, reference.pages.last)) == (
        volume, container, pages)


@pytest.mark.parametrize("text, volume, pages, container", [
    # an article number or single page before the cut-out DOI (APA 7, Vancouver)
    ("Lund, H. (2019). Ice in the fjords. Polar Reports, 9, 1234. https://doi.org/10.1038/s41598-019-12345",
     "9", "1234", "Polar Reports"),
    ("Lund, H. (2019). Ice in the fjords. PLOS ONE, 14, e0212345. https://doi.org/10.1371/journal.pone.0212345",
     "14", "e0212345", "PLOS ONE"),
    ("Lund H, Berg J. Ice in the fjords. PLoS One. 2019;14:e0212345. doi:10.1371/journal.pone.0212345",
     "14", "e0212345", "PLoS One"),
    # volume, page and year: "Development 127: 1607, 2000."
    ("Jahn, X., and Roe, D. Fate of the crest. Development 127: 1607, 2000.", "127", "1607", "Development"),
    # volume and year, no page: the year is not a page
    ("Ann Roe. Planning for goals. Artificial Intelligence, 32, 1987.", "32", None, "Artificial Intelligence"),
])
def test_single_page_or_article_number_after_the_volume(text, volume, pages, container):
    r = parse(text)
    assert (r.volume, r.pages.raw if r.pages else None, r.container) == (volume, pages, container)
    assert r.kind is ReferenceKind.ARTICLE


@pytest.mark.parametrize("text", [
    'Dale, Edwin L. "Reserve Unveils a Key Procedure," The Daily Courier, March 17, 1969.',
    'Roe, Ann. "Rust on the line." Evening Post, June 15, 2005. http://example.org/2005/06/15/rust',
    "Roe, Ann. Frontier. Stanford: Stanford University Press, 1985, 234.",
])
def test_a_date_or_a_year_and_page_is_no_volume(text):
    r = parse(text)
    assert r.volume is None and r.pages is None


@pytest.mark.parametrize("text, pages, pinpoint", [
    ('Roe, Ann, "Rust on the line," Border Studies 19, no. 3 (1968): 405–20, at 411.', "405-20", "411"),
    ('Roe, Ann, "Rust on the line," Border Studies 19, no. 3 (1968): 405–20, at p. 430.', "405-20", "430"),
    ('Roe, Ann, "Rust on the line," Border Studies 19, no. 3 (1968): 405–20, 411.', "405-20", "411"),
    ("Roe, A. (1968). Rust on the line. Border Studies, 19(3), pp. 405–20 (p. 411).", "405-20", "411"),
    ("Roe, A. 1968. Rust on the line. Border Studies, 19, pp. 405–20, p. 411.", "405-20", "411"),
    # a year after the range is no page
    ("Roe, A. Rust on the line. Border Studies, 19, 405–20, 1968.", "405-20", None),
])
def test_pinpoint_after_the_works_own_range(text, pages, pinpoint):
    r = parse(text)
    assert r.pages is not None and r.pages.raw == pages
    assert r.pinpoints == ((pinpoint,) if pinpoint else ())


def test_a_full_note_citing_a_page_outside_its_own_range_is_reported():
    from verify_refs.checks.registry import check_pages_offline

    inside = parse('Roe, Ann, "Rust on the line," Border Studies 19, no. 3 (1968): 405–20, at 411.')
    outside = parse('Roe, Ann, "Rust on the line," Border Studies 19, no. 3 (1968): 405–20, at 430.')
    assert check_pages_offline(inside) == []
    assert [f.message for f in check_pages_offline(outside)] == [
        "page 430 cited, the reference's own range is 405-420"]


@pytest.mark.parametrize("text, container, volume, issue", [
    # a colon inside a journal's name, before its volume, is no "Place: Publisher"
    ("Lev, G., & Dai, Y. (2013). Reliability of phased missions. *IEEE Transactions on Systems, Man, "
     "and Cybernetics: Systems*, *43*(4), 967–978. https://doi.org/10.1109/tsmca.2012.2220761",
     "IEEE Transactions on Systems, Man, and Cybernetics: Systems", "43", "4"),
    ("Gao, X. (2015). Rain over the plains. Journal of Geophysical Research: Atmospheres, 120(3), 1–12.",
     "Journal of Geophysical Research: Atmospheres", "120", "3"),
    ('Bequaert, J. "Wasps of the tropics." Psyche: A Journal of Entomology 32, no. 4 (1925): 200–210.',
     "Psyche: A Journal of Entomology", "32", "4"),
    # Chicago's "Journal, no. 4 (2004)" for a journal numbered by issue alone
    ('Kiselev, A. "Russian emigration." Ab Imperio, no. 4 (2004): 668–74.', "Ab Imperio", None, "4"),
])
def test_journal_names_with_colons_and_issue_only_journals(text, container, volume, issue):
    r = parse(text)
    assert (r.container, r.volume, r.issue, r.publisher, r.place) == (container, volume, issue, None, None)
    assert r.kind is ReferenceKind.ARTICLE


def test_the_imprint_is_the_last_place_and_publisher_of_a_chapter():
    r = parse('Kohl, R. "Ritual vessels." In Aegean Prehistory: A Compendium, edited by J. Smith, 45–67. '
              "Philadelphia: INSTAP Academic Press, 2006.")
    assert (r.container, r.place, r.publisher) == ("Aegean Prehistory: A Compendium", "Philadelphia",
                                                   "INSTAP Academic Press")
    r = parse("Smith, J. (2004). The purge. In K. Jones (Ed.), Handbook of purges (Vol. 3, pp. 45–67). "
              "London: Pluto Press.")
    assert (r.container, r.volume, r.pages.raw) == ("Handbook of purges", "3", "45-67")
