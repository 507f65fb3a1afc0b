"""Identifier syntax and check digits: ``invalid-doi``, ``invalid-isbn``, ``invalid-issn``.

Offline and certain: a wrong ISBN check digit or a DOI without a '/' is an error whatever the
registry says. Each message quotes the identifier as written and says what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .. import codes
from ..identifiers import problem
from ..models import Finding, IdScheme, Reference

_CHECKED = {
    IdScheme.DOI: ("invalid-doi", "DOI"),
    IdScheme.ISBN: ("invalid-isbn", "ISBN"),
    IdScheme.ISSN: ("invalid-issn", "ISSN"),
}


def check_identifiers(references: Iterable[Reference]) -> Iterator[Finding]:
    """One finding per malformed DOI, ISBN or ISSN, pointing at the identifier itself."""
    # What is wrong with each identifier by scheme and raw text, so that each distinct one
    # is validated once: a journal's ISSN, or a work cited in several documents, recurs.
    verdicts: dict[IdScheme, dict[str, str | None]] = {scheme: {} for scheme in _CHECKED}
    for reference in references:
        for identifier in reference.identifiers:
            known = verdicts.get(identifier.scheme)
            if known is None:
                continue  # a scheme without a check here (JSTOR, URL, ...)
            wrong = known.get(identifier.raw, _UNSEEN)
            if wrong is _UNSEEN:
                wrong = known[identifier.raw] = problem(identifier)
            if wrong:
                code, label = _CHECKED[identifier.scheme]
                written = identifier.raw
                if identifier.scheme is IdScheme.DOI and wrong.startswith("no '/'"):
                    spaced = re.search(rf"{re.escape(written)}\s+/[^\s\"]+", reference.text)
                    if spaced is not None:  # "10.1016 /S0734-...": the space cut it, say so
                        written, wrong = spaced.group().rstrip(".,;"), "a space inside it (a DOI has none)"
                yield codes.finding(code, identifier.span, f"{label} {written}: {wrong}",
                                    reference_id=reference.id)


_UNSEEN = object()  # not validated yet (None means valid)
