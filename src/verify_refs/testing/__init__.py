"""Test support shipped with the package: a local Crossref-compatible HTTP server.

Tests and benchmarks point the resolver at it instead of the live API, so they run without
a network and can inject the faults the real service shows (429s, 5xx, timeouts, dropped
connections, truncated bodies). Run it by hand with
``python -m verify_refs.testing.crossref_server --records FILE.jsonl``.
"""

__all__ = ["CrossrefTestServer", "Fault", "LoggedRequest", "Violation", "load_records"]


def __getattr__(name: str):
    # Imported lazily so that ``python -m verify_refs.testing.crossref_server`` does not
    # import the module twice (runpy warns about that).
    if name in __all__:
        from . import crossref_server

        return getattr(crossref_server, name)
    raise AttributeError(name)
