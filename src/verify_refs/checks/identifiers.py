"""Identifier syntax and check digits: ``invalid-doi``, ``invalid-isbn``, ``invalid-issn``.

Offline and certain: a wrong ISBN check digit or a DOI without a '/' is an error whatever the
registry says. Each message quotes the identifier as written and says what is wrong.
"""

from __future__ import annotations

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
    for reference in references:
        for identifier in reference.identifiers:
            entry = _CHECKED.get(identifier.scheme)
            if entry is None:
                continue
            wrong = problem(identifier)
            if wrong:
                code, label = entry
                yield codes.finding(code, identifier.span, f"{label} {identifier.raw}: {wrong}",
                                    reference_id=reference.id)
