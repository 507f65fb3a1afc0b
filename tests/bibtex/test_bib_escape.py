"""Hostile strings must come out inert and the file must parse back to the same values."""

from __future__ import annotations

import re

import bibtexparser
import pytest
from bibhelpers import entries_of, ref
from hypothesis import given, settings
from hypothesis import strategies as st

from verify_refs.bibtex.escape import (escape_name, escape_text, escape_verbatim, protect_case,
                                       latex_to_plain)
from verify_refs.bibtex.writer import write_bibliography
from verify_refs.models import Person, ReferenceKind

HOSTILE = [
    r"\input{/etc/passwd}",
    r"\write18{rm -rf /}",
    r"\catcode`\@=11 \makeatletter",
    r"^^5cinput{/etc/passwd}",
    "unbalanced { brace",
    "unbalanced } brace",
    "}{ inverted",
    "100% & #1 $x$ a_b ~ ^",
    "ends with a backslash \\",
    "}, note = {injected",
    '", note = "injected',
    "@article{evil, title = {x}}",
    "line\nbreak\n\nparagraph",
    "nul\x00 and bidi \u202e override",
]


def _active_commands(body: str) -> set[str]:
    """The LaTeX commands a value would run."""
    return set(re.findall(r"\\([A-Za-z@]+)", body))


SAFE = {"textbackslash", "textbraceleft", "textbraceright", "textasciitilde", "textasciicircum",
        "textless", "textgreater", "textit", "textbf", "emph", "textsubscript", "textsuperscript",
        "textsc", "underline", "texttt"}


def _balanced(body: str) -> bool:
    depth = 0
    for char in body:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_strings_are_inert(text):
    body = escape_text(text)
    assert _balanced(body)
    assert _active_commands(body) <= SAFE, body
    assert "\n" not in body and "\x00" not in body and "\u202e" not in body
    assert "^^" not in body


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_strings_read_back_as_written(text):
    expected = " ".join(text.replace("\x00", "").replace("\u202e", "").split())
    assert latex_to_plain(escape_text(text, markup=False)) == expected


def test_special_characters_escaped():
    assert escape_text("50% & #1 $ a_b") == r"50\% \& \#1 \$ a\_b"
    assert escape_text("{x}") == r"\textbraceleft{}x\textbraceright{}"
    assert escape_text("a\\b") == r"a\textbackslash{}b"
    assert escape_text("~^") == r"\textasciitilde{}\textasciicircum{}"


@pytest.mark.parametrize("markup, expected", [
    ("The <i>Titanic</i> affair", r"The \textit{Titanic} affair"),
    ("CO<sub>2</sub> and <scp>NKVD</scp>", r"CO\textsubscript{2} and \textsc{NKVD}"),
    ("x<sup>2</sup>", r"x\textsuperscript{2}"),
    ('Rates of <mml:math xmlns:mml="http://www.w3.org/1998/Math/MathML"><mml:msub><mml:mi>H</mml:mi>'
     "<mml:mn>2</mml:mn></mml:msub></mml:math> decay", "Rates of H2 decay"),
    ("<jats:title>Nested <jats:italic>bold <b>x</jats:italic> y</b></jats:title>",
     r"Nested \textit{bold \textbf{x}} y"),
    ("unclosed <i>italic", r"unclosed \textit{italic}"),
    ("stray </i> close", "stray close"),
    ("<script>alert(1)</script> &amp; &lt;b&gt;", r"alert(1) \& \textless{}b\textgreater{}"),
    ('<a href="javascript:x">link</a>', "link"),
])
def test_markup_converted_or_stripped(markup, expected):
    body = escape_text(markup)
    assert body == expected
    assert _balanced(body)


def test_non_ascii_stays_utf8_unless_asked():
    assert escape_text("К суду истории") == "К суду истории"
    assert escape_text("Müller") == "Müller"
    ascii_body = escape_text("Müller & Co", ascii_only=True)
    assert ascii_body.isascii() and r"\&" in ascii_body
    assert latex_to_plain(ascii_body) == "Müller & Co"


def test_verbatim_fields_keep_urls_and_stay_balanced():
    assert escape_verbatim("https://x.org/a_b?c=1&d=%7E#frag") == "https://x.org/a_b?c=1&d=%7E#frag"
    assert escape_verbatim("https://x.org/{a}\\b c") == "https://x.org/%7Ba%7D%5Cb%20c"
    assert escape_verbatim("50%off") == "50%25off"


def test_names():
    assert escape_name("Coox", "Alvin D.") == "Coox, Alvin D."
    assert escape_name("Memorial Society") == "{Memorial Society}"
    assert escape_name("Smith and Sons") == "{Smith and Sons}"
    assert escape_name("Куксин", "Илья") == "Куксин, Илья"


def _write(tmp_path, title, **fields):
    reference = ref(10, kind=ReferenceKind.BOOK, authors=(Person("Coox", "Alvin D."),), year=1968,
                    title=title, **fields)
    path = tmp_path / "out.bib"
    write_bibliography([reference], {}, str(path))
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("text", HOSTILE)
def test_written_file_parses_back_to_the_same_entry(tmp_path, text):
    written = _write(tmp_path, text, publisher=text, place="Tokyo")
    entries = entries_of(written)
    assert len(entries) == 1
    (entry,) = entries.values()
    assert set(entry) >= {"author", "title", "publisher", "location", "date", "year", "keywords"}
    expected = " ".join(text.replace("\x00", "").replace("\u202e", "").split())
    assert latex_to_plain(entry["title"]) == expected
    assert latex_to_plain(entry["publisher"]) == expected
    assert entry["year"] == "1968"
    # nothing escaped the value: the file has exactly one entry and no other blocks
    library = bibtexparser.parse_string(written)
    assert [type(b).__name__ for b in library.blocks] == ["ImplicitComment", "Entry"]


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=60))
def test_any_text_is_balanced_and_inert(text):
    body = escape_text(text)
    assert _balanced(body)
    assert _active_commands(body) <= SAFE
    library = bibtexparser.parse_string("@misc{k,\n  title = {" + body + "},\n}\n")
    assert not library.failed_blocks and len(library.entries) == 1
    assert library.entries[0].fields_dict["title"].value == body


@pytest.mark.parametrize(("title", "protected"), [
    # acronyms and inner capitals, in any title
    ("The NKVD and the defection of Lyushkov to Japan in 1938",
     "The {NKVD} and the defection of {Lyushkov} to {Japan} in 1938"),
    ("Sentence case about McCarthy and the iPhone", "Sentence case about {McCarthy} and the {iPhone}"),
    # sentence case: capitalised words after the first are proper nouns (or German nouns)
    ("Soviet intelligence: the case of Richard Sorge", "Soviet intelligence: the case of {Richard} {Sorge}"),
    ("Geschichte der sowjetischen Geheimpolizei", "Geschichte der sowjetischen {Geheimpolizei}"),
    ("Стенограмма совещания в ЦК ВКП(б)", "Стенограмма совещания в {ЦК} {ВКП}(б)"),
    # title case: no telling a proper noun from the style's capital, nothing braced
    ("L'Affaire Lyushkov: Anatomy of a Defector", "L'Affaire Lyushkov: Anatomy of a Defector"),
    ("The Road to War with Japan Through Manchuria", "The Road to War with Japan Through Manchuria"),
    # capitals throughout say nothing about case
    ("ПОБЕГ СТОЛЕТИЯ", "ПОБЕГ СТОЛЕТИЯ"),
    # commands and groups already braced are left alone
    (r"\textit{Escherichia coli} in DNA repair", r"\textit{Escherichia coli} in {DNA} repair"),
    ("A {DNA} test", "A {DNA} test"),
])
def test_protect_case_braces_what_a_style_must_not_lower(title, protected):
    assert protect_case(title) == protected
    assert latex_to_plain(protect_case(title)) == latex_to_plain(title)


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=60))
def test_protected_titles_stay_balanced_and_read_back_the_same(text):
    body = escape_text(text)
    protected = protect_case(body)
    assert _balanced(protected)
    assert latex_to_plain(protected) == latex_to_plain(body)


def test_written_title_protects_an_acronym(tmp_path):
    written = _write(tmp_path, "The NKVD in the Far East")
    (entry,) = entries_of(written).values()
    assert entry["title"] == "The {NKVD} in the Far East"
