"""A local HTTP server that answers like Crossref's REST API (``api.crossref.org``).

It serves work records (a list of dicts, or a JSONL / JSONL.gz file of them) with
Crossref's envelopes and headers, so the resolver can be tested and benchmarked without a
network:

- ``GET /works/{doi}``: the ``work`` envelope; DOIs are case-insensitive, ``%2F`` is
  accepted; unknown DOIs get a 404 with the text body ``Resource not found.``; aliases
  get a 301 whose ``Location`` names the primary DOI.
- ``GET /works/{doi}/agency``: ``crossref`` for served records; ``agencies`` maps DOIs that
  are registered but absent from the API to an agency id (or to None: 404).
- ``GET /works?filter=doi:A,doi:B`` (several DOIs in one request), and
  ``GET /works?query.bibliographic=...&rows=N`` (also ``query=``, ``query.author=``...),
  ranked by BM25 over title, authors, container and year, with a ``score`` per item.
- ``select=``, ``rows=``, ``offset=``; ``mailto=`` (or ``mailto:`` in the User-Agent) puts
  a request in the polite pool, whose limits the ``x-rate-limit-*`` headers advertise.

Faults for tests (``Fault``) are queued per path or for any path; the server also records
every request (``log``) and every breach of its advertised limits (``violations``).

Usage::

    with CrossrefTestServer(records, latency=0.05) as server:
        client = CrossrefClient(server.url)

    python -m verify_refs.testing.crossref_server --records records.jsonl.gz --port 8000
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import socket
import threading
import time
import unicodedata
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote

__all__ = ["CrossrefTestServer", "Fault", "LoggedRequest", "Violation", "load_records"]

NOT_FOUND_BODY = "Resource not found."
AGENCY_LABELS = {
    "crossref": "Crossref",
    "datacite": "DataCite",
    "medra": "mEDRA",
    "jalc": "JaLC",
    "kisti": "KISTI",
    "cnki": "CNKI",
    "airiti": "Airiti",
    "op": "OP",
}
_COMMON_HEADERS = {
    "access-control-allow-headers": "X-Requested-With, Accept, Accept-Encoding, Accept-Charset, "
    "Accept-Language, Accept-Ranges, Cache-Control",
    "access-control-allow-origin": "*",
    "access-control-expose-headers": "Link",
    "permissions-policy": "interest-cohort=()",
}


# --- records -----------------------------------------------------------------


def load_records(source: str | Path | Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Records from dicts or a ``.jsonl``/``.jsonl.gz`` file; ``_source`` keys dropped."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
            items: Iterable[Mapping[str, Any]] = [json.loads(line) for line in handle if line.strip()]
    else:
        items = source
    return [{k: v for k, v in item.items() if k != "_source"} for item in items]


# --- search ------------------------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> list[str]:
    """Lower-cased, accent-stripped word tokens (``Koppen`` matches ``Köppen``)."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _WORD.findall(folded)


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _record_fields(record: Mapping[str, Any]) -> dict[str, list[str]]:
    """The searchable text of a record, per field (markup is tokenised away)."""
    people = [
        f"{p.get('given', '')} {p.get('family') or p.get('name') or ''}"
        for p in (record.get("author") or []) + (record.get("editor") or [])
        if isinstance(p, Mapping)
    ]
    year = ""
    for key in ("issued", "published", "published-print", "published-online"):
        parts = (record.get(key) or {}).get("date-parts") or [[None]]
        if parts and parts[0] and isinstance(parts[0][0], int):
            year = str(parts[0][0])
            break
    return {
        "title": tokens(" ".join(_texts(record.get("title")) + _texts(record.get("subtitle")))),
        "author": tokens(" ".join(people)),
        "container-title": tokens(
            " ".join(_texts(record.get("container-title")) + _texts(record.get("short-container-title")))
        ),
        "year": [year] if year else [],
        "other": tokens(" ".join(str(record.get(k) or "") for k in ("volume", "issue", "page", "publisher"))),
    }


FIELD_WEIGHTS = {"title": 2.0, "author": 1.5, "container-title": 1.0, "year": 1.0, "other": 0.5}
FIELD_QUERIES = {
    "query.bibliographic": tuple(FIELD_WEIGHTS),
    "query": tuple(FIELD_WEIGHTS),
    "query.title": ("title",),
    "query.author": ("author",),
    "query.container-title": ("container-title",),
}


class SearchIndex:
    """BM25F-style ranking: per-field weighted term frequencies, one inverted index.

    Built once at start-up so that a query over thousands of records takes milliseconds.
    """

    def __init__(self, records: Sequence[Mapping[str, Any]], k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.postings: dict[tuple[str, str], list[tuple[int, float]]] = defaultdict(list)
        self.doc_freq: Counter[str] = Counter()
        self.lengths: list[float] = []
        for number, record in enumerate(records):
            self._add(number, _record_fields(record))
        self.count = len(self.lengths)
        self.average = (sum(self.lengths) / self.count) if self.count else 1.0

    def _add(self, number: int, fields: dict[str, list[str]]) -> None:
        length = 0.0
        seen: set[str] = set()
        for name, words in fields.items():
            for word, count in Counter(words).items():
                self.postings[(name, word)].append((number, count * FIELD_WEIGHTS[name]))
                seen.add(word)
            length += len(words) * FIELD_WEIGHTS[name]
        self.doc_freq.update(seen)
        self.lengths.append(length)

    def search(self, terms: Sequence[tuple[str, tuple[str, ...]]]) -> list[tuple[int, float]]:
        """(record number, score) best first, for (word, fields) pairs; ties by number."""
        scores: dict[int, float] = defaultdict(float)
        for word, fields in terms:
            frequency: dict[int, float] = defaultdict(float)
            for name in fields:
                for number, weight in self.postings.get((name, word), ()):
                    frequency[number] += weight
            if not frequency:
                continue
            idf = math.log(1 + (self.count - self.doc_freq[word] + 0.5) / (self.doc_freq[word] + 0.5))
            for number, tf in frequency.items():
                norm = self.k1 * (1 - self.b + self.b * self.lengths[number] / self.average)
                scores[number] += idf * tf * (self.k1 + 1) / (tf + norm)
        return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


# --- faults and logs ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Fault:
    """One misbehaviour of the server. Build them with the class methods."""

    kind: str  # "status", "timeout", "drop", "truncate", "not-json", "latency"
    status: int = 200
    body: str = ""
    content_type: str = "application/json"
    headers: tuple[tuple[str, str], ...] = ()
    seconds: float = 0.0

    @classmethod
    def rate_limited(cls, retry_after: float | str | None = None) -> Fault:
        """429 Too Many Requests, with or without ``Retry-After``."""
        extra = (("Retry-After", str(retry_after)),) if retry_after is not None else ()
        return cls("status", 429, "Too Many Requests", "text/plain", extra)

    @classmethod
    def unavailable(cls) -> Fault:
        """503 with an HTML body, as a load balancer sends it."""
        return cls("status", 503, "<html><body><h1>503 Service Unavailable</h1></body></html>", "text/html")

    @classmethod
    def server_error(cls) -> Fault:
        """500 with Crossref's JSON ``exception`` envelope."""
        body = {
            "status": "error",
            "message-type": "exception",
            "message-version": "1.0.0",
            "message": {"name": "class clojure.lang.ExceptionInfo", "description": "Response Exception",
                        "message": "Response Exception", "stack": [], "cause": None},
        }
        return cls("status", 500, json.dumps(body), "application/json")

    @classmethod
    def not_found(cls) -> Fault:
        return cls("status", 404, NOT_FOUND_BODY, "text/plain")

    @classmethod
    def status_code(cls, status: int, body: str = "", content_type: str = "text/plain") -> Fault:
        return cls("status", status, body, content_type)

    @classmethod
    def timeout(cls, seconds: float = 5.0) -> Fault:
        """Say nothing for ``seconds`` (longer than the client's timeout), then answer."""
        return cls("timeout", seconds=seconds)

    @classmethod
    def drop(cls) -> Fault:
        """Close the connection without a response."""
        return cls("drop")

    @classmethod
    def truncate(cls) -> Fault:
        """Promise the full Content-Length, send half the body, close."""
        return cls("truncate")

    @classmethod
    def not_json(cls, content_type: str = "text/html") -> Fault:
        """200 with an HTML page (a captive portal, a proxy error)."""
        return cls("not-json", 200, "<html><body>Please wait...</body></html>", content_type)

    @classmethod
    def slow(cls, seconds: float) -> Fault:
        """Answer normally after ``seconds``."""
        return cls("latency", seconds=seconds)


@dataclass(slots=True)
class _FaultRule:
    fault: Fault
    path: re.Pattern[str] | None
    remaining: int | None  # None: forever


@dataclass(frozen=True, slots=True)
class LoggedRequest:
    """One request the server received."""

    method: str
    path: str  # decoded path, without the query
    query: dict[str, str]
    user_agent: str
    pool: str
    started: float  # time.monotonic()
    status: int | None = None  # None: no response sent (dropped)
    fault: str = ""


@dataclass(frozen=True, slots=True)
class Violation:
    """A request that broke the limits this server advertised."""

    kind: str  # "rate" or "concurrency"
    path: str
    observed: int
    limit: int
    at: float


# --- the server --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PoolLimits:
    rate: int
    interval: str  # as Crossref writes it: "1s"
    concurrency: int

    @property
    def seconds(self) -> float:
        return float(self.interval.rstrip("s"))


DEFAULT_LIMITS = {"public": PoolLimits(5, "1s", 1), "polite": PoolLimits(10, "1s", 3)}


@dataclass
class _State:
    """Everything handlers share; guarded by ``lock``."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    rules: list[_FaultRule] = field(default_factory=list)
    log: list[LoggedRequest] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    arrivals: deque[float] = field(default_factory=deque)
    in_flight: int = 0
    stopping: threading.Event = field(default_factory=threading.Event)


class CrossrefTestServer:
    """A Crossref look-alike on ``127.0.0.1``; use as a context manager.

    ``records``: work records (dicts) or a JSONL(.gz) path. ``aliases``: alias DOI -> primary
    DOI (301). ``agencies``: DOI -> agency id for DOIs registered but absent from the API
    (``/works/{doi}`` 404s, ``/agency`` answers), or -> None for a 404 there too.
    ``latency``: seconds added to every response. ``limits``: per pool, what the headers
    advertise and ``violations`` measures. ``reject_over_limit``: answer 429 to requests
    that break them, as Crossref does.
    """

    def __init__(
        self,
        records: str | Path | Iterable[Mapping[str, Any]] = (),
        *,
        aliases: Mapping[str, str] | None = None,
        agencies: Mapping[str, str | None] | None = None,
        latency: float = 0.0,
        limits: Mapping[str, PoolLimits] | None = None,
        reject_over_limit: bool = False,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.records = load_records(records)
        self.by_doi = {str(r.get("DOI", "")).lower(): r for r in self.records}
        self.aliases = {k.lower(): v for k, v in (aliases or {}).items()}
        self.agencies = {k.lower(): v for k, v in (agencies or {}).items()}
        self.latency = latency
        self.limits = dict(DEFAULT_LIMITS | dict(limits or {}))
        self.reject_over_limit = reject_over_limit
        self.index = SearchIndex(self.records)
        self._state = _State()
        self._httpd = _Server((host, port), _Handler)
        self._httpd.app = self
        self._thread: threading.Thread | None = None

    # lifecycle
    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> CrossrefTestServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="crossref-test-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._state.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> CrossrefTestServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # faults
    def add_fault(self, fault: Fault, *, path: str | None = None, times: int | None = 1) -> None:
        """Inject ``fault`` into the next ``times`` requests whose path matches the regex
        ``path`` (None: any path; ``times=None``: forever). Rules apply in the order added."""
        rule = _FaultRule(fault, re.compile(path) if path else None, times)
        with self._state.lock:
            self._state.rules.append(rule)

    def queue_faults(self, *faults: Fault | None) -> None:
        """One fault per coming request, in order (None: a normal answer)."""
        for fault in faults:
            self.add_fault(fault or Fault.slow(0), times=1)

    def clear_faults(self) -> None:
        with self._state.lock:
            self._state.rules.clear()

    # what happened
    @property
    def log(self) -> list[LoggedRequest]:
        with self._state.lock:
            return list(self._state.log)

    @property
    def count(self) -> int:
        with self._state.lock:
            return len(self._state.log)

    @property
    def paths(self) -> list[str]:
        return [entry.path for entry in self.log]

    @property
    def user_agents(self) -> list[str]:
        return [entry.user_agent for entry in self.log]

    @property
    def violations(self) -> list[Violation]:
        with self._state.lock:
            return list(self._state.violations)

    def reset(self) -> None:
        """Forget the log, violations and pending faults."""
        with self._state.lock:
            self._state.log.clear()
            self._state.violations.clear()
            self._state.rules.clear()
            self._state.arrivals.clear()

    # called by the handler
    def _next_fault(self, path: str) -> Fault | None:
        with self._state.lock:
            for rule in self._state.rules:
                if rule.path is None or rule.path.search(path):
                    if rule.remaining is not None:
                        rule.remaining -= 1
                        if rule.remaining <= 0:
                            self._state.rules.remove(rule)
                    return rule.fault
        return None

    def _arrive(self, path: str, pool: str) -> bool:
        """Count a request in; record (and say) whether it breaks the pool's limits."""
        limits = self.limits[pool]
        now = time.monotonic()
        with self._state.lock:
            state = self._state
            state.in_flight += 1
            while state.arrivals and state.arrivals[0] <= now - limits.seconds:
                state.arrivals.popleft()
            state.arrivals.append(now)
            broken = False
            if len(state.arrivals) > limits.rate:
                state.violations.append(Violation("rate", path, len(state.arrivals), limits.rate, now))
                broken = True
            if state.in_flight > limits.concurrency:
                state.violations.append(Violation("concurrency", path, state.in_flight, limits.concurrency, now))
                broken = True
            return broken

    def _depart(self) -> None:
        with self._state.lock:
            self._state.in_flight -= 1

    def _record(self, entry: LoggedRequest) -> int:
        with self._state.lock:
            self._state.log.append(entry)
            return len(self._state.log) - 1

    def _set_status(self, index: int, status: int) -> None:
        with self._state.lock:
            if index < len(self._state.log):
                self._state.log[index] = replace(self._state.log[index], status=status)

    def _sleep(self, seconds: float) -> None:
        """Sleep, but wake up when the server stops."""
        if seconds > 0:
            self._state.stopping.wait(seconds)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    app: CrossrefTestServer


@dataclass(frozen=True, slots=True)
class _Answer:
    status: int
    body: bytes
    content_type: str
    headers: tuple[tuple[str, str], ...] = ()


def _json_answer(message_type: str, message: Any, status: int = 200) -> _Answer:
    envelope = {"status": "ok", "message-type": message_type, "message-version": "1.0.0", "message": message}
    return _Answer(status, json.dumps(envelope).encode(), "application/json")


def _not_found() -> _Answer:
    return _Answer(404, NOT_FOUND_BODY.encode(), "text/plain")


def _failure(kind: str, value: str, message: str) -> _Answer:
    body = {"status": "failed", "message-type": "validation-failure",
            "message": [{"type": kind, "value": value, "message": message}]}
    return _Answer(400, json.dumps(body).encode(), "application/json;charset=utf-8")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "Jetty(9.4.40.v20210413)"
    sys_version = ""
    server: _Server

    def setup(self) -> None:
        super().setup()
        # headers and body go out in two writes: without this, Nagle's algorithm and the
        # client's delayed ACK add ~40 ms to every answer
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def version_string(self) -> str:
        return self.server_version

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - keep tests quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        app = self.server.app
        raw_path, _, raw_query = self.path.partition("?")
        query = {k: v[-1] for k, v in parse_qs(raw_query, keep_blank_values=True).items()}
        path = unquote(raw_path)
        agent = self.headers.get("User-Agent", "")
        pool = "polite" if (query.get("mailto") or "mailto:" in agent) else "public"
        over_limit = app._arrive(path, pool)
        fault = app._next_fault(path)
        # logged on arrival, status filled in before the answer goes out: a client that
        # has its answer always finds its request in the log
        entry = app._record(LoggedRequest("GET", path, query, agent, pool, time.monotonic(), None,
                                          fault.kind if fault else ""))
        try:
            self._serve(app, path, raw_path, query, pool, fault, over_limit, entry)
        except OSError:  # the client went away (it timed out): nothing to send
            pass

    def _serve(self, app: CrossrefTestServer, path: str, raw_path: str, query: dict[str, str],
               pool: str, fault: Fault | None, over_limit: bool, entry: int) -> int | None:
        departed = False
        try:
            app._sleep(app.latency + (fault.seconds if fault and fault.kind in ("latency", "timeout") else 0))
            if fault is not None and fault.kind == "drop":
                app._depart()
                departed = True
                self._drop()
                return None
            if over_limit and app.reject_over_limit:
                answer = _Answer(429, b"Too Many Requests", "text/plain", (("Retry-After", "1"),))
            elif fault is not None and fault.kind in ("status", "not-json"):
                answer = _Answer(fault.status, fault.body.encode(), fault.content_type, fault.headers)
            else:
                answer = self._route(app, path, raw_path, query)
            app._set_status(entry, answer.status)
            app._depart()  # before sending: the client may send its next request at once
            departed = True
            self._send(answer, pool, app.limits[pool], truncate=bool(fault and fault.kind == "truncate"))
            return answer.status
        finally:
            if not departed:
                app._depart()

    def _drop(self) -> None:
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _send(self, answer: _Answer, pool: str, limits: PoolLimits, truncate: bool = False) -> None:
        self.send_response(answer.status)
        headers = {
            **_COMMON_HEADERS,
            "content-type": answer.content_type,
            "content-length": str(len(answer.body)),
            "x-api-pool": pool,
            "x-rate-limit-limit": str(limits.rate),
            "x-rate-limit-interval": limits.interval,
            "x-concurrency-limit": str(limits.concurrency),
        }
        if answer.content_type.startswith("application/json"):
            headers["vary"] = "Accept"
        for name, value in (*headers.items(), *answer.headers):
            self.send_header(name, value)
        self.end_headers()
        if truncate:
            self.wfile.write(answer.body[: len(answer.body) // 2])
            self.wfile.flush()
            self._drop()
        else:
            self.wfile.write(answer.body)

    # --- routes ---
    def _route(self, app: CrossrefTestServer, path: str, raw_path: str, query: dict[str, str]) -> _Answer:
        if path.rstrip("/") == "/works":
            return self._works_list(app, query)
        if path.startswith("/works/"):
            doi = path[len("/works/"):]
            if doi.endswith("/agency"):
                return self._agency(app, doi[: -len("/agency")])
            if any(key.startswith("query") for key in query):
                return _failure("parameter-not-allowed", "query.*", "This route does not support field query parameters")
            return self._work(app, doi)
        return _not_found()

    def _work(self, app: CrossrefTestServer, doi: str) -> _Answer:
        key = doi.strip().lower()
        if key in app.by_doi:
            return _json_answer("work", {**app.by_doi[key], "score": 1})
        if key in app.aliases:
            primary = app.aliases[key]
            return _Answer(301, b"", "text/plain", (("Location", "/works/" + quote(primary, safe="/")),))
        return _not_found()

    def _agency(self, app: CrossrefTestServer, doi: str) -> _Answer:
        key = doi.strip().lower()
        if key in app.by_doi or key in app.aliases:
            agency: str | None = "crossref"
        elif key in app.agencies:
            agency = app.agencies[key]
        else:
            agency = None
        if agency is None:
            return _not_found()
        message = {"DOI": key, "agency": {"id": agency, "label": AGENCY_LABELS.get(agency, agency)}}
        answer = _json_answer("work-agency", message)
        return _Answer(answer.status, answer.body, "application/json;charset=utf-8")

    def _works_list(self, app: CrossrefTestServer, query: dict[str, str]) -> _Answer:
        try:
            rows = int(query.get("rows", "20"))
            offset = int(query.get("offset", "0"))
        except ValueError:
            return _failure("integer-not-valid", query.get("rows", ""), "Integer specified as rows is not valid")
        if not 0 <= rows <= 1000:
            return _failure("integer-not-valid", str(rows), "rows must be between 0 and 1000")
        filters = _parse_filter(query.get("filter", ""))
        if isinstance(filters, _Answer):
            return filters
        terms = [(word, fields) for key, fields in FIELD_QUERIES.items() for word in tokens(query.get(key, ""))]
        if terms:
            ranked = [(app.records[n], round(score, 6)) for n, score in app.index.search(terms)]
        else:
            ranked = [(record, 0.0) for record in app.records]
        matching = [(r, s) for r, s in ranked if _passes(r, filters)]
        items = [{**record, "score": score} for record, score in matching[offset: offset + rows]]
        if query.get("select"):
            wanted = {name.strip() for name in query["select"].split(",")}
            items = [{k: v for k, v in item.items() if k in wanted} for item in items]
        message = {
            "facets": {},
            "total-results": len(matching),
            "items": items,
            "items-per-page": rows,
            "query": {"start-index": offset, "search-terms": query.get("query")},
        }
        return _json_answer("work-list", message)


_FILTERS = ("doi", "prefix", "type", "issn", "from-pub-date", "until-pub-date")


def _parse_filter(text: str) -> dict[str, set[str]] | _Answer:
    """``doi:A,doi:B,type:journal-article`` -> {"doi": {A, B}, "type": {...}}.

    Names are ANDed, values of one name ORed, as in Crossref.
    """
    filters: dict[str, set[str]] = defaultdict(set)
    for piece in (p for p in text.split(",") if p.strip()):
        name, sep, value = piece.partition(":")
        name = name.strip()
        if not sep or name not in _FILTERS:
            return _failure("filter-not-available", name, f"Filter {name} specified but there is no such filter")
        filters[name].add(value.strip().lower())
    return filters


def _year(record: Mapping[str, Any]) -> int | None:
    parts = (record.get("issued") or {}).get("date-parts") or [[None]]
    return parts[0][0] if parts and parts[0] and isinstance(parts[0][0], int) else None


def _passes(record: Mapping[str, Any], filters: Mapping[str, set[str]]) -> bool:
    checks = {
        "doi": lambda values: str(record.get("DOI", "")).lower() in values,
        "prefix": lambda values: str(record.get("DOI", "")).lower().split("/")[0] in values,
        "type": lambda values: str(record.get("type", "")).lower() in values,
        "issn": lambda values: any(i.lower() in values for i in record.get("ISSN") or []),
        "from-pub-date": lambda values: (_year(record) or 0) >= min(int(v[:4]) for v in values),
        "until-pub-date": lambda values: (_year(record) or 10**6) <= max(int(v[:4]) for v in values),
    }
    return all(checks[name](values) for name, values in filters.items())


# --- command line --------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve work records the way api.crossref.org does.")
    parser.add_argument("--records", required=True, help="JSONL or JSONL.gz of Crossref work records")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to every response")
    parser.add_argument("--reject-over-limit", action="store_true", help="answer 429 beyond the advertised limits")
    args = parser.parse_args(argv)
    server = CrossrefTestServer(args.records, latency=args.latency, host=args.host, port=args.port,
                                reject_over_limit=args.reject_over_limit)
    print(f"serving {len(server.records)} records at {server.url} (Ctrl-C to stop)", flush=True)
    server.start()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        print(f"{server.count} requests, {len(server.violations)} limit violations")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
