"""The local Crossref look-alike answers in Crossref's envelopes, headers and statuses."""

from __future__ import annotations

import gzip
import json
import socket
import threading
import time
from pathlib import Path

import pytest
import requests

from crossref_fixtures import COOX_DOI, records
from verify_refs.testing import CrossrefTestServer, Fault
from verify_refs.testing.crossref_server import PoolLimits, main


def get(server: CrossrefTestServer, path: str, **params: str) -> requests.Response:
    return requests.get(server.url + path, params=params, allow_redirects=False, timeout=5)


def test_work_envelope_and_headers(server: CrossrefTestServer) -> None:
    response = get(server, f"/works/{COOX_DOI}")
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["message-type"], body["message-version"]) == ("ok", "work", "1.0.0")
    assert body["message"]["DOI"] == COOX_DOI
    assert body["message"]["title"] == ["L'Affaire Lyushkov: Anatomy of a Soviet Defector"]
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-api-pool"] == "public"
    assert response.headers["x-rate-limit-interval"] == "1s"
    assert {"x-rate-limit-limit", "x-concurrency-limit"} <= set(response.headers)
    assert response.headers["server"].startswith("Jetty")


def test_default_limits_are_crossrefs() -> None:
    with CrossrefTestServer(records()) as server:
        public = get(server, f"/works/{COOX_DOI}").headers
        polite = get(server, f"/works/{COOX_DOI}", mailto="me@example.org").headers
    assert (public["x-api-pool"], public["x-rate-limit-limit"], public["x-concurrency-limit"]) == ("public", "5", "1")
    assert (polite["x-api-pool"], polite["x-rate-limit-limit"], polite["x-concurrency-limit"]) == ("polite", "10", "3")


def test_mailto_in_user_agent_selects_polite_pool(server: CrossrefTestServer) -> None:
    response = requests.get(f"{server.url}/works/{COOX_DOI}", timeout=5,
                            headers={"User-Agent": "tool/1.0 (mailto:me@example.org)"})
    assert response.headers["x-api-pool"] == "polite"
    assert server.log[-1].user_agent == "tool/1.0 (mailto:me@example.org)"
    assert server.log[-1].pool == "polite"


def test_doi_is_case_insensitive_and_slash_may_be_encoded(server: CrossrefTestServer) -> None:
    assert get(server, "/works/10.5555/VR.0001").json()["message"]["DOI"] == "10.5555/vr.0001"
    assert get(server, "/works/10.1080%2F09668136808410603").json()["message"]["DOI"] == COOX_DOI


def test_unknown_doi_is_a_plain_text_404(server: CrossrefTestServer) -> None:
    response = get(server, "/works/10.5555/no-such-work")
    assert response.status_code == 404
    assert response.text == "Resource not found."
    assert response.headers["content-type"] == "text/plain"


def test_alias_redirects_to_primary_doi(server: CrossrefTestServer) -> None:
    response = get(server, "/works/10.5555/vr.alias")
    assert response.status_code == 301
    assert response.headers["location"] == "/works/10.5555/vr.0001"


def test_agency(server: CrossrefTestServer) -> None:
    known = get(server, f"/works/{COOX_DOI}/agency").json()
    assert known["message-type"] == "work-agency"
    assert known["message"]["agency"] == {"id": "crossref", "label": "Crossref"}
    assert get(server, "/works/10.2307/4440001").status_code == 404  # registered, not in the API
    assert get(server, "/works/10.2307/4440001/agency").json()["message"]["agency"]["id"] == "crossref"
    assert get(server, "/works/10.5555/datacite.1/agency").json()["message"]["agency"]["label"] == "DataCite"
    assert get(server, "/works/10.5555/nothing/agency").status_code == 404


def test_batch_filter_returns_the_known_dois(server: CrossrefTestServer) -> None:
    body = get(server, "/works", filter=f"doi:{COOX_DOI},doi:10.5555/VR.0002,doi:10.5555/none", rows="3").json()
    message = body["message"]
    assert body["message-type"] == "work-list"
    assert sorted(item["DOI"] for item in message["items"]) == [COOX_DOI, "10.5555/vr.0002"]
    assert message["total-results"] == 2
    assert message["items-per-page"] == 3
    assert message["query"] == {"start-index": 0, "search-terms": None}


def test_unknown_filter_is_a_validation_failure(server: CrossrefTestServer) -> None:
    response = get(server, "/works", filter="colour:blue")
    assert response.status_code == 400
    assert response.json()["message-type"] == "validation-failure"


def test_bibliographic_search_ranks_the_cited_work_first(server: CrossrefTestServer) -> None:
    query = "Coox, Alvin D. L'Affaire Lyushkov: Anatomy of a Soviet Defector. Soviet Studies 1968"
    message = get(server, "/works", **{"query.bibliographic": query, "rows": "2"})
    items = message.json()["message"]["items"]
    assert items[0]["DOI"] == COOX_DOI
    assert len(items) == 2
    assert items[0]["score"] > items[1]["score"] > 0
    assert message.json()["message"]["query"]["search-terms"] is None


def test_plain_query_and_select(server: CrossrefTestServer) -> None:
    message = get(server, "/works", query="frontier railways", select="DOI,title", rows="1").json()["message"]
    assert message["query"]["search-terms"] == "frontier railways"
    assert message["items"] == [{"DOI": "10.5555/vr.0001", "title": ["Railways of the Mongolian Frontier, 1921\u20131939"]}]


def test_search_is_accent_insensitive() -> None:
    record = {**records()[1], "DOI": "10.5555/accent", "title": ["Über die Grenzbahnen"]}
    with CrossrefTestServer([record]) as server:
        items = get(server, "/works", **{"query.bibliographic": "uber die grenzbahnen"}).json()["message"]["items"]
    assert [item["DOI"] for item in items] == ["10.5555/accent"]


def test_field_query_is_refused_on_a_single_work(server: CrossrefTestServer) -> None:
    assert get(server, f"/works/{COOX_DOI}", **{"query.author": "coox"}).status_code == 400


def test_records_load_from_jsonl_gz_without_source_keys(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for record in records():
            handle.write(json.dumps({**record, "_source": {"repo": "x"}}) + "\n")
    with CrossrefTestServer(path) as server:
        assert "_source" not in get(server, f"/works/{COOX_DOI}").json()["message"]


# --- faults --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fault", "status", "header"),
    [
        (Fault.rate_limited(2), 429, "2"),
        (Fault.rate_limited(), 429, None),
        (Fault.unavailable(), 503, None),
        (Fault.server_error(), 500, None),
        (Fault.not_found(), 404, None),
    ],
)
def test_status_faults(server: CrossrefTestServer, fault: Fault, status: int, header: str | None) -> None:
    server.add_fault(fault)
    response = get(server, f"/works/{COOX_DOI}")
    assert response.status_code == status
    assert response.headers.get("Retry-After") == header
    assert get(server, f"/works/{COOX_DOI}").status_code == 200  # one request only


def test_server_error_is_crossrefs_json_exception(server: CrossrefTestServer) -> None:
    server.add_fault(Fault.server_error())
    assert get(server, "/works").json()["message-type"] == "exception"


def test_faults_by_path_and_forever(server: CrossrefTestServer) -> None:
    server.add_fault(Fault.unavailable(), path=r"/agency$", times=None)
    assert get(server, f"/works/{COOX_DOI}").status_code == 200
    assert get(server, f"/works/{COOX_DOI}/agency").status_code == 503
    assert get(server, f"/works/{COOX_DOI}/agency").status_code == 503
    server.clear_faults()
    assert get(server, f"/works/{COOX_DOI}/agency").status_code == 200


def test_queued_faults_apply_in_order(server: CrossrefTestServer) -> None:
    server.queue_faults(Fault.unavailable(), None, Fault.not_found())
    assert [get(server, f"/works/{COOX_DOI}").status_code for _ in range(4)] == [503, 200, 404, 200]


def test_dropped_connection_sends_nothing(server: CrossrefTestServer) -> None:
    server.add_fault(Fault.drop())
    with pytest.raises(requests.ConnectionError):
        get(server, f"/works/{COOX_DOI}")
    assert server.log[-1].status is None
    assert server.log[-1].fault == "drop"


def test_truncated_body_is_cut_off(server: CrossrefTestServer) -> None:
    server.add_fault(Fault.truncate())
    with pytest.raises(requests.RequestException):
        get(server, f"/works/{COOX_DOI}")


def test_not_json_body(server: CrossrefTestServer) -> None:
    server.add_fault(Fault.not_json())
    response = get(server, f"/works/{COOX_DOI}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html"
    with pytest.raises(ValueError):
        response.json()


def test_timeout_fault_outlasts_the_client(server: CrossrefTestServer) -> None:
    server.add_fault(Fault.timeout(2.0))
    started = time.monotonic()
    with pytest.raises(requests.Timeout):
        requests.get(f"{server.url}/works/{COOX_DOI}", timeout=0.3)
    assert time.monotonic() - started < 1.5


def test_latency_is_added() -> None:
    with CrossrefTestServer(records(), latency=0.05) as server:
        started = time.monotonic()
        get(server, f"/works/{COOX_DOI}")
        assert time.monotonic() - started >= 0.05


def test_request_log(server: CrossrefTestServer) -> None:
    get(server, f"/works/{COOX_DOI}")
    get(server, "/works", filter=f"doi:{COOX_DOI}")
    assert server.count == 2
    assert server.paths == [f"/works/{COOX_DOI}", "/works"]
    assert server.log[1].query["filter"] == f"doi:{COOX_DOI}"
    assert server.user_agents[0].startswith("python-requests/")
    server.reset()
    assert server.count == 0


def test_rate_violations_are_recorded() -> None:
    with CrossrefTestServer(records(), limits={"public": PoolLimits(3, "1s", 1)}) as server:
        for _ in range(5):
            get(server, f"/works/{COOX_DOI}")
        assert [v.kind for v in server.violations] == ["rate", "rate"]
        assert server.violations[0].limit == 3


def test_concurrency_violations_are_recorded_and_can_be_refused() -> None:
    limits = {"public": PoolLimits(100, "1s", 1)}
    with CrossrefTestServer(records(), latency=0.2, limits=limits, reject_over_limit=True) as server:
        statuses: list[int] = []
        threads = [threading.Thread(target=lambda: statuses.append(get(server, f"/works/{COOX_DOI}").status_code))
                   for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert any(v.kind == "concurrency" for v in server.violations)
        assert sorted(statuses)[-1] == 429


def test_command_line_serves_until_interrupted(tmp_path: Path) -> None:
    """``python -m verify_refs.testing.crossref_server`` (checked in-process: parse + serve)."""
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records()), encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    thread = threading.Thread(target=main, args=(["--records", str(path), "--port", str(port)],), daemon=True)
    thread.start()
    for _ in range(100):
        try:
            response = requests.get(f"http://127.0.0.1:{port}/works/{COOX_DOI}", timeout=1)
            break
        except requests.ConnectionError:
            time.sleep(0.05)
    assert response.status_code == 200
