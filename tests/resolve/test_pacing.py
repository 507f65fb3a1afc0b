"""The pacer keeps to the limits a server advertises, and a real server confirms it."""

from __future__ import annotations

import threading
import time
from email.utils import formatdate

import pytest

from crossref_fixtures import COOX_DOI, records
from verify_refs.resolve.client import CrossrefClient
from verify_refs.resolve.pacing import (
    PUBLIC_LIMITS,
    Limits,
    Pacer,
    PacingTimeout,
    limits_from_headers,
    parse_interval,
    parse_retry_after,
)
from verify_refs.testing import CrossrefTestServer
from verify_refs.testing.crossref_server import PoolLimits


def test_starts_at_the_public_pools_limits() -> None:
    assert Pacer().limits == PUBLIC_LIMITS == Limits(5, 1.0, 1)


@pytest.mark.parametrize(("text", "seconds"), [("1s", 1.0), ("500ms", 0.5), ("2", 2.0), ("1m", 60.0),
                                               ("", None), ("soon", None), ("0s", None)])
def test_parse_interval(text: str, seconds: float | None) -> None:
    assert parse_interval(text) == seconds


def test_parse_retry_after() -> None:
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after(None) is None
    assert parse_retry_after("whenever") is None
    in_ten = parse_retry_after(formatdate(time.time() + 10, usegmt=True))
    assert in_ten is not None and 8 <= in_ten <= 11


def test_limits_from_headers_old_and_new_names() -> None:
    current = Limits(5, 1.0, 1)
    new = {"X-Rate-Limit-Limit": "10", "X-Rate-Limit-Interval": "1s", "X-Concurrency-Limit": "3"}
    assert limits_from_headers(new, current) == Limits(10, 1.0, 3)
    old = {"x-ratelimit-limit": "50", "x-ratelimit-interval": "1s"}  # 2022: no concurrency header
    assert limits_from_headers(old, current) == Limits(50, 1.0, 1)
    assert limits_from_headers({"x-rate-limit-limit": "nonsense"}, current) == current


def _starts(pacer: Pacer, count: int, threads: int = 1) -> list[float]:
    times: list[float] = []
    lock = threading.Lock()

    def work() -> None:
        while True:
            with lock:
                if len(times) >= count:
                    return
            with pacer.slot():
                with lock:
                    times.append(time.monotonic())

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return sorted(times)[:count]


def test_no_more_than_rate_starts_in_any_interval() -> None:
    pacer = Pacer(Limits(4, 0.2, 4))
    times = _starts(pacer, 12, threads=4)
    for i in range(len(times) - 4):
        assert times[i + 4] - times[i] >= 0.2  # the 5th start after any start is a window later


def test_concurrency_is_bounded() -> None:
    pacer = Pacer(Limits(1000, 1.0, 2))
    running, peak = 0, 0
    lock = threading.Lock()

    def work() -> None:
        nonlocal running, peak
        with pacer.slot():
            with lock:
                running += 1
                peak = max(peak, running)
            time.sleep(0.02)
            with lock:
                running -= 1

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert peak == 2


def test_pause_holds_every_thread() -> None:
    pacer = Pacer(Limits(100, 1.0, 4))
    pacer.pause(0.2)
    started = time.monotonic()
    with pacer.slot():
        pass
    assert time.monotonic() - started >= 0.19


def test_deadline_while_waiting() -> None:
    pacer = Pacer(Limits(1, 10.0, 1))
    with pacer.slot():
        pass
    with pytest.raises(PacingTimeout):
        pacer.acquire(deadline=time.monotonic() + 0.1)


def test_observe_adopts_advertised_limits() -> None:
    pacer = Pacer()
    pacer.observe({"x-rate-limit-limit": "10", "x-rate-limit-interval": "1s", "x-concurrency-limit": "3"})
    assert pacer.limits == Limits(10, 1.0, 3)


@pytest.mark.parametrize(("mailto", "pool"), [(None, "public"), ("tests@example.org", "polite")])
def test_client_never_exceeds_the_servers_limits(mailto: str | None, pool: str) -> None:
    """Crossref's 2026 limits, tightened in time (1 s -> 0.25 s) to keep the test short."""
    limits = {"public": PoolLimits(5, "0.25s", 1), "polite": PoolLimits(10, "0.25s", 3)}
    with CrossrefTestServer(records(), latency=0.01, limits=limits) as server:
        client = CrossrefClient(server.url, mailto, timeout=2, deadline=30)
        errors: list[BaseException] = []

        def work() -> None:
            try:
                for _ in range(10):
                    client.work(COOX_DOI)
                    client.search("Coox Lyushkov Soviet Studies 1968")
            except BaseException as error:  # noqa: BLE001 - collected for the assertion below
                errors.append(error)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not errors
        assert server.count == 80
        assert {entry.pool for entry in server.log} == {pool}
        assert server.violations == []
        expected = (10, 0.25, 3) if mailto else (5, 0.25, 1)
        assert (client.pacer.limits.rate, client.pacer.limits.interval, client.pacer.limits.concurrency) == expected
