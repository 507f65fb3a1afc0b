"""Resolve references against Crossref's REST API.

``CrossrefClient`` speaks HTTP: plain look-ups (``/works/{doi}``, a batch
``/works?filter=doi:A,doi:B``, ``/works/{doi}/agency``) go through a ``requests`` session
because their status codes and headers matter (404 means "no such DOI", 301 an alias);
bibliographic search goes through habanero. Every request is paced (``Pacer``), retried
with tenacity on connection errors, timeouts, 429 and 5xx (exponential backoff with
jitter, ``Retry-After`` honoured), and bounded by one deadline for the whole run, so that
a missing network turns into quick ``UNCHECKED`` resolutions instead of a hang.

``CrossrefResolver`` decides what each reference is: its DOI's work (checked against the
reference by the matcher), its JSTOR id's work, or the best search result.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any, TypeVar
from urllib.parse import quote, urljoin

import httpx2
import requests
from habanero import Crossref
from habanero.exceptions import RequestError
from tenacity import Retrying, RetryCallState, retry_if_exception_type, stop_after_attempt
from tenacity.wait import wait_exponential_jitter

from .. import __url__, __version__
from ..identifiers.doi import problem as doi_problem
from ..models import IdScheme, Outcome, Reference, RegistryWork, Resolution
from .interface import Resolver, ResolverError
from .matching import best_match, describes_same_work
from .pacing import PUBLIC_LIMITS, Pacer, PacingTimeout, parse_retry_after
from .records import work_from_json

CROSSREF_API = "https://api.crossref.org"
DOI_ORG_HANDLES = "https://doi.org/api/handles/"
T = TypeVar("T")
_LOG = logging.getLogger(__name__)


class CrossrefError(ResolverError):
    """A request to Crossref failed; ``str()`` is a one-line reason for the report."""


class CrossrefUnavailable(CrossrefError):
    """Crossref could not be reached or kept failing (network, timeouts, 429, 5xx)."""


class CrossrefRefused(CrossrefError):
    """Crossref refused a request (a 4xx other than 404 and 429): retrying will not help."""


class _Transient(Exception):
    """One failed attempt worth retrying."""

    def __init__(self, reason: str, *, retry_after: float | None = None, transport: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after
        self.transport = transport  # no answer at all: counts towards the circuit breaker


@dataclass(frozen=True, slots=True)
class Agency:
    """The registration agency of a DOI (``/works/{doi}/agency``)."""

    id: str
    label: str


def user_agent(mailto: str | None) -> str:
    """``verify-refs/0.1.0 (https://github.com/verify-refs/verify-refs; mailto:x@y)``.

    Crossref asks for a tool name, a URL and a contact; the mailto also selects the polite pool.
    """
    contact = f"; mailto:{mailto}" if mailto else ""
    return f"verify-refs/{__version__} ({__url__}{contact})"


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


def _short(error: BaseException) -> str:
    """A one-line, human description of a transport error (not a nested repr)."""
    text = " ".join(repr(item) + " " + str(item) for item in _chain(error))
    for needle, description in _CAUSES:
        if needle in text:
            return description
    first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return first if len(first) <= 100 else first[:97] + "..."


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
        with self._lock:
            self._failures = 0

    def failure(self, reason: str) -> None:
        with self._lock:
            self._failures += 1
            if self._failures >= self.threshold:
                self._open_until = time.monotonic() + self.cooldown
                self.reason = reason

    @property
    def is_open(self) -> bool:
        with self._lock:
            return time.monotonic() < self._open_until


class CrossrefClient:
    """HTTP access to one Crossref-compatible API (``base_url``).

    ``mailto``: the contact for the User-Agent (the polite pool); ``timeout``: seconds per
    request; ``deadline``: seconds for the whole run, counted from the first request (None:
    no limit); ``max_attempts``: tries per request; ``batch_size``: DOIs per filter request.
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
        self._wait = wait_exponential_jitter(multiplier=backoff, max=backoff_max, jitter=backoff)
        self._breaker = _Breaker(breaker_threshold, breaker_cooldown)
        self._deadline_at: float | None = None
        self._lock = threading.Lock()
        self.session = requests.Session()
        self.session.headers.update({"User-Agent": self.user_agent, "Accept": "application/json"})

    # --- identity -----------------------------------------------------------
    @property
    def user_agent(self) -> str:
        return user_agent(self.mailto)

    @property
    def uses_public_pool(self) -> bool:
        """True without a mailto: the caller should say so once (``pool_notice``)."""
        return self.mailto is None

    @property
    def pool_notice(self) -> str | None:
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
        return self.pacer.requests_started

    # --- the run's deadline --------------------------------------------------
    def remaining(self) -> float | None:
        """Seconds left before the run's deadline (starting the clock on first use)."""
        if self.deadline is None:
            return None
        with self._lock:
            if self._deadline_at is None:
                self._deadline_at = time.monotonic() + self.deadline
            return self._deadline_at - time.monotonic()

    def _request_timeout(self) -> float:
        left = self.remaining()
        if left is not None and left <= 0:
            raise _Expired(self._expired_reason())
        return self.timeout if left is None else max(0.05, min(self.timeout, left))

    def _expired_reason(self) -> str:
        return f"the time limit for Crossref requests ({self.deadline:g} s, --timeout) ran out"

    # --- retries ------------------------------------------------------------
    def _call(self, what: str, attempt: Callable[[], T]) -> T:
        """Run ``attempt`` with retries; raise ``CrossrefError`` when giving up. Reasons name
        no DOI or path, so that a report can group the references they cost."""
        retrying = Retrying(
            retry=retry_if_exception_type(_Transient),
            wait=self._backoff,
            stop=stop_after_attempt(self.max_attempts) | self._out_of_time,
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
        except (_Expired, PacingTimeout) as error:
            raise CrossrefUnavailable(self._expired_reason()) from error

    def _backoff(self, state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        if isinstance(error, _Transient) and error.retry_after is not None:
            return error.retry_after
        return float(self._wait(state))

    def _out_of_time(self, state: RetryCallState) -> bool:
        if self._breaker.is_open:
            return True
        left = self.remaining()
        return left is not None and left <= state.upcoming_sleep

    def _slot(self) -> Any:
        left = self.remaining()
        return self.pacer.slot(None if left is None else time.monotonic() + left)

    def _check(self, status: int, headers: Mapping[str, str], what: str) -> None:
        """Learn the limits; turn 429/5xx into retries and other 4xx (not 404) into refusals."""
        self.pacer.observe(headers)
        retry_after = parse_retry_after(headers.get("Retry-After") or headers.get("retry-after"))
        if status == 429:
            self.pacer.pause(retry_after if retry_after is not None else 1.0)
            raise _Transient("rate limited (429)", retry_after=retry_after)
        if status >= 500:
            raise _Transient(f"server error ({status})", retry_after=retry_after)
        if 400 <= status < 500 and status != 404:
            raise CrossrefRefused(f"Crossref refused the request ({status})")

    # --- plain look-ups (requests) -------------------------------------------
    def _get(self, path: str, params: Mapping[str, str] | None = None) -> requests.Response:
        """One GET under the base URL, retried; returns 2xx, 3xx and 404 responses."""

        def attempt() -> requests.Response:
            timeout = self._request_timeout()
            with self._slot():
                try:
                    response = self.session.get(self.base_url + path, params=params, timeout=timeout,
                                                allow_redirects=False)
                except requests.Timeout as error:
                    self._breaker.failure("requests time out")
                    raise _Transient(f"no answer within {timeout:g} s", transport=True) from error
                except requests.ConnectionError as error:
                    self._breaker.failure(_short(error))
                    raise _Transient(_short(error), transport=True) from error
                except requests.RequestException as error:  # truncated body, bad chunking
                    raise _Transient(_short(error)) from error
            self._breaker.success()
            self._check(response.status_code, response.headers, path)
            return response

        return self._call(f"GET {path}", attempt)

    def _message(self, path: str, params: Mapping[str, str] | None = None) -> Any:
        """The ``message`` of the JSON envelope at ``path``; None for a 404. Alias
        redirects (301 to ``/works/{primary DOI}``) are followed within the base URL."""

        def attempt() -> Any:
            response = self._get(path, params)
            for _ in range(3):
                if response.status_code not in (301, 302, 303, 307, 308):
                    break
                response = self._get(self._redirect_path(response))
            if response.status_code == 404:
                return None
            if response.status_code != 200:
                raise _Transient(f"unexpected status {response.status_code}")
            try:
                envelope = response.json()
            except ValueError as error:
                raise _Transient("the answer was not JSON") from error
            if not isinstance(envelope, dict) or "message" not in envelope:
                raise _Transient("the answer was not a Crossref envelope")
            return envelope["message"]

        # _get retries transport trouble; this retries once an answer that came back garbled
        retrying = Retrying(retry=retry_if_exception_type(_Transient), wait=self._backoff,
                            stop=stop_after_attempt(2) | self._out_of_time, reraise=True)
        try:
            return retrying(attempt)
        except _Transient as error:
            raise CrossrefUnavailable(f"Crossref unavailable: {error.reason}") from error

    def _redirect_path(self, response: requests.Response) -> str:
        target = urljoin(response.url, response.headers.get("Location", ""))
        if not target.startswith(self.base_url + "/"):
            raise CrossrefRefused(f"redirected outside the API ({target})")
        return target[len(self.base_url):]

    def work(self, doi: str) -> RegistryWork | None:
        """The work of ``doi`` (following an alias to its primary DOI); None: 404."""
        message = self._message("/works/" + quote_doi(doi))
        return work_from_json(message) if isinstance(message, dict) else None

    def works(self, dois: Sequence[str]) -> dict[str, RegistryWork]:
        """Many DOIs in as few requests as possible (``filter=doi:A,doi:B``); found ones only,
        keyed by lower-cased DOI."""
        found: dict[str, RegistryWork] = {}
        unique = list(dict.fromkeys(d.lower() for d in dois))
        for start in range(0, len(unique), self.batch_size):
            chunk = unique[start: start + self.batch_size]
            params = {"filter": ",".join(f"doi:{d}" for d in chunk), "rows": str(len(chunk))}
            message = self._message("/works", params)
            for item in (message or {}).get("items", []) if isinstance(message, dict) else []:
                if isinstance(item, dict):
                    work = work_from_json(item)
                    found[work.doi] = work
        return found

    def agency(self, doi: str) -> Agency | None:
        """Who registered ``doi``; None when no agency knows it (404)."""
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
        except (requests.RequestException, ValueError, _Expired):
            return None

    # --- search (habanero) ---------------------------------------------------
    def search(self, text: str, rows: int = 5) -> list[RegistryWork]:
        """``query.bibliographic`` search; best first as Crossref ranks them."""

        def attempt() -> list[RegistryWork]:
            crossref = Crossref(base_url=self.base_url, mailto=self.mailto, ua_string=self.user_agent,
                                timeout=self._request_timeout())
            with self._slot():
                try:
                    result: Any = crossref.works(query_bibliographic=text, limit=rows)
                    error: BaseException | None = None
                except (RequestError, httpx2.HTTPError, RuntimeError, ValueError, KeyError, TypeError) as caught:
                    error = caught
            if error is not None:
                self._search_failed(error)
            self._breaker.success()
            items = result.get("message", {}).get("items") if isinstance(result, dict) else None
            if not isinstance(items, list):
                raise _Transient("the search answer was not a Crossref work list")
            return [work_from_json(item) for item in items if isinstance(item, dict)]

        return self._call("search", attempt)

    def _search_failed(self, error: BaseException) -> None:
        """Classify what habanero raised: a status error carries the response and headers."""
        response = _status_response(error)
        if response is not None:
            self._check(response.status_code, response.headers, "search")
            raise _Transient(f"unexpected status {response.status_code}") from error
        if isinstance(error, RequestError):  # 200 that was not JSON, or a 4xx JSON message
            if error.status_code == 200 or error.status_code >= 500:
                raise _Transient("the search answer was not JSON") from error
            raise CrossrefRefused(f"Crossref refused the request ({error.status_code})") from error
        transport = _transport_error(error)
        if transport is not None:
            if not isinstance(transport, (httpx2.RemoteProtocolError, httpx2.DecodingError)):
                self._breaker.failure(_short(transport))
            raise _Transient(_short(transport), transport=True) from error
        raise _Transient(f"broken answer ({_short(error)})") from error


class _Expired(Exception):
    """The run's deadline passed."""


def quote_doi(doi: str) -> str:
    """A DOI as a path: slashes kept, ``<>#?%`` and spaces encoded (SICI DOIs have them)."""
    return quote(doi.strip(), safe="/:;()[]")


def _chain(error: BaseException) -> Iterable[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _status_response(error: BaseException) -> httpx2.Response | None:
    for item in _chain(error):
        if isinstance(item, httpx2.HTTPStatusError):
            return item.response
    return None


def _transport_error(error: BaseException) -> httpx2.TransportError | None:
    for item in _chain(error):
        if isinstance(item, httpx2.TransportError):
            return item
    return None


# --- the resolver --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DoiLookup:
    """What the registry says about one DOI: found, missing everywhere, or unknowable."""

    doi: str
    work: RegistryWork | None = None
    missing: bool = False
    reason: str = ""  # why missing or unchecked


_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_DOI_TEXT = re.compile(r"\b(?:doi:\s*)?10\.\d{4,9}/\S+", re.IGNORECASE)
_ACCESSED = re.compile(r"\b(?:retrieved|accessed|archived from the original)\b.*?(?:\d{4}|$)", re.IGNORECASE)


def search_text(reference: Reference, limit: int = 400) -> str:
    """The reference text as a bibliographic query: no URLs, DOIs or access dates."""
    text = _ACCESSED.sub(" ", _DOI_TEXT.sub(" ", _URL.sub(" ", reference.text)))
    text = " ".join(word for word in text.split() if any(c.isalnum() for c in word))
    return text[:limit].rsplit(" ", 1)[0] if len(text) > limit else text


def cited_doi(reference: Reference) -> str | None:
    """The first DOI of the reference that could exist: a malformed one ("10.108/...",
    reported as invalid-doi) is not looked up, so the reference is searched for instead
    of being called doi-not-found as well."""
    for identifier in reference.ids(IdScheme.DOI):
        if doi_problem(identifier.raw) is None:
            return identifier.value
    return None


def jstor_doi(reference: Reference) -> str | None:
    """JSTOR stable ids are DOIs under ``10.2307``: ``1178221`` -> ``10.2307/1178221``."""
    value = reference.jstor
    if not value:
        return None
    value = value.strip().lower()
    return value if value.startswith("10.") else f"10.2307/{value}"


class CrossrefResolver(Resolver):
    """References -> resolutions via a ``CrossrefClient``.

    ``workers``: threads sending requests (the pacer still holds them to the advertised
    concurrency); ``search_rows``: candidates per search; ``matcher``: ``best_match``.
    """

    def __init__(
        self,
        client: CrossrefClient,
        *,
        workers: int = 3,
        search_rows: int = 5,
        matcher: Callable[[Reference, Sequence[RegistryWork]], Any] = best_match,
        same_work: Callable[[Reference, RegistryWork], bool] = describes_same_work,
    ) -> None:
        self.client = client
        self.workers = max(1, workers)
        self.search_rows = search_rows
        self.matcher = matcher
        self.same_work = same_work
        self._known: dict[str, RegistryWork] = {}
        self._failed: dict[str, str] = {}
        self._lock = threading.Lock()

    def resolve(self, reference: Reference) -> Resolution:
        return self.resolve_all([reference])[reference.id]

    def resolve_all(self, references: Sequence[Reference]) -> dict[str, Resolution]:
        """Fetch every cited DOI in batches first, then resolve references in parallel."""
        dois = [d for r in references for d in (cited_doi(r), jstor_doi(r)) if d]
        self._prefetch(dois)
        with ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="crossref") as pool:
            resolutions = list(pool.map(self._resolve_one, references))
        return {resolution.reference_id: resolution for resolution in resolutions}

    # --- DOIs ---------------------------------------------------------------
    def _prefetch(self, dois: Sequence[str]) -> None:
        """One filter request per batch for DOIs not yet known (a single DOI: none)."""
        todo = [d for d in dict.fromkeys(d.lower() for d in dois) if d not in self._known]
        if len(todo) < 2:
            return
        for start in range(0, len(todo), self.client.batch_size):
            chunk = todo[start: start + self.client.batch_size]
            try:
                found = self.client.works(chunk)
            except CrossrefError as error:
                with self._lock:
                    self._failed.update({doi: str(error) for doi in chunk})
                continue
            with self._lock:
                self._known.update(found)

    def lookup(self, doi: str) -> DoiLookup:
        """Found (batch or ``/works/{doi}``), else agency, else doi.org (Crossref only)."""
        key = doi.lower()
        with self._lock:
            if key in self._known:
                return DoiLookup(key, self._known[key])
            if key in self._failed:
                return DoiLookup(key, reason=self._failed[key])
        try:
            result = self._ask(key)
        except CrossrefError as error:
            return DoiLookup(key, reason=str(error))
        if result.work is not None:
            with self._lock:
                self._known[key] = result.work
        return result

    def _ask(self, doi: str) -> DoiLookup:
        work = self.client.work(doi)
        if work is not None:
            return DoiLookup(doi, work)
        agency = self.client.agency(doi)
        if agency is not None:
            return DoiLookup(doi, reason=f"DOI registered with {agency.label} but not in Crossref's API; not checked")
        if self.client.doi_org_exists(doi):
            return DoiLookup(doi, reason="DOI resolves at doi.org but no registration agency lists it; not checked")
        return DoiLookup(doi, missing=True, reason="DOI not found at Crossref nor its registration agencies")

    # --- one reference --------------------------------------------------------
    def _resolve_one(self, reference: Reference) -> Resolution:
        doi, jdoi = cited_doi(reference), jstor_doi(reference)
        by_doi = self.lookup(doi) if doi else None
        by_jstor = self.lookup(jdoi) if jdoi and jdoi != (doi or "").lower() else None
        jstor_work = by_jstor.work if by_jstor else None
        if by_doi is not None and by_doi.work is not None:
            resolution = self._validated(reference, by_doi.work, "doi")
            if jstor_work is not None and jstor_work.doi != by_doi.work.doi:
                resolution = replace(resolution, jstor_work=jstor_work)
            return resolution
        if by_doi is not None and by_doi.missing:
            candidates = (jstor_work,) if jstor_work else self._search_candidates(reference, exclude="")
            return Resolution(reference.id, Outcome.NOT_FOUND, via="doi", reason=by_doi.reason,
                              candidates=candidates, jstor_work=jstor_work)
        if jstor_work is not None:
            return self._validated(reference, jstor_work, "jstor")
        if by_doi is not None:
            return Resolution(reference.id, Outcome.UNCHECKED, via="doi", reason=by_doi.reason)
        return self._searched(reference)

    def _validated(self, reference: Reference, work: RegistryWork, via: str) -> Resolution:
        """The identifier's work, with the matcher's confidence that it is the cited one.

        When the matcher finds strong evidence that it is another work, the best search
        result goes into ``candidates`` so the doi-mismatch finding can name the likely one.
        """
        confidence = self.matcher(reference, [work]).confidence
        if self.same_work(reference, work):
            return Resolution(reference.id, Outcome.RESOLVED, work, via=via, confidence=confidence)
        return Resolution(reference.id, Outcome.RESOLVED, work, via=via, confidence=confidence,
                          reason=f"the work of this {'JSTOR id' if via == 'jstor' else 'DOI'} "
                                 "does not match the reference",
                          candidates=self._search_candidates(reference, exclude=work.doi))

    def _search_candidates(self, reference: Reference, exclude: str) -> tuple[RegistryWork, ...]:
        """The search's match for ``reference`` (not ``exclude``), if good; () on any failure."""
        query = search_text(reference)
        if not query:
            return ()
        try:
            works = [w for w in self.client.search(query, self.search_rows) if w.doi != exclude]
        except CrossrefError:
            return ()
        decision = self.matcher(reference, works)
        if decision.outcome is Outcome.RESOLVED and decision.work is not None:
            return (decision.work,)
        if decision.outcome is Outcome.AMBIGUOUS:
            return tuple(decision.candidates)
        return ()

    def _searched(self, reference: Reference) -> Resolution:
        query = search_text(reference)
        if not query:
            return Resolution(reference.id, Outcome.UNCHECKED, via="search", reason="nothing to search for")
        try:
            works = self.client.search(query, self.search_rows)
        except CrossrefError as error:
            return Resolution(reference.id, Outcome.UNCHECKED, via="search", reason=str(error))
        decision = self.matcher(reference, works)
        reasons = {Outcome.NO_MATCH: "no search result matches the reference well enough",
                   Outcome.AMBIGUOUS: "several search results match the reference equally well"}
        return Resolution(reference.id, decision.outcome, decision.work, via="search",
                          confidence=decision.confidence, reason=reasons.get(decision.outcome, ""),
                          candidates=tuple(decision.candidates))
