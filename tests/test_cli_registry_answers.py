"""A registry (or mirror) that answers with a malformed record, or with the record of
another DOI: the look-up failed, so nothing is compared or locked, and the run says so
once; a later run against a correct registry checks the reference as if nothing happened."""

import json

import pytest

from verify_refs.cli import main
from verify_refs.testing.crossref_server import CrossrefTestServer, Fault

DOC = ("Smith argued this before.[1]\n\nNotes\n\n1. Smith, John (1990). \"A Study of Things\". "
       "Journal of Studies. 3 (2): 10-20. doi:10.5555/study.1\n")
RECORD = {"DOI": "10.5555/study.1", "type": "journal-article", "title": ["A Study of Things"],
          "author": [{"given": "John", "family": "Smith", "sequence": "first"}],
          "issued": {"date-parts": [[1990]]}, "container-title": ["Journal of Studies"],
          "volume": "3", "issue": "2", "page": "10-20"}


@pytest.fixture(autouse=True)
def _outside_the_repository(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)


def envelope(message) -> str:
    return json.dumps({"status": "ok", "message-type": "work", "message-version": "1.0.0",
                       "message": message})


@pytest.mark.parametrize("bad, reason", [
    ({"DOI": 5, "title": "x"}, "the registry's record is malformed ('DOI' is not a string)"),
    ({**RECORD, "title": "x"}, "the registry's record is malformed ('title' is not a list of strings)"),
    ({**RECORD, "DOI": "10.5555/another.9", "title": ["x"]}, "the registry answered with the record of another DOI"),
])
def test_a_bad_record_is_a_failed_lookup_and_never_locked(capsys, tmp_path, bad, reason):
    doc, lock = tmp_path / "doc.txt", tmp_path / "refs.lock.json"
    doc.write_text(DOC, encoding="utf-8")
    argv = [str(doc), "--lock", str(lock), "--no-progress", "--format", "json"]
    with CrossrefTestServer([RECORD]) as server:
        server.add_fault(Fault.status_code(200, envelope(bad), "application/json"),
                         path=r"^/works/10\.5555", times=None)
        code = main([*argv, "--crossref-url", server.url])
        out, err = capsys.readouterr()
        report = json.loads(out)
        assert code == 0 and report["findings"] == []
        assert [r["status"] for r in report["references"]] == ["unchecked"]
        assert [line for line in err.splitlines() if "unchecked" in line] == [
            f"verify-refs: 1 reference unchecked: {reason}"]
        assert not lock.exists() or "study" not in lock.read_text(encoding="utf-8")
        server.clear_faults()
        code = main([*argv, "--crossref-url", server.url])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["findings"] == []
    assert [r["status"] for r in report["references"]] == ["verified"]


def test_an_alias_answered_with_its_primary_record_still_verifies(capsys, tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text(DOC.replace("10.5555/study.1", "10.5555/study.alias"), encoding="utf-8")
    with CrossrefTestServer([RECORD], aliases={"10.5555/study.alias": "10.5555/study.1"}) as server:
        code = main([str(doc), "--crossref-url", server.url, "--lock", str(tmp_path / "l.json"),
                     "--no-progress", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and [r["status"] for r in report["references"]] == ["verified"]


def test_a_bad_record_locked_by_an_older_version_is_looked_up_again(capsys, tmp_path):
    from verify_refs.extract.document import parse_document
    from verify_refs.extract.source import SourceText
    from verify_refs.resolve.lockfile import dumps, fingerprint

    doc, lock = tmp_path / "doc.txt", tmp_path / "refs.lock.json"
    doc.write_text(DOC, encoding="utf-8")
    (reference,) = parse_document(SourceText(str(doc), DOC)).references
    lock.write_text(dumps({fingerprint(reference): {
        "checked": "2025-01-01", "outcome": "resolved", "via": "doi", "doi": "5",
        "work": {"doi": "5", "title": "x"}, "reference": DOC}}), encoding="utf-8")
    with CrossrefTestServer([RECORD]) as server:
        code = main([str(doc), "--crossref-url", server.url, "--lock", str(lock),
                     "--no-progress", "--format", "json"])
        assert server.count > 0
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["findings"] == []
    assert json.loads(lock.read_text(encoding="utf-8"))["references"][fingerprint(reference)]["doi"] == "10.5555/study.1"
