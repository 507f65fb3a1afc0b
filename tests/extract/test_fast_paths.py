"""The parser's fast paths must give exactly what the slow paths they skip would give."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import random
import re

import pytest

from verify_refs.extract import authors, locators, references
from verify_refs.extract.dates import DAY_DATE, MONTH_QUICK
from verify_refs.extract.references import parse_reference, read
from verify_refs.extract.source import SourceText
from verify_refs.identifiers import Found, scan
from verify_refs.models import IdScheme, Reference

from plain_scan import plain_scan

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


# trigger words that overlap, where a lost separator glues one label onto another
_GLUED_LABELS = ["Soviet Studies DOISSN 0038-5859.", "Knopf, 1972. DOISBN 978-0-394-44645-3",
                 "PMIDOI 10.1000/xyz", "jstor.org/stable/JSTORXIV 1234",
                 # bare ISBN-13s, also next to a DOI that holds one
                 "Knopf, 1972. 978-0-394-44645-3. doi:10.1007/978-3-642-12345-6_7", "p. 978. 9780394446453"]


@pytest.mark.parametrize("text", REFERENCES + _GLUED_LABELS
                         + [f"{'x' * n}https://www.doi.org/10.1234/5" for n in range(15)])
def test_scan_from_first_trigger_finds_what_a_full_scan_finds(text):
    assert scan(text) == plain_scan(text)


def _keyword_lists():
    """Every ``NAME = keywords("word", ...)`` of the parser, with the words it is built from
    (read from the source, so that the plain pattern below is not derived from the fast one)."""
    for module in (references, authors):
        for node in ast.parse(inspect.getsource(module)).body:
            if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
                    and getattr(node.value.func, "id", None) == "keywords"):
                name = node.targets[0].id
                words = [ast.literal_eval(arg) for arg in node.value.args]
                yield name, getattr(module, name), words


_KEYWORD_LISTS = list(_keyword_lists())


def test_every_keyword_list_is_checked():
    assert [name for name, _, _ in _KEYWORD_LISTS] == [
        "_PUBLISHER_WORDS", "_NEWS_WORDS", "_SCHOLARLY_WORDS", "_JOURNAL_WORDS", "_CONTAINER_WORDS", "_ORGANISATION"]


def _keyword_samples(words):
    rng = random.Random(1968)
    # each word as written by the regex (its plain spellings: "Editions?" -> "Edition", "Editions")
    spelled = []
    for word in words:
        plain = word.replace("\\w*", "al").replace("\\.", ".").replace("?", "")
        spelled += [plain, plain + "s", plain[:-1], plain.lower(), plain.upper()]
        if "[sz]" in word or "(?:er|re)" in word:
            spelled += [word.replace("[sz]", "s").replace("(?:er|re)", "er"),
                        word.replace("[sz]", "z").replace("(?:er|re)", "re")]
    samples = REFERENCES + ["Éditions du Seuil", "Little, Brown and Company", "Co. Inc. Ltd Ltd."]
    for word in spelled:
        samples += [f"x {word} y", f"x{word}", f"{word}x", f"{word}", f"({word}).", f"{word}-{word}", f"é{word}"]
    pieces = spelled + ["x", "1999", ".", ",", " ", "-", "é", "the", "Press", "Journal of"]
    for _ in range(3000):
        samples.append(rng.choice(["", " "]).join(rng.choice(pieces) for _ in range(rng.randint(1, 8))))
    return samples


@pytest.mark.parametrize("name, pattern, words", _KEYWORD_LISTS, ids=[n for n, _, _ in _KEYWORD_LISTS])
def test_keyword_fast_pattern_finds_what_the_plain_pattern_finds(name, pattern, words):
    plain = re.compile(rf"\b(?:{'|'.join(words)})\b")
    for text in _keyword_samples(words):
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)], text


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


_NAME_FOLLOWERS = ["", "and Smith", "et al.", "u. a.", "& B.", ", Smith, J.", "Smith, J.", "SMITH, J", "van Dam, A.",
                   "(1968)", '"Title"', "'Title'", "1999", ": x", "\x00", "and others", "y López", "и Петров"]


@pytest.mark.parametrize("follower", _NAME_FOLLOWERS)
def test_list_ends_start_no_separator_nor_et_al(follower):
    for end in authors._LIST_ENDS:
        for space in ("", " ", "  ", "\t", "\u3000"):
            text = f"{space}{end}{follower}"
            assert not authors._SEPARATOR.match(text) and not authors._ET_AL.match(text)


def test_leading_date_prefilter_never_skips_a_date():
    rng = random.Random(1972)
    pieces = [" ", ".", ",", ":", ";", "(", ")", "1968", "1968a", "5 ", "٣ ", "May", "June", "Spring", "Winter",
              "Sept.", '"', "n.d.", "(n.d.)", "in press", "[1969]", "Title", "\x00", "\u3000", "12,", "-70", "/71"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        if references.LEADING_DATE.match(text):
            first = text[:3].lstrip(references._CUT_GAP)[:1]
            assert not first or first in references._DATE_STARTS or first.isdecimal(), text


@pytest.mark.parametrize("text", REFERENCES + ["Pluto Press", "vol. x", "pp. iv", "٣ (٤): ٥-٩", "", "(Spring 1968)"])
def test_locators_need_a_digit(text):
    for pattern in (locators.CHICAGO, locators.VOL_ISSUE, locators.VOLUME, locators.LABELLED_PAGES,
                    locators.BARE, locators.RANGE):
        match = pattern.search(text)
        assert match is None or re.search(r"\d", match.group()), (pattern, text)


def test_particles_grouped_by_first_letter_match_as_the_plain_list():
    """``authors._PARTICLE`` (grouped by first letter) in every name form, against the same
    form with the particles as one plain alternation, in their order."""
    plain = rf"(?:(?:{'|'.join(authors._PARTICLES)})\s+)"
    forms = [(form, re.compile(form.pattern.replace(authors._PARTICLE, plain)))
             for form in (*authors._FORMS, authors._SEPARATOR)
             if form is not authors._INVERTED_TWO_WORD_FAMILY]  # (no particle in a two-word family)
    assert all(authors._PARTICLE in form.pattern for form, _ in forms)
    rng = random.Random(3)
    pieces = [p.replace("\\", "") for p in authors._PARTICLES] + [
        " ", "  ", ", ", "Coox", "Alvin", "D.", "J.-P.", "Allen", "Clercq", "Das", "The", "and", "(1968)", "-"]
    samples = [f"{a} {b}" for a in pieces for b in pieces]
    samples += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 9))) for _ in range(3000)]
    for text in samples:
        for fast, slow in forms:
            for pos in range(len(text) + 1):
                a, b = fast.match(text, pos), slow.match(text, pos)
                assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), (text, pos)


def _slow_clean(body: str, found: list[Found]) -> str:
    """``references._clean`` of a collapsed body without its shortcut for identifiers at the end."""
    pieces, at = [], 0
    for item in found:
        if item.label_start >= at:
            pieces += [body[at:item.label_start], references._CUT]
            at = item.end
    text = "".join(pieces) + body[at:]
    if not text.isascii():
        text = references.unicodedata.normalize("NFC", text)
    if "*" in text or "_" in text:
        text = references._EMPHASIS.sub(r"\2", references._COMMA_BEFORE_EMPHASIS.sub(".", text))
    if found:
        text = references._ID_LEFTOVERS.sub("", text)
        text = references._mark_cuts(references._drop_empty_parens(text))
    return text


def test_identifiers_at_the_end_are_cut_as_by_the_full_cleaning():
    rng = random.Random(13)
    pieces = ["Coox, A.", " ", "(", ")", "[", "]", ".", ",", ";", ":", "\u3000", "\x00", "Title", "1999",
              "Retrieved from", "[Online]", "See", "*T*", "é", "e\u0301", "doi:10.1234/5678", "ISBN 978-0-394-44645-3"]
    for _ in range(20000):
        text = " ".join("".join(rng.choice(pieces) for _ in range(rng.randint(1, 10))).split())
        found = scan(text)
        if not found and len(text) > 1:  # spans of any kind, the last one often at the end
            start = rng.randrange(len(text))
            end = rng.choice([len(text), rng.randint(start + 1, len(text))])
            found = [Found(IdScheme.DOI, max(0, start - rng.randint(0, 3)), start, end, text[start:end], "")]
        assert references._clean(text, found, collapsed=True) == _slow_clean(text, found), (text, found)


def test_parse_reference_passes_the_fields_in_the_models_order():
    # parse_reference builds Reference positionally (24 keywords cost more than the rest of
    # it): a field added to or moved in the model must be added or moved there too
    assert tuple(f.name for f in dataclasses.fields(Reference)) == references._REFERENCE_FIELDS


def test_no_letters_holds_no_letter():
    # _segments stops at the tail's last letter by stripping these from its end
    assert not re.search(r"[^\W\d_]", references._NO_LETTERS)
