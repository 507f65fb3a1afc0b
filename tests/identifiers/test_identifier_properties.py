"""Property tests: the finder and the parser take any text; ISBN validation agrees with stdnum."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import ean, isbn

from verify_refs.extract.references import looks_like_reference, parse_reference
from verify_refs.extract.source import SourceText
from verify_refs.identifiers import find_identifiers, handler
from verify_refs.models import IdScheme

# Text built from the pieces references are made of, so the interesting paths are reached.
_PIECES = st.sampled_from([
    "doi:", "DOI ", "10.", "1080/", "https://doi.org/", "ISBN ", "ISSN ", "JSTOR ", "OCLC", "(", ")",
    "[", "]", '"', "'", ". ", ", ", ": ", "; ", "-", "\u2013", "\u00a0", "\n", "1968", "19", "(3)",
    "405-20", "pp. ", "p. ", "vol. ", "no. ", "In ", "ed. ", "(Ed.)", "Coox, A. D.", "Alvin D. Coox",
    "et al.", "&", " and ", "London: Pluto Press", "Retrieved 12 February 2012", "(in Russian)",
    "Soviet Studies", "ПОБЕГ", "X", "x", "<", ">", "www.", "2nd ed.", "---", "^", "Jump up to: a b",
])
TEXT = st.one_of(st.text(max_size=300), st.lists(_PIECES, max_size=60).map("".join))


@settings(max_examples=400, deadline=None)
@given(TEXT, st.data())
def test_find_identifiers_never_raises_and_spans_are_inside(text, data):
    source = SourceText("p.txt", text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for identifier in find_identifiers(source, start, end):
        assert identifier.raw and identifier.raw in source.text[start:end]
        handler(identifier.scheme).problem(identifier.raw)  # validators never raise either


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_parse_reference_never_raises(text):
    source = SourceText("p.txt", text)
    reference = parse_reference(source, 0, len(text), note_label="1")
    assert reference.text == " ".join(source.text.split())
    assert isinstance(looks_like_reference(text), bool)


_ISBN10_BODY = st.text("0123456789", min_size=9, max_size=9)
_ISBN13_BODY = st.tuples(st.sampled_from(["978", "979"]), st.text("0123456789", min_size=9, max_size=9))


def _isbn10(body: str) -> str:
    return next(body + d for d in "0123456789X" if isbn.is_valid(body + d))


@given(_ISBN10_BODY, st.data())
def test_every_valid_isbn10_is_accepted_and_a_changed_check_digit_rejected(body, data):
    number = _isbn10(body)
    hyphenated = f"{number[0]}-{number[1:4]}-{number[4:9]}-{number[9]}"
    found = find_identifiers(SourceText("p.txt", f"Knopf, 1971. ISBN {hyphenated}."), 0, 40)
    assert [(i.scheme, i.value) for i in found] == [(IdScheme.ISBN, number)]
    assert handler(IdScheme.ISBN).problem(hyphenated) is None
    wrong = data.draw(st.sampled_from([d for d in "0123456789X" if d != number[-1]]))
    message = handler(IdScheme.ISBN).problem(number[:-1] + wrong)
    assert message == f"check digit should be {number[-1]}"


@given(_ISBN13_BODY, st.data())
def test_every_valid_isbn13_is_accepted_and_a_changed_check_digit_rejected(parts, data):
    body = parts[0] + parts[1]
    number = body + ean.calc_check_digit(body)
    assert isbn.is_valid(number)
    found = find_identifiers(SourceText("p.txt", f"ISBN {number}OCLC 1"), 0, 30)
    assert found[0].value == number
    assert handler(IdScheme.ISBN).problem(number) is None
    wrong = data.draw(st.sampled_from([d for d in "0123456789" if d != number[-1]]))
    assert handler(IdScheme.ISBN).problem(number[:-1] + wrong) == f"check digit should be {number[-1]}"
