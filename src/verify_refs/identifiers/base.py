"""The shape every identifier handler shares (after manubot's per-scheme handlers).

A handler finds its identifier in text with ``pattern`` (group ``id`` is the identifier as
written, the rest of the match is its label: ``doi:``, ``ISBN``, a resolver URL is part of
``id``), turns it into the canonical ``value`` with ``normalise`` and says what is wrong with
it, if anything, with ``problem``. Patterns are written to fail fast: no nested quantifiers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ..models import IdScheme

_TRAILING = ".,;:!?'\"*"
_PAIRS = {")": "(", "]": "[", ">": "<", "}": "{"}


def strip_trailing(raw: str) -> str:
    """Drop sentence punctuation and unbalanced closing brackets from the end of a token.

    Balanced brackets stay: ``10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0``.
    """
    raw = raw.rstrip(_TRAILING)  # what the loop below strips first, in one call
    if not raw or raw[-1] not in _PAIRS:
        return raw  # the usual case: no closing bracket at the end
    while raw:
        last = raw[-1]
        if last in _TRAILING:
            raw = raw[:-1]
        elif last in _PAIRS and raw.count(last) > raw.count(_PAIRS[last]):
            raw = raw[:-1]
        else:
            break
    return raw


def no_problem(raw: str) -> str | None:
    return None


@dataclass(frozen=True, slots=True)
class Handler:
    """One identifier scheme: how to find it, normalise it and validate it."""

    scheme: IdScheme
    pattern: re.Pattern[str]
    normalise: Callable[[str], str]
    problem: Callable[[str], str | None] = no_problem  # None when the identifier is valid
    trim: Callable[[str], str] = strip_trailing  # cut the raw match to the identifier
    priority: int = 5  # breaks ties between matches starting at one offset (lower wins)
