"""Registry comparisons the thirtieth group of blind testers needed: a journal's acronym after
its name, a journal's series between dashes, the city in an abbreviation, and a conference
paper off by two years that only its title and pages place."""

from __future__ import annotations

from dataclasses import replace

from verify_refs.models import Identifier, IdScheme, ReferenceKind
from verify_refs.resolve import matching
from verify_refs.resolve.matching import score

from resolve.test_matching import reference, work


def test_a_journals_acronym_after_its_name_is_left_out_by_its_abbreviation():
    ejso = work(container_title=["European Journal of Surgical Oncology (EJSO)"], short_container_title=[], ISSN=None)
    assert matching.same_container(reference(container="Eur J Surg Oncol"), ejso) is True
    assert matching.same_container(reference(container="Eur J Surg Pathol"), ejso) is False


def test_a_journals_series_between_dashes():
    earth = work(container_title=["Comptes Rendus de l'Académie des Sciences - Series IIA - Earth and Planetary Science"],
                 short_container_title=[], ISSN=None)
    assert matching.same_container(reference(container="C. R. Acad. Sci. IIA"), earth) is True
    assert matching.same_container(reference(container="C. R. Acad. Sci. IIB"), earth) is False
    maths = work(container_title=["Comptes Rendus de l'Académie des Sciences - Series I - Mathematics"],
                 short_container_title=[], ISSN=None)
    assert matching.same_container(reference(container="C. R. Acad. Sci. Paris Sér. I Math."), maths) is True
    assert matching.same_container(reference(container="C. R. Acad. Sci. Paris Sér. I Phys."), maths) is False


def test_the_city_in_an_abbreviation_is_no_word_of_the_name():
    assert matching.is_abbreviation("Bull. Soc. Chim. Paris", "Bulletin de la Société Chimique")
    assert not matching.is_abbreviation("Bull. Soc. Chim. Biol.", "Bulletin de la Société Chimique")


def test_a_conference_paper_placed_by_title_and_whole_range_has_a_wrong_year():
    title = "Vector quotient filters: Overcoming the time/space trade-off in filter design"
    paper = work(type="proceedings-article", title=[title], volume=None, issue=None, page="1386-1399",
                 container_title=["Proceedings of the 2021 International Conference on Management of Data"],
                 short_container_title=[], ISSN=None, author=[{"family": "Pandey", "given": "Prashant"}],
                 issued={"date-parts": [[2021, 6, 9]]})
    cited = reference(authors=(("Pandey", "P."),), year=2019, title=title, volume=None, issue=None,
                      container="Proc. Int. Conf. Manage. Data (SIGMOD)", pages=("1386", "1399", "1386-1399"))
    evidence = score(cited, paper)
    assert evidence.container is None and evidence.placed_but_for_year
    # another range is another paper (or a wrong range): the year counts then
    other_range = replace(cited, pages=reference(pages=("1386", "1390", "1386-1390")).pages)
    assert not score(other_range, paper).placed_but_for_year


def test_a_supplements_whole_range_places_a_work_whose_title_is_wrong():
    registry = work(title=["Complexity of trauma narratives as an index of fragmented memory in PTSD"],
                    page="S171-S186", volume="15", issue="7")
    cited = reference(title="Narrative fragmentation and memory disorganisation in combat-related PTSD",
                      volume="15", issue="7", pages=("S171", "S186", "S171–S186"))
    evidence = score(cited, registry)
    assert evidence.whole_range and evidence.placed_but_for_title
    assert not score(replace(cited, pages=reference(pages=("S171", "S175", "S171–S175")).pages),
                     registry).placed_but_for_title


def test_a_short_book_title_with_one_of_its_isbns_is_that_book_whoever_is_named():
    book = work(type="book", title=["Shakespeare and Ecology"], ISBN=["9780199567027"], container_title=[],
                short_container_title=[], volume=None, issue=None, page=None, publisher="Oxford University Press",
                author=[{"family": "Martin", "given": "Randall"}], issued={"date-parts": [[2015]]})
    cited = reference(authors=(("Bate", "Jonathan"),), year=2015, title="Shakespeare and Ecology", container=None,
                      volume=None, issue=None, pages=None, kind=ReferenceKind.BOOK)
    assert not score(cited, book).located  # two words, no ISBN: perhaps another book of that title
    isbn = Identifier(IdScheme.ISBN, "9780199567027", "978-0-19-956702-7", cited.span)
    assert score(replace(cited, identifiers=(isbn,)), book).located
