"""The reference parser's shortcuts must give exactly what the longer way would give."""

from __future__ import annotations

import random

import pytest

from verify_refs.extract import locators, references
from verify_refs.extract.source import SourceText
from verify_refs.models import ReferenceKind

_LOCATOR_PIECES = [" ", "  ", ",", ", ", ":", ": ", ".", "(", ")", "[", "]", "-", "–", "1968", "1968a", "2049", "1499",
                   "19", "3", "405", "20", "no.", "No. ", "vol.", "Vol ", "pp.", "p. ", "S", "e33", "Spring ",
                   "Issue", "iss", "/", "x", "Soviet Studies", "\x00", "٣", "12,", "n°"]


def _locator_samples(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_LOCATOR_PIECES) for _ in range(rng.randint(1, 12))) for _ in range(count)]


def test_chicago_needs_a_year_before_a_paren():
    # find_locators runs CHICAGO only where _year_before_paren finds one
    samples = _locator_samples(30000, 1968) + ["19, no. 3 (1968): 405-20", "19 (Spring 1968a): 405", "5 (1, 1999)"]
    for text in samples:
        for start in range(0, len(text) + 1, 3):
            if locators.CHICAGO.search(text, start):
                assert locators._year_before_paren(text, start), (text, start)


def test_pages_as_cited_have_no_space_to_strip():
    # _pages_of takes the pages as cited straight from the match: nothing around them to strip
    for text in _locator_samples(30000, 1972):
        for pattern in (locators.CHICAGO, locators.VOL_ISSUE, locators.LABELLED_PAGES, locators.BARE,
                        locators.RANGE):
            for match in pattern.finditer(text):
                if match.group("first"):
                    raw = text[match.start("first"):match.end()]
                    assert raw == raw.strip(), (pattern, text)


@pytest.mark.parametrize("text, kind", [
    ("Smith, J. (1999). The soil of the steppe (Doctoral dissertation). Moscow State University.",
     ReferenceKind.OTHER),
    ("Smith, J. (1999). The soil of the steppe. Paper presented at the Annual Meeting, Boston, MA.",
     ReferenceKind.CHAPTER),
    ("Smith, J. (1999). The soil of the steppe. Proceedings of the National Academy of Sciences, 12(3), 1-9.",
     ReferenceKind.ARTICLE),
    ("Smith, J. (1999). Steppe. Working paper. Retrieved 3 May 2001 from https://example.org/x",
     ReferenceKind.OTHER),
    ("Smith, J. (1999). Steppe. Soviet Studies, 12(3), 1-9. Unpublished.", ReferenceKind.ARTICLE),
])
def test_genre_and_proceedings_are_read_from_the_parsed_text(text, kind):
    # _kind reads them from fields.text only when its verdict depends on them
    source = SourceText("doc.txt", text)
    assert references.parse_reference(source, 0, len(text)).kind is kind
