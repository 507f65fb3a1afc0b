"""Properties: the parser never raises, and glued digits are markers only in sequence."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verify_refs.extract.document import parse_document
from verify_refs.extract.source import SourceText
from verify_refs.models import MarkerStyle

FRAGMENTS = st.sampled_from([
    "Notes", "References", "## Bibliography", "Works cited", "\n", "\n\n", "  ", "[", "]", "(", ")",
    "[8]", "[8, 9]", "[3-5]", "[^a]", "[^a]: ", "1. ", "10 ", "^ ", "Jump up to:a b ", "\u00b9", "\u00b2",
    "Coox", ", ", "1968", ", p. 407", ". ", '"', "\u201c", "L'Affaire", "Ibid.", "op. cit.", "Sedov2",
    "1938.1", "(Coox 1968: 411)", "(1989)", "\u00a0", "\t", "\x00", "\r\n", "doi:10.1080/0966", "ISBN 0-394",
    "\u2013", "\u2014", "Smith and Jones", "et al.", "Лошков", "-", "    ", "*", "#",
])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_never_raises_on_arbitrary_text(text):
    document = parse_document(SourceText("any.txt", text))
    assert document.path == "any.txt"


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FRAGMENTS, max_size=80))
def test_never_raises_on_citation_shaped_text(fragments):
    text = "".join(fragments)
    source = SourceText("doc.txt", text)
    document = parse_document(source)
    lines = source.original.split("\n")
    for marker in document.markers:  # every span points at the marker as written
        char = lines[marker.span.line - 1][marker.span.column - 1]
        assert char == "[" or char.isdigit() or char in "\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"
    for note in document.notes:
        assert 1 <= note.span.line <= len(lines)


WORDS = st.sampled_from(["Sedov", "NKVD", "Trotsky", "B", "COVID", "army", "Shelepin's", 'communism."',
                         "year.", "the", "in"])


def _expected_chain(numbers: list[int], words: list[str] | None = None) -> list[int]:
    """The glued labels a reader would accept: 1, 2, 3, ... in order, at least two of them.
    Digits glued straight onto a word of under three letters ("B2", "in3") are names of
    things, never markers, so they take no place in the chain."""
    chain, expected = [], 1
    for index, number in enumerate(numbers):
        if words is not None and words[index].isalpha() and len(words[index]) < 3:
            continue
        if number == expected:
            chain.append(number)
            expected += 1
    return chain if len(chain) >= 2 else []


@settings(max_examples=300)
@given(st.lists(st.tuples(WORDS, st.integers(min_value=1, max_value=120)), max_size=30))
def test_glued_numbers_are_markers_only_in_a_rising_sequence(pairs):
    text = " ".join(f"{word}{number} and more" for word, number in pairs)
    document = parse_document(SourceText("g.txt", text))
    labels = [int(m.label) for m in document.markers]
    assert all(m.style is MarkerStyle.GLUED for m in document.markers)
    assert labels == list(range(1, len(labels) + 1))  # only ever 1, 2, 3, ...
    assert len(labels) == len(_expected_chain([number for _, number in pairs], [word for word, _ in pairs]))


@settings(max_examples=200)
@given(st.lists(st.tuples(WORDS, st.integers(min_value=2, max_value=120)), max_size=30))
def test_without_a_glued_one_nothing_is_a_marker(pairs):
    text = " ".join(f"{word}{number} rest" for word, number in pairs)
    assert parse_document(SourceText("g.txt", text)).markers == ()


@settings(max_examples=200)
@given(st.lists(st.tuples(WORDS, st.integers(min_value=1, max_value=2100)), max_size=30))
def test_years_and_numbers_inside_words_are_never_markers(pairs):
    # a number followed by letters ("22nd", "3rd", "12cd") or a spaced year is never glued
    text = " ".join(f"{word}{number}nd in {1000 + number} x" for word, number in pairs)
    assert parse_document(SourceText("y.txt", text)).markers == ()
