"""Turn a Crossref work record (the ``message`` of ``/works/{doi}``, or one item of a
``/works`` list) into a typed ``RegistryWork``.

Crossref's format has quirks worth knowing (see https://api.crossref.org/swagger-ui):
``title`` and ``container-title`` are arrays, titles may carry JATS/HTML markup,
``issued`` can be ``[[null]]``, ``page`` is a free string, and organisations appear as
authors with ``name`` instead of ``family``.

A mirror or a compatible server may get the format wrong (``"title": "x"``, ``"DOI": 5``).
Such a record is not read at all (``record_problem``): read leniently it would be compared
with the reference, give false alarms and be kept in the lock file.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from ..models import Person, RegistryWork, WorkUpdate

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def plain_text(value: str) -> str:
    """Strip JATS/HTML/MathML tags and entities; collapse whitespace."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub("", value))).strip()


def _first(values: Any) -> str:
    if isinstance(values, list):
        values = next((v for v in values if isinstance(v, str) and v.strip()), "")
    return plain_text(values) if isinstance(values, str) else ""


# Some records give an ISBN as its Crossref URL: "http://id.crossref.org/isbn/978354005733-8".
_ISBN_URL = re.compile(r"^https?://id\.crossref\.org/isbn/", re.IGNORECASE)


def _strings(values: Any) -> tuple[str, ...]:
    if not isinstance(values, list):
        return ()
    return tuple(plain_text(v) for v in values if isinstance(v, str) and v.strip())


def _people(items: Any) -> tuple[Person, ...]:
    people = []
    for item in items if isinstance(items, list) else ():
        if not isinstance(item, Mapping):
            continue
        family = item.get("family") or item.get("name") or ""
        if isinstance(family, str) and family.strip():
            given = item.get("given") if isinstance(item.get("given"), str) else ""
            people.append(Person(plain_text(family), plain_text(given or "")))
    return tuple(people)


def _first_date(record: Mapping[str, Any], key: str) -> list | None:
    """The first ``date-parts`` entry of ``record[key]`` ([year, month, day], as given), if its
    year is a number."""
    value = record.get(key)
    parts = value.get("date-parts") if isinstance(value, Mapping) else None
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0] \
            and isinstance(parts[0][0], int):
        return parts[0]
    return None


def _date_parts(record: Mapping[str, Any]) -> tuple[int | None, int | None]:
    """Year and month of publication: ``issued`` first (the earliest of print and online).
    Not ``created``: that is when the record was deposited, often years after a proceedings
    paper or a book appeared; without a publication date the year is not checked."""
    for key in ("issued", "published", "published-print", "published-online"):
        date = _first_date(record, key)
        if date is not None:
            month = date[1] if len(date) > 1 and isinstance(date[1], int) else None
            return date[0], month
    return None, None


def _other_years(record: Mapping[str, Any], year: int | None) -> tuple[int, ...]:
    """The years of the print and online dates that differ from ``year``, sorted; only those
    within a few years of it. A print issue follows its online version by a year or two; an
    "online" date decades later is a digitised back issue's (2016 for a 1972 paper), a year
    nobody cites the paper by."""
    dates = (_first_date(record, key) for key in ("published-print", "published-online", "published"))
    return tuple(sorted({date[0] for date in dates if date is not None and date[0] != year
                         and (year is None or abs(date[0] - year) <= _PRINT_ONLINE_GAP)}))


_PRINT_ONLINE_GAP = 3  # years between a work's online and print dates, at most, to cite it by either


def _updates(items: Any) -> tuple[WorkUpdate, ...]:
    updates = []
    for item in items if isinstance(items, list) else ():
        if not isinstance(item, Mapping):
            continue
        updated = item.get("updated")
        date = ""
        if isinstance(updated, Mapping):
            date = str(updated.get("date-time") or "")[:10]
        updates.append(
            WorkUpdate(
                type=str(item.get("type") or ""),
                doi=str(item.get("DOI") or "").lower(),
                label=str(item.get("label") or ""),
                date=date,
            )
        )
    return tuple(updates)


def _optional(value: Any) -> str | None:
    if value is None:
        return None
    text = plain_text(str(value))
    return text or None


_STRINGS = ("DOI", "type", "volume", "issue", "page", "publisher", "URL", "language")
_STRING_LISTS = ("title", "subtitle", "container-title", "short-container-title", "ISSN", "ISBN")
_OBJECT_LISTS = ("author", "editor", "updated-by", "update-to")
_DATES = ("issued", "published", "published-print", "published-online")


def record_problem(record: Any) -> str | None:
    """Why ``record`` is not a work record in Crossref's format (one short phrase), or None.

    Only the fields this tool reads are checked, for the types Crossref gives them; a field
    that is absent (or null) is no problem, but the DOI is required.
    """
    if not isinstance(record, Mapping):
        return "the record is not a JSON object"
    doi = record.get("DOI")
    if not isinstance(doi, str) or not doi.strip():
        return "'DOI' is not a string"
    for key in _STRINGS:
        if record.get(key) is not None and not isinstance(record[key], str):
            return f"{key!r} is not a string"
    for key in _STRING_LISTS:
        value = record.get(key)
        if value is not None and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            return f"{key!r} is not a list of strings"
    for key in _OBJECT_LISTS:
        value = record.get(key)
        if value is not None and not (isinstance(value, list) and all(isinstance(v, Mapping) for v in value)):
            return f"{key!r} is not a list of objects"
    for key in _DATES:
        if record.get(key) is not None and not isinstance(record[key], Mapping):
            return f"{key!r} is not a date object"
    return None


def work_from_json(record: Mapping[str, Any]) -> RegistryWork:
    """Build a ``RegistryWork`` from one Crossref work record."""
    year, month = _date_parts(record)
    return RegistryWork(
        doi=str(record.get("DOI") or "").lower(),
        type=str(record.get("type") or ""),
        title=_first(record.get("title")),
        subtitle=_first(record.get("subtitle")),
        authors=_people(record.get("author")),
        editors=_people(record.get("editor")),
        year=year,
        month=month,
        other_years=_other_years(record, year),
        container_titles=_strings(record.get("container-title")),
        short_container_titles=_strings(record.get("short-container-title")),
        volume=_optional(record.get("volume")),
        issue=_optional(record.get("issue")),
        # (Springer and Nature give an online-only article's number alone, as "article-number":
        # it stands where a page would, "Sci. Rep. 10, 21877 (2020)")
        page=_optional(record.get("page")) or _optional(record.get("article-number")),
        issn=_strings(record.get("ISSN")),
        isbn=tuple(_ISBN_URL.sub("", isbn) for isbn in _strings(record.get("ISBN"))),
        publisher=_optional(record.get("publisher")),
        url=_optional(record.get("URL")),
        language=_optional(record.get("language")),
        updated_by=_updates(record.get("updated-by")),
        update_to=_updates(record.get("update-to")),
    )
