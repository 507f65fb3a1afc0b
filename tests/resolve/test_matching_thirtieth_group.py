"""Registry comparisons the thirtieth group of blind testers needed: a journal's acronym after
its name, a journal's series between dashes, the city in an abbreviation, and a conference
paper off by two years that only its title and pages place."""

from __future__ import annotations

from dataclasses import replace

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
