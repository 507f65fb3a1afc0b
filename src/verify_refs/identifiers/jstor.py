"""JSTOR stable ids: ``JSTOR 149953`` or ``jstor.org/stable/149953`` (inside a URL too)."""

from __future__ import annotations

import re

from ..models import IdScheme
from .base import Handler

PATTERN = re.compile(
    r"(?:\bJSTOR\s*:?\s*|(?<=jstor\.org/stable/)(?:pdf/)?)(?P<id>(?:10\.2307/)?[0-9]+|(?<=/)[a-z][\w.]*\w)"
)


def normalise(raw: str) -> str:
    return raw.removeprefix("10.2307/")


HANDLER = Handler(IdScheme.JSTOR, PATTERN, normalise, priority=1)
