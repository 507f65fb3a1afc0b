"""The identifier scan written plainly, as the oracle the fast ``identifiers.scan`` is tested
against (``test_fast_names``, ``extract/test_fast_paths``)."""

from __future__ import annotations

from verify_refs.identifiers import _TRIGGERS, HANDLERS, Found
from verify_refs.models import IdScheme


def plain_scan(text: str) -> list[Found]:
    """``scan`` without trigger positions: every triggered pattern run over the whole text."""
    matches = []
    for scheme, handler in HANDLERS.items():
        if not any(word in text for word in _TRIGGERS[scheme]):
            continue
        for match in handler.pattern.finditer(text):
            raw = handler.trim(match.group("id"))
            if raw:
                start = match.start("id")
                item = Found(scheme, match.start(), start, start + len(raw), raw, handler.normalise(raw))
                matches.append((match.start(), handler.priority, -len(raw), item))
    kept: list[Found] = []
    outer_end = -1
    for _, _, _, item in sorted(matches, key=lambda m: m[:3]):
        if item.label_start >= outer_end:
            kept.append(item)
            outer_end = item.end
        elif item.scheme is IdScheme.JSTOR and kept and kept[-1].scheme is IdScheme.URL:
            kept.append(item)
    return kept
