"""The parser's shortcuts give what the full paths give."""

from hypothesis import given, strategies as st

from verify_refs.extract import references

_TAIL_CHARACTERS = st.sampled_from(list("Ab Cd. ,;:?!\x00()19-'\"ed.In") + ["Univ.", "Press", "vol.", "J."])


@given(st.lists(_TAIL_CHARACTERS, max_size=40).map("".join))
def test_first_segment_alone_is_the_first_of_all(tail: str) -> None:
    # ``_take_segments`` reads only the first sentence once a publisher is known
    assert references._segments(tail, 1) == references._segments(tail)[:1]


def test_one_trigger_test_covers_both_credit_patterns() -> None:
    # ``_take_editors`` runs only when one of ``_CREDIT_WORDS`` is in the tail
    assert set(references._EDITED_BY_WORDS) | set(references._TRANSLATED_BY_WORDS) <= set(references._CREDIT_WORDS)
