"""Registry comparisons the twenty-ninth group of blind testers needed: a registry title that
is a heading before the work's own title, NLM abbreviations that leave out Spanish articles,
a journal cited by its own acronym, and a wrong title where neither side gives an issue."""

from __future__ import annotations

from verify_refs.resolve import matching
from verify_refs.resolve.matching import score, title_similarity

from resolve.test_matching import reference, work


def test_a_cited_title_that_is_the_registrys_after_its_heading_agrees():
    registry = "ARCHAEOLOGICAL EXCAVATION: Some Unpublished Mycenaean Pottery From Sarepta"
    assert title_similarity("Some Unpublished Mycenaean Pottery from Sarepta", registry) >= 0.95
    assert title_similarity("Some Unpublished Minoan Pottery from Crete", registry) < 0.95
    # (not a short subtitle: "Introduction: A" is no "A")
    assert title_similarity("Methods", "Introduction: Methods") < 0.95


def test_nlm_abbreviations_leave_out_spanish_articles():
    assert matching.is_abbreviation("Rev Med Clin Condes", "Revista Médica Clínica Las Condes")
    assert not matching.is_abbreviation("Rev Med Clin Chile", "Revista Médica Clínica Las Condes")


def test_a_journal_cited_by_its_own_acronym_is_neither_same_nor_other():
    magma = work(container_title=["Magnetic Resonance Materials in Physics, Biology and Medicine"],
                 short_container_title=["Magn Reson Mater Phy"], ISSN=None)
    assert matching.same_container(reference(container="MAGMA"), magma) is None
    assert matching.same_container(reference(container="JAMA"), magma) is False
    assert matching.same_container(reference(container="Magnetic Resonance Imaging"), magma) is False


def test_a_wrong_title_placed_by_pages_where_neither_side_gives_an_issue():
    elsevier = work(issue=None, volume="140", page="272-291", title=["Chaos in breaking waves"])
    cited = reference(title="Coherent vortex structures in plunging breakers", volume="140", issue=None,
                      pages=("272", "291", "272-291"))
    assert score(cited, elsevier).placed_but_for_title
    # the citation leaves out an issue the registry gives: another issue may have those pages
    assert not score(cited, work(volume="140", page="272-291", title=["Chaos in breaking waves"])).placed_but_for_title
