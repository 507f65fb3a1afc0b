"""Pace requests by the limits Crossref advertises in every response.

Crossref answers each request with ``x-rate-limit-limit`` (requests per interval),
``x-rate-limit-interval`` (``"1s"``) and ``x-concurrency-limit``; in 2026 the public pool
allowed 5 requests a second, one at a time, and the polite pool (a ``mailto``) 10 a second,
three at a time. A client that goes faster gets 429s and, if it persists, a block. So the
``Pacer`` starts at the public pool's limits, adopts whatever the server advertises, and
never lets more requests start in any interval, or run at once, than allowed. A 429's
``Retry-After`` pauses every thread, not only the one that got it.

See https://www.crossref.org/documentation/retrieve-metadata/rest-api/tips-for-using-the-crossref-rest-api/
"""

from __future__ import annotations

import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from email.utils import parsedate_to_datetime


@dataclass(frozen=True, slots=True)
class Limits:
    """At most ``rate`` request starts per ``interval`` seconds, ``concurrency`` at once."""

    rate: int = 5
    interval: float = 1.0
    concurrency: int = 1


PUBLIC_LIMITS = Limits(5, 1.0, 1)  # Crossref's public pool, 2026: the safe start
POLITE_LIMITS = Limits(10, 1.0, 3)  # the polite pool, 2026: what a mailto may get


class PacingTimeout(Exception):
    """No request slot came free before the caller's deadline."""


_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$", re.IGNORECASE)
_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0}


def parse_interval(text: str) -> float | None:
    """``"1s"`` -> 1.0, ``"500ms"`` -> 0.5; None when unreadable."""
    match = _INTERVAL.match(text or "")
    if not match or float(match.group(1)) <= 0:
        return None
    return float(match.group(1)) * _UNITS[(match.group(2) or "s").lower()]


def _positive_int(text: str | None) -> int | None:
    try:
        value = int(str(text).strip())
    except (TypeError, ValueError):
        return None
    return value if value > 0 else None


def parse_retry_after(value: str | None, now: Callable[[], float] = time.time) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - now())


def limits_from_headers(headers: Mapping[str, str], current: Limits) -> Limits:
    """The limits a response advertises; headers it lacks keep their current value.

    Older responses (2022) say ``x-ratelimit-limit`` and no concurrency limit at all.
    """
    lowered = {str(k).lower(): v for k, v in headers.items()}
    rate = _positive_int(lowered.get("x-rate-limit-limit") or lowered.get("x-ratelimit-limit"))
    interval_text = lowered.get("x-rate-limit-interval") or lowered.get("x-ratelimit-interval")
    interval = parse_interval(interval_text) if interval_text else None
    concurrency = _positive_int(lowered.get("x-concurrency-limit"))
    return replace(
        current,
        rate=rate or current.rate,
        interval=interval or current.interval,
        concurrency=concurrency or current.concurrency,
    )


class Pacer:
    """A thread-safe gate: ``with pacer.slot(deadline): send one request``.

    The server counts a request when it *arrives*, some unknown time after we start it and
    before we have its answer. So a request is counted against the rate from its start
    until one interval after it *finished*: a new request may start only when fewer than
    ``rate`` requests are running or finished within the last interval. Whatever the
    latency, no ``rate + 1`` arrivals can then fall into one interval (``slack`` covers
    clock granularity).
    """

    def __init__(
        self,
        limits: Limits = PUBLIC_LIMITS,
        *,
        slack: float = 0.01,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._limits = limits
        self._slack = slack
        self._clock = clock
        self._cond = threading.Condition()
        self._ends: deque[float] = deque()  # when recent requests finished, oldest first
        self._in_flight = 0
        self._paused_until = 0.0
        self.requests_started = 0

    @property
    def limits(self) -> Limits:
        with self._cond:
            return self._limits

    def observe(self, headers: Mapping[str, str]) -> None:
        """Adopt the limits a response advertises (the server's word, up or down)."""
        with self._cond:
            self._limits = limits_from_headers(headers, self._limits)
            self._cond.notify_all()

    def pause(self, seconds: float) -> None:
        """Start no request for ``seconds`` (a ``Retry-After``)."""
        with self._cond:
            self._paused_until = max(self._paused_until, self._clock() + max(0.0, seconds))
            self._cond.notify_all()

    def acquire(self, deadline: float | None = None) -> None:
        """Block until a request may start; ``deadline`` is on this pacer's clock."""
        with self._cond:
            while True:
                now = self._clock()
                wait = self._wait(now)
                if wait <= 0:
                    self._in_flight += 1
                    self.requests_started += 1
                    return
                if deadline is not None and now >= deadline:
                    raise PacingTimeout("no request slot before the deadline")
                limit = wait if deadline is None else min(wait, deadline - now)
                self._cond.wait(timeout=min(limit, 3600.0))

    def release(self) -> None:
        with self._cond:
            self._in_flight = max(0, self._in_flight - 1)
            self._ends.append(self._clock())
            self._cond.notify_all()

    @contextmanager
    def slot(self, deadline: float | None = None) -> Iterator[None]:
        self.acquire(deadline)
        try:
            yield
        finally:
            self.release()

    def _wait(self, now: float) -> float:
        """Seconds until a start is allowed (``inf``: until a running request ends)."""
        limits = self._limits
        window = limits.interval + self._slack
        while self._ends and self._ends[0] <= now - window:
            self._ends.popleft()
        waits = [self._paused_until - now]
        counted = self._in_flight + len(self._ends)
        if counted >= limits.rate:
            must_expire = counted - limits.rate  # index of the finished request to wait out
            waits.append(self._ends[must_expire] + window - now if must_expire < len(self._ends) else float("inf"))
        if self._in_flight >= limits.concurrency:
            waits.append(float("inf"))
        return max(waits)
