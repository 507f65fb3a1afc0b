"""The first line of a note: label, backlinks, body start."""

import pytest

from verify_refs.extract.notes import match_note_line


def head(line: str):
    return match_note_line(line, 0, len(line))


@pytest.mark.parametrize(("line", "label", "backlinks", "body"), [
    ("1. Coox 1968, p. 407.", "1", None, "Coox 1968"),
    ("  1.  Coox 1968, p. 407.", "1", None, "Coox 1968"),
    ("1 Coox 1968, p. 407.", "1", None, "Coox 1968"),
    ("[1] Smith, J. Title.", "1", None, "Smith, J."),
    ("1) Smith, J. Title.", "1", None, "Smith, J."),
    ("\u00b9 Coox 1968.", "1", None, "Coox 1968"),
    ("  3. ^ Alexander, Berkman (1989).", "3", 1, "Alexander"),
    ("^ Coox 1968, p. 409.", None, 1, "Coox 1968"),
    ("  2. Jump up to:a b c d e f g Kuksin, Ilya", "2", 7, "Kuksin"),
    ("4. Jump up to: a b c d Coox 1968, p. 408.", "4", 4, "Coox 1968"),
    ("Jump up to: a b c a study of defectors", None, 3, "a study"),
    ("^ a b Coox 1968.", None, 2, "Coox 1968"),
    ("^ a study of defectors", None, 1, "a study"),
    ("[^coox]: Coox 1968, p. 407.", "coox", None, "Coox 1968"),
    ("12. Coox 1968.", "12", None, "Coox 1968"),
])
def test_note_line_forms(line, label, backlinks, body):
    found = head(line)
    assert found is not None
    assert (found.label, found.backlinks) == (label, backlinks)
    assert line[found.body_start:].startswith(body)


def test_label_start_points_at_the_label_or_its_bracket():
    assert head("  12. Coox").label_start == 2
    assert head("[7] Coox").label_start == 0
    assert head("  [^n]: Coox").label_start == 2


@pytest.mark.parametrize("line", ["Hello there", "12", "1.5 million people", "1938", "", "   ",
                                  "[a] note", "Jump", "^"])
def test_not_note_lines(line):
    assert head(line) is None


def test_bare_numbers_are_weak_and_markup_is_strong():
    assert head("10 Coox, Alvin").weak and not head("10 Coox, Alvin").strong
    assert not head("10. Coox").weak
    assert head("[10] Coox").strong and head("10. ^ Coox").strong
    assert head("1938. In that year").weak  # four digits: a year unless in sequence
