"""Which registry work is a reference? ``score``/``best_match``/``describes_same_work``.

Fixtures are composed here: ``Reference`` records built directly, and ``RegistryWork``
records parsed with ``work_from_json`` from dicts shaped like Crossref's work records.
"""

from __future__ import annotations

import copy
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verify_refs.models import (Identifier, IdScheme, Outcome, PageRange, Person, Reference,
                                ReferenceKind, Span)
from verify_refs.resolve import matching
from verify_refs.resolve.matching import (ACCEPT, AuthorAgreement, best_match,
                                          describes_same_work, page_bounds, score, title_similarity)
from verify_refs.extract.references import parse_reference
from verify_refs.extract.source import SourceText
from verify_refs.resolve.records import work_from_json

from crossref_records import COOX_DOI, COOX_RECORD as COOX


def record(**changes: object) -> dict:
    """The Coox record with some keys replaced (None removes a key)."""
    data = copy.deepcopy(COOX)
    for key, value in changes.items():
        key = key.replace("_", "-")
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def work(**changes: object):
    return work_from_json(record(**changes))


def reference(*, authors=(("Coox", "Alvin D."),), year=1968,
              title="L'Affaire Lyushkov: Anatomy of a Defector", container="Soviet Studies",
              volume="19", issue="3", pages=("405", "420", "405-20"), doi=None,
              translated_title=None, kind=ReferenceKind.ARTICLE, text=None) -> Reference:
    """A parsed reference; its text is written from the fields (Wikipedia style)."""
    people = tuple(Person(f, g) for f, g in authors)
    page_range = PageRange(*pages) if pages else None
    span = Span("doc.md", 3, 1)
    if text is None:
        names = "; ".join(p.display() for p in people)
        text = (f'{names} ({year}). "{title}". {container}. {volume} ({issue}): '
                f'{page_range.raw if page_range else ""}.')
    ids = (Identifier(IdScheme.DOI, doi, doi, span),) if doi else ()
    return Reference(id="doc.md:3:1", span=span, text=text, kind=kind, authors=people,
                     year=year, title=title, translated_title=translated_title,
                     container=container, volume=volume, issue=issue, pages=page_range,
                     identifiers=ids)


# --- resolving: the Coox example and style variants ------------------------------


def test_coox_resolves_with_high_confidence():
    decision = best_match(reference(), [work()])
    assert decision.outcome is Outcome.RESOLVED
    assert decision.work is not None and decision.work.doi == COOX_DOI
    assert ACCEPT <= decision.confidence <= 1.0


def test_confidence_ignores_crossrefs_raw_score():
    low, high = work(score=0.1), work(score=250.0)
    assert best_match(reference(), [low]).confidence == best_match(reference(), [high]).confidence


@pytest.mark.parametrize("variant", [
    {"container": "Sov. Stud."},  # ISO 4 abbreviation
    {"title": "L'Affaire Lyushkov"},  # subtitle dropped
    {"title": "L'AFFAIRE LYUSHKOV: ANATOMY OF A DEFECTOR"},  # case
    {"title": "L’Affaire Lyushkov — anatomy of a defector"},  # curly apostrophe, dash
    {"pages": ("405", "420", "405–420")},
    {"volume": "XIX"},
    {"issue": "3-4"},
    {"authors": (("Alvin D.", "Coox"),)},  # names swapped by the citer
    {"year": 1969},  # one year off: print vs online
])
def test_style_variants_still_resolve(variant):
    decision = best_match(reference(**variant), [work()])
    assert decision.outcome is Outcome.RESOLVED, variant


def test_cyrillic_title_matches_transliteration():
    cyrillic = work(title=["Бегство Люшкова"], author=[{"family": "Кузнецов", "given": "И."}],
                    **{"container_title": ["Вопросы истории"]})
    cited = reference(authors=(("Kuznetsov", "I."),), title="Begstvo Liushkova",
                      container="Voprosy istorii")
    assert best_match(cited, [cyrillic]).outcome is Outcome.RESOLVED
    assert score(cited, cyrillic).author is AuthorAgreement.MATCH


def test_bracketed_translation_is_ignored_and_may_match():
    russian = work(title=["Polet veka"])
    cited = reference(title="Polet veka [Flight of the Century]")
    assert score(cited, russian).title == pytest.approx(1.0)
    english = work(title=["Flight of the Century"])
    cited = reference(title="Polet veka", translated_title="Flight of the Century")
    assert score(cited, english).title == pytest.approx(1.0)


def test_markup_in_registry_title_is_ignored():
    marked = work(title=["L'Affaire <i>Lyushkov</i>: Anatomy of a Defector"])
    assert score(reference(), marked).title == pytest.approx(1.0)


def test_reference_without_title_resolves_on_author_year_volume_page():
    cited = reference(title=None, text="A. D. Coox, Sov. Stud. 19, 405 (1968).")
    assert best_match(cited, [work()]).outcome is Outcome.RESOLVED
    bare = reference(title=None, volume=None, pages=None, text="A. D. Coox, Sov. Stud. (1968).")
    assert best_match(bare, [work()]).outcome is Outcome.NO_MATCH


def test_title_found_in_text_rescues_a_misparsed_title():
    text = ("Coox, A.D. (1968) 'L'Affaire Lyushkov: Anatomy of a Defector', Soviet Studies, "
            "19(3), pp. 405-420.")
    cited = reference(title="Coox, A.D", text=text)
    assert best_match(cited, [work()]).outcome is Outcome.RESOLVED


# --- near-duplicates must not be confused ----------------------------------------


def reprint():
    return work(DOI="10.1080/reprint", issued={"date-parts": [[1975]]}, volume="26",
                page="1-16")


def test_same_title_another_year_is_not_a_match():
    decision = best_match(reference(), [reprint()])
    assert decision.outcome is Outcome.NO_MATCH
    assert decision.work is None
    assert [w.doi for w in decision.candidates] == ["10.1080/reprint"]  # shown as a near miss


def test_the_right_year_wins_over_a_reprint():
    decision = best_match(reference(), [reprint(), work()])
    assert decision.outcome is Outcome.RESOLVED and decision.work.doi == COOX_DOI


@pytest.mark.parametrize("title", ["Reply to: L'Affaire Lyushkov: Anatomy of a Defector",
                                   "Erratum: L'Affaire Lyushkov: Anatomy of a Defector",
                                   "Comment on L'Affaire Lyushkov: Anatomy of a Defector"])
def test_a_notice_about_the_work_is_not_the_work(title):
    notice = work(DOI="10.1080/notice", title=[title], page="611")
    decision = best_match(reference(pages=None), [notice])
    assert decision.outcome is Outcome.NO_MATCH


def test_same_author_another_paper_is_not_a_match():
    other = work(DOI="10.1080/other", title=["The Japanese Army and the Nomonhan Incident"],
                 page="101-130")
    assert best_match(reference(), [other]).outcome is Outcome.NO_MATCH


def test_same_title_other_author_is_not_a_match():
    namesake = work(DOI="10.1080/namesake", author=[{"family": "Hiroaki", "given": "K."}],
                    page="500-503")
    assert best_match(reference(), [namesake]).outcome is Outcome.NO_MATCH
    decision = best_match(reference(), [namesake, work()])
    assert decision.outcome is Outcome.RESOLVED and decision.work.doi == COOX_DOI


def test_wrong_first_author_on_an_exactly_placed_work_still_resolves():
    # title, year, journal, volume and first page all agree: the author is what is wrong
    cited = reference(authors=(("Hiroaki", "K."),), issue=None, text=(
        "Hiroaki, K. (1968). \"L'Affaire Lyushkov: Anatomy of a Defector\". Soviet Studies. "
        "19: 405-20."))
    decision = best_match(cited, [work()])
    assert decision.outcome is Outcome.RESOLVED and decision.work.doi == COOX_DOI
    assert score(cited, work()).author is AuthorAgreement.DIFFERENT
    # without the page, or another year, the other author still counts against it
    assert best_match(replace(cited, pages=None), [work()]).outcome is Outcome.NO_MATCH
    assert best_match(replace(cited, year=1969), [work()]).outcome is Outcome.NO_MATCH


def test_a_notes_pinpoint_inside_the_range_places_the_work():
    # a Chicago first note cites a page, not the range: "Soviet Studies 19, no. 3 (1963): 407."
    note = replace(reference(year=1963, pages=None), pinpoints=("407",))
    assert score(note, work()).pinpoint_inside is True
    decision = best_match(note, [work()])
    assert decision.outcome is Outcome.RESOLVED  # then year-mismatch says 1963 is wrong
    wrong_author = replace(reference(authors=(("Hiroaki", "K."),), year=1968, pages=None),
                           pinpoints=("407",), text="Hiroaki, K. \"L'Affaire Lyushkov: Anatomy "
                                                    "of a Defector,\" Soviet Studies 19 (1968): 407.")
    assert best_match(wrong_author, [work()]).outcome is Outcome.RESOLVED
    outside = replace(note, pinpoints=("999",))
    assert score(outside, work()).pinpoint_inside is None
    assert best_match(outside, [work()]).outcome is Outcome.NO_MATCH


def test_a_wrong_year_on_an_exactly_placed_work_still_resolves():
    # Same title, author, journal, volume and pages, cited five years off and without an
    # issue to add evidence: a wrong year (year-mismatch will say so), not another work.
    cited = reference(year=1963, issue=None)
    evidence = score(cited, work())
    assert evidence.year_gap == 5 and evidence.placed_but_for_year
    decision = best_match(cited, [work()])
    assert decision.outcome is Outcome.RESOLVED and decision.work.doi == COOX_DOI
    # a Chicago note's pinpoint inside the pages places it as the range does
    note = replace(cited, pages=None, pinpoints=("410",))
    assert best_match(note, [work()]).outcome is Outcome.RESOLVED
    # without the volume, or by another author, the year counts against it again
    assert best_match(replace(cited, volume=None), [work()]).outcome is Outcome.NO_MATCH
    other_author = reference(year=1963, issue=None, authors=(("Hiroaki", "K."),))
    assert not score(other_author, work()).placed_but_for_year
    assert best_match(other_author, [work()]).outcome is Outcome.NO_MATCH
    # and a reprint (another year, volume and pages) is still no match for the 1968 citation
    assert best_match(reference(issue=None), [reprint()]).outcome is Outcome.NO_MATCH


def test_a_garbled_title_on_an_exactly_placed_work_still_resolves():
    # Same author, year, journal, volume and first page; two words of the title wrong
    # (similarity 0.81, under the 0.85 that counts as the same title): a wrong title.
    cited = reference(title="L'Affaire Lyushkov: Autopsy of a Traitor", issue=None)
    evidence = score(cited, work())
    assert evidence.title < matching.TITLE_AGREES and evidence.placed_but_for_title
    decision = best_match(cited, [work()])
    assert decision.outcome is Outcome.RESOLVED and decision.work.doi == COOX_DOI
    # without the first page, or in another year, the title still counts against it
    assert best_match(replace(cited, pages=None), [work()]).outcome is Outcome.NO_MATCH
    assert best_match(replace(cited, year=1969), [work()]).outcome is Outcome.NO_MATCH


def test_a_garbled_title_on_a_work_placed_by_a_notes_page_or_a_chapters_book_still_resolves():
    # A Chicago note's page inside the range, in the same journal, volume and issue, places
    # the work as its first page does; so does a chapter's book and first page (no volume).
    cited = replace(reference(title="L'Affaire Lyushkov: Autopsy of a Traitor", pages=None), pinpoints=("407",))
    assert score(cited, work()).placed_but_for_title
    assert best_match(cited, [work()]).outcome is Outcome.RESOLVED
    assert best_match(replace(cited, issue="4"), [work()]).outcome is Outcome.NO_MATCH  # another issue
    chapter = work(type="book-chapter", volume=None, issue=None, **{"container-title": ["Defectors and Spies"]})
    def in_book(container: str) -> Reference:
        return reference(title="L'Affaire Lyushkov: Autopsy of a Traitor", container=container,
                         volume=None, issue=None, kind=ReferenceKind.CHAPTER)

    assert score(in_book("Defectors and Spies"), chapter).placed_but_for_title
    assert best_match(in_book("Defectors and Spies"), [chapter]).outcome is Outcome.RESOLVED
    assert best_match(in_book("Other Essays"), [chapter]).outcome is Outcome.NO_MATCH


def test_a_book_whose_series_is_cited_as_its_publisher_is_placed_but_for_year():
    # "Chicoutimi: Les Classiques des sciences sociales, 2002." for a 2005 monograph that the
    # registry files under the series "Classiques des sciences sociales." and publisher J.-M.
    # Tremblay: the series names the imprint, so a year three off is a wrong year.
    book = work(type="monograph", title=["Pluralisme paradigmatique en sociologie de l'education"],
                author=[{"given": "Alain", "family": "Massot", "sequence": "first"}],
                issued={"date-parts": [[2005]]}, volume=None, issue=None, page=None,
                publisher="J.-M. Tremblay", **{"container-title": ["Classiques des sciences sociales."]})
    cited = reference(authors=(("Massot", "Alain"),), year=2002, title="Pluralisme paradigmatique en "
                      "sociologie de l'education", container=None, volume=None, issue=None, pages=None,
                      kind=ReferenceKind.BOOK)
    assert best_match(replace(cited, publisher="Les Classiques des sciences sociales"),
                      [book]).outcome is Outcome.RESOLVED
    assert best_match(replace(cited, publisher="Gallimard"), [book]).outcome is Outcome.NO_MATCH


def test_a_paper_beside_it_in_the_same_issue_is_another_work():
    # Byrne's "Comparisons of memories ..." cited with the DOI of Berntsen's "Involuntary
    # memories ..." (both Applied Cognitive Psychology 15(7), 2001): titles half alike, another
    # first author, other pages; the DOI names another work (doi-mismatch), not three faults.
    berntsen = work(title=["Involuntary memories of emotional events: do memories of traumas and extremely "
                           "happy events differ?"], author=[{"given": "Dorthe", "family": "Berntsen"}],
                    page="S135-S158")
    byrne = reference(authors=(("Byrne", "C. A."),), title="Comparisons of memories for traumatic events "
                      "and other experiences", pages=("S119", "S133", "S119-S133"))
    assert not matching.describes_same_work(byrne, berntsen)
    # one fault alone (the author, or the pages) leaves it the work cited
    assert matching.describes_same_work(replace(byrne, title=berntsen.title), berntsen)


def test_periodicals_of_one_society_differ_in_their_kind_word():
    journal = work(**{"container-title": ["Journal of the Association for Information Science and Technology"],
                      "short-container-title": None, "ISSN": None})
    bulletin = reference(container="Bulletin of the Association for Information Science and Technology")
    assert matching.same_container(bulletin, journal) is False
    same = reference(container="Journal of the Association for Information Science and Technology")
    assert matching.same_container(same, journal) is True
    jama = work(**{"container-title": ["JAMA: The Journal of the American Medical Association"],
                   "short-container-title": None, "ISSN": None})
    assert matching.same_container(reference(container="JAMA"), jama) is True  # the acronym before the subtitle


def test_a_chicago_notes_pages_inside_an_articles_range_are_the_pages_it_cites():
    # "2 (2015): 112-15." of an article at 109-54 in a note: pages drawn on, not the range
    note = replace(reference(pages=("407", "411", "407-11")), note_label="4",
                   text="Alvin D. Coox, \"L'Affaire Lyushkov,\" Soviet Studies 19, no. 3 (1968): 407-11.")
    assert matching.pages_cited_within(note, "405-420")
    assert not matching.pages_cited_within(replace(note, note_label=None), "405-420")  # a bibliography's range
    assert not matching.pages_cited_within(note, "407-420")  # the same first page: a range cut short
    vancouver = replace(note, text="Coox AD. L'Affaire Lyushkov. Sov Stud. 1968;19(3):407-11.")
    assert not matching.pages_cited_within(vancouver, "405-420")


def test_a_universitaetsverlag_is_a_university_press():
    assert matching.same_publisher("Universit\u00e4tsverlag G\u00f6ttingen", "G\u00f6ttingen University Press")
    assert matching.same_publisher("Universit\u00e4tsverlag G\u00f6ttingen", "Springer") is None


@pytest.mark.parametrize("cited, registry", [
    ("OUP", "Oxford University Press"), ("CUP", "Cambridge University Press"),
    ("PUF", "Presses universitaires de France"), ("USGS", "US Geological Survey"),
    ("U.S. Geological Survey", "US Geological Survey"),
])
def test_a_publisher_cited_by_its_acronym_or_dotted_capitals_is_the_same(cited, registry):
    assert matching.same_publisher(cited, registry) is True
    assert matching.same_publisher(registry, cited) is True


@pytest.mark.parametrize("cited, registry", [
    ("OUP", "Cambridge University Press"), ("Oxford", "Elsevier"),
    ("USA", "US Geological Survey"), ("Penguin", "PUF"),
])
def test_another_publishers_acronym_is_not_the_same(cited, registry):
    assert matching.same_publisher(cited, registry) is None


def test_an_organisation_author_is_the_publisher_of_a_work_the_registry_credits_to_no_one():
    # "U.S. Geological Survey (1973) Map showing ..." for a report with no author, published
    # by the Survey: the organisation is evidence, as a publisher is
    map_record = work(type="report", author=None, publisher="US Geological Survey",
                      title=["Map showing areas of estimated relative amounts of landslides in California"],
                      container_title=None, volume=None, issue=None, page=None, issued={"date-parts": [[1973]]})
    cited = replace(reference(authors=(("U.S. Geological Survey", ""),), year=1973,
                              title="Map showing areas of estimated relative amounts of landslides in California",
                              container=None, volume=None, issue=None, pages=None, kind=ReferenceKind.BOOK),
                    publisher="USGS", place="Reston, VA")
    evidence = matching.score(cited, map_record)
    assert evidence.publisher is True
    assert best_match(cited, [map_record]).outcome is Outcome.RESOLVED
    # a person as author is no publisher
    person = replace(cited, authors=(Person("Radbruch", "Dorothy H."),), publisher=None)
    assert matching.score(person, map_record).publisher is None


def test_another_item_on_the_same_page_by_the_same_author_is_not_the_work():
    # JAMA prints several news briefs by one author on one page: "New FDA Head" and
    # "Diagnosing Ovarian Cancer" are both Hampton, JAMA 295(16): 1889 (2006).
    brief = work(DOI="10.1001/jama.295.16.1889-a", title=["Diagnosing Ovarian Cancer"])
    cited = reference(title="New FDA Head", issue=None)
    assert not score(cited, brief).placed_but_for_title
    assert best_match(cited, [brief]).outcome is Outcome.NO_MATCH


def test_numbered_parts_of_a_series_are_different_works():
    part1 = work(DOI="10.1/p1", title=["Seismic toughness of steel beams: Phase 1 tests"])
    part2 = work(DOI="10.1/p2", title=["Seismic toughness of steel beams: Phase 2 tests"])
    cited = reference(title="Seismic toughness of steel beams: Phase 1 tests", pages=None)
    decision = best_match(cited, [part2, part1])
    assert decision.outcome is Outcome.RESOLVED and decision.work.doi == "10.1/p1"
    assert best_match(cited, [part2]).outcome is Outcome.NO_MATCH


def test_two_equally_good_records_are_ambiguous():
    # the citation gives no pages, and the two records differ only there
    twin = work(DOI="10.1080/duplicate", page="505-520")
    decision = best_match(reference(pages=None), [work(), twin])
    assert decision.outcome is Outcome.AMBIGUOUS
    assert decision.work is None
    assert {w.doi for w in decision.candidates} == {COOX_DOI, "10.1080/duplicate"}


def test_one_work_the_registry_holds_twice_is_no_ambiguity():
    # the same proceedings paper under two DOIs: every field the same, either is the work
    twin = work(DOI="10.1080/duplicate")
    decision = best_match(reference(), [work(), twin])
    assert decision.outcome is Outcome.RESOLVED and decision.work.doi in {COOX_DOI, "10.1080/duplicate"}


def test_a_compound_family_name_split_in_two_is_no_initials_conflict():
    # "Reever Morghan, K. J." read as Morghan, Reever; the registry has Morghan, K. J. Reever
    assert not matching._initials_differ("Reever", "K. J. Reever")
    assert matching._initials_differ("Lei", "K. J. Reever")  # another given name still differs
    assert matching._initials_differ("Lei", "Hongwei")


def test_no_candidates_is_no_match():
    decision = best_match(reference(), [])
    assert decision.outcome is Outcome.NO_MATCH and decision.candidates == ()


# --- describes_same_work (doi-mismatch evidence) -----------------------------------


def unrelated():
    return work(DOI="10.1016/unrelated", title=["Protein folding in yeast mitochondria"],
                author=[{"family": "Smith", "given": "J."}], issued={"date-parts": [[2004]]},
                **{"container_title": ["Cell"]})


def test_describes_same_work_true_for_the_cited_work():
    assert describes_same_work(reference(doi=COOX_DOI), work())


def test_describes_same_work_false_for_an_unrelated_work():
    assert not describes_same_work(reference(doi="10.1016/unrelated"), unrelated())


def test_describes_same_work_needs_more_than_a_different_title():
    retitled = work(title=["Protein folding in yeast mitochondria"])  # author, year agree
    assert describes_same_work(reference(), retitled)


def test_describes_same_work_missing_fields_never_count():
    bare = reference(authors=(), year=None, container=None, title=None, text="Cell 19, 405.")
    assert describes_same_work(bare, unrelated())
    undated = reference(year=None, container=None, title=None, authors=(("Coox", ""),))
    assert describes_same_work(undated, unrelated())  # the author differs, nothing else known


def test_describes_same_work_anonymous_reference_to_an_authored_work():
    """No author cited and none of the work's authors named: with a very different title,
    that is evidence enough (a DOI pasted from another paper)."""
    anonymous = reference(authors=(), year=None, container=None, title="Annals journal club",
                          text='"Annals journal club". doi:10.1016/unrelated')
    assert not describes_same_work(anonymous, unrelated())


# --- helpers --------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("405-420", ("405", "420")), ("405–20", ("405", "420")), ("13,771-13,794", ("13771", "13794")),
    ("S19-S23", ("S19", "S23")), ("e33693", ("e33693", None)), ("n/a-n/a", None), (None, None),
])
def test_page_bounds(text, expected):
    assert page_bounds(text) == expected


def test_abbreviations_and_initialisms():
    assert matching.is_abbreviation("J. Biol. Chem.", "Journal of Biological Chemistry")
    assert matching.is_abbreviation("Proc. Natl. Acad. Sci.", "Proceedings of the National Academy of Sciences")
    assert matching.is_abbreviation("JAMA", "Journal of the American Medical Association")
    assert not matching.is_abbreviation("J. Chem.", "Journal of Biological Chemistry")


def test_volumes_issues_and_surnames():
    assert matching.same_volume("XIX", "19") is True
    assert matching.same_volume("20", "19") is False
    assert matching.same_volume("Spring", "19") is None
    assert matching.same_issue("3", "3-4") is True
    assert matching.same_issue("5", "3-4") is False
    assert matching.same_issue("Suppl 1", "2") is None
    assert matching.same_surname("Trotskii", "Trotsky")
    assert matching.same_surname("Pimenta", "Farias da Fonseca Pimenta")
    assert matching.same_surname("Anese", "Dall'Anese")  # IEEE's "E. Dall Anese"
    assert matching.same_surname("OBrien", "O\u2019Brien")
    assert not matching.same_surname("Coox", "Hiroaki")
    assert not matching.same_surname("Anese", "Dall'Amico")


@given(st.text(max_size=60))
def test_normalise_text_is_idempotent(text):
    once = matching.normalise_text(text)
    assert matching.normalise_text(once) == once


@given(st.integers(100, 99_000), st.integers(0, 900))
def test_elided_page_ranges_expand_back(first, length):
    last = first + length
    digits = len(str(last)) - 2 if len(str(first)) == len(str(last)) else 0
    elided = str(last)[digits:] if digits > 0 and str(first)[:digits] == str(last)[:digits] else str(last)
    assert page_bounds(f"{first}–{elided}") == (str(first), str(last))


def test_a_subtitle_dropped_at_a_later_break_is_the_same_title():
    # "n. g." is no subtitle break; the colon inside the brackets is where the author cut
    registry = ("Neopsilotrema n. g. (Digenea: Psilostomidae) and three new species from ducks "
                "(Anseriformes: Anatidae) in North America and Europe")
    assert title_similarity("Neopsilotrema n. g. (Digenea", registry) == 1.0
    assert title_similarity("Neopsilotrema n. g. (Digenea: Psilostomidae)", registry) < 0.9  # not a break


def test_wrong_pages_on_an_otherwise_placed_work_still_resolve():
    # Same title, author, year, journal, volume and issue; the pages mistyped: wrong pages
    # (pages-mismatch will say so), not another work.
    cited = reference(pages=("450", "465", "450-65"))
    evidence = score(cited, work())
    assert evidence.first_page is False and evidence.placed_but_for_pages
    decision = best_match(cited, [work()])
    assert decision.outcome is Outcome.RESOLVED and decision.work.doi == COOX_DOI
    # another year, or another issue, and the pages count against it again
    assert not score(replace(cited, year=1969), work()).placed_but_for_pages
    assert not score(replace(cited, issue="4"), work()).placed_but_for_pages


def test_the_print_year_counts_as_the_registrys_year():
    printed_later = work(issued={"date-parts": [[1967, 12]]}, published_print={"date-parts": [[1968, 1]]})
    assert matching.year_gap(reference(), printed_later) == 0
    assert matching.year_gap(reference(year=1966), printed_later) == 1


def test_a_vancouver_issue_year_counts_as_cited():
    # a book review: the reviewed book's year comes first, the review's own before its volume
    review = reference(year=1997, text="Hacquebord L. Ecology of Arctic environments, Oxford 1997 "
                                        "(286pp). Soviet Studies. 1968;19(3):405-20.")
    assert matching.year_gap(review, work()) == 0
    assert matching.year_gap(replace(review, text="Hacquebord L. Oxford 1997."), work()) == 29


def test_front_and_back_matter_are_different_pages():
    assert matching.same_first_page("b1-b2", "f1-f2") is False
    assert matching.same_first_page("e33693", "33693") is True  # one side without the letter


def test_a_cited_isbn_among_the_works_places_a_book_with_a_short_title():
    book = work(type="book", title=["Shakespeare and Ecology"], container_title=None, volume=None,
                issue=None, page=None, ISBN=["9780199567027", "9780191917851"],
                author=[{"family": "Martin", "given": "Randall"}], issued={"date-parts": [[2015, 9]]})
    text = ("Martin, Randall (2015). Shakespeare and Ecology. Oxford: Oxford University Press. "
            "ISBN 978-0-19-956702-7.")
    span = Span("doc.md", 3, 1)
    cited = Reference(id="doc.md:3:1", span=span, text=text, kind=ReferenceKind.BOOK,
                      authors=(Person("Martin", "Randall"),), year=2015, title="Shakespeare and Ecology",
                      identifiers=(Identifier(IdScheme.ISBN, "9780199567027", "978-0-19-956702-7", span),))
    assert score(cited, book).isbn is True
    assert best_match(cited, [book]).outcome is Outcome.RESOLVED
    # the ISBN-10 of the same book counts the same; without an ISBN the short title is not enough
    ten = replace(cited, identifiers=(Identifier(IdScheme.ISBN, "0199567026", "0-19-956702-6", span),))
    assert score(ten, book).isbn is True
    assert best_match(replace(cited, identifiers=()), [book]).outcome is Outcome.NO_MATCH
    # another book's ISBN proves nothing either way
    other = replace(cited, identifiers=(Identifier(IdScheme.ISBN, "9780394446455", "978-0-394-44645-5", span),))
    assert score(other, book).isbn is None


def test_a_short_book_title_is_placed_by_author_year_and_the_same_publisher():
    """"Shakespeare and Ecology" alone is too short to place a book; with the same first
    author, year and publisher ("Oxford UP" for "Oxford University Press") it is placed."""
    book = work(type="book", title=["Shakespeare and Ecology"], author=[{"given": "Randall", "family": "Martin",
                "sequence": "first"}], container_title=None, volume=None, issue=None, page=None, ISSN=None,
                issued={"date-parts": [[2015, 9, 17]]}, publisher="Oxford University Press")
    base = dict(authors=(("Martin", "Randall"),), year=2015, title="Shakespeare and Ecology", container=None,
                volume=None, issue=None, pages=None, kind=ReferenceKind.BOOK)
    with_publisher = replace(reference(**base), publisher="Oxford UP")
    assert best_match(with_publisher, [book]).outcome is Outcome.RESOLVED
    assert best_match(reference(**base), [book]).outcome is not Outcome.RESOLVED  # title, author, year only
    elsewhere = replace(reference(**base), publisher="Routledge")  # never held against it either
    assert best_match(elsewhere, [book]).confidence == best_match(reference(**base), [book]).confidence


@pytest.mark.parametrize("registry_title, reviewer, year, cited_title, other_title", [
    # Chicago's "review of BOOK, by AUTHOR": the registry often holds the review under BOOK
    ("Ssu-Ma Ch'ien: Grand Historian of China", ("Hummel", "Arthur W."), 1958,
     "review of Ssu-ma Ch'ien: Grand Historian of China, by Burton Watson",
     "review of The Yellow River, by Burton Watson"),
    # 'compte rendu de AUTHOR, BOOK', where the registry titles the review "BOOK by AUTHOR"
    ("Le revolver de Lacan by Jean-François Rouzières", ("Sourieau", "Marie-Agnès"), 2012,
     "compte rendu de Jean-François Rouzières, Le revolver de Lacan",
     "compte rendu de Jean-François Rouzières, La chute de Lacan"),
    # MLA's "Review of BOOK, by AUTHOR", where the registry titles it "Book Review: BOOK"
    ("Book Review: C.S. Lewis: Mere Christian", ("Poe", "Harry L."), 1991,
     "Review of C. S. Lewis: Mere Christian, by Kathryn Lindskoog",
     "Review of C. S. Lewis: A Biography, by Kathryn Lindskoog"),
])
def test_a_review_note_matches_the_reviewed_books_record(registry_title, reviewer, year, cited_title, other_title):
    review = work(title=[registry_title], author=[{"given": reviewer[1], "family": reviewer[0], "sequence": "first"}],
                  issued={"date-parts": [[year]]})
    cited = reference(authors=(reviewer,), year=year, title=cited_title)
    from verify_refs.resolve.matching import TITLE_AGREES, cited_title_similarity as similarity
    assert similarity(cited, review) >= TITLE_AGREES
    assert similarity(replace(cited, title=other_title), review) < TITLE_AGREES


def test_a_review_cited_as_book_by_author_matches_the_books_record_that_lists_the_author():
    """CS1 copies JSTOR's review title, "BOOK by AUTHOR", where the registry holds BOOK and
    lists AUTHOR among the review's people: the book's title is compared. A "by" name that
    is none of the work's people keeps the whole title (another work, or a wrong title)."""
    review = work(title=["Les La Verendrye et le Poste de l'Ouest"], author=[
        {"given": "W. J.", "family": "Eccles", "sequence": "first"},
        {"given": "Antoine", "family": "Champagne", "sequence": "additional"}])
    cited = reference(authors=(("Eccles", "W. J."),),
                      title="Les La Verendrye et le Poste de l'Ouest by Antoine Champagne")
    from verify_refs.resolve.matching import TITLE_AGREES, cited_title_similarity as similarity
    assert similarity(cited, review) >= TITLE_AGREES
    stranger = replace(cited, title="Les La Verendrye et le Poste de l'Ouest by Marcel Trudel")
    assert similarity(stranger, review) < TITLE_AGREES


def test_a_pinpoint_that_is_a_one_page_works_page_places_it():
    """Chicago's "Endeavour 23, no. 1 (1989): 41." for a one-page work: the page is the work's,
    so with title, author, journal and volume the same, a year ten off is a wrong year."""
    one_page = work(page="41", volume="23", issue="1", container_title=["Endeavour"], issued={"date-parts": [[1999]]})
    cited = replace(reference(year=1989, container="Endeavour", volume="23", issue="1", pages=None),
                    pinpoints=("41",))
    evidence = score(cited, one_page)
    assert evidence.pinpoint_inside is True and evidence.placed_but_for_year
    assert score(replace(cited, pinpoints=("45",)), one_page).pinpoint_inside is None


def test_a_registry_title_opening_with_a_parts_roman_number():
    assert title_similarity("Analyser af svenska dioriter", "III. Analyser af Svenska dioriter") == 1.0


def test_two_proceedings_names_are_not_told_apart_by_name():
    proceedings = work(container_title=["Proceedings of the Second (2015) ACM Conference on Learning @ Scale - L@S '15"],
                       ISSN=None)
    cited = reference(container="Proc. 2nd ACM Conf. Learning @ Scale (L@S '15), Vancouver, BC, Canada")
    assert matching.same_container(cited, proceedings) is None
    assert matching.same_container(replace(cited, container="Slavic Review"), proceedings) is False


def test_a_roman_volume_is_the_registrys_arabic_one():
    assert matching.volume_number("LXXV") == 75
    assert matching.same_volume("XXII", "22") is True
    assert matching.same_volume("XXII", "23") is False


def test_a_very_different_title_in_another_volume_and_pages_is_another_work():
    """Same first author, journal and year, but no title word in common and another volume and
    pages: the DOI names another paper of the author's (doi-mismatch), not this one misdescribed."""
    other = work(title=["Limits to ecological forecasting"], volume="14", page="785-798")
    cited = reference(title="Deep reinforcement learning for conservation decisions", volume="13",
                      pages=("2649", "2662", "2649-2662"))
    assert not describes_same_work(cited, other)
    assert describes_same_work(replace(cited, volume="14", pages=PageRange("785", "798", "785-798")), other)


@pytest.mark.parametrize("cited, registry", [
    ("Sarmiento and Rosas: Argentines in Search of a Nation", "10 Sarmiento and Rosas: Argentines in Search of a Nation"),
    ("L'union des Malcontents contre la tyrannie", "31. L'union des Malcontents contre la tyrannie"),
    ("De nouvelles données administratives", "Chapitre II. De nouvelles données administratives"),
    ("8. Future ecology", "8. Future ecology"),
])
def test_a_chapters_number_before_its_title_is_no_difference(cited, registry):
    assert title_similarity(cited, registry) == 1.0


def test_a_whole_books_subtitle_read_as_its_container_is_no_other_series():
    # German style puts the subtitle after a full stop: what the parser reads as the
    # container of a book is then no evidence against the registry's series
    book = work(type="book", title=["Generation | Garderobe | Geschlecht"], container_title=[
        "G\u00f6ttinger Studien zur Kulturanthropologie/Europ\u00e4ischen Ethnologie"], volume=None, issue=None, page=None)
    cited = reference(authors=(("Wagener-B\u00f6ck", "Nadine"),), title="Generation | Garderobe | Geschlecht",
                      container="Kleidungspraxis bei Mutter-Tochter-Paaren", volume=None, issue=None, pages=None,
                      kind=ReferenceKind.BOOK)
    assert matching.same_container(cited, book) is None
    # (read as a chapter for the page it cites, "S. 88", after its publisher)
    assert matching.same_container(replace(cited, kind=ReferenceKind.CHAPTER, publisher="Universitätsverlag"),
                                   book) is None
    assert matching.same_container(replace(cited, kind=ReferenceKind.ARTICLE), book) is False


def test_an_abbreviated_word_that_is_a_stop_word_elsewhere():
    # "Des." abbreviates "Design" (and "des" is a French stop word)
    assert matching.is_abbreviation("Comput. Aided Geom. Des.", "Computer Aided Geometric Design")
    assert not matching.is_abbreviation("Rev. Hist.", "Revue des Deux Mondes")


def test_a_review_cited_with_its_reviewed_author_places_the_registrys_book_review():
    record = {"DOI": "10.1177/147757000600400109", "type": "journal-article",
              "title": ["Book Review: Hemispheric Imaginings: The Monroe Doctrine and Narratives of U.S. Empire"],
              "author": [{"family": "Hsu", "given": "Hsuan"}], "issued": {"date-parts": [[2006, 3]]},
              "container-title": ["Comparative American Studies An International Journal"],
              "volume": "4", "issue": "1", "page": "110-112"}
    text = ("Hsu, Hsuan. Review of Hemispheric Imaginings: The Monroe Doctrine and Narratives of U.S. Empire, "
            "by Gretchen Murphy. Comparative American Studies, vol. 4, no. 1, 2008, pp. 110\u201312.")
    source = SourceText("doc.txt", text)
    evidence = matching.score(parse_reference(source, 0, len(text)), work_from_json(record))
    assert evidence.title == 1.0
    # everything but the year places it: a wrong year, not another work
    assert evidence.placed_but_for_year and evidence.confidence >= matching.ACCEPT


def test_a_chapter_with_a_short_title_in_the_same_book_is_placed_but_for_its_pages():
    record = {"DOI": "10.1007/978-94-017-3292-5_3", "type": "book-chapter", "title": ["Water and productivity"],
              "author": [{"family": "Delinc\u00e9", "given": "G."}], "issued": {"date-parts": [[1992]]},
              "container-title": ["The Ecology of the Fish Pond Ecosystem"], "page": "53-126",
              "publisher": "Springer Netherlands"}
    text = ("Delinc\u00e9, G. (1992). Water and productivity. In *The ecology of the fish pond ecosystem* "
            "(pp. 63\u2013126). Springer.")
    evidence = matching.score(parse_reference(SourceText("doc.md", text), 0, len(text)), work_from_json(record))
    assert evidence.first_page is False and evidence.placed_but_for_pages
    assert evidence.confidence >= matching.ACCEPT  # a wrong first page, not another work


def test_a_volume_the_registry_writes_into_the_title():
    record = {"DOI": "10.2973/odp.proc.ir.180.2000", "type": "book", "title": [
        "Proceedings of the Ocean Drilling Program, 180 Initial Reports"],
              "editor": [{"family": "Taylor", "given": "B."}], "issued": {"date-parts": [[2000]]}}
    text = ("Taylor, Brian, Philippe Huchon, and Adam Klaus, eds. 2000. *Proceedings of the Ocean Drilling Program, "
            "Initial Reports*. Vol. 180. College Station, TX: Ocean Drilling Program.")
    reference = parse_reference(SourceText("doc.md", text), 0, len(text))
    assert matching.cited_title_similarity(reference, work_from_json(record)) == 1.0


def test_a_sibling_paper_by_the_same_authors_in_the_same_volume_is_another_work():
    record = {"DOI": "10.1016/j.coastaleng.2017.01.010", "type": "journal-article",
              "title": ["Periodic water waves through a heterogeneous coastal forest of arbitrary shape"],
              "author": [{"family": "Chang", "given": "Che-Wei"}], "issued": {"date-parts": [[2017]]},
              "container-title": ["Coastal Engineering"], "volume": "122", "page": "141-157"}
    text = ("Chang, Che-Wei, Philip L.-F. Liu, Chiang C. Mei, and Maria Maza. 2017a. \"Modeling Transient Long Waves "
            "Propagating through a Heterogeneous Coastal Forest of Arbitrary Shape.\" *Coastal Engineering* 122: 124\u201340. "
            "https://doi.org/10.1016/j.coastaleng.2017.01.010.")
    reference = parse_reference(SourceText("doc.md", text), 0, len(text))
    assert not matching.describes_same_work(reference, work_from_json(record))  # doi-mismatch, not two faults
    overlapping = text.replace("124\u201340", "141\u201357")
    same_pages = parse_reference(SourceText("doc.md", overlapping), 0, len(overlapping))
    assert matching.describes_same_work(same_pages, work_from_json(record))  # a title-mismatch then


# A surname one letter off is the same person to the matcher, and a misspelling to report,
# unless a habit of spelling explains the letter (romanisation, umlauts, "ß" as "ss").
@pytest.mark.parametrize("cited, registry", [
    ("Minichello", "Minichillo"), ("Howald", "Howaldt"), ("Pereira", "Perera"),
    ("Benkacem Agbalu", "Benkasem Agbalu"),
    # a doubled letter, and a "y" between consonants, are letters of their own (testers' cases)
    ("Forester", "Forrester"), ("Goudrian", "Goudriaan"), ("Hide", "Hyde"),
])
def test_a_surname_one_letter_off_is_spelled_differently(cited, registry):
    assert matching.same_surname(cited, registry)
    assert matching.spelled_differently(cited, registry)


@pytest.mark.parametrize("cited, registry", [
    ("Trotskii", "Trotsky"), ("Trotskij", "Trotsky"), ("Zinov'ev", "Zinoviev"), ("Zinovyev", "Zinoviev"),
    ("Ezhov", "Yezhov"), ("Khrushchov", "Khrushchev"), ("Chaikovsky", "Tchaikovsky"),
    ("Djugashvili", "Dzhugashvili"), ("Liushkov", "Lyushkov"), ("Khlevnyuk", "Khlevniuk"),
    ("Mueller", "Müller"), ("Strauss", "Strauß"), ("McDonald", "MacDonald"), ("van den Berg", "van der Berg"),
    ("Jovanovich", "Jovanović"), ("Dykstra", "Dijkstra"), ("Berezovskii", "Berezovsky"),
    ("Kılıç", "Özyurt Kılıç"), ("United Nations", "UN"), ("Smith", "Smith"),
])
def test_variant_spellings_are_not_misspellings(cited, registry):
    assert not matching.spelled_differently(cited, registry)


# --- the twenty-sixth pair of testers: a wrong author or title on a work its place fixes ---


def test_a_short_title_in_the_same_journal_volume_and_whole_range_places_a_wrong_author():
    ecology = work(title=["The new ecology"], container_title=["Ecology"], volume="98", issue="6",
                   page="1731-1732", author=[{"given": "Aaron M.", "family": "Ellison", "sequence": "first"}],
                   published={"date-parts": [[2017]]}, published_print=None, issued={"date-parts": [[2017]]})
    cited = reference(authors=(("Kingsland", "S. E."),), year=2017, title="The new ecology", container="Ecology",
                      volume="98", issue=None, pages=("1731", "1732", "1731-1732"))
    decision = best_match(cited, [ecology])
    assert decision.outcome is Outcome.RESOLVED and score(cited, ecology).located
    # a first page alone (no whole range) places nothing: one page can hold two briefs
    brief = replace(cited, pages=PageRange("1731", None, "1731"))
    assert not score(brief, ecology).located


def test_a_registry_title_cut_short_is_the_cited_title():
    jstor = work(title=["Academic Economics in Present Russia Gelesnoff, Grundzuge"], subtitle=None)
    cited = reference(title="Academic Economics in Present Russia: Gelesnoff, Grundzüge der Volkswirtschaftslehre")
    assert matching.registry_title_cut_short(cited.title, jstor)
    assert matching.cited_title_similarity(cited, jstor) >= matching.TITLE_AGREES
    # a review's "BOOK by AUTHOR" is not the BOOK cut short, nor is a title of four words
    assert not matching.registry_title_cut_short(f"{jstor.title} by Marcel Trudel", jstor)
    short = work(title=["Origins of the War"], subtitle=None)
    assert not matching.registry_title_cut_short("Origins of the War in Europe", short)


def test_a_chapter_placed_by_book_author_year_and_whole_range_takes_any_title():
    chapter = work(type="book-chapter", title=["Out of Praxis: Three (Meta)Theories of Textuality"],
                   container_title=["Electronic Text"], volume=None, issue=None, page="107-124",
                   author=[{"given": "Allen", "family": "Renear", "sequence": "first"}],
                   published={"date-parts": [[1997]]}, published_print=None, issued={"date-parts": [[1997]]})
    cited = reference(authors=(("Renear", "Allen"),), year=1997, title="Beyond Praxis: Markup and the Ontology of Text",
                      container="Electronic Text: Investigations in Method and Theory", volume=None, issue=None,
                      pages=("107", "124", "107-24"), kind=ReferenceKind.CHAPTER)
    evidence = score(cited, chapter)
    assert evidence.placed_but_for_title and best_match(cited, [chapter]).outcome is Outcome.RESOLVED
    # another first page: another chapter of the same author in the book
    elsewhere = replace(cited, pages=PageRange("130", "150", "130-50"))
    assert best_match(elsewhere, [chapter]).outcome is Outcome.NO_MATCH


@pytest.mark.parametrize(("cited", "registry"), [
    ("Rev Neurol (Paris)", "Revue Neurologique"),
    ("Psyche", "Psyche: A Journal of Entomology"),
    ("Chron. Egypte", "Chronique d'Egypte"),
    ("J. Organomet. Chem", "Journal of Organometallic Chemistry"),
    ("Environ. Sci.: Nano", "Environmental Science: Nano"),
    ("J. Polym. Sci., Part B: Polym. Phys", "Journal of Polymer Science Part B: Polymer Physics"),
])
def test_journal_abbreviations_testers_used_name_the_registrys_journal(cited, registry):
    assert matching.same_container(reference(container=cited), work(container_title=[registry], ISSN=None)) is True


def test_a_journal_named_by_another_journals_first_word_is_another_journal():
    assert matching.same_container(reference(container="Nature"), work(container_title=["Nature Reviews Cancer"],
                                                                       ISSN=None)) is False


# --- the twenty-seventh group of testers ---------------------------------------------------


def test_a_cited_title_that_stops_early_and_a_wrong_year_still_place_the_work():
    jstor = work(title=["Academic Economics in Present Russia Gelesnoff, Grundzuge"], subtitle=None,
                 container_title=["The Quarterly Journal of Economics"], volume="43", issue="2", page="352",
                 author=[{"given": "M. M.", "family": "Bober", "sequence": "first"}],
                 published={"date-parts": [[1929]]}, published_print=None, issued={"date-parts": [[1929]]})
    cited = reference(authors=(("Bober", "M. M."),), year=1932, title="Academic Economics in Present Russia",
                      container="Quarterly Journal of Economics", volume="43", issue="2", pages=None)
    cited = replace(cited, pinpoints=("352",))
    assert best_match(cited, [jstor]).outcome is Outcome.RESOLVED


def test_a_wrong_author_on_a_work_with_no_pages_is_placed_by_journal_volume_and_issue():
    no_pages = work(title=["Changes in Landscape Structure in a Rural Area of Boso Peninsula, Central Japan"],
                    container_title=["Journal of Landscape Ecology"], volume="4", issue="3", page=None,
                    author=[{"given": "Michiro", "family": "Fujihara", "sequence": "first"}],
                    published={"date-parts": [[2011]]}, published_print=None, issued={"date-parts": [[2011]]})
    cited = reference(authors=(("Fujiwara", "Michiro"),), year=2011, title=no_pages.title,
                      container="Journal of Landscape Ecology", volume="4", issue="3", pages=None)
    assert score(cited, no_pages).located


def test_another_first_author_and_another_title_in_one_encyclopedia_is_another_work():
    lamb = work(type="book", title=["Ethics for Climate Change Communicators"], volume=None, issue=None, page=None,
                container_title=["Oxford Research Encyclopedia of Climate Science"],
                author=[{"given": "Michael", "family": "Lamb", "sequence": "first"}],
                published={"date-parts": [[2017]]}, published_print=None, issued={"date-parts": [[2017]]})
    dalby = reference(authors=(("Dalby", "Simon"),), year=2017, title="Climate Change and Geopolitics",
                      container="Oxford Research Encyclopedia of Climate Science", volume=None, issue=None, pages=None,
                      kind=ReferenceKind.CHAPTER)
    assert not describes_same_work(dalby, lamb)
    # the same author with a reworded title is the same work (a title-mismatch)
    reworded = replace(dalby, authors=(Person("Lamb", "Michael"),), title="Ethics for Climate Communication and Trust")
    assert describes_same_work(reworded, lamb)


def test_a_digitised_back_issues_online_year_is_no_year_to_cite():
    old = work(published_online={"date-parts": [[2016, 7, 2]]}, published_print={"date-parts": [[1968, 1]]})
    assert 2016 not in old.other_years
    recent = work(published_online={"date-parts": [[1967, 11, 2]]}, published_print={"date-parts": [[1968, 1]]})
    assert 1967 in recent.other_years


def test_a_short_surname_mistyped_before_the_works_own_second_author_is_misspelt():
    paper = work(title=["Towards a semantics for XML markup"], author=[
        {"given": "Allen", "family": "Renear", "sequence": "first"},
        {"given": "David", "family": "Dubin", "sequence": "additional"}])
    cited = reference(authors=(("Renaer", "A."), ("Dubin", "D.")), title="Towards a semantics for XML markup")
    assert matching.author_agreement(cited, paper) is AuthorAgreement.MISSPELT
    # another second author, or another initial cited alone: another person
    assert matching.author_agreement(replace(cited, authors=(Person("Renaer", "A."), Person("Smith", "J."))),
                                     paper) is AuthorAgreement.DIFFERENT
    assert matching.author_agreement(replace(cited, authors=(Person("Renaer", "B."),)), paper) is AuthorAgreement.DIFFERENT


def test_a_chapter_whose_record_has_no_year_is_placed_but_for_its_pages():
    chapter = work(type="book-chapter", title=["Die Straße als politische Arena und Medium der Masse"],
                   container_title=["Straße als kultureller Aktionsraum"], volume=None, issue=None, page="111-140",
                   author=[{"given": "David", "family": "Sittler", "sequence": "first"}],
                   published=None, published_print=None, published_online=None, issued={"date-parts": [[None]]})
    cited = reference(authors=(("Sittler", "David"),), year=2009, title=chapter.title,
                      container="Straße als kultureller Aktionsraum", volume=None, issue=None,
                      pages=("121", "140", "121-40"), kind=ReferenceKind.CHAPTER)
    evidence = score(cited, chapter)
    assert evidence.year_gap is None and evidence.placed_but_for_pages


def test_a_journals_numbered_series_and_a_reviews_credits_are_no_difference():
    quarterly = work(container_title=["The William and Mary Quarterly"], ISSN=None)
    assert matching.same_container(reference(container="William and Mary Quarterly, 3rd ser"), quarterly) is True
    review = work(title=["4 Cantate Previously Unpublished"])
    cited = reference(title="review of 4 Cantate Previously Unpublished, by Alessandro Scarlatti, ed. Giampiero Tintori")
    assert matching.cited_title_similarity(cited, review) >= matching.TITLE_AGREES


def test_ieees_proc_before_a_meeting_is_the_registrys_proceedings_after_it_of_the_same_year():
    assert matching.same_container(reference(container="Proc. iConference 2019"),
                                   work(container_title=["iConference 2019 Proceedings"], ISSN=None)) is True
    assert matching.same_container(reference(container="Proc. iConference 2019"),
                                   work(container_title=["iConference 2018 Proceedings"], ISSN=None)) is not True
