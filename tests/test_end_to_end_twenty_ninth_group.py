"""End to end: the forms the twenty-ninth group of blind testers wrote, through the real CLI
against ``CrossrefTestServer`` (records composed here under the 10.5555 test prefix): a
Wikipedia page saved as Markdown (links around every marker, backlink and identifier, DOIs
percent-encoded in their targets), Chicago notes that open with commentary, Vancouver
titles whose first word ends in a colon, APA cites of several works of a year and of two-word
surnames, and an AMA list pasted from a PDF. Each document's warnings and errors must be exactly
its planted faults."""

from __future__ import annotations

import pytest

from planted_documents import assert_only_planted, record, run_documents

RECORDS = [
    record("10.5555/tg29.001", "The new ecology", [("Ellison", "Aaron M.")], 2017, "Ecology", "98", "6",
           "1731-1732"),
    record("10.5555/tg29.002", "Padé approximation and bound states: Exponential potential",
           [("Basdevant", "J. L."), ("Lee", "B. W.")], 1969, "Nuclear Physics B", "13", "1", "182-188"),
    record("10.5555/tg29_003", "Sexual/Textual Politics", [("Radford", "Jean")], 1986, "Feminist Review",
           None, "24", "114-116"),
    record("10.5555/tg29.004", "The Devotio Moderna and Commemoration: The Case of St Margaret's Convent in Gouda",
           [("Goudriaan", "Koen")], 2015, "The Medieval Low Countries", "2", None, "109-154"),
    record("10.5555/tg29.005", "Bishops on the Move: Rather of Verona, Pseudo-Isidore, and Episcopal Translation",
           [("Roberts", "Edward")], 2011, "The Medieval Low Countries", "6", None, "117-138"),
    record("10.5555/tg29.006", "Shakespeare's Life, Times, and Stage", [("Alexander", "Nigel")], 1979,
           "Shakespeare Survey", "26", None, "168-176"),
    record("10.5555/tg29.007", "Phytoestrogens and NAFLD: possible mechanisms of action",
           [("Li", "H"), ("Jia", "E"), ("Hong", "Y"), ("Chen", "Y"), ("Jiao", "J")], 2020, "Mini Rev Med Chem",
           "20", "7", "578-583"),
    record("10.5555/tg29.008", "Ductography: a pictorial essay of common pathologies",
           [("Greenberg", "D"), ("McIntyre", "H"), ("Gregory", "M"), ("Ramsaroop", "R")], 2004, "Breast J",
           "10", "5", "454-457"),
]

RECORDS += [
    # Elsevier: a volume and no issue
    record("10.5555/tg29.009", "Chaos in breaking waves", [("Wei", "Zhangping"), ("Li", "Chen")], 2018,
           "Coastal Engineering", "140", None, "272-291"),
    record("10.5555/tg29.010", "Seismic toughness of reduced web-section beams: Phase 1 tests",
           [("Shin", "Moonsoo"), ("Kim", "S.-P."), ("Halterman", "A.")], 2017, "Engineering Structures", "141",
           None, "198-216"),
    record("10.5555/tg29.011", "Seismic toughness of reduced web-section beams: Phase 2 tests",
           [("Shin", "Moonsoo"), ("Kim", "S.-P."), ("Halterman", "A.")], 2017, "Engineering Structures", "141",
           None, "607-623"),
    record("10.5555/tg29.012", "Treebase: An R package for discovery of online phylogenies",
           [("Boettiger", "Carl"), ("Temple Lang", "Duncan")], 2012, "Methods in Ecology and Evolution", "3",
           "6", "1060-1066"),
    {**record("10.5555/tg29.013", "Some Unpublished Mycenaean Pottery From Sarepta", [("Koehl", "Robert")], 2015,
              "Temple University Aegean Symposium", None, None, "55-60", kind="book-chapter"),
     "title": ["ARCHAEOLOGICAL EXCAVATION: Some Unpublished Mycenaean Pottery From Sarepta"]},
    record("10.5555/tg29.014", "Cross-talk between cognate and noncognate RpoE sigma factors",
           [("Gupta", "N"), ("Gupta", "A"), ("Kumar", "S")], 2014, "Antioxidants & Redox Signaling", "20", "1",
           "42-59", short="Antioxid Redox Signal"),
    record("10.5555/tg29.015", "Notable grain-size dependence of converse piezoelectric effect in BaTiO3 ceramics",
           [("Wu", "Y."), ("Zhang", "J.")], 2016, "Ceramics International", "42", "8", "9815-9820",
           short="Ceram. Int."),
]

DOCUMENTS = {
    # A Wikipedia page saved as Markdown: the marker with its page after it (planted: page 190
    # outside 182-188), a dangling marker (planted), an issue-only journal with the wrong issue
    # (planted); every DOI in a link whose target percent-encodes its "/"
    "saved-page.md": ("""\
# Bound states

From Wikipedia, the free encyclopedia

Ecology keeps declaring itself new.[[1]](#cite_note-Ellison-1) Padé approximants were applied to bound states.[\\[2\\]](#cite_note-2):190 Criticism followed.[[3]](#cite_note-3)[[4]](#cite_note-4) It is new again.[[1]](#cite_note-Ellison-1)

## References

1.  ^ [***a***](#cite_ref-Ellison_1-0) [***b***](#cite_ref-Ellison_1-1) Ellison, Aaron M. (June 2017). ["The new ecology"](https://doi.org/10.5555%2Ftg29.001). *Ecology*. **98** (6): 1731–1732. [doi](/wiki/Doi_(identifier) "Doi (identifier)"):[10.5555/tg29.001](https://doi.org/10.5555%2Ftg29.001).
2.  **[^](#cite_ref-2)** Basdevant, J. L.; Lee, B. W. (1969). "Padé approximation and bound states: Exponential potential". *Nuclear Physics B*. **13** (1): 182–188. [doi](/wiki/Doi_(identifier) "Doi (identifier)"):[10.5555/tg29.002](https://doi.org/10.5555%2Ftg29.002).
3.  **[^](#cite_ref-3)** Radford, Jean (1986). "Sexual/Textual Politics". *Feminist Review* (25): 114–116. doi:10.5555/tg29\\_003.
""", {("page-out-of-range", 5), ("dangling-marker", 5), ("issue-mismatch", 11)}),
    # Chicago notes that open with commentary; a wrong year (planted) in the first of two
    # works a note cites, and a wrong volume (planted) in a work after ", and"
    "commentary.txt": ("""\
Commemoration

Commemoration in Gouda has been studied.1 So has episcopal translation.2 And the stage.3

Notes

1 On this point see Nigel Alexander, “Shakespeare’s Life, Times, and Stage,” Shakespeare Survey 26 (1977): 168–76; compare Koen Goudriaan, “The Devotio Moderna and Commemoration: The Case of St Margaret’s Convent in Gouda,” The Medieval Low Countries 2 (2015): 109–54.
2 For a recent discussion, see Edward Roberts, “Bishops on the Move: Rather of Verona, Pseudo-Isidore, and Episcopal Translation,” The Medieval Low Countries 6 (2011): 117–38.
3 The best account is Koen Goudriaan, “The Devotio Moderna and Commemoration: The Case of St Margaret’s Convent in Gouda,” The Medieval Low Countries 2 (2015): 109–54, and Edward Roberts, “Bishops on the Move: Rather of Verona, Pseudo-Isidore, and Episcopal Translation,” The Medieval Low Countries 7 (2011): 117–38.
""", {("year-mismatch", 7), ("volume-mismatch", 9)}),
    # Vancouver titles "Word: rest" after one-initial last authors; a wrong last page (planted)
    "vancouver.txt": ("""\
Phytoestrogens act on the liver [1] and ductography is still used [2].

References
1. Li H, Jia E, Hong Y, Chen Y, Jiao J. Phytoestrogens and NAFLD: possible mechanisms of action. Mini Rev Med Chem. 2020;20(7):578-583.
2. Greenberg D, McIntyre H, Gregory M, Ramsaroop R. Ductography: a pictorial essay of common pathologies. Breast J. 2004;10(5):454-9.
""", {("pages-mismatch", 5)}),
    # APA: a wrong title (planted) where the journal has no issues; a cite of a third work of
    # one year that the list lacks (planted); a two-word surname after "&"; a registry
    # title that is a heading before the chapter's own title
    "apa.txt": ("""\
Breaking waves (Wei & Li, 2018). Two phases were tested (Shin et al., 2017a, 2017b) and a third (Shin et al., 2017c). Phylogenies come from TreeBASE (Boettiger & Temple Lang, 2012). Pottery reached the Levant (Koehl, 2015).

References

Wei, Z., & Li, C. (2018). Coherent vortex structures in plunging breakers. Coastal Engineering, 140, 272–291.

Shin, M., Kim, S.-P., & Halterman, A. (2017a). Seismic toughness of reduced web-section beams: Phase 1 tests. Engineering Structures, 141, 198–216.

Shin, M., Kim, S.-P., & Halterman, A. (2017b). Seismic toughness of reduced web-section beams: Phase 2 tests. Engineering Structures, 141, 607–623.

Boettiger, C., & Temple Lang, D. (2012). Treebase: An R package for discovery of online phylogenies. Methods in Ecology and Evolution, 3(6), 1060–1066.

Koehl, R. (2015). Some unpublished Mycenaean pottery from Sarepta. In Temple University Aegean Symposium (pp. 55–60).
""", {("orphan-short-cite", 1), ("title-mismatch", 5)}),
    # AMA pasted from a PDF: lost superscripts after "et al" with the page in brackets
    # (planted: 61 outside 42-59); a running head between the entries of an IEEE list
    "ama.txt": ("""\
Redox signalling is involved; Gupta et al1(p61) describe the cross-talk. Grain size matters in ceramics.2

REFERENCES
1. Gupta N, Gupta A, Kumar S. Cross-talk between cognate and noncognate RpoE sigma factors. Antioxid Redox Signal. 2014;20(1):42-59.

6                                   IEEE SENSORS AND SYSTEMS LETTERS, VOL. 9, NO. 4, APRIL 2022

2. Wu Y, Zhang J. Notable grain-size dependence of converse piezoelectric effect in BaTiO3 ceramics. Ceram Int. 2016;42(8):9815-9820.
""", {("page-out-of-range", 1)}),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return run_documents(tmp_path_factory.mktemp("twenty_ninth"), DOCUMENTS, RECORDS)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_planted_faults_are_found_and_nothing_else(report: dict, name: str) -> None:
    assert_only_planted(report, DOCUMENTS, name)


def test_the_saved_page_reads_as_its_copied_text(report: dict) -> None:
    references = [r for r in report["references"] if r["path"].endswith("saved-page.md")]
    assert [(r["line"], r["doi"]) for r in references] == [
        (9, "10.5555/tg29.001"), (10, "10.5555/tg29.002"), (11, "10.5555/tg29_003")]
    backlinks = [f for f in report["findings"] if f["code"] == "backlink-mismatch"]
    assert backlinks == []  # note 1 has two backlinks and two markers


def test_the_commentary_notes_give_each_work(report: dict) -> None:
    references = [r for r in report["references"] if r["path"].endswith("commentary.txt")]
    assert [(r["line"], r["resolved_doi"]) for r in references] == [
        (7, "10.5555/tg29.006"), (7, "10.5555/tg29.004"), (8, "10.5555/tg29.005"),
        (9, "10.5555/tg29.004"), (9, "10.5555/tg29.005")]
