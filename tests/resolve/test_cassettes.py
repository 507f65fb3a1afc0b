"""Replays of Crossref exchanges from ``cassettes/`` with the network blocked.

The cassettes are composed in Crossref's exact format (see ``cassettes/README.md``); they
check that the client reads real-shaped answers from ``https://api.crossref.org`` (and
doi.org, the last resort that only Crossref's own base URL may use). Re-record against the
live API with ``pytest tests/resolve/test_cassettes.py --record-mode=rewrite``.
"""

from __future__ import annotations

import pytest

from crossref_fixtures import COOX_DOI, coox
from verify_refs.models import Outcome
from verify_refs.resolve.client import CROSSREF_API, CrossrefClient
from verify_refs.resolve.crossref import CrossrefResolver

pytestmark = [pytest.mark.vcr, pytest.mark.block_network]


def client() -> CrossrefClient:
    return CrossrefClient(CROSSREF_API, mailto=None, timeout=10, deadline=60, max_attempts=1)


def test_cassette_work_by_doi() -> None:
    work = client().work(COOX_DOI)
    assert work is not None
    assert work.title == "L'Affaire Lyushkov: Anatomy of a Soviet Defector"
    assert [(p.family, p.given) for p in work.authors] == [("Coox", "Alvin D.")]
    assert (work.year, work.month) == (1968, 1)
    assert work.container_titles == ("Soviet Studies",)
    assert (work.volume, work.issue, work.page) == ("19", "3", "405-420")
    assert work.issn == ("0038-5859",)


def test_cassette_unknown_doi_is_not_found() -> None:
    result = CrossrefResolver(client()).resolve(coox(doi="10.1080/0966813680841060x"))
    assert result.outcome is Outcome.NOT_FOUND
    assert [w.doi for w in result.candidates] == [COOX_DOI]


def test_cassette_search_without_doi() -> None:
    result = CrossrefResolver(client()).resolve(coox(doi=None))
    assert (result.outcome, result.via) == (Outcome.RESOLVED, "search")
    assert result.work is not None and result.work.doi == COOX_DOI


def test_cassette_batch_lookup() -> None:
    found = client().works([COOX_DOI, "10.5555/vr.0001"])
    assert list(found) == [COOX_DOI]
