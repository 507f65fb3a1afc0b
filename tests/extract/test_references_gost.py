"""GOST (the Russian bibliographic standard, ГОСТ Р 7.0.5 and 7.1), in which our users' Russian
sources are usually cited: "Family I. O. Title // Journal. Year. № N. С. 3–21.", with ". – "
between the areas, the authors after the title ("Title / I. O. Family // ..."), books with
abbreviated places ("М.: РОССПЭН, 1996. 302 с.") and chapters ("// Book / ed. by ...").
"""

from __future__ import annotations

import pytest

from verify_refs.extract.references import looks_like_reference, parse_reference
from verify_refs.extract.source import SourceText
from verify_refs.models import Person, ReferenceKind


def parse(text: str):
    source = SourceText("doc.txt", text)
    return parse_reference(source, 0, len(source.text))


@pytest.mark.parametrize("text", [
    "Хлевнюк О. В. Сталин и Молотов // Вопросы истории. 1993. № 5. С. 3–21.",
    "Хлевнюк О. В. Сталин и Молотов // Вопросы истории. – 1993. – № 5. – С. 3–21.",
    "Хлевнюк О. В. Сталин и Молотов // Вопросы истории. — 1993. — № 5. — С. 3–21.",
    "Сталин и Молотов / О. В. Хлевнюк // Вопросы истории. – 1993. – № 5. – С. 3–21.",
])
def test_journal_article(text):
    reference = parse(text)
    assert reference.kind is ReferenceKind.ARTICLE
    assert reference.authors == (Person("Хлевнюк", "О. В."),)
    assert reference.title == "Сталин и Молотов"
    assert reference.container == "Вопросы истории"
    assert (reference.year, reference.volume, reference.issue) == (1993, None, "5")
    assert (reference.pages.first, reference.pages.last) == ("3", "21")


def test_volume_issue_and_pages_in_russian_and_in_english():
    russian = parse("Жуков Ю. Н. Репрессии и Конституция СССР 1936 года // Вопросы истории. 2002. Т. 12, № 1. С. 3–26.")
    assert (russian.title, russian.container) == ("Репрессии и Конституция СССР 1936 года", "Вопросы истории")
    assert (russian.year, russian.volume, russian.issue, russian.pages.raw) == (2002, "12", "1", "3-26")
    english = parse("Kuromiya H. Accounting for the Great Terror // Jahrbücher für Geschichte Osteuropas. "
                    "2005. Vol. 53, No. 1. P. 86–101.")
    german = parse("Kuromiya H. Accounting for the Great Terror // Jahrbücher für Geschichte Osteuropas. "
                   "2005. Bd. 53, H. 1. S. 86–101.")
    for reference in (english, german):
        assert reference.authors == (Person("Kuromiya", "H."),)
        assert (reference.title, reference.container) == ("Accounting for the Great Terror",
                                                          "Jahrbücher für Geschichte Osteuropas")
        assert (reference.volume, reference.issue, reference.pages.raw) == ("53", "1", "86-101")


def test_transliterated_article():
    reference = parse("Khlevniuk O. V. Stalin i Molotov // Voprosy istorii. 1993. No. 5. S. 3–21.")
    assert reference.authors == (Person("Khlevniuk", "O. V."),)
    assert (reference.title, reference.container, reference.issue) == ("Stalin i Molotov", "Voprosy istorii", "5")


def test_chapter_in_an_edited_book():
    reference = parse("Getty J. A. The Politics of Repression Revisited // Stalinist Terror: New Perspectives / "
                      "ed. by J. A. Getty, R. T. Manning. Cambridge: Cambridge University Press, 1993. P. 40–62.")
    assert reference.kind is ReferenceKind.CHAPTER
    assert reference.authors == (Person("Getty", "J. A."),)
    assert reference.editors == (Person("Getty", "J. A."), Person("Manning", "R. T."))
    assert (reference.title, reference.container) == ("The Politics of Repression Revisited",
                                                      "Stalinist Terror: New Perspectives")
    assert (reference.place, reference.publisher, reference.year) == ("Cambridge", "Cambridge University Press", 1993)
    assert reference.pages.raw == "40-62"


@pytest.mark.parametrize("text, author, title", [
    # a title word before ":" or "." must not make "Хлевнюк О. В. Политбюро" a natural-order name
    ("Хлевнюк О. В. Политбюро: механизмы политической власти в 1930-е годы. М.: РОССПЭН, 1996. 302 с.",
     Person("Хлевнюк", "О. В."), "Политбюро: механизмы политической власти в 1930-е годы"),
    ("Хлевнюк О.В. Политбюро. – М.: РОССПЭН, 1996. – 302 с.", Person("Хлевнюк", "О.В."), "Политбюро"),
    ("Khlevniuk O. V. Politbiuro: mekhanizmy politicheskoi vlasti. M.: ROSSPEN, 1996. 302 s.",
     Person("Khlevniuk", "O. V."), "Politbiuro: mekhanizmy politicheskoi vlasti"),
])
def test_book_with_an_abbreviated_place(text, author, title):
    reference = parse(text)
    assert reference.kind is ReferenceKind.BOOK
    assert reference.authors == (author,)
    assert reference.title == title
    assert reference.place in ("М.", "M.")
    assert reference.publisher in ("РОССПЭН", "ROSSPEN") and reference.year == 1996
    assert reference.pages is None  # "302 с." counts the book's pages: no range to check pinpoints against


def test_volume_of_a_book_is_no_journal():
    reference = parse("Голованов Н. Н. Геометрическое моделирование. – М.: Академия, 2011. – Т. 2. – 272 с.")
    assert reference.kind is ReferenceKind.BOOK
    assert (reference.place, reference.publisher, reference.volume, reference.container) == ("М.", "Академия", "2", None)


def test_natural_order_names_stay_natural():
    """The GOST forms leave natural order alone where it is natural: initials first, or a name
    followed by the year (ACM), or one initial."""
    assert parse("О. В. Хлевнюк. Политбюро. М.: РОССПЭН, 1996.").authors == (Person("Хлевнюк", "О. В."),)
    assert parse("John A. B. Smith. 2001. A study of things. Journal of Stuff 12, 3 (2001), 45-67.").authors == (
        Person("Smith", "John A. B."),)
    assert parse("Alvin D. Coox. Nomonhan: Japan Against Russia, 1939. Stanford University Press, 1985.").authors == (
        Person("Coox", "Alvin D."),)


def test_a_short_gost_note_is_no_reference():
    assert not looks_like_reference("Хлевнюк О. В. Указ. соч. С. 45.")
