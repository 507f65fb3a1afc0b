"""End to end: the forms the thirtieth group of blind testers wrote, through the real CLI
against ``CrossrefTestServer`` (records composed here under the 10.5555 test prefix): an AMA
list pasted from a PDF with pages after its markers and a journal's running foot between its
entries, IEEE references broken at a compound's hyphen, NLM's conference paper with the place
of the meeting, journals cited by abbreviations of names with an acronym or a series, CS1 names
before a day's date, a book cited under another author with its ISBN, and Markdown whose only
DOI is a link's target. Each document's warnings and errors must be exactly its planted
faults."""

from __future__ import annotations

from pathlib import Path

import pytest

from planted_documents import assert_only_planted, record, run_documents

RECORDS = [
    record("10.5555/tg30.001", "Initial experiences with a multidisciplinary approach to decreasing the length "
           "of hospital stay", [("Weber", "W. P."), ("Barry", "M.")], 2011,
           "European Journal of Surgical Oncology (EJSO)", "37", "11", "944-949"),
    record("10.5555/tg30.002", "Design of hepatitis A vaccines", [("Gust", "I. D.")], 1990,
           "British Medical Bulletin", "46", "2", "319-328", short="Br Med Bull"),
    record("10.5555/tg30.003", "Event history graphs for censored survival data",
           [("Dubin", "J. A."), ("Müller", "H.-G."), ("Wang", "J.-L.")], 2001, "Statistics in Medicine", "20",
           "19", "2951-2964", short="Stat Med"),
    record("10.5555/tg30.004", "Phase-spacing optimization of linear microstrip antenna arrays using "
           "simulation-based surrogate superposition models", [("Koziel", "Slawomir"), ("Ogurtsov", "Stanislav")],
           2015, "International Journal of RF and Microwave Computer-Aided Engineering", "25", "6", "536-547"),
    record("10.5555/tg30.005", "Le δ13C des grains de pollen : intérêt pour l’étude des paléovégétations",
           [("Descolas-Gros", "Christine"), ("Schölzel", "Christian")], 2001,
           "Comptes Rendus de l'Académie des Sciences - Series IIA - Earth and Planetary Science", "332", "12",
           "755-760"),
    record("10.5555/tg30.006", "Vector quotient filters: Overcoming the time/space trade-off in filter design",
           [("Pandey", "Prashant"), ("Conway", "Alex")], 2021,
           "Proceedings of the 2021 International Conference on Management of Data", None, None, "1386-1399",
           kind="proceedings-article"),
    record("10.5555/tg30.007", "An audiovisual patient identification system for rehabilitation",
           [("Tsiakas", "Konstantinos"), ("Zikos", "Dimitrios"), ("Makedon", "Fillia")], 2014,
           "Proceedings of the 7th International Conference on PErvasive Technologies Related to Assistive "
           "Environments", None, None, "1-4", kind="proceedings-article"),
    record("10.5555/tg30.008", "Military Medicine", [("Hassell", "L. Harrison")], 2006, "JAMA", "295", "20",
           "2415"),
    record("10.5555/tg30.009", "Complexity of trauma narratives as an index of fragmented memory in PTSD",
           [("Gray", "Matt J."), ("Lombardo", "Thomas W.")], 2001, "Applied Cognitive Psychology", "15", "7",
           "S171-S186"),
    {**record("10.5555/tg30.010", "Shakespeare and Ecology", [("Martin", "Randall")], 2015, "", None, None, "",
              kind="book"), "ISBN": ["9780199567027"], "publisher": "Oxford University Press"},
    record("10.5555/tg30.011", "Bioindustrial ecology", [("Rejeski", "David")], 2013,
           "Journal of Industrial Ecology", "17", "1", "2-4"),
    record("10.5555/tg30.012", "Is Cu a stable electrode material in hybrid perovskite solar cells?",
           [("Zhao", "Jingjing"), ("Zheng", "Xiaopeng")], 2016, "Energy & Environmental Science", "9", "12",
           "3650-3656"),
    record("10.5555/tg30.013", "Synthesis of epoxy ketones utilizing a bifunctional sulfonium ylide",
           [("Eskandari", "Kazem"), ("Karami", "Bahador")], 2021, "Chemical Communications", "57", "30", "3663-3666"),
]

DOCUMENTS = {
    # AMA from a PDF: pages after markers glued to a full stop, in Pandoc's superscript and in
    # Unicode superscript (planted: 400 outside 319-328, 2990 outside 2951-2964); a running foot
    # between two entries; the journal's acronym after its name in the registry
    "ama.txt": ("""\
Stays are short.1 Vaccines matter.2(p400) Graphs display data honestly.3(p2990) Vaccines
again.2(p325) And graphs.3(p2955)

REFERENCES
1. Weber WP, Barry M. Initial experiences with a multidisciplinary approach to decreasing the
   length of hospital stay. Eur J Surg Oncol. 2011;37(11):944-949.

58                                  Crit Care Rehabil Rev 2020;12:45–61

2. Gust ID. Design of hepatitis A vaccines. Br Med Bull. 1990;46(2):319-328.
3. Dubin JA, Müller HG, Wang JL. Event history graphs for censored survival data. Stat Med.
   2001;20(19):2951-2964.
""", {("page-out-of-range", 1)}),
    # the same in Pandoc's and in Unicode superscript
    "ama-superscript.md": ("""\
Stays are short.^1^ Vaccines matter.^2(p400)^ Graphs display data honestly.³⁽ᵖᵖ²⁹⁹⁰⁻²⁹⁹¹⁾ Vaccines
again.<sup>2(p325)</sup> And graphs.³⁽ᵖ²⁹⁵⁵⁾

REFERENCES

1. Weber WP, Barry M. Initial experiences with a multidisciplinary approach to decreasing the length of hospital stay. Eur J Surg Oncol. 2011;37(11):944-949.
2. Gust ID. Design of hepatitis A vaccines. Br Med Bull. 1990;46(2):319-328.
3. Dubin JA, Müller HG, Wang JL. Event history graphs for censored survival data. Stat Med. 2001;20(19):2951-2964.
""", {("page-out-of-range", 1)}),
    # IEEE and NLM: a journal broken at its compound's hyphen, a conference paper two years off
    # (planted), the place of a meeting after its dates, a series between dashes
    "ieee.txt": ("""\
Surrogate models [1] help, filters [2] are compact, patients are identified [3], and pollen
records vegetation [4].

REFERENCES
[1] S. Koziel and S. Ogurtsov, “Phase-spacing optimization of linear microstrip antenna arrays
    using simulation-based surrogate superposition models,” Int. J. RF Microw. Comput.-
    Aided Eng., vol. 25, no. 6, pp. 536–547, 2015.
[2] P. Pandey and A. Conway, “Vector quotient filters: Overcoming the time/space trade-off in
    filter design,” in Proc. Int. Conf. Manage. Data (SIGMOD), 2019, pp. 1386–1399.
[3] Tsiakas K, Zikos D, Makedon F. An audiovisual patient identification system for
    rehabilitation. In: Proceedings of the 7th International Conference on PErvasive
    Technologies Related to Assistive Environments (PETRA ’14); 2014 May 27–30; Rhodes, Greece.
    New York: ACM; 2014.
[4] C. Descolas-Gros and C. Schölzel, “Le δ13C des grains de pollen : intérêt pour l’étude des
    paléovégétations,” C. R. Acad. Sci. IIA, vol. 332, no. 12, pp. 755–760, 2001.
""", {("year-mismatch", 8)}),
    # CS1: a given name after an initial before a day's date, with the right DOI; a supplement's
    # pages placing a wrong title (planted); a book under another author with its ISBN (planted)
    "wikipedia.txt": ("""\
Medicine[1] and memory[2] and ecology.[3]

References

1. ^ Hassell, L. Harrison (24 May 2006). "Military Medicine". JAMA. 295 (20): 2415. doi:10.5555/tg30.008.
2. ^ Gray, Matt J.; Lombardo, Thomas W. (2001). "Narrative fragmentation and memory disorganisation in combat-related PTSD". Applied Cognitive Psychology. 15 (7): S171–S186.
3. ^ Bate, Jonathan (2015). Shakespeare and Ecology. Oxford: Oxford University Press. ISBN 978-0-19-956702-7.
""", {("title-mismatch", 6), ("author-mismatch", 7)}),
    # Markdown: a possessive narrative cite; a DOI only in a link's target, naming another work
    # (planted)
    "blog.md": ("""\
# Ecology

As Rejeski's (2013) essay shows, the metaphor is literal now. Copper fails (Zhao et al. 2016).

## References

Rejeski, D. (2013). Bioindustrial ecology. *Journal of Industrial Ecology*, *17*(1), 2–4.

Zhao, J., & Zheng, X. (2016). Is Cu a stable electrode material in hybrid perovskite solar cells? *Energy & Environmental Science*, *9*(12), 3650–3656. [Full text](https://doi.org/10.5555/tg30.013)
""", {("doi-mismatch", 9)}),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return run_documents(tmp_path_factory.mktemp("thirtieth"), DOCUMENTS, RECORDS)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_planted_faults_are_found_and_nothing_else(report: dict, name: str) -> None:
    assert_only_planted(report, DOCUMENTS, name)


def _findings(report: dict, name: str, code: str) -> list[dict]:
    return [f for f in report["findings"] if Path(f["path"]).name == name and f["code"] == code]


@pytest.mark.parametrize("name", ["ama.txt", "ama-superscript.md"])
def test_ama_pages_out_of_range_in_every_marker_form(report: dict, name: str) -> None:
    messages = sorted(f["message"] for f in _findings(report, name, "page-out-of-range"))
    assert len(messages) == 2
    third = "page 2990" if name == "ama.txt" else "pages 2990-2991"
    assert any(m.startswith(f"{third} cited, registry range is 2951-2964") for m in messages), messages
    assert any(m.startswith("page 400 cited, registry range is 319-328") for m in messages), messages
    assert not _findings(report, name, "dangling-marker") and not _findings(report, name, "unused-note")


def test_one_work_per_entry_and_the_conference_years_message(report: dict) -> None:
    lines = sorted(r["line"] for r in report["references"] if Path(r["path"]).name == "ieee.txt")
    assert lines == [5, 8, 10, 14]
    (year,) = _findings(report, "ieee.txt", "year-mismatch")
    assert year["message"] == "year 2019 cited, registry has 2021 (10.5555/tg30.006)"


def test_a_doi_named_by_a_link_target_and_the_confidence_of_the_work_found(report: dict) -> None:
    (mismatch,) = _findings(report, "blog.md", "doi-mismatch")
    assert mismatch["message"].startswith("DOI 10.5555/tg30.013 cited for")
    (zhao,) = [r for r in report["references"] if Path(r["path"]).name == "blog.md" and r["line"] == 9]
    assert (zhao["doi"], zhao["resolved_doi"], zhao["resolved_via"]) == ("10.5555/tg30.013", "10.5555/tg30.012",
                                                                         "search")
    assert zhao["confidence"] > 0.9
