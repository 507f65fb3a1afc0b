"""ISSN ``NNNN-NNNC`` after an ``ISSN`` label (``eISSN``, ``ISSN (print)`` too); check digit
validated with python-stdnum. Near-ISSNs after the label are caught so they can be reported."""

from __future__ import annotations

import re
from functools import lru_cache

from stdnum import issn as _issn
from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength

from ..models import IdScheme
from .base import Handler

PATTERN = re.compile(
    r"(?:\b[ep]-?)?(?:ISSN|\b[Ii]ssn)\s*:?\s*(?:\((?:print|online|electronic|Print|Online)\)\s*:?\s*)?"
    r"(?P<id>\d{4} ?- ?\d{3}[\dXx]|\d(?:-?\d){1,9}(?:-?[Xx])?)"
)


@lru_cache(maxsize=4096)  # journals repeat: the same ISSN in many references
def normalise(raw: str) -> str:
    digits = "".join(ch for ch in raw if ch.isdigit() or ch in "Xx").upper()
    return f"{digits[:4]}-{digits[4:]}" if len(digits) == 8 else digits


@lru_cache(maxsize=4096)
def problem(raw: str) -> str | None:
    compact = normalise(raw).replace("-", "")
    try:
        _issn.validate(compact)
    except InvalidChecksum:
        return f"check digit should be {_issn.calc_check_digit(compact[:7])}"
    except InvalidLength:
        return f"{len(compact)} characters; an ISSN has 8"
    except InvalidFormat:
        return "only the last character of an ISSN may be X"
    return None


def trim(raw: str) -> str:
    return raw


HANDLER = Handler(IdScheme.ISSN, PATTERN, normalise, problem, trim, priority=1)
