"""The pipeline's own logic: how findings reached by two routes are merged, and the
collector settings a run uses."""

import gc

import pytest

from verify_refs import codes
from verify_refs.models import Span
from verify_refs.pipeline import _dedupe, fewer_collections


def test_a_pinpoint_outside_both_ranges_is_reported_once() -> None:
    span = Span("doc.txt", 7, 1)
    registry = codes.finding("page-out-of-range", span,
                             "page 75 cited, registry range is 29-35 (10.1002/poc.442)",
                             reference_id="doc.txt:12:1")
    own = codes.finding("page-out-of-range", span, "page 75 cited, the reference's own range is 29-35",
                        reference_id="doc.txt:12:1")
    other_page = codes.finding("page-out-of-range", span, "page 80 cited, the reference's own range is 29-35",
                               reference_id="doc.txt:12:1")
    assert _dedupe([registry, own, other_page]) == [registry, other_page]


def test_fewer_collections_raises_the_thresholds_and_restores_them_even_on_error() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError):
        with fewer_collections():
            assert gc.get_threshold()[0] > before[0]
            assert gc.isenabled()  # slowed down, never switched off
            raise RuntimeError("a stage failed")
    assert gc.get_threshold() == before
