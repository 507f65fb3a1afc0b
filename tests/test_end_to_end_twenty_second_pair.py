"""End to end: the forms the twenty-second pair of blind testers wrote, through the real CLI
against ``CrossrefTestServer``. Records are composed here (fictional DOIs under the 10.5555
test prefix). Each document's warnings and errors must be exactly its planted faults, so a
false alarm on a sound reference fails the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from planted_documents import assert_every_reference_found, assert_only_planted, record, run_documents

RECORDS = [
    record("10.5555/2015/214563", "Meningioma of Foramen Magnum Causing Drop Attacks",
           [("Mahore", "Amit"), ("Ramdasi", "Raghvendra")], 2015, "Case Reports in Neurological Medicine",
           "2015", None, "1-4"),
    record("10.5555/tp22.002", "Women's Experimental Writing: Negative Aesthetics and Feminist Critique",
           [("Özyurt Kılıç", "Mine")], 2018, "English Studies", "99", "5", "589-591"),
    record("10.5555/tp22.003", "Raw Material Use and Behavioral Modernity: Howiesons Poort Lithic Foraging Strategies",
           [("Minichillo", "Tom")], 2006, "Journal of Human Evolution", "50", "3", "359-364"),
    record("10.5555/tp22.004", "Vertical and horizontal aerosol spectral extinction at a rural location in southern Italy",
           [("Esposito", "F."), ("Serio", "C.")], 1996, "Journal of Geophysical Research", "101", "D14",
           "19285-19292"),
    record("10.5555/tp22.005", "Sanctioning Policy in Israel \u2014 An Historical Overview",
           [("Sebba", "Leslie")], 1996, "Israel Law Review", "30", "3-4", "234-275"),
    record("10.5555/tp22.006", "Enantioselective determination of dimethindene in urine after oral administration "
           "of racemic dimethindene", [("Radler", "S."), ("Blaschke", "G.")], 1991,
           "Journal of Chromatography B: Biomedical Sciences and Applications", "567", "1", "229-239"),
    record("10.5555/tp22.007", "The Class Nature of the Soviet State", [("Trotsky", "Leon")], 1934,
           "New International", "1", "2", "33-40"),
    record("10.5555/tp22.008", "Les La Verendrye et le Poste de l'Ouest",
           [("Eccles", "W. J."), ("Champagne", "Antoine")], 1970, "The William and Mary Quarterly", "27", "1", "170"),
    record("10.5555/tp22.009", "Systematic botany in the states successor to the Soviet Union",
           [("Jeffrey", "C.")], 1994, "Taxon", "43", "2", "233-239"),
    record("10.5555/tp22.010", "The Dream of Home Ownership", [("Loxterkamp", "D.")], 2009,
           "The Annals of Family Medicine", "7", "3", "264-266"),
    record("10.5555/tp22.011", "Synchronization patterns in geometrically frustrated rings of relaxation oscillators",
           [("Goldstein", "Daniel"), ("Giver", "Michael"), ("Chakraborty", "Bulbul")], 2015,
           "Chaos: An Interdisciplinary Journal of Nonlinear Science", "25", "12", "123109", short="Chaos"),
    record("10.5555/tp22.012", "Phase-locked loops in sensor networks", [("Ortega", "Ana")], 2020,
           "IEEE Access", "8", None, "e12345"),
    {**record("10.5555/tp22.013", "Fur Trade Posts of the Canadian Northwest, 1774-1821",
              [("Moodie", "Wayne")], 1987, "", None, None, ""),
     "type": "monograph", "container-title": [], "publisher": "University of Toronto Press"},
]

DOCUMENTS = {
    # Chicago notes in Markdown: an online journal's article number where a page would stand;
    # a compound surname given-name first in a note and inverted in the bibliography; a
    # surname one letter off (planted)
    "chicago.md": ("""\
# Water

Meningiomas cause drop attacks.[^1] Experimental writing resists.[^2] Raw material use varied.[^3]

[^1]: Amit Mahore et al., "Meningioma of Foramen Magnum Causing Drop Attacks," *Case Reports in Neurological Medicine* 2015 (2015): 214563, https://doi.org/10.5555/2015/214563.
[^2]: Mine Özyurt Kılıç, "Women's Experimental Writing: Negative Aesthetics and Feminist Critique," *English Studies* 99, no. 5 (2018): 590.
[^3]: Tom Minichello, "Raw Material Use and Behavioral Modernity: Howiesons Poort Lithic Foraging Strategies," *Journal of Human Evolution* 50, no. 3 (2006): 361.

## Bibliography

Harris, Wayne. *Fur Trade Posts of the Canadian Northwest, 1774–1821*. Toronto: University of Toronto Press, 1987.

Özyurt Kılıç, Mine. "Women's Experimental Writing: Negative Aesthetics and Feminist Critique." *English Studies* 99, no. 5 (2018): 589\u201391.
""", {("author-mismatch", 7), ("author-mismatch", 11)}),
    # Italian notes: AGU's lettered issue; a double issue "nn. 3-4" before wrong pages (planted)
    "italiano.txt": ("""\
Il Mezzogiorno

Le misure dell'aerosol sono state discusse.[1] La politica penale anche.[2]

Note

1. F. Esposito, C. Serio, Vertical and horizontal aerosol spectral extinction at a rural location in southern Italy, in «Journal of Geophysical Research», 101 (1996), D14, pp. 19285-19292.
2. L. Sebba, Sanctioning Policy in Israel — An Historical Overview, in «Israel Law Review», 30 (1996), nn. 3-4, pp. 243-275.
""", {("pages-mismatch", 8)}),
    # Vancouver: a journal cited by its name before it split into lettered sections; a
    # romanised surname spelled another way than the registry's
    "vancouver.txt": ("""\
Dimethindene was measured in urine [1]. The state was described [2].

References

1. Radler S, Blaschke G. Enantioselective determination of dimethindene in urine after oral administration of racemic dimethindene. J Chromatogr. 1991;567(1):229-39.
2. Trotskii L. The class nature of the Soviet state. New International. 1934;1(2):33-40.
""", set()),
    # IEEE: an article number ("Art. no. 123109") is the work's page, not an issue; a
    # changed first author on a work without DOI (planted); a reworded title (planted) on
    # a work the author, year, journal, volume, issue and whole page range place
    "ieee.md": ("""\
# Oscillators

Rings synchronise [1]. Loops lock [2]. Homes are dreamt of [3].

## References

[1] D. Goldberg, M. Giver, and B. Chakraborty, \u201cSynchronization patterns in geometrically frustrated rings of relaxation oscillators,\u201d *Chaos*, vol. 25, no. 12, Dec. 2015, Art. no. 123109.

[2] A. Ortega, \u201cPhase-locked loops in sensor networks,\u201d *IEEE Access*, vol. 8, 2020, Art. no. e12345.

[3] D. Loxterkamp, \u201cThe dream of owning a home,\u201d *Annals of Family Medicine*, vol. 7, no. 3, pp. 264\u2013266, 2009.
""", {("author-mismatch", 7), ("title-mismatch", 11)}),
    # Wikipedia: lettered explanatory notes cited by "[a]"; a remark ending on a short cite;
    # a lettered marker with no note (planted)
    "wikipedia.txt": ("""\
Posts

From Wikipedia, the free encyclopedia

French accounts describe similar losses.[1][a] Surveys of plant resources came later.[b] A last remark.[c]

Notes

    a. ^ The western posts were known collectively as the "Poste de l'Ouest".
    b. ^ The principal herbaria of the successor states are listed in Jeffrey 1994, pp. 235\u2013236.

References

    1. ^ Eccles & Champagne 1970, p. 170.

Sources

    Eccles, W. J.; Champagne, Antoine (January 1970). "Les La Verendrye et le Poste de l'Ouest". The William and Mary Quarterly. 27 (1): 170.
    Jeffrey, C. (May 1994). "Systematic botany in the states successor to the Soviet Union". Taxon. 43 (2): 233\u2013239.
""", {("dangling-marker", 5)}),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return run_documents(tmp_path_factory.mktemp("twenty_second"), DOCUMENTS, RECORDS)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_planted_faults_are_found_and_nothing_else(report: dict, name: str) -> None:
    assert_only_planted(report, DOCUMENTS, name)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_reference_is_found(report: dict, name: str) -> None:
    assert_every_reference_found(report, name, {line for code, line in DOCUMENTS[name][1]
                                                if code not in ("dangling-marker", "page-out-of-range")})


def test_a_misspelled_surname_quotes_both_spellings(report: dict) -> None:
    [finding] = [f for f in report["findings"] if f["code"] == "author-mismatch" and "Minichello" in f["message"]]
    assert finding["severity"] == "warning"
    assert "Minichello" in finding["message"] and "Minichillo" in finding["message"]
    assert finding["message"].endswith("the surname is spelled differently")


def test_the_lettered_notes_are_cited(report: dict) -> None:
    unused = [f for f in report["findings"] if f["code"] == "unused-note" and Path(f["path"]).name == "wikipedia.txt"]
    assert unused == []
