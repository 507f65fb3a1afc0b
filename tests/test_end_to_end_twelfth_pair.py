"""End to end: the forms the twelfth pair of blind testers wrote, through the real CLI against
``CrossrefTestServer``. Records are composed here (fictional works under the 10.5555 test
prefix). Each document plants at most one fault; the test asserts exactly that finding among
the warnings and errors, so a false alarm on a sound reference fails it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planted_documents import assert_every_reference_found, assert_only_planted, record, run_documents

RECORDS = [
    record("10.5555/tw.001", "Magnetic Susceptibility of Solid Solutions of Nickel Silicide",
           [("Sidorova", "Fedora"), ("Mirov", "Lev")], 1969, "Soviet Physics Journal", "12", "5", "638-640"),
    record("10.5555/tw.002", "Comonotonic Approximation to Periodic Investment Problems",
           [("Xu", "Lin"), ("Gao", "Chen")], 2017, "European Journal of Operational Research", "262", "1",
           "251-261"),
    record("10.5555/tw.003", "Untersuchungen über den Abbau durch Rattenorgane. Differenzierung der Enzyme",
           [("Kirsch", "Hans")], 1969, "Hoppe-Seyler's Zeitschrift für physiologische Chemie", "350", "2",
           "1437-1458"),
    record("10.5555/tw.004", "Vector implementations using virtual memory",
           [("Kamp", "Dries"), ("Vandewal", "Stefan")], 2006, "Scientific Programming", "14", "2", "45-59"),
    record("10.5555/tw.005", "Residual methods for fluid-loaded beams",
           [("Grosz", "Karl")], 2001, "Computer Methods in Applied Mechanics and Engineering", "190", "20",
           "2543-2554"),
    record("10.5555/tw.006", "Lyophilization-induced denaturation of tetrameric \u03b2-galactosidase",
           [("Pikal", "Kristin"), ("Carpenter", "John")], 2001, "Journal of Pharmaceutical Sciences", "90", "9",
           "1255-1268", short="J Pharm Sci"),
    record("10.5555/tw.007", "The temperature structure of Hurricane Edouard (2014): observations and ensembles",
           [("Munsel", "Erin"), ("Zhang", "Fuqing")], 2018, "Monthly Weather Review", "146", "1", "135-155"),
    record("10.5555/tw.008", "Shepherding Culture and the Pastoral Mode",
           [("Bugge", "John")], 2012, "A Companion to Pastoral Poetry", None, None, "159-175",
           kind="book-chapter"),
    record("10.5555/tw.009", "Thermal consequences of nest location in painted turtles",
           [("Weisrock", "David"), ("Janzen", "Fredric")], 1999, "Functional Ecology", "13", "1", "94-101"),
    record("10.5555/tw.010", "Meeting Review: The Bioinformatics Open Source Conference 2001",
           [("Woodward", "K. Cara")], 2001, "Comparative and Functional Genomics", "2", "5", "327-329"),
    record("10.5555/tw.011", "Economics and Ecology",
           [("Ruth", "Matthias")], 1993, "Integrating Economics, Ecology and Thermodynamics", None, None,
           "92-110", kind="book-chapter"),
    record("10.5555/tw.012", "Water resources frameworks in the riparian countries",
           [("UN", "")], 2011, "Second Assessment of Transboundary Rivers", None, None, "404-412",
           kind="book-chapter"),
    {**record("10.5555/tw.013", "Modernist Time Ecology", [("Matzke", "Jesse")], 2018, "", None, None, ""),
     "type": "book", "container-title": [], "publisher": "Johns Hopkins University Press"},
]

DOCUMENTS = {
    # ACS: the year between an abbreviated journal and its volume; the journal's full stops
    "acs.md": ("""\
# Silicides

Nickel silicides were measured (1). Investment problems were approximated (2). Enzymes were separated (3).

## References

(1) Sidorova, F.; Mirov, L. Magnetic Susceptibility of Solid Solutions of Nickel Silicide. *Sov. Phys. J.* **1969**, *12* (5), 638\u2013640.

(2) Xu, L.; Gao, C. Comonotonic Approximation to Periodic Investment Problems. *Eur. J. Oper. Res.* **2017**, *262* (1), 251\u2013261.

(3) Kirsch, H. Untersuchungen über den Abbau durch Rattenorgane. Differenzierung der Enzyme. *Hoppe-Seyler's Z. Physiol. Chem.* **1969**, *350* (2), 1437\u20131458.
""", set()),
    # IEEE: a wrapped line that starts with a marker is no note; "Sci. Program." is one journal
    "ieee.md": ("""\
# Memory

Vector implementations use virtual memory [4] and residual methods serve beams
[5], as the survey shows.

## References

[4] D. Kamp and S. Vandewal, "Vector implementations using virtual memory," *Sci. Program.*, vol. 14, no. 2, pp. 45\u201359, 2006.

[5] K. Grosz, "Residual methods for fluid-loaded beams," *Comput. Methods Appl. Mech. Eng.*, vol. 190, no. 20, pp. 2543\u20132554, 2001.
""", set()),
    # Vancouver: "(1)" markers; NLM spells the Greek letter out; one marker points nowhere
    "vancouver.md": ("""\
# Lyophilization

Proteins denature on drying (1). Storms were observed (2). Nothing supports this (9).

## References

1. Pikal K, Carpenter J. Lyophilization-induced denaturation of tetrameric beta-galactosidase. J Pharm Sci. 2001 Sep;90(9):1255-68.
2. Munsel E, Zhang F. The temperature structure of Hurricane Edouard (2014): observations and ensembles. Mon Weather Rev. 2018;146(1):135-55.
""", {("dangling-marker", 3)}),
    # AMA: Pandoc's superscript markers; Nature: a year in brackets inside the title
    "ama.md": ("""\
# Storms

Storm cores were warm.^1^ Proteins denature.^2^ Unsupported.^7^

## References

1. Munsel, E. & Zhang, F. The temperature structure of Hurricane Edouard (2014): observations and ensembles. *Mon. Weather Rev.* **146**, 135\u2013155 (2018).
2. Pikal K, Carpenter J. Lyophilization-induced denaturation of tetrameric \u03b2-galactosidase. *J Pharm Sci*. 2001;90(9):1255-1268.
""", {("dangling-marker", 3)}),
    # Chicago: a chapter's note cites pages inside the chapter; the bibliography gives its range
    "chicago.md": ("""\
# Pastoral

Shepherds shaped the mode.[^1] The bibliography names the chapter.

[^1]: John Bugge, "Shepherding Culture and the Pastoral Mode," in *A Companion to Pastoral Poetry*, ed. Charles Mahon (Oxford: Wiley-Blackwell, 2012), 160\u201362.

## Bibliography

Bugge, John. "Shepherding Culture and the Pastoral Mode." In *A Companion to Pastoral Poetry*, edited by Charles Mahon, 159\u201375. Oxford: Wiley-Blackwell, 2012.
""", set()),
    # Wikipedia: a page after a marker whose note is a short cite checks the full reference's
    # pages; CS1's "K. Cara (2001a)": a given name and an initial before a lettered year
    "wikipedia.txt": ("""\
Turtles

Nests near the water were cooler,[4]: 145 as the review confirmed.[5]

Notes

4. ^ Weisrock & Janzen 1999.
5. ^ Woodward 2001a, p. 328.

References

    Weisrock, D. W.; Janzen, F. J. (1999). "Thermal consequences of nest location in painted turtles". Functional Ecology. 13 (1): 94\u2013101.
    Woodward, K. Cara (2001a). "Meeting Review: The Bioinformatics Open Source Conference 2001". Comparative and Functional Genomics. 2 (5): 327\u2013329.
""", {("page-out-of-range", 3)}),
    # Chicago notes: an Ibid. after a note citing two works is linked to neither; a chapter's
    # wrong author; a book's wrong year (a warning: the registry may hold another edition); an
    # organisation cited by name whose record gives its acronym
    "notes.txt": ("""\
Economies

Ecology met economics.1 Frameworks were compared.2 Time was ecological.3 Both agree.4 The same.5

Notes

1. Matthias Roth, "Economics and Ecology," in Integrating Economics, Ecology and Thermodynamics (Dordrecht: Springer, 1993), 92\u2013110.
2. United Nations, "Water resources frameworks in the riparian countries," in Second Assessment of Transboundary Rivers (New York: United Nations, 2011), 404\u201312.
3. Jesse Matzke, Modernist Time Ecology (Baltimore: Johns Hopkins University Press, 2008), 4.
4. Roth, "Economics and Ecology," 95; Matzke, Modernist Time Ecology, 88.
5. Ibid., 120.
""", {("author-mismatch", 7), ("year-mismatch", 9)}),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return run_documents(tmp_path_factory.mktemp("twelfth"), DOCUMENTS, RECORDS)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_planted_faults_are_found_and_nothing_else(report: dict, name: str) -> None:
    assert_only_planted(report, DOCUMENTS, name)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_marker_cites_a_note_and_every_reference_is_verified(report: dict, name: str) -> None:
    """No marker form is missed (an unused note would say so) and every reference is found:
    verified, or a mismatch (where a fault is planted in it, or a page cited of it is wrong)."""
    unused = [f["message"] for f in report["findings"] if Path(f["path"]).name == name and f["code"] == "unused-note"]
    assert unused == []
    assert_every_reference_found(report, name, {line for code, line in DOCUMENTS[name][1]
                                                if code not in ("dangling-marker", "page-out-of-range")})
