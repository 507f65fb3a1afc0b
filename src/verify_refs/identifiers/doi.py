"""DOI: ``10.`` + registrant code (4-9 digits, optional ``.sub``) + ``/`` + suffix.

Found bare (``10.1080/...``), after a label (``doi:``, ``DOI``) or as a resolver link
(``https://doi.org/...``, ``http://dx.doi.org/...``). After a label anything is taken, so that
near-DOIs (``doi:10.1080.0966...``, ``doi:10.108/...``) are reported rather than ignored; a bare
one with a letter O or l typed for a digit (``10.1O16/j.precisioneng...``) is found to be reported too.
See https://www.doi.org/doi-handbook/HTML/doi-name-syntax.html.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from ..models import IdScheme
from .base import Handler, strip_trailing

_RESOLVER = r"(?:https?://)?(?:dx\.|www\.)?doi\. ?org/"  # "doi. org": a line broken in the PDF
_LABEL = r"\b(?:doi|DOI|Doi)\s*:\s*|\bDOI\s+(?=\d)|\b[Dd]oi\s+(?=10\.|https?:)"
# A DOI broken by a PDF's line break (the reference hard-wrapped): after "10." or a "/"
# with nothing yet after it, and inside the suffix after a ".", "-" or "/" when the next line
# goes on with more of it (a digit in it, not a year alone): "https://doi.org/10.\n1016/j.jmp...",
# "10.1016/j.jmp.2018.\n11.001", or before one. Only across a newline: on one line a space ends a DOI.
# (Not the next note's number: "...afm.1308.\n14 Ibid., 524.")
_BROKEN = (r"(?:(?:(?<=10\.)|(?<=[./-]))[ \t]*\n[ \t]*(?=[^\s\"]*\d)(?!(?:1[5-9]|20)\d\d\b[.,;]?\s)(?!\d{1,4}[.)]?[ \t])"
           # (or before one: "10.1080/02757206\n.2020.1790363", a line that starts with "." goes on with it)
           r"|(?<=\w)[ \t]*\n[ \t]*(?=[./-][^\s\"]*\d))[^\s\"]+")
PATTERN = re.compile(
    r"(?:" + _LABEL + r"|(?<![\w./-])(?=" + _RESOLVER + r"|10\.(?:\d{4}|\d[\dOoIl]{3,8}/|\s*\n)))"
    r"(?P<id>(?:" + _RESOLVER + r")?[^\s\"]+(?:" + _BROKEN + r")*)"
)
_RESOLVER_PREFIX = re.compile(r"^(?:(?:https?://)?(?:dx\.|www\.)?doi\. ?org/|doi:)", re.I)
_REGISTRANT = re.compile(r"\d{4,9}(?:\.\d+)*")
# A label glued to the end of the DOI by a lost separator: "...410603ISSN 0038-5859".
_GLUED_LABELS = ("ISSN", "ISBN", "OCLC", "JSTOR", "PMID", "PMC", "S2CID", "Bibcode")
_GLUED_LABEL = re.compile(rf"(?<=[0-9a-z.])(?:{'|'.join(_GLUED_LABELS)})$")
_GLUED_ENDS = (*_GLUED_LABELS, "\n")  # how a raw DOI with a glued label ends ("$" may be before "\n")


_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")


def trim(raw: str) -> str:
    raw = strip_trailing(raw)
    glued = _GLUED_LABEL.search(raw) if raw.endswith(_GLUED_ENDS) else None
    if glued:
        raw = strip_trailing(raw[: glued.start()])
    return raw


# The usual resolver link: ``_RESOLVER_PREFIX`` matches exactly this at its start (it ends
# with "org/", and ``^`` matches only there), so it is cut off without running the pattern.
_USUAL_RESOLVER = "https://doi.org/"


def normalise(raw: str) -> str:
    value = raw.strip()
    if "\n" in value:  # broken by a line break (``_BROKEN``)
        value = "".join(value.split())
    if "\\" in value:  # Markdown's escapes: "10.1007/978-3-662-07791-7\\_83"
        value = value.replace("\\", "")
    if "%" in value and _PERCENT.search(value):  # a resolver link's "10.2307%2F1360"
        value = unquote(value)
    if value.startswith("10."):  # the usual bare DOI: the prefix starts with h, w or d, any case
        return value.lower()
    if value.startswith(_USUAL_RESOLVER):
        return value[len(_USUAL_RESOLVER):].lower()
    return _RESOLVER_PREFIX.sub("", value).lower()


def problem(raw: str) -> str | None:
    value = normalise(raw)
    if not value.startswith("10."):
        return "a DOI starts with '10.'"
    prefix, slash, suffix = value.partition("/")
    if not slash:
        return "no '/' between the prefix and the suffix"
    registrant = prefix[3:]
    if not _REGISTRANT.fullmatch(registrant):
        return f"the registrant code '{registrant}' should be 4 to 9 digits"
    if not suffix:
        return "nothing after the '/'"
    return None


HANDLER = Handler(IdScheme.DOI, PATTERN, normalise, problem, trim, priority=0)
