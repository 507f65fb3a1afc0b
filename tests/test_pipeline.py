"""The pipeline's own logic: how findings reached by two routes are merged."""

from verify_refs import codes
from verify_refs.models import Span
from verify_refs.pipeline import _dedupe


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
