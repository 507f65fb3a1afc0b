"""The pipeline's own logic: how findings reached by two routes are merged, and the
collector settings a run uses."""

import gc

import pytest

from verify_refs import codes
from verify_refs.checks.registry import _pinpoint_findings, check_pages_offline
from verify_refs.models import PageRange, Reference, Span
from verify_refs.pipeline import _dedupe, collector_paused, collector_released, fewer_collections


def test_a_pinpoint_outside_both_ranges_is_reported_once() -> None:
    """The offline check (the reference's own range) and the registry check (the registry's
    range) both find page 95: one fault, reported once, in the registry's words; a page
    outside only one range is reported by that check."""
    reference = Reference(id="doc.txt:12:1", span=Span("doc.txt", 12, 1), text="...",
                          pages=PageRange("29", "35", "29-35"), pinpoints=("95", "75", "30"))
    own = check_pages_offline(reference)
    by_registry = list(_pinpoint_findings(reference, (), (40, 90), "registry range is 40-90 (10.1002/poc.442)"))
    assert [f.message for f in own] == ["page 95 cited, the reference's own range is 29-35",
                                       "page 75 cited, the reference's own range is 29-35"]
    assert [f.message for f in by_registry] == ["page 95 cited, registry range is 40-90 (10.1002/poc.442)",
                                               "page 30 cited, registry range is 40-90 (10.1002/poc.442)"]
    kept = _dedupe(by_registry + own)  # the registry's sort first in a report
    assert [f.message for f in kept] == ["page 95 cited, registry range is 40-90 (10.1002/poc.442)",
                                        "page 30 cited, registry range is 40-90 (10.1002/poc.442)",
                                        "page 75 cited, the reference's own range is 29-35"]


def test_findings_without_a_subject_are_one_fault_only_when_their_messages_agree() -> None:
    span = Span("doc.txt", 3, 1)
    one = codes.finding("year-mismatch", span, "year 1968 cited, registry has 1969", reference_id="r")
    again = codes.finding("year-mismatch", span, "year 1968 cited, registry has 1969", reference_id="r")
    other = codes.finding("year-mismatch", span, "year 1968 cited, registry has 1970", reference_id="r")
    assert _dedupe([one, again, other]) == [one, other]


def test_fewer_collections_raises_the_thresholds_and_restores_them_even_on_error() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError):
        with fewer_collections():
            assert gc.get_threshold()[0] > before[0]
            assert gc.isenabled()  # slowed down, never switched off
            raise RuntimeError("a stage failed")
    assert gc.get_threshold() == before


def test_the_parse_stage_runs_with_the_collector_off_and_its_records_frozen_until_the_run_ends() -> None:
    assert gc.isenabled() and gc.get_freeze_count() == 0
    with collector_released():
        with pytest.raises(RuntimeError):
            with collector_paused():
                assert not gc.isenabled()
                made = [[n] for n in range(1000)]  # containers the collector would track
                raise RuntimeError("a document failed")
        assert gc.isenabled()  # switched back on, even on error
        assert gc.get_freeze_count() >= len(made)  # left out of later collections
    assert gc.get_freeze_count() == 0  # handed back when the run ends


def test_objects_frozen_by_someone_else_stay_frozen_after_a_run() -> None:
    kept = [[n] for n in range(100)]
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_released():
            with collector_paused():
                pass
        assert gc.get_freeze_count() >= frozen and kept
    finally:
        gc.unfreeze()
