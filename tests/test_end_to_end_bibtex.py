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
        "A claim.[^1]\n\n[^1]: Mallory, Eve (2019). \"Sixty percent & 100% of H2O\". Journal of Tests. "
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


ALIGNED = """@article{halvorsen-grain,
  author  = {Halvorsen, Jens},
  title   = {Grain Procurement and the Village Soviet},
  journal = {Rural Economy Review},
  year    = {2005},
  volume  = {31},
  number  = {2},
  pages   = {1--24},
  issn    = {0000-0018},
}
"""


def test_the_report_after_fix_leaves_out_what_was_fixed(server, capsys):
    """A year, an issue and an ISSN with a wrong check digit: fixed, they are no findings
    any more (the summary counts the fields fixed), the DOI added is aligned like the
    entry's fields, and the run says where the file as it was is kept."""
    Path("refs.bib").write_text(ALIGNED, encoding="utf-8")
    assert run_cli("refs.bib", "--crossref-url", server.url, "--format", "json") == 1
    before = json.loads(capsys.readouterr().out)
    assert sorted(f["code"] for f in before["findings"]) == ["invalid-issn", "issue-mismatch", "year-mismatch"]
    assert [r["status"] for r in before["references"]] == ["mismatch"]
    code = run_cli("refs.bib", "--crossref-url", server.url, "--format", "json", "--fix")
    out, err = capsys.readouterr()
    after = json.loads(out)
    assert code == 0 and after["findings"] == [] and after["summary"]["fixed"] == 4
    assert [r["status"] for r in after["references"]] == ["verified"]  # the file as it is now
    assert "halvorsen-grain: issn 0000-0018 -> 0000-0019" in err
    assert "refs.bib: the file as it was before the fixes is kept in refs.bib.bak" in err
    assert Path("refs.bib").read_text(encoding="utf-8") == (
        ALIGNED.replace("{2005}", "{2004}").replace("{2}", "{1}").replace("0000-0018", "0000-0019")
        .replace("  issn    = {0000-0019},\n", "  issn    = {0000-0019},\n  doi     = {10.5555/fix.1},\n"))
    assert Path("refs.bib.bak").read_text(encoding="utf-8") == ALIGNED
    assert run_cli("refs.bib", "--crossref-url", server.url) == 0  # nothing left to fix or report


def test_the_text_report_after_fix_counts_the_fields_fixed(server, capsys):
    Path("refs.bib").write_text(ALIGNED.replace("  issn    = {0000-0018},\n", ""), encoding="utf-8")
    run_cli("refs.bib", "--crossref-url", server.url, "--fix")
    out = capsys.readouterr().out
    assert "year-mismatch" not in out and "issue-mismatch" not in out
    assert out.strip().splitlines()[-1] == (
        "1 document, 1 reference (1 verified): 0 errors, 0 warnings, 0 info; 3 fields fixed by --fix")


def test_a_fix_that_leaves_a_mismatch_keeps_the_reference_a_mismatch(server, capsys):
    # the author is never rewritten: its finding, and the mismatch, stay after the fix
    Path("refs.bib").write_text(ALIGNED.replace("Halvorsen, Jens", "Kuromiya, Hiroaki")
                                .replace("}\n", "  doi     = {10.5555/fix.1},\n}\n"), encoding="utf-8")
    run_cli("refs.bib", "--crossref-url", server.url, "--format", "json", "--fix")
    report = json.loads(capsys.readouterr().out)
    assert [f["code"] for f in report["findings"]] == ["author-mismatch"]
    assert [r["status"] for r in report["references"]] == ["mismatch"] and report["summary"]["fixed"] == 3


def _bibliography_of(records: list[dict], essay: str) -> list:
    """The entries ``--bib`` writes for ``essay.md`` checked against ``records``."""
    with CrossrefTestServer(records) as server:
        Path("essay.md").write_text(essay, encoding="utf-8")
        run_cli("essay.md", "--crossref-url", server.url, "--bib", "out.bib")
    return bibtexparser.parse_string(Path("out.bib").read_text(encoding="utf-8")).entries


def test_the_bibliography_writes_the_work_cited_not_the_one_a_wrong_doi_names(capsys):
    """A DOI that names another work (doi-mismatch) does not bring that work into the
    bibliography; a mistyped ISBN gives way to the registry's (stored there as a Crossref
    URL); the print year cited is kept over the online year before it."""
    other = record("10.5555/bib.other", "Soil Chemistry of Tropical Forests", "Okafor", "Ada", 2011,
                   "Soil Review", "3", "2", "40-55")
    online_first = {**record("10.5555/bib.print", "Grain Quotas in the Volga Region", "Lind", "Per", 2016,
                             "Rural Economy Review", "26", "3", "101-120"),
                    "published-print": {"date-parts": [[2017, 1]]}, "published-online": {"date-parts": [[2016, 6]]}}
    book = {**record("10.5555/bib.book", "Village Soviets and the State, 1917-1930", "Berg", "Anna", 2005,
                     "", None, None, ""), "type": "monograph", "container-title": [],
            "ISBN": ["http://id.crossref.org/isbn/978-0-19-956702-7"], "publisher": "Oxford University Press"}
    entries = {entry.key: entry for entry in _bibliography_of([other, online_first, book], (
        "Quotas.[^1] Soils.[^2] Soviets.[^3]\n\n"
        "[^1]: Lind, Per (2017). \"Grain Quotas in the Volga Region\". Rural Economy Review. 26 (3): 101-120.\n"
        "[^2]: Marsh, Tom (2012). \"Peasant Memory in the Black Earth Provinces\". Soil Review. 3 (2): 40-55. "
        "doi:10.5555/bib.other.\n"
        "[^3]: Berg, Anna (2005). Village Soviets and the State, 1917-1930. Oxford: Oxford University Press. "
        "ISBN 978-0-19-956702-8.\n"))}
    titles = {entry["title"] for entry in entries.values()}
    assert "Soil Chemistry of Tropical Forests" not in titles  # the work the wrong DOI names
    marsh = next(entry for entry in entries.values() if "Peasant Memory" in entry["title"])
    assert "doi" not in marsh.fields_dict
    lind = next(entry for entry in entries.values() if "Grain Quotas" in entry["title"])
    assert lind["year"] == "2017" or lind.fields_dict.get("date").value.startswith("2017")
    berg = next(entry for entry in entries.values() if "Village Soviets" in entry["title"])
    assert berg["isbn"] == "978-0-19-956702-7"


def test_the_bibliography_takes_the_work_a_search_found_for_a_wrong_or_unknown_doi(capsys):
    """A DOI that names another work, or one found nowhere, gives way to the work a search
    of the reference found for sure: its registry record (and DOI) is written; a DOI found
    nowhere and no such work: no DOI at all."""
    other = record("10.5555/bib.other", "Soil Chemistry of Tropical Forests", "Okafor", "Ada", 2011,
                   "Soil Review", "3", "2", "40-55")
    cited = record("10.5555/bib.cited", "Peasant Memory in the Black Earth Provinces", "Marsh", "Tom", 2012,
                   "Agrarian History Review", "7", "1", "1-22")
    found = record("10.5555/bib.found", "Grain Quotas in the Volga Region", "Lind", "Per", 2016,
                   "Rural Economy Review", "26", "3", "101-120")
    entries = _bibliography_of([other, cited, found], (
        "Memory.[^1] Quotas.[^2] Elsewhere.[^3]\n\n"
        "[^1]: Marsh, Tom (2012). \"Peasant Memory in the Black Earth Provinces\". Agrarian History Review. "
        "7 (1): 1-22. doi:10.5555/bib.other. https://onlinelibrary.wiley.com/doi/10.5555/bib.other\n"
        "[^2]: Lind, Per (2016). \"Grain Quotas in the Volga Region\". Rural Economy Review. 26 (3): 101-120. "
        "doi:10.5555/bib.nowhere.\n"
        "[^3]: Vance, Ola (2001). \"An Unregistered Paper on Rye\". Grain Notes. 2 (1): 5-9. "
        "doi:10.5555/bib.nowhere2.\n"))
    dois = {entry["title"]: entry.fields_dict["doi"].value if "doi" in entry.fields_dict else None for entry in entries}
    assert not any("bib.other" in entry.fields_dict["url"].value for entry in entries if "url" in entry.fields_dict)
    assert dois == {"Peasant Memory in the Black Earth Provinces": "10.5555/bib.cited",
                    "Grain Quotas in the Volga Region": "10.5555/bib.found",
                    "An Unregistered Paper on Rye": None}
