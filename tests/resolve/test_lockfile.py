"""The lock file: round trip, offline, refresh, failures never locked, concurrent writers."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from crossref_fixtures import COOX_DOI, coox, halvorsen, petrova, records
from verify_refs.models import Outcome, Reference, Resolution
from verify_refs.resolve.client import CrossrefClient
from verify_refs.resolve.crossref import CrossrefResolver
from verify_refs.resolve.interface import Resolver
from verify_refs.resolve.lockfile import (
    LOCK_NAME,
    OFFLINE_REASON,
    LockedResolver,
    LockFile,
    fingerprint,
    work_from_lock,
    work_to_json,
)
from verify_refs.testing import CrossrefTestServer, Fault

MakeClient = Callable[..., CrossrefClient]
DAY = datetime.date(2026, 3, 1)


class Counting(Resolver):
    """An inner resolver that records what it was asked (no HTTP involved)."""

    def __init__(self, outcome: Outcome = Outcome.RESOLVED) -> None:
        self.asked: list[str] = []
        self.outcome = outcome

    def resolve(self, reference: Reference) -> Resolution:
        self.asked.append(reference.id)
        work = records_work(COOX_DOI) if self.outcome is Outcome.RESOLVED else None
        return Resolution(reference.id, self.outcome, work, via="doi", reason="x" if work is None else "")


def records_work(doi: str):  # noqa: ANN201 - a RegistryWork
    from verify_refs.resolve.records import work_from_json

    return work_from_json(next(r for r in records() if r["DOI"] == doi))


def lock_at(path: Path, **options: object) -> LockFile:
    return LockFile(path, today=lambda: DAY, **options)  # type: ignore[arg-type]


def corpus() -> list[Reference]:
    return [coox(), petrova(), halvorsen(doi="10.5555/vr.0001")]


def test_round_trip_serves_an_unchanged_corpus_without_requests(tmp_path: Path, server: CrossrefTestServer,
                                                                 make_client: MakeClient) -> None:
    path = tmp_path / LOCK_NAME
    first = LockedResolver(CrossrefResolver(make_client(server.url)), lock_at(path)).resolve_all(corpus())
    assert server.count > 0
    server.reset()
    second = LockedResolver(CrossrefResolver(make_client(server.url)), lock_at(path)).resolve_all(corpus())
    assert server.count == 0
    assert all(r.from_lock for r in second.values())
    assert {k: r.via for k, r in second.items()} == {k: r.via for k, r in first.items()}
    for rid, fresh in first.items():
        rounded = None if fresh.confidence is None else round(fresh.confidence, 4)  # 4 digits in the file
        assert replace(second[rid], from_lock=False) == replace(fresh, confidence=rounded)


def test_file_format_is_diff_friendly(tmp_path: Path, server: CrossrefTestServer, make_client: MakeClient) -> None:
    path = tmp_path / LOCK_NAME
    LockedResolver(CrossrefResolver(make_client(server.url)), lock_at(path)).resolve_all([coox()])
    text = path.read_text(encoding="utf-8")
    document = json.loads(text)
    assert text.endswith("}\n")
    assert text == json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    entry = document["references"][fingerprint(coox())]
    assert document["lockfile-version"] == 1
    assert (entry["outcome"], entry["doi"], entry["checked"], entry["via"]) == ("resolved", COOX_DOI, "2026-03-01", "doi")
    work = entry["work"]
    assert work["title"] == "L'Affaire Lyushkov: Anatomy of a Soviet Defector"
    assert work["authors"] == [{"family": "Coox", "given": "Alvin D."}]
    assert (work["year"], work["month"], work["volume"], work["issue"], work["page"]) == (1968, 1, "19", "3", "405-420")
    assert (work["container-titles"], work["issn"], work["type"]) == (["Soviet Studies"], ["0038-5859"], "journal-article")


def test_updates_survive_the_lock(tmp_path: Path) -> None:
    work = records_work("10.5555/vr.0003")
    assert work.updated_by and work_from_lock(work_to_json(work)) == work


def test_edited_reference_is_checked_again(tmp_path: Path) -> None:
    inner, path = Counting(), tmp_path / LOCK_NAME
    LockedResolver(inner, lock_at(path)).resolve_all([coox("a")])
    LockedResolver(inner, lock_at(path)).resolve_all([coox("b"), coox("c", text_suffix=" p. 407.")])
    assert inner.asked == ["a", "c"]


def test_fingerprint_ignores_spacing_and_place_not_words() -> None:
    assert fingerprint(coox("a")) == fingerprint(replace(coox("b"), text=coox().text.replace(" ", "  ")))
    assert fingerprint(coox()) != fingerprint(coox(text_suffix=" Reprinted 1970."))


def test_unchecked_results_are_never_locked(tmp_path: Path) -> None:
    inner, path = Counting(Outcome.UNCHECKED), tmp_path / LOCK_NAME
    LockedResolver(inner, lock_at(path)).resolve_all([coox()])
    LockedResolver(inner, lock_at(path)).resolve_all([coox()])
    assert inner.asked == ["refs.md:1:1", "refs.md:1:1"]
    assert not path.exists()


def test_failures_of_the_network_are_not_locked(tmp_path: Path, server: CrossrefTestServer,
                                                make_client: MakeClient) -> None:
    server.add_fault(Fault.unavailable(), times=None)
    path = tmp_path / LOCK_NAME
    result = LockedResolver(CrossrefResolver(make_client(server.url, max_attempts=2)), lock_at(path)).resolve(coox())
    assert result.outcome is Outcome.UNCHECKED
    assert not path.exists()


def test_offline_serves_the_lock_and_marks_the_rest(tmp_path: Path) -> None:
    path = tmp_path / LOCK_NAME
    LockedResolver(Counting(), lock_at(path)).resolve_all([coox()])
    inner = Counting()
    results = LockedResolver(inner, lock_at(path), offline=True).resolve_all([coox(), petrova()])
    assert inner.asked == []
    assert results[coox().id].outcome is Outcome.RESOLVED
    assert (results[petrova().id].outcome, results[petrova().id].reason) == (Outcome.UNCHECKED, OFFLINE_REASON)
    assert LockedResolver(None, lock_at(path)).resolve(petrova()).reason == OFFLINE_REASON


def test_refresh_asks_again_and_updates_the_lock(tmp_path: Path, make_client: MakeClient) -> None:
    path = tmp_path / LOCK_NAME
    with CrossrefTestServer(records()) as server:
        LockedResolver(CrossrefResolver(make_client(server.url)), lock_at(path)).resolve_all([coox()])
    changed = [dict(r, page="405-421") if r["DOI"] == COOX_DOI else r for r in records()]
    with CrossrefTestServer(changed) as server:
        stale = LockedResolver(CrossrefResolver(make_client(server.url)), lock_at(path)).resolve(coox())
        assert server.count == 0 and stale.work and stale.work.page == "405-420"
        fresh = LockedResolver(CrossrefResolver(make_client(server.url)), lock_at(path), refresh=True).resolve(coox())
        assert server.count == 1 and fresh.work and fresh.work.page == "405-421"
    assert json.loads(path.read_text())["references"][fingerprint(coox())]["work"]["page"] == "405-421"


def test_refresh_offline_still_serves_the_lock(tmp_path: Path) -> None:
    path = tmp_path / LOCK_NAME
    LockedResolver(Counting(), lock_at(path)).resolve_all([coox()])
    result = LockedResolver(Counting(), lock_at(path), offline=True, refresh=True).resolve(coox())
    assert result.outcome is Outcome.RESOLVED and result.from_lock


def test_unchanged_results_keep_their_check_date(tmp_path: Path) -> None:
    path = tmp_path / LOCK_NAME
    LockedResolver(Counting(), lock_at(path)).resolve_all([coox()])
    before = path.read_text()
    later = LockFile(path, today=lambda: datetime.date(2027, 1, 1))
    LockedResolver(Counting(), later, refresh=True).resolve_all([coox()])
    assert path.read_text() == before


def test_corrupt_lock_costs_one_warning_and_is_rewritten(tmp_path: Path) -> None:
    path = tmp_path / LOCK_NAME
    path.write_text("<<<<<<< HEAD\n{", encoding="utf-8")
    warnings: list[str] = []
    inner = Counting()
    result = LockedResolver(inner, lock_at(path, on_warning=warnings.append)).resolve(coox())
    assert result.outcome is Outcome.RESOLVED and inner.asked
    assert len(warnings) == 1 and "invalid lock file" in warnings[0]
    assert json.loads(path.read_text())["references"]


def test_unwritable_lock_costs_one_warning(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    warnings: list[str] = []
    lock = lock_at(blocker / LOCK_NAME, on_warning=warnings.append)
    result = LockedResolver(Counting(), lock).resolve(coox())
    assert result.outcome is Outcome.RESOLVED
    assert len(warnings) == 1 and "cannot write" in warnings[0]


def test_no_temporary_files_are_left(tmp_path: Path) -> None:
    LockedResolver(Counting(), lock_at(tmp_path / LOCK_NAME)).resolve_all(corpus())
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


WRITER = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, sys.argv[4])
    from crossref_fixtures import coox
    from verify_refs.models import Outcome, Resolution
    from verify_refs.resolve.lockfile import LockFile
    path, name, start = sys.argv[1], sys.argv[2], float(sys.argv[3])
    while time.time() < start:
        time.sleep(0.001)
    for round in range(20):
        lock = LockFile(path)
        ref = coox(f"{name}-{round}", text_suffix=f" [{name} {round}]")
        lock.put(ref, Resolution(ref.id, Outcome.NO_MATCH, reason=name))
        assert lock.save(), lock.warnings
    """
)


def test_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / LOCK_NAME
    start = __import__("time").time() + 1.0
    here = str(Path(__file__).parent)
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), name, str(start), here])
               for name in ("alpha", "beta", "gamma")]
    assert [w.wait(timeout=60) for w in writers] == [0, 0, 0]
    entries = json.loads(path.read_text())["references"]
    assert len(entries) == 60
    assert sorted({e["reason"] for e in entries.values()}) == ["alpha", "beta", "gamma"]



def test_a_works_other_years_survive_the_lock_file():
    from verify_refs.resolve.lockfile import work_from_lock, work_to_json
    from verify_refs.models import RegistryWork

    work = RegistryWork(doi="10.1/x", year=2014, other_years=(2015,))
    data = work_to_json(work)
    assert data["other-years"] == [2015]
    assert work_from_lock(data) == work
