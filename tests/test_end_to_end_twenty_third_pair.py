"""End to end: the forms the twenty-third pair of blind testers wrote, through the real CLI
against ``CrossrefTestServer`` (records composed here under the 10.5555 test prefix): a book
cited under another author's name, and German book notes that give place and year alone.
Each document's warnings and errors must be exactly its planted faults."""

from __future__ import annotations

import pytest

from planted_documents import assert_only_planted, record, run_documents


def _book(doi: str, title: str, author: tuple[str, str], year: int, publisher: str, subtitle: str = "") -> dict:
    data = {**record(doi, title, [author], year, "", None, None, ""), "type": "monograph",
            "container-title": [], "publisher": publisher}
    del data["page"]
    if subtitle:
        data["subtitle"] = [subtitle]
    return data


RECORDS = [
    _book("10.5555/tp23.001", "Modernist Time Ecology", ("Matz", "Jesse"), 2018, "Johns Hopkins University Press"),
    _book("10.5555/tp23.002", "Unternehmensorganisationspflichten", ("Spindler", "Gerald"), 2011,
          "Universitätsverlag Göttingen", "Zivilrechtliche und öffentlich-rechtliche Regelungskonzepte"),
    _book("10.5555/tp23.003", "Migration Ecology of Marine Fishes", ("Secor", "David H."), 2015,
          "Johns Hopkins University Press"),
]

DOCUMENTS = {
    # MLA: a three-word book title under another author's name (planted); a sound book
    "mla.md": ("""\
# Time

Time slows (Eysteinsson 12). Fish migrate (Secor 112).

## Works Cited

Eysteinsson, Astradur. *Modernist Time Ecology*. Johns Hopkins UP, 2018.

Secor, David H. *Migration Ecology of Marine Fishes*. Johns Hopkins UP, 2015.
""", {("author-mismatch", 7)}),
    # German notes: a book with place and year alone, its subtitle after a full stop
    "fussnoten.txt": ("""\
Organisation

Die Pflichten sind umstritten.1

Anmerkungen

1 Vgl. Gerald Spindler: Unternehmensorganisationspflichten. Zivilrechtliche und öffentlich-rechtliche Regelungskonzepte. Göttingen 2011, S. 47.
""", set()),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return run_documents(tmp_path_factory.mktemp("twenty_third"), DOCUMENTS, RECORDS)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_planted_faults_are_found_and_nothing_else(report: dict, name: str) -> None:
    assert_only_planted(report, DOCUMENTS, name)


def test_the_german_book_is_verified(report: dict) -> None:
    statuses = {r["line"]: r["status"] for r in report["references"] if r["path"].endswith("fussnoten.txt")}
    assert statuses == {7: "verified"}


def test_a_cs1_chapter_whose_book_runs_into_its_publisher(tmp_path_factory: pytest.TempPathFactory) -> None:
    chapter = {**record("10.5555/tp25.001", "The text widget and htmllib", [("Flynt", "Clif")], 2012, "Tcl/Tk",
                        None, None, "455-494", kind="book-chapter"), "publisher": "Elsevier"}
    documents = {"wiki.txt": ("""\
Widgets

From Wikipedia, the free encyclopedia

The text widget renders HTML.[1]

References

1. ^ Flynt, Clif (2012). "The text widget and htmllib". Tcl/Tk. Elsevier. pp. 455\u2013494.
""", set())}
    report = run_documents(tmp_path_factory.mktemp("cs1_chapter"), documents, [chapter])
    assert_only_planted(report, documents, "wiki.txt")
    assert [r["status"] for r in report["references"]] == ["verified"]
