"""Forms the twenty-first pair of blind testers wrote: an ACS list numbered "(1)" under lost
superscripts, APA's ellipsis before the last author, a Dutch family name with a particle
inside, Harvard's volume alone after the journal, Chicago's romanised title in brackets after
the original, and "et al." short cites beside a two-author work of the same author and year."""

from __future__ import annotations

from offline_parsing import findings_of, parse



ACS = """Octahedral clusters serve as building blocks,1 and crystallization depends on salt.2

References

(1) Zhang, J.-J.; Lachgar, A. Octahedral Metal Clusters as Building Blocks of Trimetallic Superexpanded Prussian Blue Analogues. Inorg. Chem. 2015, 54, 1082-1090.
(2) Li, X.; Loo, W. S.; Balsara, N. P. Confined versus Unconfined Crystallization in Block Copolymer/Salt Mixtures. Macromolecules 2019, 53, 982-991.
"""


def test_an_acs_list_numbered_in_round_brackets_holds_the_notes_of_lost_superscripts():
    document, findings = findings_of(ACS)
    assert [note.label for note in document.notes] == ["1", "2"]
    assert [marker.label for marker in document.markers] == ["1", "2"]
    assert [reference.container for reference in document.references] == ["Inorg. Chem", "Macromolecules"]
    assert not [f for f in findings if f.code in ("dangling-marker", "unused-note")]


def test_apas_ellipsis_before_the_last_author():
    article = parse("Garot, P., Pelle, G., Teiger, E., Belarbi, A., Aptecar, E., Boudali, L., . . . Dupouy, P. (2001). "
                    "Impact of coronary plaque morphology. Catheterization and Cardiovascular Interventions, 52(4), 459-466.")
    assert [person.family for person in article.authors][-2:] == ["Boudali", "Dupouy"]
    assert article.title == "Impact of coronary plaque morphology"
    assert article.container == "Catheterization and Cardiovascular Interventions"
    seven = parse("Howard, L. M., Edwards, K. M., Zhu, Y., Griffin, M. R., Weinberg, G. A., Szilagyi, P. G., ... "
                  "Williams, J. V. (2018). Clinical features. Journal of the Pediatric Infectious Diseases Society, 7(2), 165-168.")
    assert [person.family for person in seven.authors][-1] == "Williams" and seven.title == "Clinical features"


def test_a_family_name_with_a_particle_inside():
    article = parse("van der Vuurst de Vries, R.M. and Hintzen, R.Q. (2019) 'Time is brain', JAMA Neurology, 76(2), pp. 1-2.")
    assert [(p.family, p.given) for p in article.authors] == [("van der Vuurst de Vries", "R.M."), ("Hintzen", "R.Q.")]
    assert article.title == "Time is brain"


def test_harvards_volume_alone_after_the_journal():
    article = parse("Castro, F.B. de and Kunz, E. (2022) 'Contrapontos para a Educa\u00e7\u00e3o F\u00edsica', Kinesis, 40.")
    assert (article.container, article.volume) == ("Kinesis", "40")


def test_chicagos_romanised_title_in_brackets_after_the_original():
    article = parse("Aleksandra N. Latysheva, \"\u042d\u0442\u043e \u043d\u0435 \u043f\u0440\u043e\u0441\u0442\u043e "
                    "\u0431\u0438\u0437\u043d\u0435\u0441\" (Eto ne prosto biznes) [It is not just business], Journal of "
                    "Social Policy Studies 15, no. 4 (2017): 660\u201368.")
    assert article.container == "Journal of Social Policy Studies"
    assert article.translated_title == "It is not just business"


ET_AL = """Waves slow in forests (Puleo et al. 2016, 80), as shown before (Puleo and Torres-Freyermuth 2016, 12).

References

Puleo, Jack A., Thijs Lanckriet, Daniel Conley, and Diane Foster. 2016. "Sediment Transport in the Swash Zone." Coastal Engineering 113: 73\u201387.
Puleo, Jack A., and Alec Torres-Freyermuth. 2016. "The Second International Workshop on Swash-Zone Processes." Coastal Engineering 115: 1\u201314.
"""


def test_et_al_names_the_work_of_three_authors_or_more():
    document, findings = findings_of(ET_AL)
    assert not [f for f in findings if f.code in ("ambiguous-short-cite", "orphan-short-cite", "page-out-of-range")]


ACS_ITALIC = """Macrocycles tune selectivity
(*1*). Ponds matter (*2*, *3*), as do books (*3*).

## References

(1) Thiele, N. A.; Wilson, J. J. Implementing f-Block Metal Ions in Medicine. *Inorg. Chem.* **2019**, *58* (16), 10483\u201310500.

(2) Pileio, G., Ed. *Long-lived Nuclear Spin Order: Theory and Applications*; New Developments in NMR; Royal Society of Chemistry: Cambridge, 2020. ISBN 978-1-78801-568-4.

(3) McGinnis, R. F. *Biogeography of Lanternfishes*; Antarctic Research Series 35; American Geophysical Union: Washington, DC, 1982. ISBN 0-87590-181-6.
"""


def test_acs_markers_in_italics_and_notes_whose_semicolons_are_no_second_work():
    document, findings = findings_of(ACS_ITALIC, "doc.md")
    assert sorted({marker.label for marker in document.markers}) == ["1", "2", "3"]
    assert len(document.references) == 3  # "; Royal Society of Chemistry: Cambridge, 2020. ISBN ..." is the imprint
    assert not [f for f in findings if f.code in ("unused-note", "dangling-marker")]


def test_an_enumeration_at_a_lines_start_is_no_marker():
    text = "Three steps follow.\n(1) Read the notes\n(2) Check them\n\nNotes\n\n1. A note.\n2. Another.\n"
    document, _ = findings_of(text)
    assert document.markers == ()
