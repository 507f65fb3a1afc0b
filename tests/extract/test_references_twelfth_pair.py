"""Forms the twelfth pair of blind testers wrote, and gaps the real reference strings showed:
a book's editors or translator after its title when no bracketed imprint follows."""

from __future__ import annotations

import pytest

from verify_refs.extract.references import parse_reference
from verify_refs.extract.source import SourceText
from verify_refs.models import Person


def parse(text: str):
    source = SourceText("doc.txt", text)
    return parse_reference(source, 0, len(source.text))


@pytest.mark.parametrize("text, title, editors", [
    ("Bede, V. A Biblical Miscellany, trans. Trent Foley and Arthur G. Holder. Liverpool, 1999.",
     "A Biblical Miscellany", ()),
    ("Alexander Nequam. Speculum speculationum, ed. Rodney M. Thomson. Oxford, 1988.",
     "Speculum speculationum", (Person("Thomson", "Rodney M."),)),
    ("Balzac, Honoré de. A Harlot of High and Low, trans. Rainer Heppenstall. New York: Penguin, 1970.",
     "A Harlot of High and Low", ()),
])
def test_a_credit_after_a_book_title_is_not_the_title(text, title, editors):
    """ "Title, trans. NAME." ends the title at the comma, as it does before a bracketed imprint:
    a title that kept the translator would not agree with the registry's."""
    reference = parse(text)
    assert reference.title == title
    assert reference.editors == editors


def test_a_review_keeps_the_book_and_its_editor_in_its_title():
    reference = parse('Smith, John. "Review of Letters from Moscow, ed. Anna Petrova." Slavic Review 50, '
                      "no. 2 (1991): 410-411.")
    assert "ed. Anna Petrova" in reference.title


@pytest.mark.parametrize("text, title", [
    ("Klein, Étienne, Les tactiques de Chronos, Paris, Éditions Flammarion, 2003.", "Les tactiques de Chronos"),
    ("Chapoulie, Jean-Michel, La profession médicale, Paris, Seuil, 1970.", "La profession médicale"),
    ("Brown, Raymond E., The Anchor Bible: The Gospel According to John, London: Geoffrey Chapman, 1971.",
     "The Anchor Bible: The Gospel According to John"),
    # a comma piece of the title's own is no place: "Philosophy and Gender" before the imprint
    ("Coakley, Sarah, Powers and Submissions: Spirituality, Philosophy and Gender, Oxford: Blackwell, 2002.",
     "Powers and Submissions: Spirituality, Philosophy and Gender"),
])
def test_a_comma_styled_book_title_ends_before_its_place(text, title):
    """ "Author, Title, Place, Publisher, Year" and "Author, Title, Place: Publisher, Year": the
    place is not the title's last words."""
    assert parse(text).title == title
