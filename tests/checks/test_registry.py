"""Comparing a reference with its registry work: ``check_reference``, ``check_pages_offline``.

Registry works are parsed with ``work_from_json`` from dicts shaped like Crossref records;
references are built directly, their text written from their fields.
"""

from __future__ import annotations

import copy
from dataclasses import replace

import pytest

from verify_refs.checks.registry import check_pages_offline, check_reference, pinpoint_pages
from verify_refs.models import (Identifier, IdScheme, Outcome, PageRange, Person, Reference,
                                ReferenceKind, Resolution, Severity, ShortCite, ShortCiteStyle,
                                Span, Status)
from verify_refs.resolve.records import work_from_json

from crossref_records import COOX_DOI, COOX_RECORD as COOX
SPAN = Span("doc.md", 3, 1)


def work(**changes: object):
    data = copy.deepcopy(COOX)
    for key, value in changes.items():
        data[key.replace("_", "-")] = value
    return work_from_json(data)


def reference(*, authors=(("Coox", "Alvin D."),), year=1968,
              title="L'Affaire Lyushkov: Anatomy of a Defector", container="Soviet Studies",
              volume="19", issue="3", pages=("405", "420", "405–20"), doi=COOX_DOI,
              pinpoints=(), kind=ReferenceKind.ARTICLE, translated_title=None,
              issn=None, jstor=None) -> Reference:
    people = tuple(Person(f, g) for f, g in authors)
    page_range = PageRange(*pages) if pages else None
    names = "; ".join(p.display() for p in people)
    text = (f'{names} ({year}). "{title}". {container}. {volume} ({issue}): '
            f'{page_range.raw if page_range else ""}.')
    ids = tuple(Identifier(scheme, value, value, SPAN)
                for scheme, value in ((IdScheme.DOI, doi), (IdScheme.ISSN, issn),
                                      (IdScheme.JSTOR, jstor)) if value)
    return Reference(id="doc.md:3:1", span=SPAN, text=text, kind=kind, authors=people,
                     year=year, title=title, translated_title=translated_title,
                     container=container, volume=volume, issue=issue, pages=page_range,
                     pinpoints=tuple(pinpoints), identifiers=ids)


def resolved(registry=None, **extra) -> Resolution:
    return Resolution("doc.md:3:1", Outcome.RESOLVED, registry or work(), via="doi",
                      confidence=0.99, **extra)


def check(ref: Reference, resolution: Resolution | None = None, short_cites=()):
    return check_reference(ref, resolution or resolved(), short_cites)


def codes(findings) -> list[str]:
    return sorted(f.code for f in findings)


def only(findings, code: str):
    found = [f for f in findings if f.code == code]
    assert len(found) == 1, codes(findings)
    return found[0]


# --- verified, and what must not be flagged ---------------------------------------


def test_coox_as_cited_is_verified():
    findings, status = check(reference())
    assert findings == [] and status is Status.VERIFIED


@pytest.mark.parametrize("variant", [
    {"container": "Sov. Stud."},
    {"container": "Soviet studies"},
    {"title": "L'Affaire Lyushkov"},  # subtitle dropped
    {"title": "L'AFFAIRE LYUSHKOV: ANATOMY OF A DEFECTOR"},
    {"title": "L'Affaire Lyushkov: Anatomy of a Defector [The Lyushkov Affair]"},
    {"pages": ("405", "420", "405-420")},
    {"pages": ("405", None, "405")},  # only a first page cited
    {"volume": "XIX"},
    {"issue": "3-4"},
    {"issue": "January"},
    {"authors": ()},
    {"year": None, "volume": None, "issue": None, "pages": None, "container": None},
])
def test_style_variants_and_missing_fields_are_not_flagged(variant):
    findings, status = check(reference(**variant))
    assert findings == [], [f.message for f in findings]
    assert status is Status.VERIFIED


def test_markup_in_the_registry_title_is_not_a_mismatch():
    marked = work(title=["L'Affaire <i>Lyushkov</i>: Anatomy of a <scp>Defector</scp>"])
    assert check(reference(), resolved(marked)) == ([], Status.VERIFIED)


def test_cyrillic_registry_title_and_transliterated_citation_agree():
    registry = work(title=["Бегство Люшкова"], author=[{"family": "Кузнецов", "given": "И."}])
    cited = reference(title="Begstvo Liushkova", authors=(("Kuznetsov", "I."),))
    assert check(cited, resolved(registry)) == ([], Status.VERIFIED)


def test_matching_issn_accepts_a_different_journal_name():
    cited = reference(container="Europe-Asia Studies", issn="0038-5859")
    assert check(cited) == ([], Status.VERIFIED)


# --- field mismatches -----------------------------------------------------------


def test_year_one_off_is_a_warning_quoting_both_values():
    findings, status = check(reference(year=1969))
    finding = only(findings, "year-mismatch")
    assert finding.message == f"year 1969 cited, registry has 1968 ({COOX_DOI})"
    assert finding.severity is Severity.WARNING and finding.span == SPAN
    assert finding.reference_id == "doc.md:3:1"
    assert status is Status.MISMATCH


def test_year_far_off_is_an_error():
    assert only(check(reference(year=1972))[0], "year-mismatch").severity is Severity.ERROR


def test_swapped_names_are_an_author_mismatch_saying_so():
    registry = work(author=[{"family": "Berkman", "given": "Alexander"}])
    cited = reference(authors=(("Alexander", "Berkman"),))
    finding = only(check(cited, resolved(registry))[0], "author-mismatch")
    assert "swapped" in finding.message
    assert "Alexander, Berkman" in finding.message and "Berkman, Alexander" in finding.message
    assert finding.severity is Severity.WARNING


def test_unrelated_first_author_is_an_error():
    findings, status = check(reference(authors=(("Hiroaki", "Kuromiya"),)))
    finding = only(findings, "author-mismatch")
    assert finding.severity is Severity.ERROR and "Hiroaki" in finding.message and "Coox" in finding.message
    assert status is Status.MISMATCH


def test_a_surname_one_letter_off_is_a_warning_saying_so():
    registry = work(author=[{"family": "Minichillo", "given": "Tom"}])
    finding = only(check(reference(authors=(("Minichello", "Tom"),)), resolved(registry))[0], "author-mismatch")
    assert finding.severity is Severity.WARNING
    assert finding.message.endswith("the surname is spelled differently")
    transliterated = work(author=[{"family": "Trotsky", "given": "Leon"}])
    assert check(reference(authors=(("Trotskii", "L."),)), resolved(transliterated)) == ([], Status.VERIFIED)


def test_different_title_is_a_title_mismatch():
    findings, _ = check(reference(title="The Lyushkov Defection Revisited"))
    finding = only(findings, "title-mismatch")
    assert '"The Lyushkov Defection Revisited"' in finding.message
    assert "L'Affaire Lyushkov: Anatomy of a Defector" in finding.message


def test_title_cut_short_by_the_parser_is_not_a_title_mismatch():
    registry = work(title=["Schmidt reaction and Beckmann rearrangement in the series of "
                           "3-azabicyclo[3.3.1]nonan-9-one derivatives"])
    cited = reference(title="Schmidt reaction and Beckmann rearrangement in the series of 3-azabicyclo")
    assert codes(check(cited, resolved(registry))[0]) == []
    # a short opening is still a different title
    assert "title-mismatch" in codes(check(reference(title="L'Affaire"))[0])


def test_journal_name_with_a_colon_before_the_volume_is_the_same_container():
    registry = work(container_title=["Journal of Geophysical Research: Space Physics"])
    cited = reference(container="Journal of")
    cited = replace(cited, text='Petrinec, S. M. "The steepness of the shear angle." Journal of '
                                "Geophysical Research: Space Physics 19, no. 3 (1968): 405-20.")
    assert codes(check(cited, resolved(registry))[0]) == []


def test_the_works_title_read_as_its_journal_is_no_container_mismatch():
    # "Jacobs, P M, J M Twomey, and P K Leaver." defeats the author parser, which then
    # takes the title for the journal: a misreading, not another journal
    cited = reference(container="L'Affaire Lyushkov: Anatomy of a Defector", title=None)
    assert "container-mismatch" not in codes(check(cited)[0])


def test_one_word_of_the_title_replaced_is_a_title_mismatch():
    # close enough overall to pass as the same title, but "Defector" became "Harbour"
    findings, _ = check(reference(title="L'Affaire Lyushkov: Anatomy of a Harbour"))
    finding = only(findings, "title-mismatch")
    assert '"harbour" where the registry has "defector"' in finding.message


@pytest.mark.parametrize("title", [
    "L'Affaire Lyushkov: Anatomy of a Defectors",  # a plural
    "L'Affaire Lyushkov: Anatomy of a Defecter",  # a typo or spelling variant
    "L'Affaire Lyushkov: Anatomy of the Defector",  # a short function word
])
def test_spelling_variants_of_one_word_are_not_a_title_mismatch(title):
    assert codes(check(reference(title=title))[0]) == []


@pytest.mark.parametrize("cited, registry", [
    # several words changed, each unlike any of the registry's (similar overall: 0.87, 0.94)
    ("Seasonal stability of the bacterial community associated with the sponge Aplysina aerophoba",
     "Temporal variation of the microbial community associated with the sponge Aplysina aerophoba"),
    ("Curvature-Driven Adsorption of Anionic Nanoparticles to Domain Boundaries in Lipid Bilayers",
     "Curvature-driven adsorption of cationic nanoparticles to phase boundaries in lipid bilayers"),
    # a word added in the middle, another changed
    ("Closed formulas for the number of short paths, independent sets and perfect matchings in fullerenes",
     "Closed formulas for the number of small paths, independent sets and matchings in fullerenes"),
])
def test_changed_words_in_a_similar_title_are_a_title_mismatch(cited, registry):
    finding = only(check(reference(title=cited), resolved(work(title=[registry])))[0], "title-mismatch")
    assert f'"{cited}" cited' in finding.message and registry in finding.message


@pytest.mark.parametrize("cited, registry", [
    ("Behaviour of colour films in the oesophagus", "Behavior of color films in the esophagus"),
    ("A database of Soviet defectors", "A data base of soviet defectors"),
    ("Defectors versus the NKVD in Manchuria", "Defectors vs. the NKVD in Manchuria"),
    ("Anatomy of a defector", "Anatomy of a defector: the Lyushkov case in the archives"),  # no subtitle
    ("The anatomy of the Soviet defectors", "Anatomy of a Soviet defector"),
])
def test_style_variants_of_title_words_are_no_title_mismatch(cited, registry):
    assert codes(check(reference(title=cited), resolved(work(title=[registry])))[0]) == []


def test_an_ieee_journal_crossref_holds_inverted_is_the_same_container():
    inverted = work(container_title=["Vehicular Technology, IEEE Transactions on"], ISSN=[])
    cited = reference(container="IEEE Transactions on Vehicular Technology")
    assert "container-mismatch" not in codes(check(cited, resolved(inverted))[0])
    assert "container-mismatch" in codes(check(reference(container="IEEE Transactions on Power Systems"),
                                               resolved(inverted))[0])


def test_different_journal_is_a_container_mismatch():
    finding = only(check(reference(container="Slavic Review"))[0], "container-mismatch")
    assert '"Slavic Review" cited' in finding.message and '"Soviet Studies"' in finding.message
    assert finding.severity is Severity.WARNING


def test_different_issn_is_a_container_mismatch_even_with_the_same_name():
    assert codes(check(reference(issn="0037-6779"))[0]) == ["container-mismatch"]


def test_issn_with_a_bad_check_digit_decides_nothing_about_the_journal():
    # 0038-5858 is 0038-5859 mistyped (invalid-issn, reported offline): the journal's
    # name still agrees, so it is no container-mismatch too
    assert codes(check(reference(issn="0038-5858"))[0]) == []


def test_volume_mismatch_is_an_error():
    finding = only(check(reference(volume="20"))[0], "volume-mismatch")
    assert finding.message == f"volume 20 cited, registry has 19 ({COOX_DOI})"
    assert finding.severity is Severity.ERROR


def test_disjoint_issue_is_an_issue_mismatch():
    finding = only(check(reference(issue="4"))[0], "issue-mismatch")
    assert finding.message == f"issue 4 cited, registry has 3 ({COOX_DOI})"


def test_other_last_page_is_a_warning_other_first_page_an_error():
    last = only(check(reference(pages=("405", "421", "405-21")))[0], "pages-mismatch")
    assert last.severity is Severity.WARNING
    assert last.message == f"pages 405-21 cited, registry has 405-420 ({COOX_DOI})"
    first = only(check(reference(pages=("406", "420", "406-20")))[0], "pages-mismatch")
    assert first.severity is Severity.ERROR


# --- pinpoints ----------------------------------------------------------------------


def short_cite(*pinpoints: str) -> ShortCite:
    return ShortCite(Span("doc.md", 9, 5), "Coox 1968, p. 430", ShortCiteStyle.AUTHOR_YEAR,
                     author="Coox", year=1968, pinpoints=pinpoints)


def test_pinpoints_inside_the_registry_range_are_fine():
    findings, status = check(reference(pinpoints=("407",)), short_cites=[short_cite("405-7")])
    assert findings == [] and status is Status.VERIFIED


def test_pinpoint_outside_the_registry_range_is_an_error_at_the_short_cite():
    findings, status = check(reference(), short_cites=[short_cite("419-22")])
    finding = only(findings, "page-out-of-range")
    assert finding.span == Span("doc.md", 9, 5) and finding.severity is Severity.ERROR
    assert finding.message == f"pages 419-22 cited, registry range is 405-420 ({COOX_DOI})"
    # the cite's page is wrong, not the reference: its own fields all agree with the registry
    assert status is Status.VERIFIED


def test_one_page_cited_out_of_range_is_worded_as_one_page():
    findings, _ = check(reference(), short_cites=[short_cite("430f.")])
    assert only(findings, "page-out-of-range").message.startswith("page 430f. cited, ")


def test_pinpoint_in_the_reference_itself_is_checked_too():
    findings, status = check(reference(pinpoints=("430",)))
    assert only(findings, "page-out-of-range").span == SPAN
    assert status is Status.VERIFIED  # a cited page, not a field of the work
    findings, status = check(reference(year=1969, pinpoints=("430",)))
    assert codes(findings) == ["page-out-of-range", "year-mismatch"] and status is Status.MISMATCH


def test_offline_pages_check_uses_the_references_own_range():
    findings = check_pages_offline(reference(pinpoints=("430",)), [short_cite("407")])
    finding = only(findings, "page-out-of-range")
    assert finding.message == "page 430 cited, the reference's own range is 405-420"
    assert check_pages_offline(reference(pinpoints=("407",))) == []
    assert check_pages_offline(reference(pages=None, pinpoints=("430",))) == []


@pytest.mark.parametrize("text, pages", [("407", (407, 407)), ("405-7", (405, 407)),
                                         ("p. 1392", (1392, 1392)), ("xii", None)])
def test_pinpoint_pages(text, pages):
    assert pinpoint_pages(text) == pages


# --- identifiers ------------------------------------------------------------------


def unrelated():
    return work(DOI="10.1016/j.cell.2004.01.001", title=["Protein folding in yeast mitochondria"],
                author=[{"family": "Smith", "given": "J."}], issued={"date-parts": [[2004]]},
                container_title=["Cell"], volume="116", page="1-10")


def test_doi_of_another_work_is_a_doi_mismatch_naming_both():
    cited = reference(doi="10.1016/j.cell.2004.01.001")
    resolution = resolved(unrelated(), candidates=(work(),))
    findings, status = check(cited, resolution)
    assert codes(findings) == ["doi-mismatch"]  # no field-by-field noise against the wrong work
    message = findings[0].message
    assert "10.1016/j.cell.2004.01.001" in message and "Protein folding" in message
    assert f"candidate is {COOX_DOI}" in message
    assert findings[0].severity is Severity.ERROR and status is Status.MISMATCH


def test_a_retitled_work_with_agreeing_author_and_year_is_no_doi_mismatch():
    retitled = work(title=["Lyushkov's Flight to Manchukuo"])
    assert codes(check(reference(), resolved(retitled))[0]) == ["title-mismatch"]


def test_doi_not_found():
    resolution = Resolution("doc.md:3:1", Outcome.NOT_FOUND, via="doi")
    findings, status = check(reference(doi="10.1080/0966813680841060"), resolution)
    finding = only(findings, "doi-not-found")
    assert finding.message == "DOI 10.1080/0966813680841060 cited, registry has no record of it"
    assert finding.severity is Severity.ERROR and status is Status.UNRESOLVED  # no record known


def test_doi_not_found_names_the_work_a_search_resolved():
    resolution = Resolution("doc.md:3:1", Outcome.NOT_FOUND, via="doi", candidates=(work(),))
    findings, status = check(reference(doi="10.1080/0966813680841060"), resolution)
    finding = only(findings, "doi-not-found")
    assert finding.message == ("DOI 10.1080/0966813680841060 cited, registry has no record of it; "
                               f"the registry's record for this work is {COOX_DOI}")
    assert finding.hint.startswith("Replace the DOI with the registry's")
    assert status is Status.MISMATCH


@pytest.mark.parametrize("resolution", [
    # a search that found two works equally good, and a JSTOR id's work (asked, not searched)
    Resolution("doc.md:3:1", Outcome.NOT_FOUND, via="doi", candidates=(work(), work(DOI="10.1080/twin"))),
    Resolution("doc.md:3:1", Outcome.NOT_FOUND, via="doi", candidates=(work(),), jstor_work=work()),
])
def test_doi_not_found_names_no_work_the_search_did_not_resolve(resolution):
    findings, status = check(reference(doi="10.1080/0966813680841060"), resolution)
    assert "record for this work" not in only(findings, "doi-not-found").message
    assert status is Status.UNRESOLVED


def test_jstor_id_of_another_work_is_a_jstor_mismatch():
    jstor = work(DOI="10.2307/149555", title=["Another JSTOR article"])
    findings, status = check(reference(jstor="149555"), resolved(jstor_work=jstor))
    finding = only(findings, "jstor-mismatch")
    assert "149555" in finding.message and COOX_DOI in finding.message
    assert status is Status.MISMATCH


# --- outcomes without a work ----------------------------------------------------------


def test_unresolved_article_is_a_warning_showing_the_near_miss():
    resolution = Resolution("doc.md:3:1", Outcome.NO_MATCH, via="search",
                            candidates=(work(DOI="10.1080/reprint", issued={"date-parts": [[1975]]}),))
    findings, status = check(reference(doi=None), resolution)
    finding = only(findings, "unresolved")
    assert finding.severity is Severity.WARNING and "10.1080/reprint" in finding.message
    assert status is Status.UNRESOLVED


def test_unresolved_book_is_info():
    resolution = Resolution("doc.md:3:1", Outcome.NO_MATCH, via="search")
    findings, _ = check(reference(doi=None, kind=ReferenceKind.BOOK), resolution)
    assert only(findings, "unresolved").severity is Severity.INFO


def test_unresolved_chapter_of_a_monograph_is_info_but_of_an_edited_volume_a_warning():
    from dataclasses import replace

    resolution = Resolution("doc.md:3:1", Outcome.NO_MATCH, via="search")
    monograph = reference(doi=None, kind=ReferenceKind.CHAPTER, title="Chapter 32: Odessa",
                          container="The Bolshevik Myth")
    findings, _ = check(monograph, resolution)
    assert only(findings, "unresolved").severity is Severity.INFO
    edited = replace(monograph, editors=(Person("Fitzpatrick", "Sheila"),))
    findings, _ = check(edited, resolution)
    assert only(findings, "unresolved").severity is Severity.WARNING


def test_ambiguous_match_names_both_records():
    twin = work(DOI="10.1080/duplicate")
    resolution = Resolution("doc.md:3:1", Outcome.AMBIGUOUS, via="search", candidates=(work(), twin))
    findings, status = check(reference(doi=None), resolution)
    finding = only(findings, "ambiguous-match")
    assert COOX_DOI in finding.message and "10.1080/duplicate" in finding.message
    assert finding.severity is Severity.WARNING and status is Status.UNRESOLVED


def test_unchecked_has_no_findings():
    resolution = Resolution("doc.md:3:1", Outcome.UNCHECKED, reason="offline")
    assert check(reference(), resolution) == ([], Status.UNCHECKED)


# --- updates ----------------------------------------------------------------------------


def test_retracted_work_is_an_error():
    registry = work(updated_by=[{"type": "retraction", "DOI": "10.1080/retraction",
                                 "updated": {"date-time": "2020-05-01T00:00:00Z"}}])
    findings, status = check(reference(), resolved(registry))
    finding = only(findings, "retracted")
    assert "10.1080/retraction" in finding.message and "2020-05-01" in finding.message
    assert finding.severity is Severity.ERROR and status is Status.MISMATCH


def test_citing_a_retraction_notice_is_flagged():
    notice = work(update_to=[{"type": "retraction", "DOI": "10.1080/original"}])
    findings, status = check(reference(), resolved(notice))
    finding = only(findings, "retracted")
    assert "retraction notice of 10.1080/original" in finding.message
    # the notice may be cited on purpose (a paper on the retraction): said, not alarmed,
    # and the reference describes the notice as the registry has it
    assert finding.severity is Severity.INFO and status is Status.VERIFIED


def test_corrected_work_is_info_and_still_verified():
    registry = work(updated_by=[{"type": "correction", "DOI": "10.1080/erratum"}])
    findings, status = check(reference(), resolved(registry))
    assert only(findings, "corrected").severity is Severity.INFO
    assert status is Status.VERIFIED


# --- what the unseen-document probes found flagged on sound references ---------------


def found(ref: Reference, registry) -> list[str]:
    """The codes found on ``ref`` resolved to ``registry``."""
    return codes(check(ref, resolved(registry))[0])


def test_the_print_year_of_a_work_issued_online_earlier_is_no_year_mismatch() -> None:
    online_first = work(issued={"date-parts": [[1967, 11, 2]]},
                        published_online={"date-parts": [[1967, 11, 2]]},
                        published_print={"date-parts": [[1968, 1]]})
    assert online_first.year == 1967 and online_first.other_years == (1968,)
    assert "year-mismatch" not in found(reference(), online_first)
    # a year that is neither is still wrong, and the message quotes the issued year
    finding = only(check(reference(year=1970), resolved(online_first))[0], "year-mismatch")
    assert "1970 cited" in finding.message and "registry has 1967" in finding.message


def test_the_deposit_date_is_not_a_publication_year() -> None:
    undated = work(issued=None, created={"date-parts": [[2004, 5, 1]]})
    assert undated.year is None
    assert "year-mismatch" not in found(reference(year=1968), undated)


def test_a_registry_title_whose_subscripts_came_apart_is_no_title_mismatch() -> None:
    split = work(title=["Uptake of CO\n 2 by C\n 4 grasses"])
    assert "title-mismatch" not in found(reference(title="Uptake of CO2 by C4 grasses"), split)
    # another number is another title
    assert "title-mismatch" in found(reference(title="Uptake of CO3 by C5 grasses"), split)


def test_a_journal_cited_without_its_registry_subtitle_is_the_same_container() -> None:
    titled = work(container_title=["Soviet Studies: A Quarterly Journal"])
    assert "container-mismatch" not in found(reference(), titled)
    assert "container-mismatch" in found(reference(container="Slavic Review"), titled)


def test_an_abbreviated_journal_after_a_misread_title_is_the_same_container() -> None:
    # Vancouver: the title's own full stop made the parser take its second sentence for
    # the journal; the journal is there, abbreviated without stops
    journal = work(container_title=["Journal of Pharmaceutical Sciences"])
    cited = replace(reference(container="Effects of salt composition"),
                    text="Coox AD. Anatomy of a defector. Effects of salt composition. "
                         "J Pharm Sci. 1968;19(3):405-20.")
    assert "container-mismatch" not in found(cited, journal)
    other = replace(cited, text=cited.text.replace("J Pharm Sci", "Soc Sci Med"))
    assert "container-mismatch" in found(other, journal)


def test_a_garbled_registry_name_is_no_author_mismatch() -> None:
    garbled = work(author=[{"family": "Co\ufffdx", "given": "Alvin D."}])
    assert "author-mismatch" not in found(reference(), garbled)
    entity = work(author=[{"family": "R\u0131&#x;os-Rull", "given": "J."}])
    assert "author-mismatch" not in found(reference(), entity)
    assert "author-mismatch" in found(reference(), work(author=[{"family": "Smith", "given": "J."}]))


def test_a_registry_that_gives_only_the_first_page_says_nothing_of_the_last() -> None:
    first_only = work(page="405")
    assert "pages-mismatch" not in found(reference(), first_only)
    # a first page that differs is still wrong
    assert "pages-mismatch" in found(reference(pages=("407", "420", "407–20")), first_only)


def test_a_book_the_registry_names_by_its_main_title_is_the_same_container() -> None:
    # Chicago and Harvard chapters: "in Electronic Text: Investigations in Method and Theory,
    # ed. ... (Oxford: Clarendon Press, 1997)", the parser taking the imprint for the book
    book = work(container_title=["Electronic Text"])
    cited = replace(reference(container="(Oxford: Clarendon Press", kind=ReferenceKind.CHAPTER),
                    text='Allen Renear, "Out of Praxis," in Electronic Text: Investigations in Method and '
                         "Theory, ed. Kathryn Sutherland (Oxford: Clarendon Press, 1997), 107-24.")
    assert "container-mismatch" not in found(cited, book)
    # a book named nowhere in the text is still another container
    assert "container-mismatch" in found(replace(cited, text=cited.text.replace("Electronic Text", "Digital Text")), book)


def test_a_journal_cited_without_the_subtitle_the_registry_runs_on_is_the_same_container() -> None:
    run_on = work(container_title=["Soviet Studies An International Quarterly"])
    assert "container-mismatch" not in found(reference(), run_on)
    # two words that open another journal's name are not enough
    other = work(container_title=["Soviet Review of Physics"])
    assert "container-mismatch" in found(replace(reference(container="Soviet Review"), text="Coox (1968). Soviet Review."), other)


def test_an_offline_page_finding_gives_way_to_the_registry_range() -> None:
    from verify_refs.checks.registry import registry_range
    from verify_refs.pipeline import _checked_by_registry

    # the reference's own pages are wrong (71-78; the registry has 61-68): page 64 is right
    wrong_range = reference(pages=("71", "78", "71-78"), pinpoints=("64",))
    registry = work(page="61-68")
    [offline] = check_pages_offline(wrong_range)
    assert offline.code == "page-out-of-range" and "own range is 71-78" in offline.message
    assert _checked_by_registry(offline, {wrong_range.id: registry})
    assert "page-out-of-range" not in found(wrong_range, registry)
    # a page outside both ranges stays an error: the registry check reports it
    outside = reference(pages=("71", "78", "71-78"), pinpoints=("90",))
    [offline_outside] = check_pages_offline(outside)
    assert _checked_by_registry(offline_outside, {outside.id: registry})
    assert "page-out-of-range" in found(outside, registry)
    # with no registry range (one page only) or no registry work, the offline finding stays
    assert registry_range(work(page="61")) is None and registry_range(registry) == (61, 68)
    assert not _checked_by_registry(offline, {wrong_range.id: work(page="61")})
    assert not _checked_by_registry(offline, {})


# --- journal names cited in another form than the registry's (testers' false alarms) ---


@pytest.mark.parametrize("cited", ["Arch Otolaryngol", "AMA Arch Otolaryngol", "Archives of Otolaryngology"])
def test_a_journals_former_name_before_its_extension_is_the_same_container(cited):
    """Crossref gives a 1959 paper under the journal's present name; the citation under the
    name it had then."""
    renamed = work(container_title=["Archives of Otolaryngology - Head and Neck Surgery"], ISSN=[])
    assert "container-mismatch" not in codes(check(reference(container=cited), resolved(renamed))[0])
    assert "container-mismatch" in codes(check(reference(container="Arch Dermatol"), resolved(renamed))[0])


def test_a_transliterated_russian_journal_name_is_not_compared_with_an_english_one():
    english = work(container_title=["The Journal of Social Policy Studies"], ISSN=[])
    cited = reference(container="Zhurnal issledovanii sotsial'noi politiki")
    assert "container-mismatch" not in codes(check(cited, resolved(english))[0])
    # an English journal name is still compared
    assert "container-mismatch" in codes(check(reference(container="Journal of Social History"),
                                               resolved(english))[0])


def test_a_chicago_review_note_is_no_title_mismatch_with_the_reviewed_books_title():
    book = work(title=["Urban Planning and Civic Order in Germany, 1860-1914"])
    cited = reference(title="review of Urban Planning and Civic Order in Germany, 1860-1914, by Brian Ladd")
    assert "title-mismatch" not in codes(check(cited, resolved(book))[0])
    other = reference(title="review of Town Planning in Imperial Russia, by Brian Ladd")
    assert "title-mismatch" in codes(check(other, resolved(book))[0])


@pytest.mark.parametrize("cited, registry", [
    # the journal's fuller name
    ("Proceedings of the National Academy of Sciences of the United States of America",
     "Proceedings of the National Academy of Sciences"),
    # a book's subtitle the registry leaves out
    ("Tcl/Tk: A Developer's Guide", "Tcl/Tk"),
    # the registry names the publisher's platform, not the chapter's book
    ("The Oxford Handbook of Buddhist Ethics", "Oxford Handbooks Online"),
])
def test_container_names_that_are_the_same_or_cannot_be_compared(cited, registry):
    other = work(container_title=[registry], ISSN=[])
    assert "container-mismatch" not in codes(check(reference(container=cited), resolved(other))[0])


def test_a_journal_named_by_another_journals_name_plus_words_is_still_a_mismatch():
    other = work(container_title=["Proceedings of the National Academy of Sciences"], ISSN=[])
    assert "container-mismatch" in codes(check(reference(container="Proceedings of the Royal Society of London"),
                                               resolved(other))[0])


def test_an_article_number_is_no_first_page_against_a_registry_range_from_one():
    """Scientific Reports' "9, 1823836" where Crossref paginates the PDF "1-11"."""
    from verify_refs.checks.registry import _pages
    from verify_refs.models import PageRange, Reference, RegistryWork, Span
    cited = Reference(id="a", span=Span("a.txt", 1, 1), text="x", pages=PageRange("1823836", None, "1823836"))
    assert _pages(cited, RegistryWork(doi="10.1/x", page="1-11")) is None
    assert _pages(cited, RegistryWork(doi="10.1/x", page="45-60")) is not None


def test_a_pinpoint_outside_a_one_page_work_that_reference_and_registry_both_give():
    one_page = replace(reference(pages=("407", None, "407")), text="Coox, A. D. (1968). Title. Soviet Studies, 19(3), p. 407.")
    findings, _ = check(one_page, resolved(work(page="407")), short_cites=[short_cite("411")])
    finding = only(findings, "page-out-of-range")
    assert finding.message == f"page 411 cited, the work is page 407 alone, as cited and in the registry ({COOX_DOI})"
    # the page itself is fine
    assert check(one_page, resolved(work(page="407")), short_cites=[short_cite("407")])[0] == []


def test_a_first_page_alone_is_no_one_page_work():
    # Nature's style gives the first page only, and so may the registry: nothing shows the work ends there
    first_only = replace(reference(pages=("407", None, "407")), text="Coox, A. D. Soviet Studies 19, 407 (1968).")
    assert codes(check(first_only, resolved(work(page="407")), short_cites=[short_cite("411")])[0]) == []
    # nor does "p. 407" when the registry gives the range
    said_one = replace(reference(pages=("407", None, "407")), text="Coox, A. D. (1968). Soviet Studies, 19(3), p. 407.")
    assert "page-out-of-range" not in codes(check(said_one, resolved(work(page="405-420")),
                                                  short_cites=[short_cite("411")])[0])


def test_a_registry_subtitle_that_repeats_the_title_is_not_quoted():
    junk = work(title=["Speaking Industrial Ecology"], subtitle=["Lifset\n, Speaking Industrial Ecology"])
    finding = only(check(reference(title="Teaching Industrial Ecology"), resolved(junk))[0], "title-mismatch")
    assert 'registry has "Speaking Industrial Ecology" (' in finding.message


# --- severities: what the checks give is what the codes registry says ------------------


def _severity_cases():
    """One case for each severity a code can have (``codes.Code.when``)."""
    no_match = Resolution("doc.md:3:1", Outcome.NO_MATCH, via="search")
    yield check(reference(year=1969))[0]
    yield check(reference(year=1972))[0]
    yield check(reference(authors=(("Alexander", "Berkman"),)),
                resolved(work(author=[{"family": "Berkman", "given": "Alexander"}])))[0]
    yield check(reference(authors=(("Hiroaki", "Kuromiya"),)))[0]
    yield check(reference(volume="20"))[0]
    yield check(reference(pages=("405", "421", "405-21")))[0]
    yield check(reference(pages=("406", "420", "406-20")))[0]
    yield check(reference(doi=None), no_match)[0]
    yield check(reference(doi=None, kind=ReferenceKind.BOOK), no_match)[0]
    yield check(reference(), resolved(work(updated_by=[{"type": "retraction", "DOI": "10.1080/r"}])))[0]
    yield check(reference(), resolved(work(update_to=[{"type": "retraction", "DOI": "10.1080/o"}])))[0]


def test_the_severities_the_checks_give_are_those_the_codes_declare():
    from verify_refs.codes import CODES

    given = {(f.code, f.severity) for findings in _severity_cases() for f in findings}
    cased = {code for code, _ in given}
    declared = {(code, severity) for code in cased for severity in CODES[code].severities}
    assert given == declared
    assert {c for c, entry in CODES.items() if entry.when} <= cased  # every two-severity code tried


def test_a_registry_title_with_replacement_characters_is_the_cited_title_whole():
    from verify_refs.checks.registry import _same_but_garbled
    registry = "Contr\ufffdle et mod\ufffdle g\ufffdn\ufffdtique de min\ufffdralisations"
    assert _same_but_garbled("Contrôle et modèle génétique de minéralisations", registry)
    assert not _same_but_garbled("Contrôle et modèle physique de minéralisations", registry)
