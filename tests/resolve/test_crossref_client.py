"""The client against a misbehaving server: every fault ends in the right answer or a
clear ``CrossrefError``, never a traceback of another kind, never a wrong answer."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from typing import Any

import pytest

from crossref_fixtures import COOX_DOI
from verify_refs import __version__
from verify_refs.resolve.client import (
    CrossrefClient,
    CrossrefRefused,
    CrossrefUnavailable,
    quote_doi,
    user_agent,
)
from verify_refs.testing import CrossrefTestServer, Fault

MakeClient = Callable[..., CrossrefClient]
SEARCH = "Coox, Alvin D. (1968). L'Affaire Lyushkov: Anatomy of a Soviet Defector. Soviet Studies 19 (3)"

RECOVERABLE = [
    pytest.param([Fault.rate_limited(0.3)], id="429-retry-after"),
    pytest.param([Fault.rate_limited()], id="429-no-retry-after"),
    pytest.param([Fault.unavailable(), Fault.unavailable()], id="503-twice"),
    pytest.param([Fault.server_error()], id="500-json"),
    pytest.param([Fault.timeout(2.0)], id="timeout"),
    pytest.param([Fault.drop()], id="dropped-connection"),
    pytest.param([Fault.truncate()], id="truncated-body"),
    pytest.param([Fault.not_json()], id="html-200"),
    pytest.param([Fault.not_json("application/json")], id="broken-json-200"),
    pytest.param([Fault.slow(0.2)], id="slow"),
]


def failing(faults: list[Fault]) -> int:
    return sum(fault.kind != "latency" for fault in faults)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed when the block ends: nothing listens there


@pytest.mark.parametrize("faults", RECOVERABLE)
def test_lookup_recovers_from(server: CrossrefTestServer, make_client: MakeClient, faults: list[Fault]) -> None:
    client = make_client(server.url)
    server.queue_faults(*faults)
    work = client.work(COOX_DOI)
    assert work is not None and work.doi == COOX_DOI
    assert server.count == failing(faults) + 1


@pytest.mark.parametrize("faults", RECOVERABLE)
def test_search_recovers_from(server: CrossrefTestServer, make_client: MakeClient, faults: list[Fault]) -> None:
    client = make_client(server.url)
    server.queue_faults(*faults)
    works = client.search(SEARCH)
    assert works[0].doi == COOX_DOI
    assert server.count == failing(faults) + 1


@pytest.mark.parametrize("faults", RECOVERABLE)
def test_batch_recovers_from(server: CrossrefTestServer, make_client: MakeClient, faults: list[Fault]) -> None:
    client = make_client(server.url)
    server.queue_faults(*faults)
    assert sorted(client.works([COOX_DOI, "10.5555/vr.0001"])) == [COOX_DOI, "10.5555/vr.0001"]


def test_retry_after_is_honoured(server: CrossrefTestServer, make_client: MakeClient) -> None:
    client = make_client(server.url)
    server.add_fault(Fault.rate_limited(0.5))
    started = time.monotonic()
    client.work(COOX_DOI)
    assert time.monotonic() - started >= 0.5
    first, second = server.log
    assert second.started - first.started >= 0.5


def test_retry_after_is_honoured_by_search(server: CrossrefTestServer, make_client: MakeClient) -> None:
    client = make_client(server.url)
    server.add_fault(Fault.rate_limited(0.5))
    client.search(SEARCH)
    first, second = server.log
    assert second.started - first.started >= 0.5


@pytest.mark.parametrize("call", ["work", "search"])
def test_persistent_failure_gives_up_with_a_reason(server: CrossrefTestServer, make_client: MakeClient,
                                                   call: str) -> None:
    client = make_client(server.url, max_attempts=3)
    server.add_fault(Fault.unavailable(), times=None)
    with pytest.raises(CrossrefUnavailable, match=r"^Crossref unavailable: server error \(503\)$"):
        client.work(COOX_DOI) if call == "work" else client.search(SEARCH)
    assert server.count == 3


@pytest.mark.parametrize("status", [400, 401, 403])
@pytest.mark.parametrize("call", ["work", "search"])
def test_other_4xx_are_never_retried(server: CrossrefTestServer, make_client: MakeClient, status: int,
                                     call: str) -> None:
    client = make_client(server.url)
    body = '{"status":"failed","message-type":"validation-failure","message":[{"message":"no"}]}'
    server.add_fault(Fault.status_code(status, body, "application/json"), times=None)
    with pytest.raises(CrossrefRefused, match=str(status)):
        client.work(COOX_DOI) if call == "work" else client.search(SEARCH)
    assert server.count == 1


def test_404_is_an_answer_not_an_error(server: CrossrefTestServer, make_client: MakeClient) -> None:
    client = make_client(server.url)
    assert client.work("10.5555/no-such-work") is None
    assert client.agency("10.5555/no-such-work") is None
    assert server.count == 2


def test_alias_is_followed_to_the_primary_doi(server: CrossrefTestServer, make_client: MakeClient) -> None:
    work = make_client(server.url).work("10.5555/vr.alias")
    assert work is not None and work.doi == "10.5555/vr.0001"
    assert server.paths == ["/works/10.5555/vr.alias", "/works/10.5555/vr.0001"]


def test_agency_of_a_doi_absent_from_the_api(server: CrossrefTestServer, make_client: MakeClient) -> None:
    client = make_client(server.url)
    agency = client.agency("10.5555/datacite.1")
    assert agency is not None and (agency.id, agency.label) == ("datacite", "DataCite")


def test_batch_sends_one_request_per_chunk(server: CrossrefTestServer, make_client: MakeClient) -> None:
    client = make_client(server.url, batch_size=2)
    dois = [COOX_DOI, "10.5555/vr.0001", "10.5555/VR.0002", "10.5555/none"]
    assert sorted(client.works(dois)) == [COOX_DOI, "10.5555/vr.0001", "10.5555/vr.0002"]
    assert server.count == 2
    assert server.log[0].query["filter"] == f"doi:{COOX_DOI},doi:10.5555/vr.0001"


def test_no_network_fails_fast(make_client: MakeClient) -> None:
    client = make_client(f"http://127.0.0.1:{closed_port()}", deadline=30.0)
    started = time.monotonic()
    for _ in range(20):
        with pytest.raises(CrossrefUnavailable, match="connection refused|unreachable"):
            client.work(COOX_DOI)
    assert time.monotonic() - started < 5


def test_deadline_bounds_the_run(server: CrossrefTestServer, make_client: MakeClient) -> None:
    client = make_client(server.url, timeout=0.3, deadline=1.0, breaker_threshold=100)
    server.add_fault(Fault.timeout(3.0), times=None)
    started = time.monotonic()
    with pytest.raises(CrossrefUnavailable):
        client.work(COOX_DOI)
    with pytest.raises(CrossrefUnavailable, match="time limit"):
        client.work(COOX_DOI)
    assert time.monotonic() - started < 2.0


def test_user_agent_names_the_tool_and_contact(server: CrossrefTestServer, make_client: MakeClient) -> None:
    client = make_client(server.url, mailto="editor@example.org")
    client.work(COOX_DOI)
    client.search(SEARCH)
    expected = f"verify-refs/{__version__} (https://github.com/verify-refs/verify-refs; mailto:editor@example.org)"
    assert client.user_agent == expected
    assert all(expected in agent for agent in server.user_agents)
    assert {entry.pool for entry in server.log} == {"polite"}
    assert client.pool_notice is None and not client.uses_public_pool


def test_without_mailto_the_public_pool_is_announced(server: CrossrefTestServer, make_client: MakeClient) -> None:
    client = make_client(server.url, mailto=None)
    assert client.uses_public_pool
    assert client.pool_notice is not None and "public pool" in client.pool_notice
    client.work(COOX_DOI)
    assert server.log[0].pool == "public"
    assert user_agent(None) == f"verify-refs/{__version__} (https://github.com/verify-refs/verify-refs)"


def test_never_leaves_the_base_url(server: CrossrefTestServer, make_client: MakeClient) -> None:
    """doi.org is a last resort only for Crossref's own API, never for another base URL."""
    client = make_client(server.url)
    assert not client.is_crossref
    assert client.doi_org_exists(COOX_DOI) is None
    assert server.count == 0


@pytest.mark.parametrize(("doi", "path"), [
    ("10.1080/09668136808410603", "10.1080/09668136808410603"),
    ("10.1002/(SICI)1097-4636(199706)35:4<443::AID-JBM5>3.0.CO;2-L", "10.1002/(SICI)1097-4636(199706)35:4%3C443::AID-JBM5%3E3.0.CO;2-L"),
    ("10.1000/a#b?c d", "10.1000/a%23b%3Fc%20d"),
])
def test_quote_doi(doi: str, path: str) -> None:
    assert quote_doi(doi) == path


def test_sici_doi_round_trip(make_client: MakeClient) -> None:
    doi = "10.1002/(SICI)1097-4636(199706)35:4<443::AID-JBM5>3.0.CO;2-L"
    record: dict[str, Any] = {"DOI": doi, "type": "journal-article", "title": ["A SICI work"]}
    with CrossrefTestServer([record]) as server:
        work = make_client(server.url).work(doi)
    assert work is not None and work.doi == doi.lower()
