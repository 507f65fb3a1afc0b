"""End to end: what the fifteenth pair of blind testers found, through the real CLI against
``CrossrefTestServer``. Records are composed here (fictional works under the 10.5555 test
prefix). Each document plants its faults; the test asserts exactly those findings among the
warnings and errors, so a false alarm on a sound reference fails it.
"""

from __future__ import annotations

import pytest

from planted_documents import assert_every_reference_found, assert_only_planted, record, run_documents

RECORDS = [
    record("10.5555/ff.001", "Theory and Practice: The Textbase Methodology of the Women Writers Project",
           [("Renner", "Allen")], 1994, "South Central Review", "11", "2", "99"),
    record("10.5555/ff.002", "Shepherding Culture and the Romantic Pastoral",
           [("Buggins", "John")], 2012, "A Companion to Romantic Poetry", None, None, "159-175",
           kind="book-chapter"),
    {**record("10.5555/ff.003", "Pluralisme paradigmatique en sociologie de l'education",
              [("Massotte", "Alain")], 2005, "Classiques des sciences sociales.", None, None, ""),
     "type": "monograph", "publisher": "J.-M. Tremblay"},
    {**record("10.5555/ff.004", "From media hype to twitter storm: news explosions and their impact on issues",
              [("Zhang", "Zhen")], 2019, "Critical Studies in Media Communication", "36", "4", "407-410"),
     "subtitle": ["by Peter Vasterman, Amsterdam, Amsterdam University Press, 2018, 401 pp."]},
    record("10.5555/ff.005", "Analytical solutions for estimating tsunami run-up on slopes",
           [("An", "Chao"), ("Liu", "Philip L.-F.")], 2016, "Coastal Engineering", "117", None, "44-56"),
    record("10.5555/ff.006", "Wave forces on elevated coastal structures",
           [("Park", "Hyoungsu"), ("Cox", "Daniel T.")], 2016, "Coastal Engineering", "115", None, "40-52"),
    record("10.5555/ff.007", "Thinking about intuition and its errors",
           [("Brownlow", "Amy")], 2008, "Journal of Judgement Studies", "3", "2", "1-20"),
]

DOCUMENTS = {
    # Chicago notes: a title reworded on an article known by journal, volume, issue and page
    # (no DOI), a chapter known by its book and pages, a book whose series is its imprint, and
    # a chapter dated three years off (a warning: the registry may hold another edition)
    "chicago.txt": ("""\
The textbase was described early.1 The pastoral was revisited.2 Sociology was plural.3 Twice.4

Notes

1. Allen Renner, \u201cTheory and Method: The Textbase Approach of the Women Writers Project,\u201d South Central Review 11, no. 2 (1994): 99.
2. Buggins, John. \u201cShepherding Labour and the Romantic Georgic.\u201d A Companion to Romantic Poetry, edited by Charles Mahoney, Wiley-Blackwell, 2012, pp. 159-75.
3. Massotte, Alain. Pluralisme paradigmatique en sociologie de l\u2019education. Chicoutimi: Les Classiques des sciences sociales, 2002.
4. Buggins, John. \u201cShepherding Culture and the Romantic Pastoral.\u201d A Companion to Romantic Poetry, edited by Charles Mahoney, Wiley-Blackwell, 2009, pp. 159-75.
""", {("title-mismatch", 5), ("title-mismatch", 6), ("year-mismatch", 7), ("year-mismatch", 8)}),
    # APA: a review described in brackets; a narrative cite named by a verb of reporting
    "apa.txt": ("""\
As Kahneman (2011) argued, intuition errs. Brownlow (2008) shows how (Zhang, 2019).

References

Brownlow, A. (2008). Thinking about intuition and its errors. Journal of Judgement Studies, 3(2), 1\u201320.
Zhang, Z. (2019). [Review of the book From media hype to Twitter storm: News explosions and their impact on issues, by P. Vasterman]. Critical Studies in Media Communication, 36(4), 407\u2013410. https://doi.org/10.5555/ff.004
""", {("orphan-short-cite", 1)}),
    # Wikipedia: short notes with the page after the bracketed year, and the family name "An"
    "wikipedia.txt": ("""\
Run-up was estimated analytically.[1] Forces on structures were measured.[2]

Notes

1. ^ An & Liu (2016), p. 60.
2. ^ Park & Cox (2016), p. 45.

Bibliography

An, Chao; Liu, Philip L.-F. (2016). "Analytical solutions for estimating tsunami run-up on slopes". Coastal Engineering. 117: 44\u201356.
Park, Hyoungsu; Cox, Daniel T. (2016). "Wave forces on elevated coastal structures". Coastal Engineering. 115: 40\u201352.
""", {("page-out-of-range", 5)}),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return run_documents(tmp_path_factory.mktemp("fifteenth"), DOCUMENTS, RECORDS)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_planted_faults_are_found_and_nothing_else(report: dict, name: str) -> None:
    assert_only_planted(report, DOCUMENTS, name)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_reference_is_found(report: dict, name: str) -> None:
    """Every reference is verified, or a mismatch (where a fault is planted in it, or a page
    cited of it is wrong)."""
    assert_every_reference_found(report, name, {line for code, line in DOCUMENTS[name][1]
                                                if code.endswith("-mismatch")})


def test_a_page_after_the_bracketed_year_is_checked_against_its_reference(report: dict) -> None:
    """ "An & Liu (2016), p. 60." links to An and Liu (whose family name "An" is no article)
    and its page is checked; "Park & Cox (2016), p. 45." lies inside its range."""
    message = next(f["message"] for f in report["findings"] if f["code"] == "page-out-of-range")
    assert "page 60 cited" in message and "44-56" in message


def test_a_chapter_placed_by_its_book_and_pages_in_another_year_may_be_another_edition(report: dict) -> None:
    finding = next(f for f in report["findings"] if f["code"] == "year-mismatch" and f["line"] == 8)
    assert finding["severity"] == "warning"
    assert "2009 cited" in finding["message"] and "another edition" in finding["message"]
