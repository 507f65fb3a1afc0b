"""Section headings: where notes and bibliographies begin, and where they end.

A heading is a line of its own ("Notes", "## References", "Works cited:", "Notes[edit]").
Notes-like headings hold numbered notes; bibliography-like ones hold references, one per
entry, numbered or not. Any other Markdown heading, or a known trailing heading such as
"See also" or "External links", ends such a section.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass


class SectionKind(str, enum.Enum):
    NOTES = "notes"
    BIBLIOGRAPHY = "bibliography"
    OTHER = "other"  # a heading that ends a notes or bibliography section


_NOTES = ("notes|footnotes|endnotes|citations|notes and references|references and notes|notes and sources|"
          # the same in the languages our users' sources are written in (Spanish, Portuguese,
          # Italian, French, German, Dutch, Scandinavian, Russian)
          "notas|note|anmerkungen|fußnoten|fussnoten|endnoten|noten|noter|примечания|сноски")
_BIBLIOGRAPHY = ("references|sources|bibliography|works cited|literature|further reading|"
                 "works consulted|select(?:ed)? bibliography|reference list|primary sources|"
                 "secondary sources|cited works|"
                 "referencias(?: bibliográficas)?|bibliografía|bibliografia|referências(?: bibliográficas)?|"
                 "obras citadas|fuentes|fontes|riferimenti bibliografici|références(?: bibliographiques)?|"
                 "bibliographie|ouvrages cités|literatur|literaturverzeichnis|quellen(?: und literatur)?|"
                 "literatuur|litteratur|litteraturliste|kilder|källor|литература|список литературы|"
                 "источники(?: и литература)?|библиография")
_OTHER = ("see also|external links|comments|\\d+ comments?|no comments|about the author|"
          "acknowledg(?:e)?ments|appendix|related posts|share this|labels|tags")


def _spaced(names: str) -> str:
    """The heading names with their spaces made explicit (the pattern is verbose)."""
    return names.replace(" ", "[ ]+")


_HEADING = re.compile(
    rf"""[ ]{{0,3}}(?P<hashes>\#{{1,6}}[ ]*)?[*_]{{0,2}}
    (?:(?P<notes>{_spaced(_NOTES)})|(?P<bib>{_spaced(_BIBLIOGRAPHY)})|(?P<other>{_spaced(_OTHER)}))
    [*_]{{0,2}}[ ]*:?[ ]*(?:\[edit\])?[ ]*$""",
    re.VERBOSE | re.IGNORECASE,
)
_MARKDOWN_HEADING = re.compile(r"[ ]{0,3}#{1,6}[ ]+\S")
# the first characters of headings: "#", emphasis, a space, a digit ("2 comments") or a name's first letter
_OPENERS = frozenset("#*_ 0123456789H" + "".join(
    name[0] + name[0].upper() for name in re.split(r"\|", f"{_NOTES}|{_BIBLIOGRAPHY}|{_OTHER}") if name[:1].isalpha()))
_HEADING_ENDS = frozenset("*_:] \n")  # how a heading line may end, besides a letter
# The footer of a Wikipedia page copied whole: it ends the page's last section (its categories
# are no reference).
_WIKIPEDIA_FOOTER = re.compile(r"(?:Hidden\s)?[Cc]ategor(?:y|ies):\s|Retrieved\sfrom\s\"?https?://[\w.]*wikipedia\.org"
                               r"|This\spage\swas\slast\sedited\b")
_FOOTER_OPENERS = frozenset("CcHRT")


@dataclass(frozen=True, slots=True)
class Heading:
    name: str  # as written, without "#", emphasis or colon: "Notes"
    kind: SectionKind


def match_heading(text: str, start: int, end: int) -> Heading | None:
    """The heading on line ``text[start:end]``, or None."""
    if start >= end or text[start] not in _OPENERS:
        return None  # most lines, decided without a regex
    # headings are short: prose lines skip the regex; and a heading line ends with its name
    # (letters, which is all IGNORECASE lets match them), emphasis, ":", "[edit]" or spaces
    # ("$" may also match before a final "\n"): "1. Coox 1968, p. 4." skips it too
    last = text[end - 1]
    match = _HEADING.match(text, start, end) \
        if end - start <= 60 and (last.isalpha() or last in _HEADING_ENDS) else None
    if match is not None:
        for group, kind in (("notes", SectionKind.NOTES), ("bib", SectionKind.BIBLIOGRAPHY),
                            ("other", SectionKind.OTHER)):
            if match.group(group):
                return Heading(match.group(group), kind)
    if text[start] in _FOOTER_OPENERS and _WIKIPEDIA_FOOTER.match(text, start, end):
        return Heading(text[start:end].partition(":")[0].strip(), SectionKind.OTHER)
    # a Markdown heading's "#" comes after at most three spaces
    if text[start] in "# " and _MARKDOWN_HEADING.match(text, start, end):
        return Heading(text[start:end].strip().lstrip("#").strip(), SectionKind.OTHER)
    return None
