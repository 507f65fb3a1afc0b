"""arXiv ids, new (``arXiv:1501.00001v2``) and old style (``arXiv:hep-th/9901001``)."""

from __future__ import annotations

import re

from ..models import IdScheme
from .base import Handler

PATTERN = re.compile(
    r"\b(?:[Aa][Rr][Xx]iv\s*:\s*|arxiv\.org/(?:abs|pdf)/)"
    r"(?P<id>\d{4}\.\d{4,5}(?:v\d+)?|[a-z][a-z-]*(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)"
)


def normalise(raw: str) -> str:
    return raw.lower() if "/" not in raw else raw


HANDLER = Handler(IdScheme.ARXIV, PATTERN, normalise, priority=1)
