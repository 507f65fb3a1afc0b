"""What a run says of a reference whose DOI is wrong but whose work the registry has, and the
JSON status of each reference: end to end, against the local Crossref-compatible server.

``status`` is about the reference's own description of the work: ``mismatch`` when the
registry's work was identified and disagrees with it (a DOI found nowhere included, when a
search found the work), ``unresolved`` when no record is known for it, never ``mismatch``
for a page that a cite of it gives outside the work's range."""

import json

import pytest

from verify_refs.cli import main
from verify_refs.testing.crossref_server import CrossrefTestServer

RECORD = {"DOI": "10.5555/study.1", "type": "journal-article", "title": ["A Study of Things"],
          "author": [{"given": "John", "family": "Smith", "sequence": "first"}],
          "issued": {"date-parts": [[1990]]}, "container-title": ["Journal of Studies"],
          "volume": "3", "issue": "2", "page": "10-20"}
STUDY = 'Smith, John (1990). "A Study of Things". Journal of Studies. 3 (2): 10-20.'
NAMED = "the registry's record for this work is 10.5555/study.1"


@pytest.fixture(autouse=True)
def _outside_the_repository(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)


def check(capsys, tmp_path, notes: str, *, served_from_lock: bool = False) -> dict:
    """The JSON report of a document with these notes; with ``served_from_lock``, of a
    second run, answered from the lock file the first one wrote (no request sent)."""
    doc = tmp_path / "doc.txt"
    doc.write_text("Smith argued this before.[1] And again.[2]\n\nNotes\n\n" + notes, encoding="utf-8")
    argv = [str(doc), "--lock", str(tmp_path / "refs.lock.json"), "--no-progress", "--format", "json"]
    with CrossrefTestServer([RECORD]) as server:
        main([*argv, "--crossref-url", server.url])
        if served_from_lock:
            capsys.readouterr()
            server.reset()
            main([*argv, "--crossref-url", server.url])
            assert server.count == 0
    return json.loads(capsys.readouterr().out)


def only(report: dict, code: str) -> dict:
    found = [f for f in report["findings"] if f["code"] == code]
    assert len(found) == 1, [f["code"] for f in report["findings"]]
    return found[0]


@pytest.mark.parametrize("served_from_lock", [False, True])
def test_a_doi_found_nowhere_names_the_doi_of_the_work_a_search_found(capsys, tmp_path, served_from_lock):
    report = check(capsys, tmp_path, f"1. {STUDY} doi:10.5555/study.404\n",
                   served_from_lock=served_from_lock)
    finding = only(report, "doi-not-found")
    assert finding["message"] == f"DOI 10.5555/study.404 cited, registry has no record of it; {NAMED}"
    assert "Replace the DOI with the registry's" in finding["hint"]
    (reference,) = report["references"]
    assert (reference["status"], reference["resolved_doi"], reference["resolved_via"]) == (
        "mismatch", "10.5555/study.1", "search")


def test_a_doi_found_nowhere_of_a_work_no_search_finds_is_unresolved(capsys, tmp_path):
    report = check(capsys, tmp_path, '1. Jones, Mary (1985). "Bee Keeping in the Arctic". '
                                     "Polar Apiarist. 1 (1): 1-9. doi:10.5555/bees.404\n")
    finding = only(report, "doi-not-found")
    assert finding["message"] == "DOI 10.5555/bees.404 cited, registry has no record of it"
    assert finding["hint"].startswith("Check the DOI for typos")
    (reference,) = report["references"]
    assert (reference["status"], reference["resolved_doi"], reference["resolved_via"]) == (
        "unresolved", None, None)


def test_a_malformed_doi_names_the_doi_of_the_work_a_search_found(capsys, tmp_path):
    report = check(capsys, tmp_path, f"1. {STUDY} doi:10.555/study.1\n")
    finding = only(report, "invalid-doi")
    assert finding["message"] == ("DOI 10.555/study.1: the registrant code '555' should be 4 to 9 digits; "
                                  f"{NAMED}")
    (reference,) = report["references"]
    assert (reference["status"], reference["resolved_doi"]) == ("verified", "10.5555/study.1")


def test_a_malformed_doi_of_a_work_no_search_finds_names_nothing(capsys, tmp_path):
    report = check(capsys, tmp_path, '1. Jones, Mary (1985). "Bee Keeping in the Arctic". '
                                     "Polar Apiarist. 1 (1): 1-9. doi:10.555/bees.1\n")
    finding = only(report, "invalid-doi")
    assert "registry" not in finding["message"] and finding["hint"].startswith("A DOI is '10.'")
    assert [r["status"] for r in report["references"]] == ["unresolved"]


def test_a_short_cites_page_out_of_range_leaves_the_reference_verified(capsys, tmp_path):
    report = check(capsys, tmp_path, f"1. {STUDY} doi:10.5555/study.1\n2. Smith 1990, pp. 30-38.\n")
    finding = only(report, "page-out-of-range")
    assert finding["message"] == "pages 30-38 cited, registry range is 10-20 (10.5555/study.1)"
    assert finding["line"] == 6 and finding["reference"] == report["references"][0]["id"]
    assert [r["status"] for r in report["references"]] == ["verified"]
    assert report["summary"]["status"]["verified"] == 1 and report["summary"]["errors"] == 1


def test_a_doi_of_another_work_resolves_to_the_work_a_search_found(capsys, tmp_path):
    other = {**RECORD, "DOI": "10.5555/other.1", "title": ["Notes on Something Else"], "volume": "9", "page": "1-5",
             "author": [{"given": "Ann", "family": "Okafor", "sequence": "first"}]}
    doc = tmp_path / "doc.txt"
    doc.write_text(f"Smith argued this.[1]\n\nNotes\n\n1. {STUDY} doi:10.5555/other.1\n", encoding="utf-8")
    with CrossrefTestServer([RECORD, other]) as server:
        main([str(doc), "--no-progress", "--format", "json", "--crossref-url", server.url])
    report = json.loads(capsys.readouterr().out)
    assert [f["code"] for f in report["findings"]] == ["doi-mismatch"]
    (reference,) = report["references"]
    # the work cited, as a search found it: not the work the wrong DOI names
    assert (reference["status"], reference["resolved_doi"], reference["resolved_via"]) == (
        "mismatch", "10.5555/study.1", "search")
