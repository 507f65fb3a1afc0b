"""Running the real CLI over documents with planted faults, against ``CrossrefTestServer``:
shared by the end-to-end tests of citation styles."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from verify_refs.cli import main
from verify_refs.testing import CrossrefTestServer
from verify_refs.testing.crossref_server import PoolLimits

# name -> (text, {(code, line)} planted)
Documents = dict[str, tuple[str, set[tuple[str, int]]]]


def run_documents(folder: Path, documents: Documents, records: list[dict]) -> dict:
    """The JSON report of one run over ``documents`` written into ``folder``."""
    for name, (text, _) in documents.items():
        (folder / name).write_text(text, encoding="utf-8")
    fast = {pool: PoolLimits(100, "1s", 4) for pool in ("public", "polite")}
    out = io.StringIO()
    with CrossrefTestServer(records, limits=fast) as server, contextlib.redirect_stdout(out):
        main([str(folder), "--crossref-url", server.url, "--format", "json",
              "--lock", str(folder / "lock.json"), "--no-progress", "--mailto", "e2e@example.org"])
    return json.loads(out.getvalue())


def assert_only_planted(report: dict, documents: Documents, name: str) -> None:
    """Exactly the planted faults among the warnings and errors of document ``name``."""
    found = {(f["code"], f["line"]) for f in report["findings"]
             if Path(f["path"]).name == name and f["severity"] != "info"}
    assert found == documents[name][1], [
        (f["code"], f["line"], f["message"]) for f in report["findings"] if Path(f["path"]).name == name]


def assert_every_reference_found(report: dict, name: str, wrong_lines: set[int]) -> None:
    """Every reference of document ``name`` is verified, or a mismatch; those on
    ``wrong_lines`` (where a fault is planted) are mismatches."""
    statuses = {r["line"]: r["status"] for r in report["references"] if Path(r["path"]).name == name}
    assert statuses and set(statuses.values()) <= {"verified", "mismatch"}, statuses
    assert wrong_lines <= {line for line, status in statuses.items() if status == "mismatch"}, statuses


def record(doi: str, title: str, authors: list[tuple[str, str]], year: int, container: str,
           volume: str | None, issue: str | None, page: str, *, kind: str = "journal-article",
           short: str | None = None) -> dict:
    """A work record in Crossref's shape (``message.items[]`` of /works), composed for a test."""
    data = {
        "DOI": doi, "type": kind, "title": [title],
        "author": [{"given": g, "family": f, "sequence": "first" if i == 0 else "additional"}
                   for i, (f, g) in enumerate(authors)],
        "issued": {"date-parts": [[year]]}, "container-title": [container], "page": page,
        "publisher": "Test Press",
    }
    if volume:
        data["volume"] = volume
    if issue:
        data["issue"] = issue
    if short:
        data["short-container-title"] = [short]
    return data
