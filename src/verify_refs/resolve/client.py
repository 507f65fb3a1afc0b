"""Talk HTTP to a Crossref-compatible REST API, politely.

``CrossrefClient`` does four kinds of request. Plain look-ups (``/works/{doi}``, a batch
``/works?filter=doi:A,doi:B``, ``/works/{doi}/agency``) go through a ``requests`` session
because their status codes and headers matter (404 means "no such DOI", 301 an alias);
bibliographic search goes through habanero. Every request

* is paced (``Pacer``) by the limits Crossref advertises, and carries a User-Agent naming
  the tool and, when given, a contact (the "polite pool");
* is retried with tenacity on connection errors, timeouts, 429 and 5xx (exponential backoff
  with jitter, ``Retry-After`` honoured);
* fails fast while the circuit breaker is open (several attempts in a row got no answer);
* is bounded by one deadline for the whole run,

so that a missing network turns into quick ``UNCHECKED`` resolutions instead of a hang, and
a busy Crossref is not hammered. Crossref's own advice on all of this:
https://www.crossref.org/documentation/retrieve-metadata/rest-api/tips-for-using-the-crossref-rest-api/

Failures reach callers as ``CrossrefError``: ``CrossrefUnavailable`` (worth trying again
another time) or ``CrossrefRefused`` (the request itself is wrong).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import quote, unquote, urljoin

import httpx2
import requests
from habanero import Crossref
from habanero.exceptions import RequestError
from tenacity import Retrying, RetryCallState, retry_if_exception_type, stop_after_attempt
from tenacity.wait import wait_exponential_jitter

from .. import __url__, __version__
from ..models import RegistryWork
from .interface import ResolverError
from .pacing import PUBLIC_LIMITS, Pacer, PacingTimeout, parse_retry_after
from .records import record_problem, work_from_json

CROSSREF_API = "https://api.crossref.org"
DOI_ORG_HANDLES = "https://doi.org/api/handles/"
_REDIRECTS = (301, 302, 303, 307, 308)  # alias DOIs answer 301 to their primary DOI
T = TypeVar("T")
_LOG = logging.getLogger(__name__)


# --- errors ------------------------------------------------------------------------


class CrossrefError(ResolverError):
    """A request to Crossref failed; ``str()`` is a one-line reason for the report."""


class CrossrefUnavailable(CrossrefError):
    """Crossref could not be reached or kept failing (network, timeouts, 429, 5xx)."""


class CrossrefRefused(CrossrefError):
    """Crossref refused a request (a 4xx other than 404 and 429): retrying will not help."""


class CrossrefBadRecord(CrossrefError):
    """The answer was not a usable record of the DOI asked for (wrong field types, another
    DOI): the look-up failed, and nothing of it may be compared or locked."""


class _Transient(Exception):
    """One failed attempt worth retrying; ``retry_after`` is the server's requested wait."""

    def __init__(self, reason: str, *, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


class _DeadlinePassed(Exception):
    """The run's deadline passed before a request could start."""


# --- small helpers -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Agency:
    """The registration agency of a DOI (``/works/{doi}/agency``)."""

    id: str
    label: str


def user_agent(mailto: str | None) -> str:
    """``verify-refs/0.1.0 (https://github.com/verify-refs/verify-refs; mailto:x@y)``.

    Crossref asks for a tool name, a URL and a contact; the mailto also selects the polite
    pool (see the "etiquette" section of the tips linked in the module docstring).
    """
    contact = f"; mailto:{mailto}" if mailto else ""
    return f"verify-refs/{__version__} ({__url__}{contact})"


def quote_doi(doi: str) -> str:
    """A DOI as a path: slashes kept, ``<>#?%`` and spaces encoded (SICI DOIs have them)."""
    return quote(doi.strip(), safe="/:;()[]")


_CAUSES = (  # (text in the exception chain, what to tell a person)
    ("refused", "connection refused"),
    ("RemoteDisconnected", "the server closed the connection without answering"),
    ("without sending complete message", "the answer was cut off"),
    ("IncompleteRead", "the answer was cut off"),
    ("Connection broken", "the answer was cut off"),
    ("NameResolution", "cannot resolve the host name (no network?)"),
    ("Name or service not known", "cannot resolve the host name (no network?)"),
    ("Temporary failure in name resolution", "cannot resolve the host name (no network?)"),
    ("Network is unreachable", "network unreachable"),
    ("timed out", "timed out"),
)


def _one_line(error: BaseException) -> str:
    """A one-line, human description of a transport error, for the report.

    requests and httpx2 wrap the socket's error several layers deep, and their ``str()`` is
    a nested repr; the cause a person can act on is found by searching the whole chain.
    """
    text = " ".join(repr(item) + " " + str(item) for item in _chain(error))
    for needle, description in _CAUSES:
        if needle in text:
            return description
    first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return first if len(first) <= 100 else first[:97] + "..."


def _chain(error: BaseException) -> Iterable[BaseException]:
    """``error`` and the exceptions it was raised from or while handling, once each."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _status_response(error: BaseException) -> httpx2.Response | None:
    """The response of an HTTP status error somewhere in ``error``'s chain (habanero
    raises ``raise_for_status``'s error, sometimes wrapped)."""
    for item in _chain(error):
        if isinstance(item, httpx2.HTTPStatusError):
            return item.response
    return None


def _transport_error(error: BaseException) -> httpx2.TransportError | None:
    """The httpx2 transport error (no usable answer) somewhere in ``error``'s chain."""
    for item in _chain(error):
        if isinstance(item, httpx2.TransportError):
            return item
    return None


class _Breaker:
    """After ``threshold`` attempts in a row got no answer at all, fail fast for ``cooldown``
    seconds: a dead network costs seconds, not one timeout per reference."""

    def __init__(self, threshold: int, cooldown: float) -> None:
        self.threshold, self.cooldown = threshold, cooldown
        self._lock = threading.Lock()
        self._failures = 0
        self._open_until = 0.0
        self.reason = ""

    def success(self) -> None:
        """An answer came back (whatever its status): the network works."""
        with self._lock:
            self._failures = 0

    def failure(self, reason: str) -> None:
        """An attempt got no answer; the ``threshold``-th in a row opens the breaker."""
        with self._lock:
            self._failures += 1
            if self._failures >= self.threshold:
                self._open_until = time.monotonic() + self.cooldown
                self.reason = reason

    @property
    def is_open(self) -> bool:
        """True while requests should fail at once instead of being sent."""
        with self._lock:
            return time.monotonic() < self._open_until


# --- the client ----------------------------------------------------------------------


class CrossrefClient:
    """HTTP access to one Crossref-compatible API (``base_url``).

    ``mailto``: the contact for the User-Agent (the polite pool); ``timeout``: seconds per
    request; ``deadline``: seconds for the whole run, counted from the first request (None:
    no limit); ``max_attempts``: tries per request; ``backoff``/``backoff_max``: the first
    and the longest wait between tries; ``batch_size``: DOIs per filter request; ``pacer``:
    holds requests to the pool's limits; ``breaker_threshold``/``breaker_cooldown``: see
    ``_Breaker``.
    """

    def __init__(
        self,
        base_url: str = CROSSREF_API,
        mailto: str | None = None,
        *,
        timeout: float = 10.0,
        deadline: float | None = 60.0,
        max_attempts: int = 4,
        backoff: float = 0.25,
        backoff_max: float = 8.0,
        batch_size: int = 20,
        pacer: Pacer | None = None,
        breaker_threshold: int = 3,
        breaker_cooldown: float = 30.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.mailto = mailto or None
        self.timeout = timeout
        self.deadline = deadline
        self.max_attempts = max(1, max_attempts)
        self.batch_size = max(1, batch_size)
        self.pacer = pacer or Pacer(PUBLIC_LIMITS)
        self._exponential_wait = wait_exponential_jitter(multiplier=backoff, max=backoff_max, jitter=backoff)
        self._breaker = _Breaker(breaker_threshold, breaker_cooldown)
        self._deadline_at: float | None = None
        self._lock = threading.Lock()
        self.session = requests.Session()
        self.session.headers.update({"User-Agent": self.user_agent, "Accept": "application/json"})

    # --- identity -------------------------------------------------------------------
    @property
    def user_agent(self) -> str:
        """The User-Agent every request carries (see ``user_agent()``)."""
        return user_agent(self.mailto)

    @property
    def uses_public_pool(self) -> bool:
        """True without a mailto: the caller should say so once (``pool_notice``)."""
        return self.mailto is None

    @property
    def pool_notice(self) -> str | None:
        """What to tell a person who gave no mailto, once per run; None with one."""
        if not self.uses_public_pool:
            return None
        return ("No mailto configured: using Crossref's public pool (slower, 5 requests/s, one at a time). "
                "Set --mailto (or VERIFY_REFS_MAILTO) to use the polite pool.")

    @property
    def is_crossref(self) -> bool:
        """Only Crossref's own API may send us on to doi.org (never a test server)."""
        return self.base_url == CROSSREF_API

    @property
    def requests_sent(self) -> int:
        """Requests started so far (0: the run never touched the network)."""
        return self.pacer.requests_started

    # --- the run's deadline ---------------------------------------------------------
    def remaining(self) -> float | None:
        """Seconds left before the run's deadline (starting the clock on first use)."""
        if self.deadline is None:
            return None
        with self._lock:
            if self._deadline_at is None:
                self._deadline_at = time.monotonic() + self.deadline
            return self._deadline_at - time.monotonic()

    def _request_timeout(self) -> float:
        """This request's timeout: ``timeout``, cut to what is left of the run's deadline."""
        left = self.remaining()
        if left is not None and left <= 0:
            raise _DeadlinePassed(self._deadline_reason())
        return self.timeout if left is None else max(0.05, min(self.timeout, left))

    def _deadline_reason(self) -> str:
        """The report's reason for references left unchecked by the deadline."""
        return f"the time limit for Crossref requests ({self.deadline:g} s, --timeout) ran out"

    def _paced_slot(self) -> AbstractContextManager[None]:
        """The pacer's permission to send one request, waited for no longer than the deadline."""
        left = self.remaining()
        return self.pacer.slot(None if left is None else time.monotonic() + left)

    # --- retries --------------------------------------------------------------------
    def _retried(self, what: str, attempt: Callable[[], T], attempts: int | None = None) -> T:
        """Run ``attempt`` up to ``attempts`` times (default ``max_attempts``) while it raises
        ``_Transient``; raise ``CrossrefError`` when giving up. Reasons name no DOI or
        path, so that a report can group the references they cost."""
        retrying = Retrying(
            retry=retry_if_exception_type(_Transient),
            wait=self._retry_wait,
            stop=stop_after_attempt(attempts or self.max_attempts) | self._no_time_to_retry,
            reraise=True,
        )
        if self._breaker.is_open:
            raise CrossrefUnavailable(f"Crossref unavailable: {self._breaker.reason}")
        try:
            return retrying(attempt)
        except _Transient as error:
            _LOG.debug("%s: giving up after %s attempts: %s", what,
                       retrying.statistics.get("attempt_number", 1), error.reason)
            raise CrossrefUnavailable(f"Crossref unavailable: {error.reason}") from error
        except (_DeadlinePassed, PacingTimeout) as error:
            raise CrossrefUnavailable(self._deadline_reason()) from error

    def _retry_wait(self, state: RetryCallState) -> float:
        """Seconds before the next try: the server's ``Retry-After`` if it sent one, else
        exponential backoff with jitter (so that threads do not retry in step)."""
        error = state.outcome.exception() if state.outcome else None
        if isinstance(error, _Transient) and error.retry_after is not None:
            return error.retry_after
        return float(self._exponential_wait(state))

    def _no_time_to_retry(self, state: RetryCallState) -> bool:
        """Stop retrying when the breaker opened or the wait would outlast the deadline."""
        if self._breaker.is_open:
            return True
        left = self.remaining()
        return left is not None and left <= state.upcoming_sleep

    def _raise_for_status(self, status: int, headers: Mapping[str, str]) -> None:
        """Learn the limits; turn 429/5xx into retries and other 4xx (not 404) into refusals.

        A 429 pauses every thread, not only this one: Crossref blocks clients that keep
        going after being told to slow down (see the tips linked in the module docstring).
        """
        self.pacer.observe(headers)
        retry_after = parse_retry_after(headers.get("Retry-After") or headers.get("retry-after"))
        if status == 429:
            self.pacer.pause(retry_after if retry_after is not None else 1.0)
            raise _Transient("rate limited (429)", retry_after=retry_after)
        if status >= 500:
            raise _Transient(f"server error ({status})", retry_after=retry_after)
        if 400 <= status < 500 and status != 404:
            raise CrossrefRefused(f"Crossref refused the request ({status})")

    # --- plain look-ups (requests) ----------------------------------------------------
    def _get(self, path: str, params: Mapping[str, str] | None = None) -> requests.Response:
        """One GET under the base URL, retried; returns 2xx, 3xx and 404 responses."""

        def attempt() -> requests.Response:
            timeout = self._request_timeout()
            with self._paced_slot():
                try:
                    response = self.session.get(self.base_url + path, params=params, timeout=timeout,
                                                allow_redirects=False)
                except requests.Timeout as error:
                    self._breaker.failure("requests time out")
                    raise _Transient(f"no answer within {timeout:g} s") from error
                except requests.ConnectionError as error:
                    self._breaker.failure(_one_line(error))
                    raise _Transient(_one_line(error)) from error
                except requests.RequestException as error:  # truncated body, bad chunking
                    raise _Transient(_one_line(error)) from error
            self._breaker.success()
            self._raise_for_status(response.status_code, response.headers)
            return response

        return self._retried(f"GET {path}", attempt)

    def _message(self, path: str, params: Mapping[str, str] | None = None) -> Any:
        """The ``message`` of the JSON envelope at ``path``; None for a 404."""
        return self._message_at(path, params)[0]

    def _message_at(self, path: str, params: Mapping[str, str] | None = None) -> tuple[Any, str]:
        """``_message``, and the path that answered: alias redirects (301 to
        ``/works/{primary DOI}``) are followed within the base URL."""

        def attempt() -> tuple[Any, str]:
            response, where = self._get(path, params), path
            for _ in range(3):
                if response.status_code not in _REDIRECTS:
                    break
                where = self._redirect_path(response)
                response = self._get(where)
            if response.status_code == 404:
                return None, where
            return _envelope_message(response), where

        # _get retried transport trouble; this retries once an answer that came back garbled
        return self._retried(f"GET {path}", attempt, attempts=2)

    def _redirect_path(self, response: requests.Response) -> str:
        """The path a redirect points to; refused if it leaves the API (a redirect is
        followed by hand so that the session's headers never go to another host)."""
        target = urljoin(response.url, response.headers.get("Location", ""))
        if not target.startswith(self.base_url + "/"):
            raise CrossrefRefused(f"redirected outside the API ({target})")
        return target[len(self.base_url):]

    def work(self, doi: str) -> RegistryWork | None:
        """The work of ``doi`` (following an alias to its primary DOI); None: 404.

        ``CrossrefBadRecord`` when the answer is not a record in Crossref's format or is the
        record of another DOI than the one asked for or redirected to (case aside)."""
        message, where = self._message_at("/works/" + quote_doi(doi))
        if message is None:
            return None
        problem = record_problem(message)
        if problem:
            raise CrossrefBadRecord(f"the registry's record is malformed ({problem})")
        answered = message["DOI"].strip().lower()
        if answered not in (doi.strip().lower(), unquote(where.removeprefix("/works/")).lower()):
            raise CrossrefBadRecord("the registry answered with the record of another DOI")
        return work_from_json(message)

    def works(self, dois: Sequence[str]) -> dict[str, RegistryWork]:
        """Many DOIs in as few requests as possible (``filter=doi:A,doi:B``); found ones only,
        keyed by lower-cased DOI. One filter request per ``batch_size`` DOIs costs Crossref
        far less than one request per DOI."""
        found: dict[str, RegistryWork] = {}
        unique = list(dict.fromkeys(d.lower() for d in dois))
        for start in range(0, len(unique), self.batch_size):
            chunk = unique[start: start + self.batch_size]
            params = {"filter": ",".join(f"doi:{d}" for d in chunk), "rows": str(len(chunk))}
            message = self._message("/works", params)
            for item in (message or {}).get("items", []) if isinstance(message, dict) else []:
                # a malformed record or one not asked for is left out: its DOI's own
                # look-up (``work``) then says what is wrong with it
                if record_problem(item) is None and item["DOI"].strip().lower() in chunk:
                    work = work_from_json(item)
                    found[work.doi] = work
        return found

    def agency(self, doi: str) -> Agency | None:
        """Who registered ``doi``; None when no agency knows it (404). Tells a DOI of
        another agency (DataCite, mEDRA...), absent from Crossref's works, from a bad one."""
        message = self._message("/works/" + quote_doi(doi) + "/agency")
        agency = message.get("agency") if isinstance(message, dict) else None
        if not isinstance(agency, dict) or not agency.get("id"):
            return None
        return Agency(str(agency["id"]), str(agency.get("label") or agency["id"]))

    def doi_org_exists(self, doi: str) -> bool | None:
        """The last resort: does the DOI system know ``doi``? Only for Crossref's own API.

        One unpaced request to doi.org's handle API (another host); None when unknowable.
        """
        if not self.is_crossref:
            return None
        try:
            timeout = self._request_timeout()
            response = self.session.get(DOI_ORG_HANDLES + quote_doi(doi), timeout=timeout)
            return response.status_code == 200 and response.json().get("responseCode") == 1
        except (requests.RequestException, ValueError, _DeadlinePassed):
            return None

    # --- search (habanero) --------------------------------------------------------------
    def search(self, text: str, rows: int = 5) -> list[RegistryWork]:
        """``query.bibliographic`` search; best first as Crossref ranks them."""

        def attempt() -> list[RegistryWork]:
            crossref = Crossref(base_url=self.base_url, mailto=self.mailto, ua_string=self.user_agent,
                                timeout=self._request_timeout())
            with self._paced_slot():
                try:
                    result: Any = crossref.works(query_bibliographic=text, limit=rows)
                    error: BaseException | None = None
                except (RequestError, httpx2.HTTPError, RuntimeError, ValueError, KeyError, TypeError) as caught:
                    error = caught
            if error is not None:
                self._raise_search_failure(error)
            self._breaker.success()
            return _search_works(result)

        return self._retried("search", attempt)

    def _raise_search_failure(self, error: BaseException) -> None:
        """Classify what habanero raised: a status error carries the response and headers."""
        response = _status_response(error)
        if response is not None:
            self._raise_for_status(response.status_code, response.headers)
            raise _Transient(f"unexpected status {response.status_code}") from error
        if isinstance(error, RequestError):  # 200 that was not JSON, or a 4xx JSON message
            if error.status_code == 200 or error.status_code >= 500:
                raise _Transient("the search answer was not JSON") from error
            raise CrossrefRefused(f"Crossref refused the request ({error.status_code})") from error
        transport = _transport_error(error)
        if transport is not None:
            # a cut-off or undecodable answer shows the network works: not the breaker's business
            if not isinstance(transport, (httpx2.RemoteProtocolError, httpx2.DecodingError)):
                self._breaker.failure(_one_line(transport))
            raise _Transient(_one_line(transport)) from error
        raise _Transient(f"broken answer ({_one_line(error)})") from error


def _envelope_message(response: requests.Response) -> Any:
    """The ``message`` of a 200 answer's ``{"status", "message-type", "message"}`` envelope;
    ``_Transient`` for any other status or a garbled body."""
    if response.status_code != 200:
        raise _Transient(f"unexpected status {response.status_code}")
    try:
        envelope = response.json()
    except ValueError as error:
        raise _Transient("the answer was not JSON") from error
    if not isinstance(envelope, dict) or "message" not in envelope:
        raise _Transient("the answer was not a Crossref envelope")
    return envelope["message"]


def _search_works(result: Any) -> list[RegistryWork]:
    """The works of a search answer's ``message.items``; ``_Transient`` if it has none."""
    items = result.get("message", {}).get("items") if isinstance(result, dict) else None
    if not isinstance(items, list):
        raise _Transient("the search answer was not a Crossref work list")
    return [work_from_json(item) for item in items if record_problem(item) is None]
