"""The parser's fast paths must give exactly what the slow paths they skip would give."""

from __future__ import annotations

import re

import pytest

from verify_refs.extract import authors, locators, references
from verify_refs.extract.dates import DAY_DATE, MONTH_QUICK
from verify_refs.extract.references import parse_reference, read
from verify_refs.extract.source import SourceText
from verify_refs.identifiers import _TRIGGERS, HANDLERS, Found, scan
from verify_refs.models import IdScheme

REFERENCES = [
    'Coox, Alvin D. (1968). "L\'Affaire Lyushkov". Soviet Studies. 19 (3): 405–20. '
    "doi:10.1080/09668136808410603. ISSN 0038-5859.",
    "Smith, J. (2001). A title. Journal, 3(2), 1-9. https://www.doi.org/10.1234/abc.def",
    "Smith, J. (2001). A title. Journal, 3(2), 1-9. http://dx.doi.org/10.1234/abc",
    "Smith, J. A title. Retrieved from https://example.org/page (accessed 3 May 2001).",
    "Available online at: www.example.org/x.html. Accessed via JSTOR 149953.",
    "Title. e-ISSN 1234-5679, p-ISSN: 0038-5859. arXiv:1501.00001v2 and arxiv.org/abs/hep-th/9901001",
    "Smith. Book. London: Verso, 1999. ISBN 978-0-394-44645-3 1971. OCLC 251139. PMID: 12345678",
    "See https://www.jstor.org/stable/149953 and DOI 10.1000/xyz [Online] \x00.",
    "Kotkin, S. Stalin. New York: Penguin Press, 2014. See: doi:10.1/x; Doi 10.5555/12345678.",
    "Ивáнов, И. «Заголовок» (in Russian). Вестник 5 (1): 1–20. 1 Jan 1999. Retrieved 2 June 2005.",
]


def _slow_scan(text: str) -> list[Found]:
    """``scan`` as it was: every triggered pattern run over the whole text."""
    matches = []
    for scheme, handler in HANDLERS.items():
        if not any(word in text for word in _TRIGGERS[scheme]):
            continue
        for match in handler.pattern.finditer(text):
            raw = handler.trim(match.group("id"))
            if raw:
                start = match.start("id")
                item = Found(scheme, match.start(), start, start + len(raw), raw, handler.normalise(raw))
                matches.append((match.start(), handler.priority, -len(raw), item))
    kept: list[Found] = []
    outer_end = -1
    for _, _, _, item in sorted(matches, key=lambda m: m[:3]):
        if item.label_start >= outer_end:
            kept.append(item)
            outer_end = item.end
        elif item.scheme is IdScheme.JSTOR and kept and kept[-1].scheme is IdScheme.URL:
            kept.append(item)
    return kept


@pytest.mark.parametrize("text", REFERENCES + [f"{'x' * n}https://www.doi.org/10.1234/5" for n in range(15)])
def test_scan_from_first_trigger_finds_what_a_full_scan_finds(text):
    assert scan(text) == _slow_scan(text)


@pytest.mark.parametrize("pattern", [references._PUBLISHER_WORDS, references._NEWS_WORDS,
                                     references._JOURNAL_WORDS, authors._ORGANISATION])
def test_keyword_lookahead_changes_no_match(pattern):
    plain = re.compile(pattern.pattern[pattern.pattern.index("])") + 2:])
    words = plain.pattern[len(r"\b(?:"):-len(r")\b")].split("|")
    samples = REFERENCES + [f"x {w} y" for w in words] + [f"x{w}" for w in words] + ["Éditions du Seuil"]
    for text in samples:
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_issue_lookahead_changes_no_match():
    plain = re.compile(locators.ISSUE.pattern.replace("(?=[NnIiH])", "", 1))
    for text in REFERENCES + ["vol. 3, no. 4", "Nr. 5", "iss 7", "Issue 2", "Number 9", "Heft 3", "n° 4"]:
        assert [m.span() for m in locators.ISSUE.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("date", ["1 Jan 1999", "January 5, 2001", "1999, March 3", "12 June 2005",
                                  "Sept 9, 1939", "2001 Autumn 3", "3 Fall 1999", "Winter 2, 1950",
                                  "4 Spring 1940", "Summer 1, 2000", "Jul 4 1776", "May 1, 1900"])
def test_month_quick_is_necessary_for_day_date(date):
    assert DAY_DATE.search(date)
    assert MONTH_QUICK.search(date)


@pytest.mark.parametrize("text", [
    "A. Title. Retrieved from \x00", "A. Title. Available at: \x00", "A. [Online] \x00",
    "A. Available online at \x00 \x00", "A. URL \x00", "A. Accessed via \x00", "A. See \x00",
    "A. Retrieved from \x00. Available from: \x00", "no cut here, Retrieved from",
])
def test_leftover_precheck_never_skips_a_leftover(text):
    if references._ID_LEFTOVERS.search(text):
        assert references._may_have_leftovers(text)


@pytest.mark.parametrize("text", REFERENCES + ["Coox 1968, p. 407.", "Ibid., p. 12."])
def test_a_reading_is_reused_only_to_the_same_effect(text):
    source = SourceText("doc.txt", f"Notes\n\n1. {text}\n")
    start = source.text.index(text[:5])
    end = start + len(text)
    reading = read(source.text[start:end])
    assert parse_reference(source, start, end, reading=reading) == parse_reference(source, start, end)
