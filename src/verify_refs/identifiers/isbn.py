"""ISBN-10 and ISBN-13, found after an ``ISBN`` label (also glued: ``KnopfISBN 0-394-...``),
and ISBN-13s written whole without one (``978-0-394-44645-3``).

Check digits are validated with python-stdnum. The digits run on through single hyphens or
spaces, so the match is cut back to 10 or 13 digits when a year or page number follows.
"""

from __future__ import annotations

import re
from operator import mul

from stdnum import isbn as _isbn
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength

from ..models import IdScheme
from .base import Handler

# An ISBN-13 without its label, written whole: "978-0-394-44645-3" (13 digits and four
# hyphens, 17 characters) or "9780394446453". Not inside a DOI or a URL path
# ("10.1007/978-3-642-...") nor a longer number. (ISBN-10s are only taken after a label:
# ten bare digits are too often something else.)
_BARE_13 = (r"(?<![\w./-])(?=97[89]\d{10}(?![\w-])|(?=[\d-]{17}(?![\w-]))97[89](?:-\d+){3}-\d(?![\w-]))")
PATTERN = re.compile(
    rf"(?:(?:ISBN|\b[Ii]sbn)(?:-?1[03])?(?:\s*:\s*|\s*)|{_BARE_13})(?P<id>\d(?:[- ]?\d){{0,16}}(?:[- ]?[Xx])?)"
)


def _digits(raw: str) -> str:
    compact = raw.replace("-", "").replace(" ", "")  # what the pattern puts between the digits
    if compact.isdigit():  # the usual case: nothing else to drop, and digits have no case
        return compact
    return "".join(ch for ch in raw if ch.isdigit() or ch in "Xx").upper()


def trim(raw: str) -> str:
    """Cut ``0-394-44645-3 1971`` back to the 10 (or 13) digits of the ISBN."""
    digits = _digits(raw)
    if len(digits) in (10, 13):
        return raw
    wanted = 13 if digits.startswith(("978", "979")) and len(digits) > 13 else 10
    count = 0
    for index, ch in enumerate(raw):
        if ch.isdigit() or ch in "Xx":
            count += 1
            if count == wanted and (index + 1 == len(raw) or raw[index + 1] in "- "):
                return raw[: index + 1]
    return raw.split(" ")[0] if " " in raw else raw


def normalise(raw: str) -> str:
    return _digits(raw)


def _expected_check(body: str) -> str | None:
    return next((d for d in "0123456789X" if _isbn.is_valid(body + d)), None)


_WEIGHTS_10 = tuple(range(1, 10))


def _valid(digits: str) -> bool:
    """A fast yes for what ``stdnum.isbn.validate`` accepts: ASCII digits (an ISBN-10 may end
    in X) with the right check digit. False means "ask stdnum", which says what is wrong."""
    if not digits.isascii():
        return False
    # The weighted sums are taken over the digits' ASCII codes, summed in C without an int()
    # per digit; each code is its digit + 48, which the sum of the weights times 48 takes back.
    codes = digits.encode()
    if len(digits) == 13:  # weights 1, 3, 1, 3, ..., 1: seven 1s and six 3s
        return (digits.isdigit() and digits.startswith(("978", "979"))
                and (sum(codes[::2]) + 3 * sum(codes[1::2]) - 48 * 25) % 10 == 0)
    if len(digits) == 10 and digits[:9].isdigit():  # weights 1 to 9 over the first nine digits
        check = (sum(map(mul, _WEIGHTS_10, codes)) - 48 * sum(_WEIGHTS_10)) % 11
        return ("X" if check == 10 else str(check)) == digits[9]
    return False


def problem(raw: str) -> str | None:
    digits = _digits(raw)
    if len(digits) not in (10, 13):  # stdnum would read 9 digits as an old SBN
        return f"{len(digits)} digits; an ISBN has 10 or 13"
    if len(digits) == 13 and not digits.startswith(("978", "979")):
        return "an ISBN-13 starts with 978 or 979"
    if _valid(digits):
        return None
    try:
        _isbn.validate(digits)
    except InvalidChecksum:
        expected = _expected_check(digits[:-1])
        return f"check digit should be {expected}" if expected else "wrong check digit"
    except InvalidComponent:
        return "an ISBN-13 starts with 978 or 979"
    except InvalidLength:
        return f"{len(digits)} digits; an ISBN has 10 or 13"
    except InvalidFormat:
        return "only the last character of an ISBN-10 may be X"
    return None


def as_isbn13(raw: str) -> str | None:
    """The ISBN-13 of a valid ISBN-10 or -13 (so that the two forms of one book compare
    equal); None if ``raw`` is no valid ISBN."""
    digits = _digits(raw)
    if problem(digits) is not None:
        return None
    return _isbn.to_isbn13(digits) if len(digits) == 10 else digits


HANDLER = Handler(IdScheme.ISBN, PATTERN, normalise, problem, trim, priority=1)
