"""The BibTeX half end to end: the real CLI against the local Crossref-compatible server.
Hostile registry metadata must come out inert in the written file, and ``--fix`` corrects a
.bib input from the registry, keeping the user's keys, order and fields."""

import json
from pathlib import Path

import bibtexparser
import pytest

from verify_refs.cli import main
from verify_refs.testing.crossref_server import CrossrefTestServer

HOSTILE_DOI = "10.5555/hostile.1"


def record(doi, title, family, given, year, container, volume, issue, page):
    """A work record in the shape of Crossref's /works/{doi} message (composed)."""
    return {
        "DOI": doi, "type": "journal-article", "title": [title], "subtitle": [],
        "author": [{"given": given, "family": family, "sequence": "first", "affiliation": []}],
        "issued": {"date-parts": [[year, 3]]}, "published": {"date-parts": [[year, 3]]},
        "container-title": [container], "short-container-title": [], "volume": volume,
        "issue": issue, "page": page, "ISSN": ["0000-0019"], "publisher": "Test accounts",
        "prefix": "10.5555", "member": "7822", "source": "Crossref", "score": 1,
        "URL": f"https://doi.org/{doi}", "reference-count": 0, "is-referenced-by-count": 0,
        "indexed": {"date-parts": [[2026, 1, 2]], "date-time": "2026-01-02T00:00:00Z",
                    "timestamp": 1767312000000},
    }


RECORDS = [
    record(HOSTILE_DOI,
           r"Sixty <i>percent</i> & 100% of H<sub>2</sub>O \input{/etc/passwd}\write18{rm -rf /} {unbalanced",
           r"Ev\catcode`\^^M=11il", "Mallory", 2019, r"Journal of $\alpha$ # Tests", "7", "1", "1-20"),
    record("10.5555/fix.1", "Grain Procurement and the Village Soviet", "Halvorsen", "Jens", 2004,
           "Rural Economy Review", "31", "1", "1-24"),
]


@pytest.fixture
def server():
    with CrossrefTestServer(RECORDS) as running:
        yield running


@pytest.fixture(autouse=True)
def _outside_the_repository(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)


def run_cli(*argv) -> int:
    return main([*argv, "--no-progress", "--no-color", "--lock", "lock.json"])


def test_hostile_registry_metadata_is_written_inert(server, capsys):
    Path("essay.md").write_text(
        "A claim.[^1]\n\n[^1]: Mallory, Eve (2019). \"Sixty percent\". Journal of Tests. "
        f"7 (1): 1-20. doi:{HOSTILE_DOI}.\n", encoding="utf-8")
    run_cli("essay.md", "--crossref-url", server.url, "--bib", "out.bib")
    text = Path("out.bib").read_text(encoding="utf-8")
    for dangerous in (r"\input", r"\write18", r"\catcode", "<i>", "<sub>", "^^M"):
        assert dangerous not in text, dangerous
    depth = 0
    for char in text.replace(r"\{", "").replace(r"\}", ""):
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry["doi"] == HOSTILE_DOI
    assert "100\\%" in entry["title"] and "\\&" in entry["title"]


def test_fix_corrects_a_bib_input_from_the_registry(server, capsys):
    Path("refs.bib").write_text(
        "% my references\n"
        "@article{halvorsen-grain,\n"
        "  author = {Halvorsen, Jens},\n"
        "  title = {Grain Procurement and the Village Soviet},\n"
        "  journal = {Rural Economy Review},\n"
        "  year = {2005},\n"
        "  volume = {31},\n"
        "  pages = {1--24},\n"
        "  doi = {10.5555/fix.1},\n"
        "  note = {my own note},\n"
        "}\n", encoding="utf-8")
    code = run_cli("refs.bib", "--crossref-url", server.url, "--format", "json")
    report = json.loads(capsys.readouterr().out)
    year = next(f for f in report["findings"] if f["code"] == "year-mismatch")
    assert year["line"] == 2 and "2005" in year["message"] and "2004" in year["message"]
    assert code == 1
    run_cli("refs.bib", "--crossref-url", server.url, "--fix")
    err = capsys.readouterr().err
    assert "halvorsen-grain: year 2005 -> 2004" in err
    fixed = Path("refs.bib").read_text(encoding="utf-8")
    assert "year = {2004}" in fixed and "note = {my own note}" in fixed
    assert fixed.startswith("% my references\n@article{halvorsen-grain,")
    assert Path("refs.bib.bak").read_text(encoding="utf-8").count("year = {2005}") == 1
    assert run_cli("refs.bib", "--crossref-url", server.url) == 0
