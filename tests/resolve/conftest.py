"""Fixtures for the resolver tests: a local Crossref look-alike and clients pointed at it.

Nothing here reaches the internet: the server listens on 127.0.0.1, and cassette tests
replay ``cassettes/`` with the network blocked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from crossref_fixtures import records
from verify_refs.resolve.client import CrossrefClient
from verify_refs.resolve.pacing import Limits, Pacer
from verify_refs.testing import CrossrefTestServer
from verify_refs.testing.crossref_server import PoolLimits

ROOT = Path(__file__).resolve().parents[2]
FAST = {"public": PoolLimits(50, "1s", 4), "polite": PoolLimits(50, "1s", 4)}


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    """pytest-recording: cassettes live in the repository's ``cassettes/``."""
    return str(ROOT / "cassettes")


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    """Replay only (pytest-recording's default ``--record-mode=none``); never store a
    mailto that a re-recording used."""
    return {"decode_compressed_response": True,
            "filter_headers": [("User-Agent", "verify-refs/0.1.0 (https://github.com/verify-refs/verify-refs)"),
                               ("X-USER-AGENT", None)]}


@pytest.fixture
def server() -> Iterator[CrossrefTestServer]:
    """The composed records, generous limits (pacing has its own tests), a few oddities."""
    with CrossrefTestServer(
        records(),
        aliases={"10.5555/vr.alias": "10.5555/vr.0001"},
        agencies={"10.2307/4440001": "crossref", "10.5555/datacite.1": "datacite"},
        limits=FAST,
    ) as running:
        yield running


@pytest.fixture
def make_client() -> Callable[..., CrossrefClient]:
    """Clients with short timeouts and back-offs, so that fault tests take a second."""

    def make(url: str, **options: Any) -> CrossrefClient:
        settings: dict[str, Any] = {
            "mailto": "tests@example.org",
            "timeout": 0.5,
            "deadline": 20.0,
            "backoff": 0.05,
            "backoff_max": 0.2,
            "pacer": Pacer(Limits(50, 1.0, 4)),
        }
        settings.update(options)
        return CrossrefClient(url, **settings)

    return make
