"""The reference tail's faster forms give what the plainer ones give."""

from __future__ import annotations

import random
import re

from verify_refs.extract import locators, references

_PIECES = [" ", ", ", ":", ": ", ".", "(", ")", "-", "1968", "1968a", "19", "3", "405", "20", "no. ", "vol. ",
           "pp. ", "Spring ", "Soviet Studies", "\x00", "٣", "x"]


def _samples(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 12))) for _ in range(count)]


_LABEL = re.compile(r"(?:[Vv]ol(?:ume)?|VOL|Bd|[Nn]os?|[Nn]r|[Ii]ss|[Ii]ssue|[Nn]umber|n°)\.?\s*")


def test_parenthesised_locators_are_the_earliest_chicago_or_vol_issue_match():
    # find_locators looks for no digit before CHICAGO and VOL_ISSUE: the earlier match wins
    # (CHICAGO on a tie), and without either the other patterns decide
    for text in _samples(20000, 1939) + ["19, no. 3 (1968): 405-20", "Review 12 (3): 5-9, 31, no. 2 (1968)"]:
        if "(" not in text:
            continue
        chicago, vol_issue = locators.CHICAGO.search(text), locators.VOL_ISSUE.search(text)
        starts = [match.start() for match in (chicago, vol_issue) if match]
        if starts:
            # (or at the volume's or issue's label right before: "Vol. 15 (1898)", "no. 4 (2004)")
            start = locators.find_locators(text).start
            assert start == min(starts) or (start < min(starts) and _LABEL.fullmatch(text[start:min(starts)])), text
            assert (locators.find_locators(text).year is not None) == (chicago is not None
                                                                         and chicago.start() == min(starts)), text


def test_no_digit_no_locators():
    for text in ["(Pluto Press)", "London: Pluto (Press).", "(", ""]:
        assert locators.find_locators(text) == locators.Locators()


def test_tail_year_prefers_the_first_year_in_parentheses():
    for tail, year in [("Moscow, 1968 (1971)", 1971), ("Moscow, 1968, 1971", 1968), ("(1968) (1971)", 1968),
                       ("1968 1971 (1972) (1973)", 1972), ("no year", None)]:
        fields = references._Fields()
        references._take_tail_year(tail, fields)
        assert fields.year == year, tail


def test_blanking_keeps_offsets_and_covers_every_span():
    tail = " Soviet Studies, vol. 22, no. 3, 1968, pp. 100-30."
    spans = locators.find_locators(tail).spans
    blanked = references._blank_locators(tail, spans)
    assert len(blanked) == len(tail)
    for start, end in spans:
        assert blanked[start:end] == "\x00" * (end - start)
