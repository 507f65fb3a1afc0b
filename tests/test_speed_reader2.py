"""The identifier scan's one-pass trigger search finds every trigger word, as a plain search would.

Some trigger words (``identifiers._FROM_SECOND``: "rXiv", ...) are found from their second
character, with the first checked behind it, so that the search skips over the common "r".
Each occurrence of every trigger word must still be found once, at its own offset (its second
character's for those words), and for the scanner of its scheme; checked against a plain
``str.startswith`` at every offset, on in-repo snippets and generated texts.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from verify_refs import identifiers
from verify_refs.models import IdScheme

SNIPPETS = [
    "Coox, Alvin D. arXiv:1501.00001v2. https://arxiv.org/abs/hep-th/9901001",
    "rXiv rxiv RXIV RXiv rxIV Xiv xiv XIV arXiv ARXiv aRXiv JSTORXIV PMIDOI DOISSN 979978",
    "doi:10.1080/09668136808410603 ISBN 978-0-394-44645-3 ISSN 0038-5859 OCLC 123 PMID 42",
    "https://www.jstor.org/stable/149953 www.example.org rXrXiv rrxiv Louis XIV, pp. xiv-xx.",
    "",
    "r",
    "Xiv",
]
_PIECES = ["rXiv", "rxiv", "RXIV", "Xiv", "xiv", "XIV", "r", "R", "X", "x", "iv", "IV", "a", "A",
           "arXiv:", "1501.00001", "doi", "DOI", "10.", "ISSN", "issn", "isbn", "ISBN", "978", "979",
           "JSTOR", "jstor.org", "OCLC", "PMID", "://", "www.", " ", ".", "9", "D", "I"]


def _plain_hits(text: str) -> list[tuple[int, int]]:
    """(offset, scanner index) of every trigger word at every offset, by ``startswith``."""
    hits = []
    for at in range(len(text)):
        for word, scanner in identifiers._WORDS:
            if text.startswith(word, at):
                hits.append((at + 1 if word in identifiers._FROM_SECOND else at, scanner))
    return sorted(hits)


def _search_hits(text: str) -> list[tuple[int, int]]:
    """(offset, scanner index) of every trigger word as ``_matches`` visits them."""
    hits = []
    trigger = identifiers._TRIGGER.search(text)
    while trigger is not None:
        hits.append((trigger.start(), identifiers._SCANNER_OF_GROUP[trigger.lastindex]))
        trigger = identifiers._TRIGGER.search(text, trigger.start() + 1)
    return hits


def test_trigger_search_on_snippets():
    for text in SNIPPETS:
        assert _search_hits(text) == _plain_hits(text), text


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_trigger_search_on_generated_texts(pieces):
    text = "".join(pieces)
    assert _search_hits(text) == _plain_hits(text)


def test_arxiv_ids_found_after_their_trigger_words():
    found = identifiers.scan("Coox, A. Title. arXiv:1501.00001v2; arxiv.org/abs/hep-th/9901001.")
    assert [(f.scheme, f.raw, f.value) for f in found] == [
        (IdScheme.ARXIV, "1501.00001v2", "1501.00001v2"),
        (IdScheme.ARXIV, "hep-th/9901001", "hep-th/9901001"),
    ]
    assert identifiers.scan("Louis XIV and the rxiv of Xiv") == []
