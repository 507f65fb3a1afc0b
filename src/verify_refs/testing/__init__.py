"""Test support shipped with the package: a local Crossref-compatible HTTP server.

Tests and benchmarks point the resolver at it instead of the live API, so they run without
a network and can inject the faults the real service shows (429s, 5xx, timeouts, dropped
connections, truncated bodies).
"""

from .crossref_server import CrossrefTestServer, Fault, LoggedRequest, Violation, load_records

__all__ = ["CrossrefTestServer", "Fault", "LoggedRequest", "Violation", "load_records"]
