"""The whole corpus, offline: every expected finding is listed with the text that
justifies it, and nothing else may appear."""

from pathlib import Path

import pytest

from verify_refs.checks.linkage import link_corpus
from verify_refs.config import Config
from verify_refs.models import IdScheme, MarkerStyle, ShortCiteStyle
from verify_refs.pipeline import run

ROOT = Path(__file__).resolve().parents[1]
MONGOLIAN = "corpus/mongolian-road-to-pearl-harbor.txt"
TROTSKY = "corpus/trotsky-collaboration-evidence.txt"
LYUSHKOV = "corpus/lyushkov-defection.txt"

EXPECTED = {
    # "10 Coox, Alvin D. (January 1968)...": a copied footnote number glued to the full
    # Coox reference above the notes list. Note 10 exists below ("Coox 1968, p. 413"), so
    # the 10 is reported once as stray and the line is parsed as the reference itself.
    (MONGOLIAN, 38, 1, "stray-number"),
    # Notes 1, 3-7 and 14 carry no [n] marker in this excerpt of the Wikipedia article.
    (MONGOLIAN, 41, 3, "unused-note"),
    (MONGOLIAN, 43, 3, "unused-note"),
    (MONGOLIAN, 44, 3, "unused-note"),
    (MONGOLIAN, 45, 3, "unused-note"),
    (MONGOLIAN, 46, 3, "unused-note"),
    (MONGOLIAN, 47, 3, "unused-note"),
    (MONGOLIAN, 54, 3, "unused-note"),
    # Note 2 says "Jump up to: a b c d e f g" (7 backlinks); the excerpt has one [2].
    (MONGOLIAN, 42, 3, "backlink-mismatch"),
    # Note 13 says "a b c" (3 backlinks); the excerpt has two [13].
    (MONGOLIAN, 53, 3, "backlink-mismatch"),
    # "1938.1", "Sedov2", "NKVD3", "Shelepin's4", "communism."5": five footnote digits that
    # lost their superscript, and the excerpt has no notes at all: one finding lists them.
    (TROTSKY, 9, 143, "dangling-marker"),
    # "(Vsesoiuznoe soveshchanie 298)": an MLA cite whose works-cited list is not in the corpus.
    (TROTSKY, 22, 300, "orphan-short-cite"),
    # The same account in two documents: "On 7 August 1945, the Soviet invasion of
    # Manchuria commenced" here, "On 9 August 1945" in the Mongolian text.
    (LYUSHKOV, 6, 176, "claim-drift"),
    # The Lyushkov text repeats the Mongolian text's cited passages with no citations.
    (LYUSHKOV, 3, 446, "uncited-copy"),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    import os

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        lock = tmp_path_factory.mktemp("lock") / "empty.lock.json"
        return run(Config(paths=("corpus",), offline=True, lock=str(lock)))
    finally:
        os.chdir(here)


def test_exactly_the_expected_findings(report):
    found = {(f.span.path, f.span.line, f.span.column, f.code) for f in report.findings}
    assert found == EXPECTED


def test_findings_quote_what_they_found(report):
    by_code = {f.code: f for f in report.findings}
    assert "1 (line 9), 2 (line 9), 3 (line 13), 4 (line 33), 5 (line 38)" in by_code["dangling-marker"].message
    assert "Vsesoiuznoe soveshchanie 298" in by_code["orphan-short-cite"].message
    drift = by_code["claim-drift"]
    assert "7 August 1945" in drift.message and "9 August 1945" in drift.message
    assert drift.related and drift.related[0].path == MONGOLIAN
    assert "7 backlinks, but 1 marker" in next(
        f.message for f in report.findings if f.code == "backlink-mismatch" and f.span.line == 42)


def document(report, path):
    return next(d for d in report.documents if d.path == path)


def test_mongolian_markers_link_to_their_notes(report):
    doc = document(report, MONGOLIAN)
    labels = [m.label for m in doc.markers]
    assert labels == ["8", "8", "8", "9", "10", "11", "11", "2", "9", "10", "11", "10", "10",
                      "12", "13", "13"]
    assert {m.style for m in doc.markers} == {MarkerStyle.BRACKET}
    notes = {n.label: n for n in doc.notes}
    assert sorted(notes, key=int) == [str(i) for i in range(1, 15)]
    for label in set(labels):
        assert label in notes


def test_every_coox_short_cite_links_to_the_full_coox_reference(report):
    doc = document(report, MONGOLIAN)
    links = link_corpus(report.documents)
    coox = next(r for r in doc.references if r.first_author == "Coox")
    assert (coox.span.line, coox.span.column) == (38, 4)
    cites = [c for c in doc.short_cites if c.author == "Coox"]
    assert len(cites) == 10
    assert all(c.style is ShortCiteStyle.AUTHOR_YEAR and c.year == 1968 for c in cites)
    assert all(links.cite_targets[c] == coox for c in cites)
    pages = sorted(int(c.pinpoints[0]) for c in cites)
    assert pages == [405, 407, 408, 409, 411, 412, 413, 414, 417, 418]
    assert coox.pages.numeric() == (405, 420)
    assert all(405 <= p <= 420 for p in pages)


def test_identifiers_of_the_corpus_are_valid(report):
    doc = document(report, MONGOLIAN)
    by_author = {r.first_author: r for r in doc.references}
    assert by_author["Alexander"].first_id(IdScheme.ISBN) == "1853050326"
    assert by_author["Medvedev"].first_id(IdScheme.ISBN) == "0394446453"
    assert by_author["Coox"].doi == "10.1080/09668136808410603"
    assert by_author["Coox"].jstor == "149953"
    assert not [f for f in report.findings if f.code.startswith("invalid-")]


def test_trotsky_glued_markers_and_nothing_else(report):
    doc = document(report, TROTSKY)
    assert [(m.label, m.style) for m in doc.markers] == [(str(i), MarkerStyle.GLUED) for i in range(1, 6)]
    assert [m.span.line for m in doc.markers] == [9, 9, 13, 33, 38]
    assert [c.author for c in doc.short_cites] == ["Vsesoiuznoe soveshchanie"]
    assert doc.short_cites[0].pinpoints == ("298",)


def test_lyushkov_has_no_markers_and_the_life_dates_are_not_one(report):
    doc = document(report, LYUSHKOV)
    assert doc.markers == () and doc.notes == () and doc.short_cites == ()
    assert "(18441900)" in (ROOT / LYUSHKOV).read_text(encoding="utf-8")


def test_offline_run_leaves_every_reference_unchecked(report):
    assert len(report.statuses) == 5
    assert {s.value for s in report.statuses.values()} == {"unchecked"}
