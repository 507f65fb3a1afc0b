"""The corpus checks: claim-drift, uncited-copy, conflicting-citation."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from datasketch import LeanMinHash, MinHash, MinHashLSH
from hypothesis import given, settings
from hypothesis import strategies as st

from verify_refs.checks.citations import check_citations, group_references
from verify_refs.checks.corpus import check_corpus
from verify_refs.checks.drift import compare, is_variant
from verify_refs.checks.near_duplicates import (
    BANDS,
    NUM_PERM,
    ROWS,
    SEED,
    THRESHOLD,
    candidate_pairs,
    permutations,
    shingle_hashes,
    sketches,
)
from verify_refs.checks.passages import split_passages
from verify_refs.extract.source import SourceText, read_source
from verify_refs.models import (
    Identifier,
    IdScheme,
    Marker,
    MarkerStyle,
    Outcome,
    PageRange,
    ParsedDocument,
    Person,
    Reference,
    RegistryWork,
    Resolution,
    Severity,
    Span,
)

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
LYUSHKOV = "corpus/lyushkov-defection.txt"
MONGOLIAN = "corpus/mongolian-road-to-pearl-harbor.txt"
TROTSKY = "corpus/trotsky-collaboration-evidence.txt"


def bracket_markers(source: SourceText) -> ParsedDocument:
    """What the extractor reports for bracketed markers, so these tests do not depend on it."""
    markers = tuple(Marker(m.group(1), source.span(m.start()), MarkerStyle.BRACKET)
                    for m in re.finditer(r"\[(\d+)\]", source.text))
    return ParsedDocument(source.path, markers=markers)


def corpus_sources() -> list[SourceText]:
    sources = []
    for path in (LYUSHKOV, MONGOLIAN, TROTSKY):
        original = read_source(str(CORPUS / Path(path).name)).original
        sources.append(SourceText(path, original))
    return sources


def run(*texts: str, markers: bool = True) -> list:
    sources = [SourceText(f"doc{i}.txt", text) for i, text in enumerate(texts)]
    documents = [bracket_markers(s) if markers else ParsedDocument(s.path) for s in sources]
    return check_corpus(sources, documents, {})


def drifts(*texts: str) -> list:
    return [f for f in run(*texts) if f.code == "claim-drift"]


# --- the real corpus ---------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_findings():
    sources = corpus_sources()
    return check_corpus(sources, [bracket_markers(s) for s in sources], {})


def test_corpus_has_exactly_the_august_1945_drift(corpus_findings):
    found = [f for f in corpus_findings if f.code == "claim-drift"]
    assert len(found) == 1
    drift = found[0]
    assert drift.severity is Severity.WARNING
    # Reported once, at the copy whose path sorts first; the other copy is related.
    assert (drift.span.path, drift.span.line) == (LYUSHKOV, 6)
    assert drift.message == f'"7 August 1945" here, "9 August 1945" in {MONGOLIAN}:34'
    assert [(r.path, r.line) for r in drift.related] == [(MONGOLIAN, 34)]
    line = corpus_sources()[0].original.splitlines()[5]
    assert line[drift.span.column - 1:].startswith("7 August 1945")


def test_corpus_uncited_copy_is_one_finding_for_the_document_without_notes(corpus_findings):
    # lyushkov-defection.txt cites nothing at all: one finding lists what the mongolian copy
    # cites ([8], [9], [10], [11], [2], [12], [13]) instead of a dozen findings.
    found = [f for f in corpus_findings if f.code == "uncited-copy"]
    assert len(found) == 1
    uncited = found[0]
    assert uncited.severity is Severity.INFO
    assert uncited.span.path == LYUSHKOV
    assert uncited.message.startswith("12 passages of this document appear with citations in " + MONGOLIAN)
    assert {r.path for r in uncited.related} == {MONGOLIAN}
    assert len(uncited.related) == 12


def test_corpus_has_nothing_else(corpus_findings):
    assert {f.code for f in corpus_findings} == {"claim-drift", "uncited-copy"}
    assert not any(f.span.path == TROTSKY for f in corpus_findings)


def test_corpus_findings_do_not_depend_on_input_order(corpus_findings):
    sources = corpus_sources()[::-1]
    assert check_corpus(sources, [bracket_markers(s) for s in sources], {}) == corpus_findings


def test_corpus_with_the_real_extractor():
    from verify_refs.pipeline import parse

    sources = corpus_sources()
    findings = check_corpus(sources, [parse(s) for s in sources], {})
    assert [(f.code, f.span.path, f.span.line) for f in findings if f.code == "claim-drift"] == [
        ("claim-drift", LYUSHKOV, 6)]


# --- claim-drift, synthetic --------------------------------------------------

BASE = "The garrison of the northern fortress surrendered to the army of {x} after a siege of {n} days in {m} 1921."


@pytest.mark.parametrize(("a", "b", "here", "there"), [
    (dict(x="Wrangel", n="40", m="May"), dict(x="Wrangel", n="48", m="May"), '"40"', '"48"'),
    (dict(x="Wrangel", n="forty", m="May"), dict(x="Wrangel", n="fifty", m="May"), '"forty"', '"fifty"'),
    (dict(x="Wrangel", n="40", m="May"), dict(x="Wrangel", n="40", m="June"), '"May 1921"', '"June 1921"'),
    (dict(x="Wrangel", n="40", m="May"), dict(x="Denikin", n="40", m="May"), '"Wrangel"', '"Denikin"'),
    (dict(x="General Wrangel", n="40", m="May"), dict(x="General Kolchak", n="40", m="May"),
     '"General Wrangel"', '"General Kolchak"'),
])
def test_synthetic_drift(a, b, here, there):
    found = drifts(BASE.format(**a), BASE.format(**b))
    assert len(found) == 1
    assert found[0].span.path == "doc0.txt"
    assert found[0].message == f"{here} here, {there} in doc1.txt:1"


@pytest.mark.parametrize(("a", "b"), [
    ("The army realised that the losses were greater than reported in 1921 by the press.",
     "The army realized that the losses were higher than reported in 1921 by the press."),
    ("He denied the allegation that he was an impostor sent by Moscow in the summer of 1938.",
     "He denied the allegation that he was an imposter sent by Moscow in the summer of 1938."),
    ("He detailed the strength of the Red Army in the Far East, Siberia, and the Ukraine in 1938.",
     "He detailed the strength of the Red Army in the Far East, Siberia and Ukraine in 1938."),
    ("The plan for the assassination of Joseph Stalin was organised by the exiles in 1939.",
     "The plan for the assassination of Stalin was organized by the exiles in 1939."),
    ("Komandarm Iakir wrote to the leadership on 9 June 1937 from his prison cell in Moscow.",
     "Komandarm Yakir wrote to the leadership on 9 June 1937 from his prison cell in Moscow."),
    ("The commander Ezhov ordered eleven arrests in the region during the winter of 1937.",
     "The commander Yezhov ordered 11 arrests in the region during the winter of 1937."),
    ("She swam in the Matsesta river near the resort at Sochi during the summer of 1936.",
     "She swam in the Matsesta River near the resort at Sochi during the summer of 1936.[4]"),
    ("The garrison held the northern fortress for forty days in the spring of 1921.[^3][^4]",
     "The garrison held the northern fortress for forty days in the spring of 1921.[^17][^note-b]"),
    ("Though some news agencies doubted his story, the press conference went ahead in July.",
     "But some news agencies doubted his story, and the press conference went ahead in July."),
])
def test_variants_are_not_drift(a, b):
    assert drifts(a, b) == []


def test_unrelated_sentences_with_the_same_frame_are_not_one_passage():
    assert drifts("On 9 August 1945, the Soviet invasion of Manchuria commenced at dawn across the border.",
                  "On 6 August 1945, an atomic bomb destroyed the city of Hiroshima in southern Japan.") == []


def test_wrapped_lines_of_references_are_not_passages():
    from verify_refs.pipeline import parse

    def bibliography(year: str, days: str) -> str:
        return ("Bibliography\n\n"
                f"Haldane, R. K. and Mbeki, T. ({year}). The northern fortress and its garrison.\n"
                f"Surrender to the army of Wrangel after a siege of {days} days in May. Journal of\n"
                "Sieges, 12, 1-9.\n")

    sources = [SourceText("doc0.txt", bibliography("1921", "40")), SourceText("doc1.txt", bibliography("1922", "48"))]
    documents = [parse(s) for s in sources]
    assert [len(d.references) for d in documents] == [1, 1]
    assert [f for f in check_corpus(sources, documents, {}) if f.code == "claim-drift"] == []


def test_copies_within_one_document_are_not_compared():
    text = (f"{BASE.format(x='Wrangel', n='40', m='May')}\n\n{BASE.format(x='Wrangel', n='48', m='May')}\n")
    assert run(text) == []


def test_drift_between_three_copies_is_reported_per_differing_pair():
    a = BASE.format(x="Wrangel", n="40", m="May")
    b = BASE.format(x="Wrangel", n="48", m="May")
    found = drifts(a, b, a)
    assert len(found) == 1  # doc0 and doc2 agree: one pair of differing texts
    assert found[0].span.path == "doc0.txt"
    assert [r.path for r in found[0].related] == ["doc1.txt"]


@settings(max_examples=40, deadline=None)
@given(words=st.lists(st.sampled_from("the army city siege river garrison north winter general fortress "
                                      "surrendered after days under long cold march bridge across camp "
                                      "held guns men boats".split()), min_size=10, max_size=25, unique=True),
       position=st.integers(min_value=1, max_value=9), number=st.integers(min_value=2, max_value=999))
def test_a_changed_number_in_any_sentence_is_drift(words, position, number):
    a = " ".join(["Then", *words[:position], str(number), *words[position:]]) + "."
    b = " ".join(["Then", *words[:position], str(number + 1), *words[position:]]) + "."
    found = drifts(a, b)
    assert len(found) == 1
    assert f'"{number}" here, "{number + 1}" in doc1.txt:1' in found[0].message


def test_spelling_variants():
    assert is_variant("realised", "realized")
    assert is_variant("impostor", "imposter")
    assert is_variant("iakir", "yakir")
    assert is_variant("lyushkov", "liushkov")
    assert not is_variant("stalin", "trotsky")
    assert not is_variant("kirov", "kamenev")


# --- passages and sketches ---------------------------------------------------


def test_passages_keep_offsets_and_attach_trailing_markers():
    text = "Defection\nHe was sent to Manchukuo on 20 July 1945 to work there.[13] On 9 August 1945, the invasion began at dawn.\n"
    source = SourceText("a.txt", text)
    passages = split_passages(source, bracket_markers(source), 0)
    assert [p.raw[0] for p in passages] == ["He", "On"]
    first, second = passages
    assert text[first.start:].startswith("He was sent")
    assert first.cited and not second.cited  # [13] closes the first sentence
    assert "13" not in first.words  # markers are not words
    assert text[second.starts[1]:second.ends[3]] == "9 August 1945"


def test_wrapped_lines_are_one_sentence_and_abbreviations_do_not_split():
    text = "Iakir appealed to Stalin in a letter in which he swore his own\ncomplete innocence to Gen. Voroshilov and to Mr. Molotov.\n"
    passages = split_passages(SourceText("a.txt", text), None, 0)
    assert len(passages) == 1
    assert passages[0].raw[-1] == "Molotov"


def test_sketches_equal_datasketch_minhash():
    words = ["on", "9", "august", "1945", "the", "soviet", "invasion", "of", "manchuria", "commenced"]
    reference = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int)
    reference.update_batch(shingle_hashes(words).tolist())
    assert np.array_equal(sketches([words, words[::-1]])[0], reference.hashvalues)


def test_permutations_and_band_shape_are_datasketch_s():
    # the runtime does not import datasketch (it imports SciPy): these are its values
    a, b = permutations()
    expected_a, expected_b = MinHash(num_perm=NUM_PERM, seed=SEED).permutations
    assert np.array_equal(a, expected_a) and np.array_equal(b, expected_b)
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    assert (lsh.b, lsh.r) == (BANDS, ROWS)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.sampled_from("the a siege of fort north south river forty days weeks".split()),
                         min_size=1, max_size=9), min_size=2, max_size=30))
def test_candidate_pairs_are_those_of_datasketch_lsh(passages):
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    minhashes = [LeanMinHash(seed=SEED, hashvalues=row, scheme="affine32") for row in sketches(passages)]
    for key, minhash in enumerate(minhashes):
        lsh.insert(key, minhash, check_duplication=False)
    expected = sorted({(key, other) for key, minhash in enumerate(minhashes)
                       for other in lsh.query(minhash) if other > key})
    assert candidate_pairs(passages) == expected


def test_candidate_pairs_find_near_duplicates_only():
    base = "the garrison of the northern fortress surrendered after a siege of forty days".split()
    other = "an entirely different sentence about rivers and mountains in the far south".split()
    pairs = candidate_pairs([base, other, [*base[:-1], "weeks"], other[::-1]])
    assert (0, 2) in pairs
    assert (0, 1) not in pairs and (0, 3) not in pairs


def test_compare_is_none_for_different_passages():
    a = split_passages(SourceText("a.txt", BASE.format(x="Wrangel", n="40", m="May")), None, 0)[0]
    b = split_passages(SourceText("b.txt", "Nothing here resembles the other sentence at all, not one bit."), None, 1)[0]
    assert compare(a, b) is None
    assert compare(a, a).drift == () and compare(a, a).similarity == 1.0


# --- uncited-copy ------------------------------------------------------------


def test_uncited_copy_in_a_document_that_cites_elsewhere():
    cited = "The decision was made to release the news to the world after the defection.[8]\n"
    copy = ("The decision was made to release the news to the world after the defection.\n\n"
            "Another sentence of this document carries its own note for the record.[3]\n")
    found = [f for f in run(cited, copy) if f.code == "uncited-copy"]
    assert len(found) == 1
    assert (found[0].span.path, found[0].span.line, found[0].span.column) == ("doc1.txt", 1, 1)
    assert found[0].message == "this passage is cited in doc0.txt:1 but carries no citation here"
    assert [(r.path, r.line) for r in found[0].related] == [("doc0.txt", 1)]


def test_no_uncited_copy_when_both_copies_are_cited():
    a = "The decision was made to release the news to the world after the defection.[8]\n"
    b = "The decision was made to release the news to the world after the defection.[2]\n"
    assert run(a, b) == []


def test_no_uncited_copy_when_neither_copy_is_cited():
    a = "The decision was made to release the news to the world after the defection.\n"
    assert run(a, a) == []


# --- conflicting-citation ----------------------------------------------------

DOI = "10.1234/example.1968"


def reference(path: str, line: int, *, year: int | None = 1968, doi: str | None = DOI,
              title: str = "L'Affaire Lyushkov: Anatomy of a Defector", author: str = "Coox",
              pages: PageRange | None = None) -> Reference:
    span = Span(path, line, 1)
    identifiers = (Identifier(IdScheme.DOI, doi, doi, span),) if doi else ()
    return Reference(id=f"{path}:{line}:1", span=span, text=f"{author} ({year}). {title}.",
                     authors=(Person(author, "Alvin D."),), year=year, title=title,
                     pages=pages, identifiers=identifiers)


def documents(*refs: Reference) -> list[ParsedDocument]:
    paths = sorted({r.span.path for r in refs})
    return [ParsedDocument(p, references=tuple(r for r in refs if r.span.path == p)) for p in paths]


def test_same_doi_with_different_years_names_the_registry_value():
    a, b = reference("a.txt", 10, year=1968), reference("b.txt", 20, year=1969)
    work = RegistryWork(doi=DOI, title="L'Affaire Lyushkov: Anatomy of a Defector", year=1968)
    resolutions = {a.id: Resolution(a.id, Outcome.RESOLVED, work=work)}
    found = check_citations(documents(a, b), resolutions)
    assert len(found) == 1
    conflict = found[0]
    assert conflict.code == "conflicting-citation" and conflict.severity is Severity.WARNING
    assert conflict.span == b.span and conflict.reference_id == b.id  # the place that is wrong
    assert conflict.related == (a.span,)
    assert conflict.message == (
        "year of Coox, \"L'Affaire Lyushkov: Anatomy of a Defector\" differs across the corpus: "
        f"1969 here; 1968 in a.txt:10; the registry ({DOI}) has 1968, as at a.txt:10")


def test_a_chicago_review_of_a_title_is_no_title_conflict():
    plain = reference("a.txt", 1, title="The First English Detectives", doi=None)
    review = reference("b.txt", 1, title="review of The First English Detectives", doi=None)
    assert check_citations(documents(plain, review), {}) == []


def test_a_journals_review_label_and_a_lost_space_are_no_title_conflict():
    chicago = reference("a.txt", 1, title="review of Towards a Typology of Soviet Mass Housing", doi=None)
    journal = reference("b.txt", 1, title="Review: Towards a Typology of Soviet Mass Housing", doi=None)
    assert check_citations(documents(chicago, journal), {}) == []
    spaced = reference("a.txt", 1, title="Etude fonctionnelle a 10 ans de suivi", doi=None)
    registry = reference("b.txt", 1, title="Etude fonctionnelle a 10ans de suivi", doi=None)
    assert check_citations(documents(spaced, registry), {}) == []


def test_conflict_without_registry_is_placed_at_the_minority():
    refs = [reference("a.txt", 1, year=1969), reference("b.txt", 1), reference("c.txt", 1)]
    found = check_citations(documents(*refs), {})
    assert [f.span.path for f in found] == ["a.txt"]
    assert found[0].message.endswith("1969 here; 1968 in b.txt:1, c.txt:1; no registry record says which is right")
    assert len(found[0].related) == 2


def test_title_spelling_and_pages_conflict_without_doi():
    a = reference("a.txt", 1, doi=None, pages=PageRange("405", "420", "405-20"))
    b = reference("b.txt", 1, doi=None, title="L'Afaire Lyushkov: Anatomy of a Defector",
                  pages=PageRange("405", "429", "405-29"))
    found = check_citations(documents(a, b), {})
    assert sorted(f.message.split(" of ")[0] for f in found) == ["pages", "title"]


def test_author_spelling_conflict_and_doi_conflict():
    a = reference("a.txt", 1)
    b = reference("b.txt", 1, author="Cox", doi="10.1234/other")
    found = check_citations(documents(a, b), {})
    assert sorted(f.message.split(" of ")[0] for f in found) == ["DOI", "author"]


def test_agreeing_citations_and_omitted_subtitles_are_no_conflict():
    a = reference("a.txt", 1)
    b = reference("b.txt", 1, title="L'Affaire Lyushkov")
    assert check_citations(documents(a, b), {}) == []


def test_numbered_volumes_are_different_works():
    a = reference("a.txt", 1, doi=None, title="Documents on Soviet History, Volume 1", year=1991)
    b = reference("b.txt", 1, doi=None, title="Documents on Soviet History, Volume 2", year=1993)
    assert group_references([a, b]) == []
    assert check_citations(documents(a, b), {}) == []


def test_check_corpus_includes_conflicting_citations():
    a, b = reference("a.txt", 1, year=1968), reference("b.txt", 1, year=1969)
    sources = [SourceText("a.txt", "x\n"), SourceText("b.txt", "y\n")]
    found = check_corpus(sources, documents(a, b), {})
    assert [f.code for f in found] == ["conflicting-citation"]


def test_a_reference_citing_another_works_doi_is_not_grouped_with_that_work_by_it():
    # Toelch cited with Murray's DOI: doi-mismatch says so; it is no conflicting citation of
    # Murray's paper (which would advise changing Toelch's details to Murray's)
    murray = reference("a.txt", 1, author="Murray", title="Honey bees and the waggle dance", year=2010)
    toelch = reference("b.txt", 1, author="Toelch", title="Social learning in primates", year=2014)
    work = RegistryWork(doi=DOI, title="Honey bees and the waggle dance", year=2010,
                        authors=(Person("Murray", "Alvin D."),))
    resolutions = {ref.id: Resolution(ref.id, Outcome.RESOLVED, work=work, via="doi") for ref in (murray, toelch)}
    assert check_citations(documents(murray, toelch), resolutions) == []
    # two references to one work with one DOI still conflict on their years
    again = reference("c.txt", 1, author="Murray", title="Honey bees and the waggle dance", year=2011)
    resolutions[again.id] = Resolution(again.id, Outcome.RESOLVED, work=work, via="doi")
    assert [f.code for f in check_citations(documents(murray, toelch, again), resolutions)] == ["conflicting-citation"]


def test_a_works_print_and_online_years_are_no_conflict():
    """Printed in 2023, online in 2022: each year is the work's (year-mismatch accepts both)."""
    a, b = reference("a.txt", 10, year=2022), reference("b.txt", 20, year=2023)
    work = RegistryWork(doi=DOI, title="L'Affaire Lyushkov: Anatomy of a Defector", year=2022, other_years=(2023,))
    resolutions = {a.id: Resolution(a.id, Outcome.RESOLVED, work=work)}
    assert check_citations(documents(a, b), resolutions) == []
    c = reference("c.txt", 30, year=2020)  # a year that is none of the work's still conflicts
    assert [f.span for f in check_citations(documents(a, b, c), resolutions)] == [c.span]


def test_without_a_registry_a_documents_note_and_bibliography_entry_are_one_vote():
    note = reference("b.txt", 3, year=2010, doi=None)
    entry = reference("b.txt", 9, year=2010, doi=None)
    other = reference("c.txt", 4, year=2009, doi=None)
    third = reference("d.txt", 4, year=2009, doi=None)
    (conflict,) = check_citations(documents(note, entry, other, third), {})
    assert conflict.span.path == "b.txt"  # two documents against one, not two citations against two
