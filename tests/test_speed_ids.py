"""The fast paths of the name scanner give exactly what the general path gives.

``authors._COMMON_INVERTED`` (the commonest inverted name, one small regex) must, wherever it
matches, match what ``authors._NAME`` matches there: the same text, in the inverted form, with
the same family and given names. Checked on in-repo snippets, generated names and, when
present, the real reference strings of /work/shared/reference-strings.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify_refs.extract import authors

_GOLD = Path("/work/shared/reference-strings/anystyle-gold.xml")
_INVERTED_FORM = 1  # the number of the group around ``_INVERTED`` in ``_NAME`` (its first form)

SNIPPETS = [
    'Coox, Alvin D. (1968). "L\'Affaire Lyushkov". Soviet Studies. 19 (3): 405–20.',
    "Coox, A. D. (1968). Title.", "Coox, A. (1968)", 'Coox, Roy "Title." Kritika', "Coox, Roy. Title",
    "Coox, Bill. Title", "Coox, Al. (1968)", "Coox, Alvin. Title", "Coox, Alvin D.. Title",
    "Smith, J., & Jones, K. (2001)", "Smith, J.; Jones, K.", "Smith, J. & Jones, K.", "Smith, J. 2001. Title",
    "Smith, John 2001. Title", "Smith, John 20. Title", "Smith, John: Title", "Smith, J.", "Smith, John",
    "Smith, John A. Title", "Smith, J. Title. Journal", "Smith, J. A. B. (2001)", "Smith, J.A. (2001)",
    "Smith, J.-P. (2001)", "Smith, John de, Title", "Andrade, Mário de (1999)", "Das, S. (2001)",
    "Press, W. H. (1992)", "Press, William (1992)", "The, A. (1999)", "On, Roy (1999)", "Smith, The (1999)",
    "Smith, New. Title", "Smith, Newton. Title", "Van, A. (1999)", "De, Roy (1999)", "St, A. (1999)",
    "Ивáнов, И. (1999)", "Ивáнов, Иван. Заголовок", "Müller, Jörg (2000)", "Ng, Wei. Title",
    "Smith, John, Jr. (2001)", "Smith, J. [2001]", 'Smith, J. "Title"', "Smith, J.\t(2001)",
    "Smith, J. (eds.) Title", "Smith, John (ed.)", "Bank, World (2005)", "Smith, Inc. (2005)",
    "Cajal, S.R., Holm, J.", "Grieve, R. A. F., Brown, A.", "Petsko, G. A.", "Smith, J.A.B.C. (2001)",
    "Smith, J. A.B. Title", "Smith, J.  A. (2001)", "Smith, J. Ab. (2001)", "Smith, J.Ab. (2001)",
]
_PIECES = [
    "Coox", "Smith", "Alvin", "Roy", "Bill", "Al", "Jo", "Dylan", "A.", "D.", "J.", "И.", "A.B.", "Ab.",
    "Ивáнов", "Müller", "\u00a0",
    "The", "On", "New", "Das", "Press", "Van", "de", "Bank", "Inc", "Jr.", "St.", "McDonald", "O'Brien", "X",
    ", ", ",", " ", ".", ". ", ";", ":", " (", "(1968)", " 1968", " 20", ' "', "[", "&", " & ", "-", "\t", "\n",
    " and ", " et al.", "é", "ab",
]


def check_common_inverted(text: str) -> None:
    """Wherever ``_COMMON_INVERTED`` matches in ``text``, ``_NAME`` reads the same name in its
    inverted form (shared with tests/test_speed_parser2.py)."""
    for pos in range(len(text)):
        fast = authors._COMMON_INVERTED.match(text, pos)
        if fast is None:
            continue
        general = authors._NAME.match(text, pos)
        assert general is not None, (text, pos)
        family, given_names = authors._NAME_GROUPS[general.lastindex]
        assert general.lastindex == _INVERTED_FORM, (text, pos)
        assert fast.group(0, "family", "given") == general.group(0, family, given_names), (text, pos)


def test_the_inverted_form_is_the_first():
    assert authors._NAME_GROUPS[_INVERTED_FORM] == (authors._NAME.groupindex["family0"],
                                                    authors._NAME.groupindex["given0"])


def test_common_inverted_names_match_as_the_general_pattern():
    for text in SNIPPETS:
        check_common_inverted(text)
    # the snippets do reach the fast path (and leave it where they should)
    assert authors._COMMON_INVERTED.match("Coox, Alvin D. (1968)")
    assert authors._COMMON_INVERTED.match("Coox, Bill. Title")
    assert not authors._COMMON_INVERTED.match("Coox, Roy. Title")  # "Roy." is an initial there


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=10))
def test_common_inverted_names_match_as_the_general_pattern_on_glued_pieces(pieces):
    check_common_inverted("".join(pieces))


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="AaBbJjRoyé., ;:(\"&12-\t", max_size=24))
def test_common_inverted_names_match_as_the_general_pattern_on_random_text(text):
    check_common_inverted(text)


@pytest.fixture(scope="module")
def gold_strings() -> list[str]:
    if not _GOLD.exists():
        pytest.skip("no real reference strings here")
    xml = _GOLD.read_text(encoding="utf-8")
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", "", seq)).split())
            for seq in re.findall(r"<sequence>(.*?)</sequence>", xml, re.S)]


def test_common_inverted_names_match_as_the_general_pattern_on_real_references(gold_strings):
    for text in gold_strings:
        check_common_inverted(text)
