"""Web addresses: ``http(s)://`` / ``ftp://`` and bare ``www.`` links, trailing punctuation cut.

A line break in a PDF often leaves a space inside an address. Two such breaks are healed, as
they cannot be read otherwise: a space before a hyphenated word that goes on with the path
(".../data-use-and -educational-improvement"), and a space after a dot before a web page's
file extension and its query (".../issues. html?issue=64"). The value has the spaces removed;
the raw text keeps them.
"""

from __future__ import annotations

import re

from ..models import IdScheme
from .base import Handler

_PART = r"[^\s<>\"]+"
_CONTINUED = rf"(?:\s(?=-\w){_PART}|(?<=\.)\s(?=(?:s?html?|php|aspx?|jsp|cfm)(?:[?#]|$|\s))" + _PART + ")*"
PATTERN = re.compile(
    rf"(?P<id>(?:https?|ftp)://{_PART}{_CONTINUED}|(?<![\w@./])www\.{_PART}\.{_PART}{_CONTINUED})"
)


def normalise(raw: str) -> str:
    return "".join(raw.split()) if " " in raw else raw


HANDLER = Handler(IdScheme.URL, PATTERN, normalise, priority=9)
