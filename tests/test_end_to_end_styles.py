"""End to end: one short document per citation style, faults planted, the real CLI.

The records are composed here (Crossref-shaped, fictional works under the 10.5555 test
prefix) and served by ``CrossrefTestServer``. Each document plants one or two faults; the
test asserts exactly those findings (code and line) among the warnings and errors, so a
finding on any sound reference, marker or cite fails it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planted_documents import assert_only_planted, run_documents
from verify_refs.checks.linkage import link_corpus
from verify_refs.extract.document import parse_document
from verify_refs.extract.source import SourceText


def record(doi: str, title: str, authors: list[tuple[str, str]], year: int, journal: str,
           volume: str, issue: str, page: str, **extra: object) -> dict:
    return {
        "DOI": doi, "type": "journal-article", "title": [title],
        "author": [{"given": g, "family": f, "sequence": "first" if i == 0 else "additional"}
                   for i, (f, g) in enumerate(authors)],
        "issued": {"date-parts": [[year]]}, "container-title": [journal],
        "volume": volume, "issue": issue, "page": page, "publisher": "Test Press", **extra,
    }


RECORDS = [
    record("10.5555/e2e.001", "Railways of the Mongolian Frontier, 1921-1939",
           [("Petrova", "Anna")], 1999, "Journal of Frontier History", "12", "2", "101-130"),
    record("10.5555/e2e.002", "Harbour Labour and the Baltic Grain Trade",
           [("Halvorsen", "Ingrid")], 2004, "Scandinavian Economic History Review", "52", "1",
           "33-58"),
    record("10.5555/e2e.003", "Rainfall Variability and Cocoa Yields in Southern Ghana",
           [("Okafor", "Chidi"), ("Mensah", "Ama")], 2011, "Journal of Agrarian Studies", "27",
           "4", "411-429"),
    record("10.5555/e2e.004", "Printing Houses and Censorship in Eighteenth-Century Stockholm",
           [("Lindqvist", "Maja")], 2016, "Book History Quarterly", "8", "3", "201-224"),
    record("10.5555/e2e.005", "Glacier Retreat and Water Supply in the Andes",
           [("Duarte", "Rafael"), ("Sousa", "Lia"), ("Pereira", "Tomas")], 2020,
           "Mountain Research Letters", "14", "1", "55-71"),
    record("10.5555/e2e.006", "Treaty Ports and the Silk Export Economy",
           [("Nakamura", "Kenji")], 1995, "Journal of East Asian Commerce", "3", "2", "87-104",
           **{"updated-by": [{"type": "retraction", "DOI": "10.5555/e2e.006.r", "label": "Retraction",
                              "updated": {"date-parts": [[2021, 5, 4]],
                                          "date-time": "2021-05-04T00:00:00Z"}}]}),
    record("10.5555/e2e.007", "Monastic Archives of Northern Portugal",
           [("Ferreira", "Ana")], 2008, "Iberian Archival Studies", "19", "1", "1-22"),
    record("10.5555/e2e.008", "Canal Engineering in the Industrial Midlands",
           [("Whitcombe", "Harold")], 1987, "Transport History Review", "11", "2", "140-162"),
    record("10.5555/e2e.009", "Lighthouse Keepers and Coastal Communities in Scotland",
           [("Abernethy", "Colin")], 2001, "Maritime Social History", "9", "2", "77-95"),
    record("10.5555/e2e.010", "Orchard Cooperatives in Rural Valencia",
           [("Castellano", "Marta")], 2013, "Journal of Rural Cooperation", "41", "1", "12-30"),
]

# name -> (text, {(code, line)} planted)
DOCUMENTS = {
    "wikipedia.txt": ("""\
Railways of the frontier

The line reached Urga in the late twenties.[1] Grain moved through Baltic harbours.[2]
Customs records are incomplete.[3] The railway was extended twice.[1]

Notes

1. ^ Jump up to: a b Petrova 1999, p. 112.
2. ^ Halvorsen 2005, p. 40.

Sources

Halvorsen, Ingrid (2005). "Harbour Labour and the Baltic Grain Trade". Scandinavian Economic History Review. 52 (1): 33\u201358.
Petrova, Anna (1999). "Railways of the Mongolian Frontier, 1921\u20131939". Journal of Frontier History. 12 (2): 101\u2013130. doi:10.5555/e2e.001.
""", {("dangling-marker", 4), ("year-mismatch", 13)}),
    "chicago.txt": ("""\
Cocoa and rain

Yields fell in dry years.\u00b9 The pattern held in the south.\u00b2 Farmers adapted.\u00b3

Notes

1. Chidi Okafor and Ama Mensah, "Rainfall Variability and Cocoa Yields in Southern Ghana," Journal of Agrarian Studies 27, no. 4 (2011): 415.
2. Ibid., 470.
3. Okafor and Mensah, "Rainfall Variability," 420.

Bibliography

Okafor, Chidi, and Ama Mensah. "Rainfall Variability and Cocoa Yields in Southern Ghana." Journal of Agrarian Studies 27, no. 4 (2011): 411\u201329.
""", {("page-out-of-range", 8)}),
    "apa.md": ("""\
# Print and water

Censors read every sheet (Lindqvist, 2016, p. 210). Glaciers retreat faster
than models predicted (Duarte et al., 2020, p. 60).

## References

Duarte, R., Sousa, L., & Pereira, T. (2020). Glacier retreat and water supply in the Andes. Mountain Research Letters, 41(1), 55\u201371. https://doi.org/10.5555/e2e.005
Lindqvist, M. (2016). Printing houses and censorship in eighteenth-century Stockholm. Book History Quarterly, 8(3), 201\u2013224. https://doi.org/10.5555/e2e.004
""", {("volume-mismatch", 8)}),
    "harvard.txt": ("""\
Orchards and monasteries

Cooperatives spread after the war (Castellano 2013, p. 15).

Reference list

Castellano, M. (2013) 'Orchard cooperatives in rural Valencia', Journal of Rural Cooperation, 41(1), pp. 12\u201330. doi: 10.5555/e2e.007.
""", {("doi-mismatch", 7)}),
    "mla.txt": ("""\
Archives and canals

The archives survived the fire (Ferreira 12). The canal opened late (Whitcombe 150).
The locks were rebuilt twice (Bellamy 44).

Works Cited

Ferreira, Ana. "Monastic Archives of Northern Portugal." Iberian Archival Studies, vol. 19, no. 1, 2008, pp. 1-22.
Whitcombe, Harold. "Canal Engineering in the Industrial Midlands." Transport History Review, vol. 11, no. 2, 1987, pp. 140-62.
""", {("orphan-short-cite", 4)}),
    "markdown.md": ("""\
Silk was shipped from the treaty ports.[^1] Exports doubled.[^2]

[^1]: Kenji Nakamura, "Treaty Ports and the Silk Export Economy," *Journal of East Asian Commerce* 3, no. 2 (1995): 90, https://doi.org/10.5555/e2e.006.
[^2]: Nakamura 1995, p. 95.
""", {("retracted", 3)}),
    "glued.txt": ("""\
Keepers and their families

The keepers lived apart from the villages until 1901.1 Their children left for
the cities.2

Notes

1 Abernethy C. Lighthouse keepers and coastal communities in Scotland. Marit Soc Hist. 2001;9(2):77-95. doi:10.5555/e2e.404
2 Abernethy 2001, p. 80.
""", {("doi-not-found", 8)}),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return run_documents(tmp_path_factory.mktemp("styles"), DOCUMENTS, RECORDS)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_planted_faults_are_found_and_nothing_else(report: dict, name: str) -> None:
    assert_only_planted(report, DOCUMENTS, name)


def test_every_reference_was_checked(report: dict) -> None:
    statuses = {(Path(r["path"]).name, r["line"]): r["status"] for r in report["references"]}
    assert "unchecked" not in statuses.values(), statuses
    assert statuses[("apa.md", 9)] == "verified"
    assert statuses[("glued.txt", 8)] == "mismatch"


APA_DOI_LINES = """\
Glaciers retreat (Duarte et al., 2020, p. 60). Censors read every sheet (Lindqvist, 2016).

## References

Duarte, R., Sousa, L., & Pereira, T. (2020). Glacier retreat and water supply in the Andes. Mountain Research Letters, 14(1), 55\u201371. https://doi.org/10.5555/e2e.005
Lindqvist, M. (2016). Printing houses and censorship in eighteenth-century Stockholm. Book History Quarterly, 8(3), 201\u2013224. https://doi.org/10.5555/e2e.004
"""


def test_apa_entries_ending_in_a_doi_link_are_separate_references() -> None:
    # an APA entry ends with its DOI link and no full stop: the next line is the next entry
    document = parse_document(SourceText("apa.md", APA_DOI_LINES))
    assert [r.span.line for r in document.references] == [5, 6]
    assert [f.code for f in link_corpus([document]).findings] == []
