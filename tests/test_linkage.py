"""Linking short cites to full references (``checks.linkage``) on small parsed documents."""

from verify_refs.checks.linkage import link_corpus
from verify_refs.extract.document import parse_document
from verify_refs.extract.source import SourceText

CHICAGO = """\
The defection shocked Moscow.\u00b9 It was kept quiet.\u00b2 Tokyo knew.\u00b3

Notes

1. Alvin D. Coox, "L'Affaire Lyushkov: Anatomy of a Defector," Soviet Studies 19, no. 3 (1968): 407.
2. Ibid., 411.
3. Coox, "L'Affaire Lyushkov," 412.

Bibliography

Coox, Alvin D. "L'Affaire Lyushkov: Anatomy of a Defector." Soviet Studies 19, no. 3 (1968): 405\u201320.
"""


def link(text: str, path: str = "doc.txt"):
    document = parse_document(SourceText(path, text))
    return document, link_corpus([document])


def test_ibid_after_a_first_full_note_refers_to_that_work() -> None:
    document, links = link(CHICAGO)
    ibid = next(c for c in document.short_cites if c.style.value == "ibid")
    assert [f.code for f in links.findings if f.code == "orphan-short-cite"] == []
    assert links.cite_targets[ibid].span.line == 5  # the full note just before it


def test_note_and_bibliography_entry_of_one_work_are_not_ambiguous() -> None:
    document, links = link(CHICAGO)
    short = next(c for c in document.short_cites if c.style.value == "author-title")
    assert [f.code for f in links.findings] == []
    assert links.cite_targets[short].pages is not None  # the entry with the page range


def test_ibid_with_nothing_before_it_is_still_an_orphan() -> None:
    _, links = link("Claim.\u00b9\n\nNotes\n\n1. Ibid., 12.\n")
    assert [f.code for f in links.findings] == ["orphan-short-cite"]


def test_two_works_of_one_author_and_year_stay_ambiguous() -> None:
    text = ("Claim (Coox 1968, p. 4).\n\nReferences\n\n"
            'Coox, A. D. (1968). The defector. Soviet Studies, 19(3), 1\u201310.\n'
            'Coox, A. D. (1968). Nomonhan revisited. Pacific Affairs, 41(2), 20\u201330.\n')
    _, links = link(text)
    assert [f.code for f in links.findings] == ["ambiguous-short-cite"]


def test_cite_links_to_a_reference_whose_authors_were_not_parsed() -> None:
    # initials without full stops defeat the author parser; the text still opens "Wills,"
    text = ("Pain persisted (Wills and Hunt 276).\n\nWorks Cited\n\n"
            'Wills, V L, and D R Hunt. "Pain after laparoscopic cholecystectomy." Journal of '
            "British Surgery, vol. 87, no. 3, 2000, pp. 273-84.\n")
    document, links = link(text)
    assert [f.code for f in links.findings] == []
    assert links.cite_targets[document.short_cites[0]].span.line == 5


def test_mla_four_digit_page_is_not_taken_for_a_year() -> None:
    text = ("Chromium ions were reduced (Protsenko et al. 1716).\n\nWorks Cited\n\n"
            'Protsenko, V. S., et al. "Electroreduction of Cr(III) Ions on Pb Electrode." '
            "E-Journal of Chemistry, vol. 8, no. 4, 2011, pp. 1714-19.\n")
    _, links = link(text)
    assert [f.code for f in links.findings] == []
    [(cite, target)] = links.cite_targets.items()
    assert (cite.year, cite.pinpoints, target.span.line) == (None, ("1716",), 5)


def test_a_year_that_is_no_page_of_the_work_is_still_an_orphan() -> None:
    text = ("Chromium ions were reduced (Protsenko et al. 1990).\n\nWorks Cited\n\n"
            'Protsenko, V. S., et al. "Electroreduction of Cr(III) Ions on Pb Electrode." '
            "E-Journal of Chemistry, vol. 8, no. 4, 2011, pp. 1714-19.\n")
    _, links = link(text)
    assert [f.code for f in links.findings] == ["orphan-short-cite"]


def test_short_title_of_few_significant_words_still_names_one_work() -> None:
    text = ('Claim.\u00b9 More.\u00b2\n\nNotes\n\n1. Mary Lou Roberts, "Geocities (A) and (B)," '
            "Journal of Interactive Marketing 12, no. 1 (1998): 55.\n"
            '2. Roberts, "Geocities (A) and (B)," 60.\n\nBibliography\n\n'
            'Roberts, Mary Lou. "Geocities (A) and (B)." Journal of Interactive Marketing 12, '
            "no. 1 (1998): 54\u201370.\n")
    _, links = link(text)
    assert [f.code for f in links.findings] == []


def test_cite_naming_the_work_as_the_registry_has_it_is_relinked() -> None:
    from verify_refs.checks.linkage import relink_by_registry
    from verify_refs.models import Person, RegistryWork

    text = ("Lyushkov crossed in June (Coox 1968, p. 411). Others left (Smith 1990, p. 3).\n\n"
            "References\n\n"
            "Coox, A. D. (1969). L'Affaire Lyushkov: Anatomy of a defector. Soviet Studies, "
            "19(3), 405\u2013420.\n")
    document, links = link(text)
    assert [f.code for f in links.findings] == ["orphan-short-cite", "orphan-short-cite"]
    [reference] = document.references
    coox = RegistryWork("10.1080/09668136808410603", authors=(Person("Coox", "Alvin D."),), year=1968)
    withdrawn = relink_by_registry(links, [document], {reference.id: coox})
    # the reference's year is wrong (year-mismatch), not the cite; Smith is still an orphan
    assert [f.span.column for f in withdrawn] == [27]
    assert [f.message[:20] for f in links.findings] == ['short cite "Smith 19']
    assert [c.pinpoints for c in links.cites_of(reference.id)] == [("411",)]
    assert relink_by_registry(links, [document], {}) == []


def test_ditto_dashes_take_the_authors_of_the_entry_above():
    # "———." stands for the authors of the entry before it: "Barth 1969" cites the second
    # entry, and the dashes of a first entry have nobody to stand for.
    text = ("Barth's novels (Barth 1966) and stories (Barth 1969) differ.\n\n"
            "Bibliography\n\n"
            "———. 1950. A Book Whose Author Is Not Given. London: Nobody.\n"
            "Barth, John. 1966. Giles Goat-Boy. New York: Doubleday.\n"
            "———. 1969. Lost in the Funhouse. New York: Bantam.\n"
            "---, and Jane Doe. 1970. A Joint Work. New York: Bantam.\n")
    document = parse_document(SourceText("d.txt", text))
    assert [tuple(p.family for p in r.authors) for r in document.references] == [
        (), ("Barth",), ("Barth",), ("Barth",)]  # (the co-author after "---, and" is not read)
    result = link_corpus([document])
    assert [f.code for f in result.findings if f.code.endswith("short-cite")] == []
    assert {cite.year: target.title for cite, target in result.cite_targets.items()} == {
        1966: "Giles Goat-Boy", 1969: "Lost in the Funhouse"}


def test_a_narrative_cite_read_with_the_word_before_it_links_without_that_word():
    # "... the Text Encoding Initiative, Mylonas and Renear (1999, p. 3)": the author list was
    # read from "Initiative"; without it, the cite names Mylonas and Renear
    from verify_refs.checks.linkage import link_corpus
    from verify_refs.extract.document import parse_document
    from verify_refs.extract.source import SourceText

    text = ("As argued by the Text Encoding Initiative, Mylonas and Renear (1999, p. 3) say so.\n\n"
            "References\n\n"
            "Mylonas, E. and Renear, A. (1999) 'The Text Encoding Initiative at 10', "
            "Computers and the Humanities, 33(1), pp. 1-9.\n")
    document = parse_document(SourceText("essay.txt", text))
    assert [c.author for c in document.short_cites] == ["Initiative, Mylonas and Renear"]
    links = link_corpus([document])
    assert not [f for f in links.findings if f.code == "orphan-short-cite"]


def test_a_paged_marker_checks_its_page_against_its_notes_work():
    from verify_refs.checks.linkage import link_corpus
    from verify_refs.checks.registry import check_pages_offline
    from verify_refs.extract.document import parse_document
    from verify_refs.extract.source import SourceText

    text = ("Measured [1, p. 125], and again [1, p. 135].\n\nReferences\n\n"
            '[1] L. Gulyaeva, "Measurement of hydrophobicity," J. Pharm. Sci., vol. 90, no. 9, '
            "pp. 122-130, 2001.\n")
    document = parse_document(SourceText("ieee.txt", text))
    links = link_corpus([document])
    reference = document.references[0]
    assert [c.pinpoints for c in links.cites_of(reference.id)] == [("125",), ("135",)]
    found = check_pages_offline(reference, links.cites_of(reference.id))
    assert [(f.code, f.span.column) for f in found] == [("page-out-of-range", 33)]
    assert not [f for f in links.findings if f.code in ("orphan-short-cite", "unused-note")]


def test_mla_short_title_and_initials_pick_one_of_an_authors_works():
    _, links = link(
        'Hares cycle (Elton, "Ten-Year Cycle" 250). Voles too (Elton, "Fluctuations" 101). '
        "Soil (S. M. Martin et al. 197). Plays (R. Martin 12).\n\nWorks Cited\n\n"
        'Elton, Charles. "The Ten-Year Cycle in Numbers of the Lynx." Journal of Animal Ecology, vol. 11, '
        "no. 2, 1942, pp. 215-44.\n"
        'Elton, Charles. "Periodic Fluctuations in the Numbers of Animals." British Journal of Biology, '
        "vol. 2, no. 1, 1924, pp. 119-63.\n"
        'Martin, S. M., et al. "Soil ecology of the north." Soil Biology, vol. 3, 2001, pp. 190-210.\n'
        "Martin, Randall. Shakespeare and Ecology. Oxford UP, 2015.\n")
    targets = {cite.text: reference.span.line for cite, reference in links.cite_targets.items()}
    assert targets == {'Elton, "Ten-Year Cycle" 250': 5, 'Elton, "Fluctuations" 101': 6,
                       "S. M. Martin et al. 197": 7, "R. Martin 12": 8}
    assert [f.code for f in links.findings if f.code != "unused-note"] == []


def test_an_author_that_may_be_a_function_word_is_linked_but_never_an_orphan() -> None:
    """"He et al. 2019" names He (a Chinese family name) when a reference by He of 2019 exists;
    "He 1938" with no such reference may be the pronoun, so it is no orphan."""
    document, links = link("""\
Deep networks train well.[1] He came back in the spring.[2]

Notes

1. He et al. 2019, p. 5.
2. He 1938, p. 4.

References

He, Kaiming; Zhang, Xiangyu; Ren, Shaoqing (2019). "Deep residual learning". Pattern Letters. 12 (3): 1\u201320.
""")
    cites = {c.note_label: c for c in document.short_cites}
    assert cites["1"].tentative and cites["2"].tentative
    assert links.cite_targets[cites["1"]].span.line == 10
    assert cites["2"] not in links.cite_targets
    assert [f.code for f in links.findings if f.code == "orphan-short-cite"] == []


def test_a_year_letter_and_a_second_author_choose_among_one_authors_works() -> None:
    """"Elton & Nicholson 1942b" names the 1942b paper by Elton and Nicholson, not also
    Elton's undated-letter book of 1942."""
    document, links = link("""\
Lynx cycle.[1] Muskrat cycle.[2]

Notes

1. Elton & Nicholson 1942b, p. 215.
2. Elton & Nicholson 1942a, pp. 96\u201398.

Sources

Elton, Charles; Nicholson, Mary (1942a). "Fluctuations in Numbers of the Muskrat". Journal of Animal Ecology. 11 (1): 96\u2013126.
Elton, Charles; Nicholson, Mary (1942b). "The Ten-Year Cycle in Numbers of the Lynx". Journal of Animal Ecology. 11 (2): 215\u2013244.
Elton, Charles (1942). Voles, Mice and Lemmings. Oxford: Clarendon Press.
""")
    assert [f.code for f in links.findings if f.code.endswith("short-cite")] == []
    targets = {c.note_label: links.cite_targets[c].span.line for c in document.short_cites}
    assert targets == {"1": 11, "2": 10}


def test_markers_with_no_notes_at_all_are_listed_once_each() -> None:
    _, links = link("The purge began.[1] It spread [2] and came back [1].\nIt ended.[1]\n")
    [finding] = [f for f in links.findings if f.code == "dangling-marker"]
    assert finding.message == ("4 footnote markers but no notes in this document: "
                               "1 (lines 1, 2), 2 (line 1)")


BOETTIGER = ("Boettiger, Carl, Noam Ross, and Alan Hastings. 2013. \u201cEarly Warning Signals: The Charted and "
             "Uncharted Territories.\u201d Theoretical Ecology 6 (3): 255\u201364.")


def _orphans(text: str) -> list[str]:
    _, links = link(text)
    return sorted(f.message.split('"')[1] for f in links.findings if f.code == "orphan-short-cite")


def test_a_cite_by_the_given_name_of_an_inverted_author_is_an_orphan() -> None:
    assert _orphans(f"Signals (Carl 2013). Signals (Boettiger 2013).\n\nReferences\n\n{BOETTIGER}\n") == ["Carl 2013"]
    # written given name first, either name may be the family's: "Zhang Wei" cited as "Zhang"
    assert _orphans("Growth (Zhang 2010).\n\nReferences\n\nZhang Wei. 2010. \u201cGrowth of Cities.\u201d "
                    "Urban Studies 47 (3): 1\u201320.\n") == []


def test_a_cite_with_a_second_author_the_work_does_not_have_is_an_orphan() -> None:
    text = f"A (Boettiger and Smith 2013). B (Boettiger and Ross 2013). C (Boettiger et al. 2013).\n\nReferences\n\n{BOETTIGER}\n"
    assert _orphans(text) == ["Boettiger and Smith 2013"]


def test_a_cite_ambiguous_between_two_citations_of_one_registered_work_is_relinked() -> None:
    from verify_refs.checks.linkage import relink_by_registry
    from verify_refs.models import Person, RegistryWork

    text = ("Text.[1] More.[2]\n\nNotes\n\n"
            "1. Allen Renear, \u201cRepresenting Text on the Computer,\u201d Bulletin of the John Rylands Library 74, "
            "no. 3 (1992): 221\u201348.\n"
            "2. Renear, \u201cRepresenting Text,\u201d 261.\n\n"
            "Bibliography\n\n"
            "Renear, Allen. \u201cRepresenting Text on the Computer.\u201d Bulletin of the John Rylands Library 74, "
            "no. 3 (1993): 221\u201348.\n")
    document, links = link(text)
    assert [f.code for f in links.findings if f.code == "ambiguous-short-cite"] == ["ambiguous-short-cite"]
    renear = RegistryWork("10.7227/bjrl.74.3.13", authors=(Person("Renear", "Allen"),), year=1992)
    withdrawn = relink_by_registry(links, [document], {r.id: renear for r in document.references})
    assert [f.code for f in withdrawn] == ["ambiguous-short-cite"]
    (cite,) = [c for c in document.short_cites if c.pinpoints == ("261",)]
    assert links.cite_targets[cite].year == 1992  # the citation whose year is the registry's


def test_an_author_date_lists_uncited_entry_is_named_but_not_one_cited_elsewhere() -> None:
    from verify_refs.checks.linkage import link_corpus as link_all
    from verify_refs.extract.document import parse_document as parse_one
    essay = parse_one(SourceText("a.txt", "Memory fails (Read 2001, 3).\n\nReferences\n\n"
                                 "Read, J. Don. 2001. \u201cIntroduction: Trauma.\u201d Applied Cognitive Psychology 15 (7): 1\u20135.\n"
                                 "Bressan, Paola. 2002. \u201cThe Connection.\u201d Applied Cognitive Psychology 16 (1): 17\u201334.\n"
                                 "Holliday, Robyn. 2002. \u201cAutomatic Processes.\u201d Applied Cognitive Psychology 16 (1): 1\u201316.\n"))
    other = parse_one(SourceText("b.txt", "As shown (Bressan 2002, 20).\n"))
    links = link_all([essay, other])
    assert [(f.code, f.span.line) for f in links.findings if f.code == "unused-note"] == [("unused-note", 7)]
    # a bare list, with no cite in its text, names nothing
    bare = parse_one(SourceText("c.txt", "References\n\nRead, J. Don. 2001. \u201cIntroduction: Trauma.\u201d Applied "
                                         "Cognitive Psychology 15 (7): 1\u20135.\n"))
    assert [f.code for f in link_all([bare]).findings] == []


def test_a_list_mostly_uncited_names_nothing_and_more_reporting_verbs_cite() -> None:
    from verify_refs.checks.linkage import link_corpus as link_all
    from verify_refs.extract.document import parse_document as parse_one
    entries = ("Read, J. Don. 2001. \u201cIntroduction: Trauma.\u201d Applied Cognitive Psychology 15 (7): 1\u20135.\n"
               "Bressan, Paola. 2002. \u201cThe Connection.\u201d Applied Cognitive Psychology 16 (1): 17\u201334.\n"
               "Holliday, Robyn. 2002. \u201cAutomatic Processes.\u201d Applied Cognitive Psychology 16 (1): 1\u201316.\n")
    mostly_uncited = parse_one(SourceText("a.txt", f"Memory fails (Read 2001, 3).\n\nReferences\n\n{entries}"))
    assert [f.code for f in link_all([mostly_uncited]).findings] == []
    narrative = parse_one(SourceText("b.txt", "Read (2001) found it. Bressan (2002) reviews it. Holliday (2002) treats it."
                                              f"\n\nReferences\n\n{entries}"))
    links = link_all([narrative])
    assert len(links.cite_targets) == 3 and [f.code for f in links.findings] == []
