"""Fast paths of the document reader give exactly what they replace."""

from __future__ import annotations

from verify_refs.extract.source import SourceText
from verify_refs.models import Span


def test_spans_match_span_by_span():
    text = "one\n\ntwo [1] three\r\nfour¹\n"
    offsets = list(range(-2, len(text) + 3))
    expected = [SourceText("x.txt", text).span(offset) for offset in offsets]
    assert SourceText("x.txt", text).spans(offsets) == expected
    assert all(type(span) is Span for span in expected)
