"""The reference parser's fast paths give exactly what the general paths give.

- ``authors._COMMON_INVERTED`` (the commonest inverted name) reads MLA's names too ("Coox,
  Alvin D.. ", "Coox, Roy. "): wherever it matches, ``authors._NAME`` matches the same text in
  its inverted form with the same family and given names.
- ``authors.scan_names`` ends a list without trying ``_SEPARATOR`` and ``_ET_AL`` where neither
  can match, after a period too: the same people, end and "et al." as trying both every time.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from verify_refs.extract import authors

from test_speed_ids import check_common_inverted

SNIPPETS = [
    'Coox, Alvin D.. "Anatomy." Soviet Studies, vol. 19, no. 3, 1968, pp. 405-20.',
    'Coox, J.. "Anatomy." Soviet Studies', 'Coox, Roy. "Anatomy." Kritika', "Coox, Roy.. Title",
    "Coox, Ro. (1968)", "Coox, Roy. (1968)", "Coox, Roy. 1968", "Coox, Roy., Smith, J.", "Coox, Roy.",
    "Coox, Roy. A. (1968)", "Coox, Roy. Alvin.", "Coox, Roy.-P. (1968)", "Coox, Ab.. Title", "Coox, Abc.. Title",
    "Coox, A.. Title", "Coox, A. D.. Title", "Coox, Alvin.. Title", "Coox, Alvin D.. Title", "Coox, Alvin D...",
    "Ивáнов, Ив. (1999)", "Ивáнов, Иван И.. Заголовок", "Smith, J.. and Jones, K.", "Smith, J.. & Jones, K.",
    "Smith, J.. Jones, K. Title", "Smith, J.. JONES, K. Title", "Smith, J.. et al. Title", "Smith, J.. 'Title'",
    "Smith, J..\t(2001)", "Smith, J..  (2001)", "Smith, J.. \x00 Title", "Smith, J..: Title", "Smith, J..",
]
_PIECES = [
    "Coox", "Smith", "Alvin", "Roy", "Ro", "Bill", "Al", "Jo", "A.", "D.", "J.", "И.", "Ив", "Ab.",
    "Ивáнов", "The", "Das", "Press", "van", "de", "Bank", "Jr.", "McDonald", "JONES", "et al.", "u. a.",
    ", ", ",", " ", ".", "..", ". ", ";", ":", " (", "(1968)", " 1968", ' "', "'", "[", "&", " & ", "-", "\t",
    " and ", "\x00", "é",
]


def _scan_names_trying_every_separator(text: str, pos: int = 0):
    """``scan_names`` without its shortcut: ``_SEPARATOR`` (and then ``_ET_AL``) tried after
    every name."""
    people, end, last, natural = [], pos, False, False
    while True:
        match = authors._NAME.match(text, pos)
        if not match:
            break
        if natural and match.lastindex in authors._INVERTED_GROUPS:
            break  # a natural-order first name is followed by no inverted one
        natural = natural or (not people and match.lastindex == authors._NATURAL_GROUP)
        whole, family, given_names = match.group(0, *authors._NAME_GROUPS[match.lastindex])
        people.append(authors._person(whole, family, given_names))
        end = pos = match.end()
        suffix = authors._SUFFIX.match(text, pos)
        if suffix:
            end = pos = suffix.end()
        if last:
            break
        separator = authors._SEPARATOR.match(text, pos)
        if not separator:
            break
        last = authors._CONJUNCTION.search(separator.group()) is not None
        pos = separator.end()
        ellipsis = authors._ELLIPSIS.match(text, pos)  # APA's ". . ." before the last author
        if ellipsis is not None:
            pos, last = ellipsis.end(), True
    et_al = authors._ET_AL.match(text, end) if people else None
    if et_al:
        end = et_al.end()
    return people, end, bool(et_al)


def _check_scan(text: str) -> None:
    for pos in range(len(text)):
        assert authors.scan_names(text, pos) == _scan_names_trying_every_separator(text, pos), (text, pos)


def test_mla_names_take_the_fast_path():
    assert authors._COMMON_INVERTED.match('Coox, Alvin D.. "Anatomy."').group("given") == "Alvin D."
    assert authors._COMMON_INVERTED.match('Coox, J.. "Anatomy."').group("given") == "J."
    assert authors._COMMON_INVERTED.match('Coox, Roy. "Anatomy."').group("given") == "Roy."
    assert not authors._COMMON_INVERTED.match("Coox, Roy. Title")  # "Roy. Title" may go on


def test_snippets():
    for text in SNIPPETS:
        check_common_inverted(text)
        _check_scan(text)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=10))
def test_glued_pieces(pieces):
    text = "".join(pieces)
    check_common_inverted(text)
    _check_scan(text)


# --- the identifier lead-in precheck ----------------------------------------------------

_LEAD_IN_PIECES = [
    "Retrieved from", "retrieved  from", "Available at", "available from", "Available online", "Available online at",
    "Available on", "[Online]", "online", "Online]", "URL", "Accessed via", "See", "see", "Title", "Press", "pp.",
    "405-20", "\x00", "\x00\x00", " ", "  ", "\t", "\u3000", ":", " : ", ".", ",", ";", "]", "(", "é", "Lee",
]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_LEAD_IN_PIECES), min_size=1, max_size=10))
def test_the_leftover_precheck_never_skips_a_lead_in(pieces):
    from verify_refs.extract import references

    text = "".join(pieces)
    if references._ID_LEFTOVERS.search(text):
        assert references._may_have_leftovers(text), text
