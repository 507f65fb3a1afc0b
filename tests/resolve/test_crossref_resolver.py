"""What ``CrossrefResolver`` makes of references, against the local server."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crossref_fixtures import COOX_DOI, coox, halvorsen, petrova, reference, records
from verify_refs.models import Outcome, Reference
from verify_refs.resolve.client import CrossrefClient
from verify_refs.resolve.crossref import CrossrefResolver, jstor_doi, search_text
from verify_refs.resolve.interface import Resolver
from verify_refs.testing import CrossrefTestServer, Fault

MakeClient = Callable[..., CrossrefClient]


def resolver(url: str, make_client: MakeClient, **options: object) -> CrossrefResolver:
    return CrossrefResolver(make_client(url, **options))


def test_is_a_resolver(server: CrossrefTestServer, make_client: MakeClient) -> None:
    assert isinstance(resolver(server.url, make_client), Resolver)


def test_doi_resolves_and_is_validated(server: CrossrefTestServer, make_client: MakeClient) -> None:
    result = resolver(server.url, make_client).resolve(coox())
    assert result.outcome is Outcome.RESOLVED
    assert (result.via, result.work.doi if result.work else None) == ("doi", COOX_DOI)
    assert result.confidence is not None and result.confidence > 0.9
    assert result.candidates == () and result.reason == ""
    assert server.paths == [f"/works/{COOX_DOI}"]


def test_dois_are_fetched_in_batches(server: CrossrefTestServer, make_client: MakeClient) -> None:
    references = [coox(), petrova(doi="10.5555/vr.0001"), halvorsen(doi="10.5555/vr.0002")]
    batched = resolver(server.url, make_client).resolve_all(references)
    assert server.paths == ["/works"]
    assert {r.outcome for r in batched.values()} == {Outcome.RESOLVED}
    server.reset()
    one_by_one = {r.id: resolver(server.url, make_client).resolve(r) for r in references}
    assert server.count == 3
    assert {k: v.work for k, v in one_by_one.items()} == {k: v.work for k, v in batched.items()}


def test_doi_found_nowhere_is_not_found(server: CrossrefTestServer, make_client: MakeClient) -> None:
    result = resolver(server.url, make_client).resolve(coox(doi="10.5555/typo.404"))
    assert result.outcome is Outcome.NOT_FOUND
    assert "not found" in result.reason
    assert [w.doi for w in result.candidates] == [COOX_DOI]  # the search suggests the right one
    assert result.searched_work is not None and result.searched_work.doi == COOX_DOI
    assert server.paths[:2] == ["/works/10.5555/typo.404", "/works/10.5555/typo.404/agency"]


def test_doi_registered_but_absent_from_the_api_is_unchecked(server: CrossrefTestServer,
                                                             make_client: MakeClient) -> None:
    result = resolver(server.url, make_client).resolve(coox(doi="10.2307/4440001"))
    assert result.outcome is Outcome.UNCHECKED
    assert "registered with Crossref" in result.reason
    other = resolver(server.url, make_client).resolve(coox(doi="10.5555/datacite.1"))
    assert other.outcome is Outcome.UNCHECKED and "DataCite" in other.reason


def test_alias_doi_resolves_to_its_primary(server: CrossrefTestServer, make_client: MakeClient) -> None:
    result = resolver(server.url, make_client).resolve(petrova(doi="10.5555/vr.alias"))
    assert result.outcome is Outcome.RESOLVED and result.work and result.work.doi == "10.5555/vr.0001"


def test_doi_of_another_work_keeps_the_doi_and_suggests_the_cited_one(server: CrossrefTestServer,
                                                                      make_client: MakeClient) -> None:
    result = resolver(server.url, make_client).resolve(halvorsen(doi="10.5555/vr.0001"))
    assert result.outcome is Outcome.RESOLVED and result.via == "doi"
    assert result.work and result.work.doi == "10.5555/vr.0001"
    assert "does not match" in result.reason
    assert [w.doi for w in result.candidates] == ["10.5555/vr.0002"]
    assert result.confidence is not None and result.confidence < 0.5


def test_jstor_id_alone(server: CrossrefTestServer, make_client: MakeClient) -> None:
    cited = reference("j", "Lindqvist, Erik (1987). \"Border Treaties of the Interwar Period\". "
                      "Diplomatic Quarterly 8 (4): 511-540. JSTOR 5550001.",
                      title="Border Treaties of the Interwar Period", authors=(("Lindqvist", "Erik"),),
                      year=1987, container="Diplomatic Quarterly", volume="8", pages=("511", "540"),
                      jstor="5550001")
    result = resolver(server.url, make_client).resolve(cited)
    assert (result.outcome, result.via) == (Outcome.RESOLVED, "jstor")
    assert result.work and result.work.doi == "10.2307/5550001"


def test_doi_and_jstor_naming_different_works(server: CrossrefTestServer, make_client: MakeClient) -> None:
    result = resolver(server.url, make_client).resolve(coox(jstor="5550001"))
    assert result.work and result.work.doi == COOX_DOI
    assert result.jstor_work and result.jstor_work.doi == "10.2307/5550001"
    assert server.paths == ["/works"]  # both identifiers in one batch


def test_doi_and_jstor_naming_the_same_work(server: CrossrefTestServer, make_client: MakeClient) -> None:
    cited = reference("j", "Lindqvist 1987", title="Border Treaties of the Interwar Period",
                      authors=(("Lindqvist", "Erik"),), year=1987, doi="10.2307/5550001", jstor="5550001")
    assert resolver(server.url, make_client).resolve(cited).jstor_work is None


def test_search_without_doi(server: CrossrefTestServer, make_client: MakeClient) -> None:
    result = resolver(server.url, make_client).resolve(petrova())
    assert (result.outcome, result.via) == (Outcome.RESOLVED, "search")
    assert result.work and result.work.doi == "10.5555/vr.0001"
    assert server.log[0].query["query.bibliographic"].startswith("Petrova, Anna (1999)")
    assert server.log[0].query["rows"] == "5"


def test_malformed_doi_is_not_looked_up_but_the_reference_is_searched(
        server: CrossrefTestServer, make_client: MakeClient) -> None:
    # "10.108/..." is reported as invalid-doi; calling it doi-not-found too would say it twice,
    # and leave the reference (its pinpoints, its other fields) unchecked.
    result = resolver(server.url, make_client).resolve(coox(doi="10.108/09668136808410603"))
    assert (result.outcome, result.via) == (Outcome.RESOLVED, "search")
    assert result.work and result.work.doi == COOX_DOI
    assert not any(path.startswith("/works/10.108/") for path in server.paths)


def test_search_finding_nothing_good_is_no_match(server: CrossrefTestServer, make_client: MakeClient) -> None:
    cited = reference("n", "Smith, John (1950). \"Bee keeping in the Arctic\". Polar Apiarist 1: 1-2.",
                      title="Bee keeping in the Arctic", authors=(("Smith", "John"),), year=1950)
    result = resolver(server.url, make_client).resolve(cited)
    assert result.outcome is Outcome.NO_MATCH and result.work is None and result.reason


def test_search_text_drops_urls_and_access_dates() -> None:
    cited = reference("u", "Coox, A. (1968). Soviet Studies. https://www.jstor.org/stable/149201. "
                      "doi:10.1080/09668136808410603. Retrieved 12 February 2012.")
    assert search_text(cited) == "Coox, A. (1968). Soviet Studies."
    assert jstor_doi(reference("j", "x", jstor="149201")) == "10.2307/149201"
    assert jstor_doi(reference("j", "x", jstor="10.2307/149201")) == "10.2307/149201"


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_no_network_means_quick_unchecked(make_client: MakeClient) -> None:
    references = [coox(f"r{i}") for i in range(10)] + [petrova(f"s{i}") for i in range(20)]
    started = time.monotonic()
    results = resolver(f"http://127.0.0.1:{_closed_port()}", make_client).resolve_all(references)
    assert time.monotonic() - started < 5
    assert {r.outcome for r in results.values()} == {Outcome.UNCHECKED}
    assert all(r.reason for r in results.values())
    assert "connection refused" in results["r0"].reason or "unreachable" in results["r0"].reason


def test_deadline_turns_the_rest_unchecked(make_client: MakeClient) -> None:
    with CrossrefTestServer(records()) as server:
        server.add_fault(Fault.timeout(2.0), times=None)
        client = make_client(server.url, timeout=0.2, deadline=0.6, breaker_threshold=1000)
        started = time.monotonic()
        results = CrossrefResolver(client).resolve_all([petrova(f"s{i}") for i in range(10)])
        assert time.monotonic() - started < 2.5
    assert {r.outcome for r in results.values()} == {Outcome.UNCHECKED}
    assert any("time limit" in r.reason for r in results.values())


def test_spurious_404_is_not_a_wrong_verdict(server: CrossrefTestServer, make_client: MakeClient) -> None:
    """A 404 from /works for a DOI that the agency knows is not 'not found'."""
    server.add_fault(Fault.not_found(), path=r"^/works/10\.1080/")
    result = resolver(server.url, make_client).resolve(coox())
    assert result.outcome is Outcome.UNCHECKED


# --- under random faults: the right verdict or UNCHECKED, nothing else -------------

FAULTS = st.sampled_from([None, Fault.rate_limited(0.05), Fault.rate_limited(), Fault.unavailable(),
                          Fault.server_error(), Fault.timeout(1.0), Fault.drop(), Fault.truncate(),
                          Fault.not_json(), Fault.slow(0.05)])
EXPECTED: dict[str, tuple[Outcome, str | None]] = {
    "doi": (Outcome.RESOLVED, COOX_DOI),
    "search": (Outcome.RESOLVED, "10.5555/vr.0001"),
    "missing": (Outcome.NOT_FOUND, None),
    "batch": (Outcome.RESOLVED, "10.5555/vr.0002"),
}


def _cases() -> list[Reference]:
    return [coox("doi"), petrova("search"), coox("missing", doi="10.5555/typo.404"),
            halvorsen("batch", doi="10.5555/vr.0002")]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(faults=st.lists(FAULTS, max_size=8))
def test_faults_never_produce_a_wrong_verdict(make_client: MakeClient, faults: list[Fault | None]) -> None:
    with CrossrefTestServer(records()) as server:
        server.queue_faults(*faults)
        client = make_client(server.url, timeout=0.3, max_attempts=3)
        results = CrossrefResolver(client).resolve_all(_cases())
    for rid, (outcome, doi) in EXPECTED.items():
        result = results[rid]
        if result.outcome is Outcome.UNCHECKED:
            assert result.reason
            continue
        assert result.outcome is outcome, (rid, result)
        assert (result.work.doi if result.work else None) == doi
