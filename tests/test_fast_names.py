"""The faster forms of the name and identifier scanners give exactly what the plain forms give.

Each test compares the code with a plain version written here (the form it replaced) on the
in-repo reference snippets, pieces glued at random and, when present, the real reference
strings of /work/shared/reference-strings.
"""

from __future__ import annotations

import html
import random
import re
from pathlib import Path

import pytest

from verify_refs.extract import authors, names
from verify_refs.identifiers import Found, base, isbn, scan
from verify_refs.models import Person

from plain_scan import plain_scan

_GOLD = Path("/work/shared/reference-strings/anystyle-gold.xml")

SNIPPETS = [
    "Li H, Jia E, Hong Y, Chen Y, Jiao J. Phytoestrogens and NAFLD: possible mechanisms. Mini Rev Med Chem. 2020;20(7):578-583.",
    "Ellis W, Sean M Arietta, Coox AD. Greenberg D, Ramsaroop R. Ductography: a pictorial essay.",
    'Coox, Alvin D. (1968). "L\'Affaire Lyushkov". Soviet Studies. 19 (3): 405–20. '
    "doi:10.1080/09668136808410603. ISSN 0038-5859.",
    "Smith, J. (2001). A title. Journal, 3(2), 1-9. https://www.doi.org/10.1234/abc.def",
    "Smith, J. A., & O'Brien, K. (2001). A title. http://dx.doi.org/10.1234/abc",
    "Available online at: www.example.org/x.html. Accessed via JSTOR 149953.",
    "Title. e-ISSN 1234-5679, p-ISSN: 0038-5859. arXiv:1501.00001v2 and arxiv.org/abs/hep-th/9901001",
    "Smith. Book. London: Verso, 1999. ISBN 978-0-394-44645-3 1971. OCLC 251139. PMID: 12345678",
    "See https://www.jstor.org/stable/149953 and DOI 10.1000/xyz [Online] \x00.",
    "Soviet Studies DOISSN 0038-5859. Knopf, 1972. DOISBN 978-0-394-44645-3 PMIDOI 10.1000/xyz",
    "jstor.org/stable/JSTORXIV 1234 p. 978. 9780394446453 (1979) 97978-0-394-44645-3",
    "Ивáнов, И. «Заголовок» (in Russian). Вестник 5 (1): 1–20. 1 Jan 1999.",
    "Langdon, R. Coltheart, M. ROUSSILLON, René. CHABERT, Catherine. O. Ambacher and D. Dell'Acqua",
    "Carrère d'Encausse, Hélène, van Ree, E., De Clercq, D., Sajal K Das, Das, S.K., Roland Barthes",
    "Andrade, Mário de, Goethe, Johann Wolfgang von; Lévy-Bruhl, L.; Smith-Jones, A.-M. et al. (2001)",
    "World Bank. (2005). Report. United Nations Office, Smith, Inc. Ellis W, Sean M Arietta, Coox AD.",
]
_PIECES = [
    "Coox", "Alvin", "D.", "J.-P.", "O'Brien", "O’Neil", "Dell'Acqua", "D'", "l'", "'", "’", "-", "--",
    "Lévy-Bruhl", "van", "de", "Das", "The", "Bank", "Inc.", "AB", "A", "Mc", "Roland", "and", "&", "et al.",
    ", ", ",", "; ", " ", "  ", ".", "(1968)", "1999", '"Title"', "Ивáнов", "И.", "ÉMILE", "x", "\t",
    "doi:", "DOI ", "10.", "1080/", "https://doi.org/", "ISBN ", "ISSN ", "JSTOR ", "OCLC", "PMID", "978",
    "979", "-0-394-44645-3", "0038-5859", "www.", "arXiv:", ")", "(", "]", "<", ">", "X",
]


def _gold_strings() -> list[str]:
    if not _GOLD.exists():
        return []
    xml = _GOLD.read_text(encoding="utf-8")
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", "", seq)).split())
            for seq in re.findall(r"<sequence>(.*?)</sequence>", xml, re.S)]


@pytest.fixture(scope="module")
def samples() -> list[str]:
    rng = random.Random(1938)
    glued = ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 12))) for _ in range(4000)]
    return SNIPPETS + glued + _gold_strings()


def _name_starts(text: str) -> list[int]:
    """Where a list of names may start: the text's start and after a space or punctuation."""
    return [0] + [i + 1 for i, ch in enumerate(text) if ch in " ,;.&(\"'"]


# --- names -------------------------------------------------------------------

# The capitalised words as they were, letter by letter (the second branch of each fast form).
_PLAIN_CAP = rf"[{authors._UP}](?:{authors._LETTER}|['’](?={authors._LETTER}))+"
_PLAIN_NAME_WORD = (rf"[{authors._UP}](?:[{authors._LOWER}]|['’-](?={authors._LETTER}))"
                    rf"(?:{authors._LETTER}|['’-](?={authors._LETTER}))*")


def _plain(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(pattern.pattern.replace(authors._CAP, _PLAIN_CAP).replace(authors._NAME_WORD, _PLAIN_NAME_WORD))


_PLAIN_FORMS = tuple(_plain(form) for form in authors._FORMS)
_PLAIN_NEXT = _plain(authors._SEPARATOR)
_PLAIN_VANCOUVER_LAST = _plain(authors._VANCOUVER_LAST)
_PLAIN_STARTS_WITH_INITIAL = re.compile(authors._STARTS_WITH_INITIAL)


def test_every_form_has_the_fast_words_and_its_plain_copy_none():
    assert authors._CAP.endswith(f"|{_PLAIN_CAP})") and authors._NAME_WORD.endswith(f"|{_PLAIN_NAME_WORD})")
    for fast, plain in zip((*authors._FORMS, authors._SEPARATOR), (*_PLAIN_FORMS, _PLAIN_NEXT)):
        assert authors._CAP in fast.pattern
        assert authors._CAP not in plain.pattern and authors._NAME_WORD not in plain.pattern


def test_fast_words_match_as_the_letter_by_letter_loop(samples):
    for fast, plain in zip((*authors._FORMS, authors._SEPARATOR), (*_PLAIN_FORMS, _PLAIN_NEXT)):
        for text in samples:
            for pos in _name_starts(text):
                a, b = fast.match(text, pos), plain.match(text, pos)
                assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), (fast.pattern, text, pos)


def _plain_person(match: re.Match[str]) -> Person:
    whole, family, given = match.group(0, "family", "given")
    if authors._ORGANISATION.search(whole):
        return Person(" ".join(whole.split()))
    return Person(" ".join(family.split()), " ".join(given.split()).rstrip(","))


def _plain_scan_names(text: str, pos: int = 0) -> tuple[list[Person], int, bool]:
    """``scan_names`` as it was: the forms tried one by one, the natural order alone for a name
    that starts with an initial, a name's suffix and the separators tried after every name."""
    people: list[Person] = []
    end = pos
    last = False
    natural = _PLAIN_FORMS[authors._FORMS.index(authors._NATURAL)]
    inverted = {_PLAIN_FORMS[authors._FORMS.index(form)]
                for form in (authors._INVERTED, authors._INVERTED_TWO_WORD_FAMILY)}
    vancouver = _PLAIN_FORMS[authors._FORMS.index(authors._VANCOUVER)]
    first_form = previous = None
    while True:
        forms = (natural,) if _PLAIN_STARTS_WITH_INITIAL.match(text, pos) else _PLAIN_FORMS
        form, match = next(((form, m) for form in forms if (m := form.match(text, pos))), (None, None))
        if not match:
            break
        if first_form is natural and form in inverted:
            break  # a natural-order first name is followed by no inverted one
        if form is natural and previous is vancouver and (last_one := _PLAIN_VANCOUVER_LAST.match(text, pos)):
            people.append(_plain_person(last_one))  # "Chen Y, Jiao J. Phytoestrogens": the list's last
            end = last_one.end()
            break
        previous = form
        first_form = first_form or form
        people.append(_plain_person(match))
        end = pos = match.end()
        suffix = authors._SUFFIX.match(text, pos)  # "Jr.", "III", "Lord": tried after every name
        if suffix:
            end = pos = suffix.end()
        if last:
            break
        separator = _PLAIN_NEXT.match(text, pos)
        if not separator:
            break
        last = any(w in separator.group() for w in ("and", "&", "und", " et ", " y ", " и "))
        pos = separator.end()
        ellipsis = authors._ELLIPSIS.match(text, pos)  # APA's ". . ." before the last author
        if ellipsis:
            pos, last = ellipsis.end(), True
    et_al = authors._ET_AL.match(text, end) if people else None
    return people, et_al.end() if et_al else end, bool(et_al)


def test_scan_names_finds_what_the_forms_one_by_one_find(samples):
    for text in samples:
        for pos in _name_starts(text):
            assert authors.scan_names(text, pos) == _plain_scan_names(text, pos), (text, pos)


def _plain_is_author_words(words: str) -> bool:
    kept = [w.strip(".,'") for w in re.split(r"[\s\-]+", words.lower())]
    kept = [w for w in kept if w not in {"", "and", "&", "et", "al"}]
    return bool(kept) and not any(w in names.MONTHS or w in names.NOT_AUTHORS for w in kept)


@pytest.mark.parametrize("words", ["Coox", "Coox and Smith", "June", "In", "and", "al", "İstanbul", "Ивáнов",
                                   "Smith-June", "Article", "et al.", "O'Brien", "Dell'", "ǅemal", "x²"])
def test_is_author_words_as_split_word_by_word(words):
    assert names.is_author_words(words) == _plain_is_author_words(words)


# --- identifiers ---------------------------------------------------------------


def test_scan_finds_what_a_full_scan_finds(samples):
    for text in samples:
        assert scan(text) == plain_scan(text), text
        assert all(type(item) is Found for item in scan(text))


def _plain_strip_trailing(raw: str) -> str:
    while raw:
        if raw[-1] in ".,;:!?'\"*":
            raw = raw[:-1]
        elif raw[-1] in ")]>}" and raw.count(raw[-1]) > raw.count("([<{"[")]>}".index(raw[-1])]):
            raw = raw[:-1]
        else:
            break
    return raw


def test_strip_trailing_as_one_character_at_a_time():
    rng = random.Random(5)
    for _ in range(20000):
        raw = "".join(rng.choice("a1.,;:!?'\"*()[]<>{}") for _ in range(rng.randint(0, 8)))
        assert base.strip_trailing(raw) == _plain_strip_trailing(raw), raw


def test_isbn_check_digits_over_ascii_codes_as_over_digits():
    rng = random.Random(11)
    for _ in range(20000):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.choice((10, 13))))
        if rng.random() < 0.3:
            digits = "978" + digits[3:] if len(digits) == 13 else digits[:9] + "X"
        if len(digits) == 13:
            expected = digits.startswith(("978", "979")) and sum(
                w * int(d) for w, d in zip((1, 3) * 6 + (1,), digits)) % 10 == 0
        else:
            check = sum(w * int(d) for w, d in zip(range(1, 10), digits)) % 11
            expected = ("X" if check == 10 else str(check)) == digits[9]
        assert isbn._valid(digits) == expected, digits

