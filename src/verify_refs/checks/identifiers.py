"""Identifier syntax and check digits: ``invalid-doi``, ``invalid-isbn``, ``invalid-issn``.

Offline and certain: a wrong ISBN check digit or a DOI without a '/' is an error whatever the
registry says. Each message quotes the identifier as written and says what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

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
                proof = _SURELY_VALID.get(identifier.scheme)
                wrong = known[identifier.raw] = \
                    None if proof is not None and proof(identifier.raw) else problem(identifier)
            if wrong:
                code, label = _CHECKED[identifier.scheme]
                yield codes.finding(code, identifier.span, f"{label} {identifier.raw}: {wrong}",
                                    reference_id=reference.id)


_UNSEEN = object()  # not validated yet (None means valid)


# Cheap proofs that an identifier as written is valid, so that ``problem`` (which also says
# what is wrong) runs only on those that may not be. Each accepts nothing that ``problem``
# finds wrong (tests/checks/test_identifier_proofs.py compares them on generated identifiers).
# A bare DOI: "10.", a registrant code of 4-9 digits (with ".sub"s), the first "/", and a
# suffix with more than white space in it (``doi.problem`` strips and lower-cases it first,
# which changes none of these).
_PLAIN_DOI = re.compile(r"10\.\d{4,9}(?:\.\d+)*/.*\S.*", re.DOTALL)


_SURELY_VALID: dict[IdScheme, Callable[[str], object]] = {
    IdScheme.DOI: _PLAIN_DOI.fullmatch,  # (an ISBN's own ``problem`` has its fast yes)
}
