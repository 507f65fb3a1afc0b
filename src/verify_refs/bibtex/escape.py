"""Make any string from a document or from Crossref safe to put in a BibTeX field.

A value written by verify-refs must never break the ``.bib`` file nor smuggle LaTeX into
the user's document, whatever the text of a reference or of a registry record says:

* Every character that means something to BibTeX or LaTeX is escaped:
  ``\\ % & # _ $ ~ ^ { }``. Braces and the backslash become ``\\textbraceleft{}``,
  ``\\textbraceright{}`` and ``\\textbackslash{}`` rather than ``\\{``: BibTeX and biber
  count braces without looking at backslashes, so a lone ``\\{`` would unbalance the
  entry. The only braces in a value are therefore the ones this module writes, always in
  pairs. ``\\input{/etc/passwd}``, ``\\write18{...}``, ``\\catcode`` and TeX's ``^^5c``
  notation all come out as printable, inert text.
* JATS/HTML/MathML markup, which Crossref titles carry, is converted for a known set of
  tags (``<i>`` -> ``\\textit{}``, ``<sub>`` -> ``\\textsubscript{}``, ``<scp>`` ->
  ``\\textsc{}``, ...) and stripped otherwise (MathML keeps its text: ``H2O``). Unclosed
  tags are closed at the end, stray closing tags dropped.
* Whitespace (newlines, tabs, a blank line that would end a paragraph) collapses to one
  space; control and invisible format characters are removed.

Non-ASCII text stays UTF-8. The bibliography targets biblatex + biber (the entry types and
fields are biblatex's), and biber reads UTF-8 natively; turning Cyrillic into ``\\cyrk``
macros with pylatexenc would need T2A fonts and make titles unreadable in the file. For
files meant for 8-bit BibTeX, ``escape_text(value, ascii_only=True)`` uses pylatexenc's
``unicode_to_latex`` for the non-ASCII characters only. pylatexenc is also used the other
way, in ``latex_to_plain``, to read LaTeX values of an existing ``.bib`` as text.

Fields that biblatex reads verbatim (``doi``, ``url``, ``eprint``) take no LaTeX at all, so
``escape_verbatim`` percent-encodes the few characters that could break the file instead.
"""

from __future__ import annotations

import html
import re
import unicodedata

__all__ = ["escape_text", "escape_verbatim", "escape_name", "latex_to_plain", "braced", "protect_case"]

_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "_": r"\_",
    "$": r"\$",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "<": r"\textless{}",  # OT1 fonts would print these as inverted ! and ?
    ">": r"\textgreater{}",
}
_SPECIAL_RE = re.compile(r"[\\{}%&#_$~^<>]")

# Tags we turn into LaTeX commands; everything else is stripped, keeping its text.
_COMMANDS = {
    "i": "textit", "italic": "textit", "em": "emph",
    "b": "textbf", "bold": "textbf", "strong": "textbf",
    "sub": "textsubscript", "inf": "textsubscript",
    "sup": "textsuperscript",
    "scp": "textsc", "sc": "textsc", "small-caps": "textsc",
    "u": "underline", "underline": "underline",
    "tt": "texttt", "monospace": "texttt", "code": "texttt",
}
_TAG_RE = re.compile(r"<(/?)\s*([A-Za-z][\w:.-]*)((?:\s[^<>]*?)?)(/?)\s*>")
_BREAK_TAGS = {"br", "p", "div", "title", "subtitle"}  # become a space
_SPACE_RE = re.compile(r"\s+")


def _clean(text: str) -> str:
    """NFC-normalise, drop control and invisible format characters, collapse whitespace."""
    text = unicodedata.normalize("NFC", text)
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if char in "\t\n\r\f\v" or category == "Zs" or char in "\u2028\u2029":
            kept.append(" ")
        elif category in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue  # NUL, BOM, zero-width joiners, bidi overrides, surrogates, unassigned
        else:
            kept.append(char)
    return _SPACE_RE.sub(" ", "".join(kept)).strip()


def _escape_plain(text: str, ascii_only: bool) -> str:
    escaped = _SPECIAL_RE.sub(lambda m: _SPECIALS[m.group()], text)
    if ascii_only and not escaped.isascii():
        from pylatexenc.latexencode import UnicodeToLatexEncoder

        encoder = UnicodeToLatexEncoder(non_ascii_only=True, replacement_latex_protection="braces-all",
                                        unknown_char_policy="unihex")
        escaped = encoder.unicode_to_latex(escaped)
    return escaped


def escape_text(value: str, *, markup: bool = True, ascii_only: bool = False) -> str:
    """The body of a braced BibTeX value (without the outer braces) showing ``value``.

    ``markup`` converts JATS/HTML tags (set it False for text that is not markup, where
    ``<`` is just a character). The result has balanced braces and no active LaTeX other
    than the formatting commands this function writes itself.
    """
    if not markup or "<" not in value:
        return _escape_plain(_clean(html.unescape(value) if markup else value), ascii_only)
    pieces: list[str] = []
    open_commands: list[str] = []  # tag names whose \command{ is still open
    math_depth = 0
    position = 0
    for match in _TAG_RE.finditer(value):
        pieces.append(_escape_plain(html.unescape(match.string[position:match.start()]), ascii_only))
        position = match.end()
        closing, name, self_closing = match.group(1) == "/", match.group(2).lower(), match.group(4)
        local = name.split(":")[-1]
        if local == "math":  # MathML: keep the text of the formula, no structure
            math_depth += -1 if closing else (0 if self_closing else 1)
            continue
        if math_depth > 0:
            continue
        if local in _BREAK_TAGS:
            pieces.append(" ")
        elif local in _COMMANDS and not self_closing:
            if not closing:
                pieces.append("\\" + _COMMANDS[local] + "{")
                open_commands.append(local)
            elif local in open_commands:
                # close everything opened after it too, so that braces nest properly
                while open_commands:
                    pieces.append("}")
                    if open_commands.pop() == local:
                        break
    pieces.append(_escape_plain(html.unescape(value[position:]), ascii_only))
    pieces.extend("}" for _ in open_commands)
    # Whitespace is collapsed after assembly: the escaped pieces hold no control characters.
    return _clean("".join(pieces))


def escape_verbatim(value: str) -> str:
    """A ``doi``/``url``/``eprint`` value: no LaTeX escapes (biblatex reads these verbatim),
    but braces, backslashes and whitespace percent-encoded so the file stays well formed."""
    cleaned = _clean(value)
    return (cleaned.replace("%", "%25") if _PERCENT_UNSAFE.search(cleaned) else cleaned) \
        .replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")


# A "%" not followed by two hex digits is a literal percent that must itself be encoded.
_PERCENT_UNSAFE = re.compile(r"%(?![0-9A-Fa-f]{2})")


def escape_name(family: str, given: str = "") -> str:
    """One name of an ``author``/``editor`` list: ``Family, Given``.

    A name that BibTeX would split wrongly (an organisation with no given name and several
    words, or a name containing `` and `` or a comma) is wrapped in braces.
    """
    family_tex = escape_text(family, markup=False)
    given_tex = escape_text(given, markup=False)
    risky = (re.search(r"\band\b", family, re.IGNORECASE) is not None or "," in family
             or (not given and " " in family.strip()))
    if risky:
        family_tex = "{" + family_tex + "}"
    if re.search(r"\band\b", given, re.IGNORECASE) or "," in given:
        given_tex = "{" + given_tex + "}"
    return f"{family_tex}, {given_tex}" if given_tex else family_tex


# A word of a title (letters only: "L'Affaire" is "L" and "Affaire"), not a command's name.
_TITLE_WORD = re.compile(r"(?<![\\\w])[^\W\d_]+")


_TITLE_CASE_SMALL = frozenset(
    "about above across after against along amid among around before behind below beneath beside between "
    "beyond down during except from inside into like near onto over past since than that through toward "
    "towards under unto until upon versus with within without when where while both either neither also "
    "then".split())


def protect_case(title_tex: str) -> str:
    """An escaped title with the capitals BibTeX must not change braced: ``{NKVD}``, ``{McCarthy}``.

    BibTeX styles (``plain``, ``apalike``) and biblatex's ``\\MakeSentenceCase`` lower-case
    a title's words but for its first: a word written with a capital past its first letter
    (an acronym, "McCarthy", "iPhone") is protected, as Zotero and JabRef do. In a title
    that is in sentence case already, a capitalised word after the first (and after a colon's
    fresh start) is a proper noun ("The defection of Lyushkov to Japan") and is protected
    too (German's nouns among them); in a title-case title there is no telling a proper noun from the style's capital,
    so those are left alone. A title in capitals throughout says nothing about its case and
    is left as it is.
    """
    words = [(m.start(), m.end()) for m in _TITLE_WORD.finditer(title_tex)]
    letters = [ch for ch in title_tex if ch.isalpha()]
    if not words or sum(ch.isupper() for ch in letters) * 2 > len(letters):
        return title_tex
    starts = {words[0][0]} | {start for start, _ in words
                              if title_tex[:start].rstrip().endswith((":", ".", "?", "!"))}
    # a lower-case word of four letters or more that is not one title case leaves small
    # ("from", "with", "between") is a word title case would have capitalised
    sentence_case = any(title_tex[s].islower() and e - s >= 4 and title_tex[s:e] not in _TITLE_CASE_SMALL
                        for s, e in words if s not in starts)
    pieces, at = [], 0
    for start, end in words:
        word = title_tex[start:end]
        inner_capital = any(ch.isupper() for ch in word[1:])
        proper = sentence_case and start not in starts and word[0].isupper()
        if (inner_capital or proper) and title_tex[start - 1:start] != "{":
            pieces.append(f"{title_tex[at:start]}{{{word}}}")
            at = end
    pieces.append(title_tex[at:])
    return "".join(pieces)


def braced(body: str) -> str:
    """Enclose a value body in braces, as written to the file."""
    return "{" + body + "}"


# --- reading LaTeX back ------------------------------------------------------

_OWN_MACROS = {
    r"\textbraceleft{}": "\ue000", r"\textbraceright{}": "\ue001",
    r"\textbackslash{}": "\ue002", r"\textasciitilde{}": "\ue003",
    r"\textasciicircum{}": "\ue004",
    r"\textbraceleft": "\ue000", r"\textbraceright": "\ue001",
    r"\textbackslash": "\ue002", r"\textasciitilde": "\ue003", r"\textasciicircum": "\ue004",
}
_OWN_BACK = {"\ue000": "{", "\ue001": "}", "\ue002": "\\", "\ue003": "~", "\ue004": "^"}
_OWN_RE = re.compile("|".join(re.escape(k) for k in sorted(_OWN_MACROS, key=len, reverse=True)))


def latex_to_plain(value: str) -> str:
    """The text a BibTeX value shows: ``{\\"u}ber \\& 50\\%`` -> ``über & 50%``.

    pylatexenc does the decoding; it never follows ``\\input`` (no input directory is set),
    so reading a hostile ``.bib`` touches no other file. ``--`` becomes an en dash, which
    the pipeline's normalisation folds to ``-`` again.
    """
    if not value:
        return ""
    from pylatexenc.latex2text import LatexNodes2Text

    protected = _OWN_RE.sub(lambda m: _OWN_MACROS[m.group()], value)
    try:
        text = LatexNodes2Text(math_mode="verbatim", strict_latex_spaces=False).latex_to_text(protected)
    except Exception:  # pylatexenc is tolerant, but a reader must never crash on input
        text = protected.replace("{", "").replace("}", "")
    text = "".join(_OWN_BACK.get(ch, ch) for ch in text)
    return _SPACE_RE.sub(" ", text).strip()
