"""The faster linking code against plain statements of what it computes: the author test
``_names_match`` (which replaced a per-reference profile object) against the formula it
stands for, and ``ReferenceIndex.candidates`` against a scan of every reference."""

from hypothesis import given, settings
from hypothesis import strategies as st

from verify_refs.checks.linkage import (ReferenceIndex, _first_surname, _names_match,
                                        _words, cite_matches, name_key, words_key)
from verify_refs.models import Person, Reference, ShortCite, ShortCiteStyle, Span

# Names and words that collide on purpose: accents, case, stop words, given names that are
# also surnames, a name with an apostrophe, a Cyrillic one.
NAMES = ["Coox", "coox", "Čapek", "Capek", "O'Brien", "Brien", "Alvin", "Roy", "Иванов",
         "Ivanov", "The", "Van", "de", "Smith-Jones", "Smith", ""]
WORDS = NAMES + ["Vsesoiuznoe", "soveshchanie", "Anatomy", "of", "a", "defector", "1968"]


def _old_author_matches(author: str, reference: Reference) -> bool:
    """The author test as it was written before ``_names_match``."""
    key = name_key(_first_surname(author))
    if not key:
        return False
    for person in reference.authors[:1] + reference.editors[:1]:
        # (the first author's given name counts unless the text opens "Family," with it:
        # an inverted name is the writer's own, "Paola 2002" cites no "Bressan, Paola")
        inverted = person is next(iter(reference.authors), None) and reference.text.startswith(f"{person.family},")
        if name_key(person.family) == key or (name_key(person.given) == key and not inverted):
            return True
    if not reference.authors and name_key(reference.text.split(",", 1)[0]) == key:
        return True
    wanted = words_key(author)
    opening = words_key(reference.text)[: len(wanted) + 2]
    return bool(wanted) and opening[: len(wanted)] == wanted


people = st.lists(st.builds(Person, st.sampled_from(NAMES), st.sampled_from(NAMES)), max_size=2)
texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).flatmap(
    lambda words: st.sampled_from([", ", " ", ". "]).map(lambda glue: glue.join(words)))
years = st.sampled_from([None, 1968, 1969])


@st.composite
def references(draw, number: int = 0) -> Reference:
    return Reference(id=f"doc.txt:{number}:1", span=Span("doc.txt", number, 1), text=draw(texts),
                     authors=tuple(draw(people)), editors=tuple(draw(people)),
                     year=draw(years), original_year=draw(years))


cite_authors = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join) | \
    st.sampled_from(["Coox and Smith", "Smith et al.", "Čapek, Coox", "Roy & Alvin"])


@settings(max_examples=600)
@given(references(), cite_authors)
def test_names_match_is_the_author_test_it_replaced(reference: Reference, author: str) -> None:
    key = name_key(_first_surname(author))
    new = bool(key) and _names_match(key, _words(author), reference)
    assert new == _old_author_matches(author, reference)


def _old_keys(reference: Reference) -> set[str]:
    """The keys a reference was filed under before ``_reference_keys`` (by its profile)."""
    words = words_key(reference.text)
    keys = {words[0]} if words else set()
    if reference.authors:
        keys.add(name_key(reference.authors[0].family))
        if reference.authors[0].given:
            keys.add(name_key(reference.authors[0].given))
    if reference.editors:
        keys.add(name_key(reference.editors[0].family))
    keys.discard("")
    return keys


@settings(max_examples=300)
@given(st.integers(1, 8).flatmap(lambda count: st.tuples(*map(references, range(1, count + 1)))),
       cite_authors, years)
def test_candidates_are_what_a_scan_of_every_reference_finds(refs, author, year) -> None:
    """The index offers each reference, once, that matches the cite and is filed under a
    key the cite looks up: its first surname, or its first word."""
    cite = ShortCite(Span("doc.txt", 99, 1), author, ShortCiteStyle.AUTHOR_YEAR, author, year)
    found = ReferenceIndex(refs).candidates(cite)
    key, wanted = name_key(_first_surname(author)), words_key(author)
    looked_up = {key, wanted[0]} if wanted else {key}
    scan = [r for r in refs if key and _old_keys(r) & looked_up and cite_matches(cite, r)]
    assert sorted(r.id for r in found) == sorted(r.id for r in scan)
