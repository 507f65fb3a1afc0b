"""Forms the fifteenth pair of blind testers wrote, and gaps left from earlier sessions:
organisations named in the plural ("Centers for Disease Control and Prevention"), a Korean
name's hyphenated initials ("Bae, J.-s."), and a multi-volume book's count of volumes."""

from __future__ import annotations

import pytest

from verify_refs.extract.references import parse_reference
from verify_refs.extract.source import SourceText
from verify_refs.models import ReferenceKind


def parse(text: str):
    source = SourceText("doc.txt", text)
    return parse_reference(source, 0, len(source.text))


@pytest.mark.parametrize("text, author, title", [
    ("Centers for Disease Control and Prevention. (2022, September 13). Flu vaccine facts. "
     "https://www.cdc.gov/flu/prevent/keyfacts.htm", "Centers for Disease Control and Prevention",
     "Flu vaccine facts"),
    ("National Institutes of Health. (2019). Sleep research plan. https://www.nhlbi.nih.gov/sleep",
     "National Institutes of Health", "Sleep research plan"),
])
def test_an_organisation_named_in_the_plural_is_the_author(text, author, title):
    """APA's organisation author before a dated bracket: "Centers" and "Institutes" name an
    organisation as "Center" and "Institute" do, so the name is not taken for the title."""
    reference = parse(text)
    assert [person.family for person in reference.authors] == [author]
    assert reference.title == title
    assert reference.year == 2022 or reference.year == 2019
    assert reference.kind is ReferenceKind.WEB


def test_a_hyphenated_initial_in_lower_case_is_one_initial():
    """Korean given names romanised with a hyphen keep it in the initials: "Bae, J.-s." is one
    author, and "& Kim, H." the next, not the title."""
    reference = parse("Bae, J.-s., & Kim, H. (2015). Trade and growth in East Asia. "
                      "Journal of Asian Economics, 12(3), 45-60.")
    assert [person.family for person in reference.authors] == ["Bae", "Kim"]
    assert reference.title == "Trade and growth in East Asia"
    assert reference.container == "Journal of Asian Economics"


@pytest.mark.parametrize("text", [
    "John Smith, A History of Rome, 2 vols. (London: Macmillan, 1902), 1:25.",
    "Smith, John. A History of Rome. 2 vols. London: Macmillan, 1902.",
    "Smith, John. A History of Rome, 2 vols. London: Macmillan, 1902.",
])
def test_a_count_of_volumes_is_neither_container_nor_volume(text):
    """"2 vols." says how many volumes the work has: it names no journal or series (which a
    registry's book would be found to disagree with) and no volume of it."""
    reference = parse(text)
    assert reference.kind is ReferenceKind.BOOK
    assert reference.title == "A History of Rome"
    assert reference.container is None
    assert (reference.publisher, reference.place, reference.year) == ("Macmillan", "London", 1902)


def test_a_family_name_that_is_a_function_word_is_a_name():
    """CS1's "An, Chao; Liu, Philip" (the Korean and Chinese family name "An"): a comma, a given
    name and ";" make it a name, not the article opening a title."""
    reference = parse('An, Chao; Liu, Philip L.-F. (2016). "Analytical solutions for estimating '
                      'tsunami run-up". Coastal Engineering. 117: 44\u201356.')
    assert [person.family for person in reference.authors] == ["An", "Liu"]
    assert reference.title == "Analytical solutions for estimating tsunami run-up"
    assert reference.container == "Coastal Engineering"


def test_four_initials_before_a_family_name_in_a_long_list():
    """"D. M. J. S. Bowman" in a list of fourteen authors is one author: read with three
    initials at most, the list stopped there and the name became the title."""
    reference = parse("D. B. McWethy, P. E. Higuera, C. Whitlock, T. T. Veblen, D. M. J. S. Bowman, "
                      "G. J. Cary, S. G. Haberle, and A. J. Tepley, \u201cA Conceptual Framework for "
                      "Predicting Ecosystem Sensitivity,\u201d Global Ecology and Biogeography 22, no. 8 "
                      "(2013): 900\u2013912.")
    assert len(reference.authors) == 8 and reference.authors[4].family == "Bowman"
    assert reference.title == "A Conceptual Framework for Predicting Ecosystem Sensitivity"
    assert reference.container == "Global Ecology and Biogeography"


def test_four_initials_do_not_swallow_a_vancouver_title():
    reference = parse("Orams M. Managing Outdoor Recreation: Case Studies in National Parks. "
                      "Tourism Management. 2013;37:25-26.")
    assert [person.family for person in reference.authors] == ["Orams"]
    assert reference.title == "Managing Outdoor Recreation: Case Studies in National Parks"


@pytest.mark.parametrize("text, kind", [
    ("Winton Dean, \u201cHandel and the Victorians,\u201d Musical Times 100, no. 1398 (1959): 428.",
     ReferenceKind.ARTICLE),
    ("John Smith, \u201cStorm,\u201d Time 45, no. 3 (January 15, 1945): 20.", ReferenceKind.NEWS),
    ('Smith, John. "Storm." New York Times, January 15, 1945, 20.', ReferenceKind.NEWS),
])
def test_a_periodical_with_volume_and_number_is_a_journal(text, kind):
    """"Musical Times 100, no. 1398 (1959)": a volume and a number and no day make a journal's
    article, whatever the title's "Times" says; a magazine cited by its day stays news."""
    assert parse(text).kind is kind


def test_a_secretariat_is_an_organisation():
    reference = parse("Ramsar Convention Secretariat. (2018). Global wetland outlook. Gland: "
                      "Ramsar Convention Secretariat.")
    assert [person.family for person in reference.authors] == ["Ramsar Convention Secretariat"]
    assert reference.title == "Global wetland outlook"


def test_a_two_word_family_name_of_the_last_vancouver_author():
    """"Garcia Marquez GA." ends the list with a family name of two words, as "Garcia Marquez
    GA," does inside it: the title starts after it."""
    reference = parse("Smith AB, Garcia Marquez GA. Title of the study. J Clin Invest. 2015;12(3):45-52.")
    assert [person.family for person in reference.authors] == ["Smith", "Garcia Marquez"]
    assert reference.title == "Title of the study"
    # one initial too, after a two-word family name only
    single = parse("Smith AB, Garcia Marquez G. Title of the study. J Clin Invest. 2015;12(3):45-52.")
    assert [(person.family, person.given) for person in single.authors] == [("Smith", "AB"), ("Garcia Marquez", "G")]
    assert single.title == "Title of the study"
    vitamin = parse("Smith AB, Jones CD. Vitamin D. Deficiency in fish. J Fish Biol. 2001;3(2):1-10.")
    assert [person.family for person in vitamin.authors] == ["Smith", "Jones"]
    assert vitamin.title == "Vitamin D. Deficiency in fish"


def test_oxfords_volume_and_issue_joined_by_a_slash():
    """Oxford's "76/1 (2017), 10-12": volume 76, issue 1 (not volume 1, with "76/" left in
    the journal's name)."""
    reference = parse("Nancy Stieber, 'Stanford Anderson (1934\u20132016)', *Journal of the Society of "
                      "Architectural Historians*, 76/1 (2017), 10\u201312.")
    assert (reference.container, reference.volume, reference.issue) == (
        "Journal of the Society of Architectural Historians", "76", "1")


@pytest.mark.parametrize("text, container", [
    ("Francis J. Bowman, review of Edgar Anderson, *Latvijas V\u0113sture, 1914\u20131920*, *American "
     "Historical Review*, 73 (1968), 1551\u20132.", "American Historical Review"),
    ("Charles K. Hyde, review of Arthur J. Taylor (ed.), *The Standard of Living in Britain in the "
     "Industrial Revolution*, *Journal of Economic History*, 36 (1976), 800\u20131.", "Journal of Economic History"),
])
def test_oxfords_review_names_the_book_before_the_journal(text, container):
    """"review of AUTHOR, *Book*, *Journal*, 73 (1968)": the journal is the last name before
    the volume, not the reviewed book."""
    assert parse(text).container == container


def test_an_archive_named_first_is_an_archival_source():
    """"Stadtarchiv Göttingen, ..., Bericht vom 14. März 1834." names a file in an archive: no
    journal's article (whose "volume 14" would be the day)."""
    assert parse("Stadtarchiv G\u00f6ttingen, AA Polizeisachen Nr. 1172, Bericht vom 14. M\u00e4rz 1834."
                 ).kind is ReferenceKind.OTHER


def test_a_german_imprint_gives_its_year_after_the_publisher():
    """"Göttingen: Göttingen University Press 2021." (no comma before the year): the publisher
    without the year, and the year the imprint's, not the one in the title ("von 1744")."""
    reference = parse("Heumann, Georg Daniel: Der G\u00f6ttingische Ausruff von 1744, hrsg. von Rolf Wilhelm "
                      "Brednich, G\u00f6ttingen: G\u00f6ttingen University Press 2021.")
    assert (reference.year, reference.publisher, reference.place) == (
        2021, "G\u00f6ttingen University Press", "G\u00f6ttingen")


def test_a_generation_after_vancouver_initials_is_read_past():
    reference = parse("Ruffin MT 4th, Nease DE Jr, Sen A, et al. Effect of preventive messages. "
                      "Ann Fam Med. 2011;9(1):3-11.")
    assert [person.family for person in reference.authors] == ["Ruffin", "Nease", "Sen"]
    assert reference.title == "Effect of preventive messages"


def test_a_survey_is_an_organisation():
    reference = parse("U.S. Geological Survey (1973) Map showing areas of landslides in California. "
                      "Reston, VA: USGS.")
    assert [person.family for person in reference.authors] == ["U.S. Geological Survey"]
