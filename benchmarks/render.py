"""Render registry works as reference strings in common citation styles.

Each renderer returns a ``Rendered``: the string as an author would write it and the
fields as written in it (so a benchmark can build the ``Reference`` a perfect parser would
produce, and compare with what the real parser makes of the string). Styles vary the way
real bibliographies do: initials or full given names, sentence or title case, subtitles
dropped, abbreviated journals, ``405–20`` for ``405-420``, with or without a DOI.

    from benchmarks.render import STYLES, render
    rendered = render(work, "chicago", random.Random(1), with_doi=True)
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from verify_refs.models import Person, RegistryWork

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


@dataclass(frozen=True)
class Fields:
    """The parts of a work as one rendering writes them."""

    authors: tuple[Person, ...]
    title: str
    container: str
    year: int | None
    volume: str | None
    issue: str | None
    first_page: str | None
    last_page: str | None  # expanded, as ``PageRange.last``
    pages_raw: str
    doi: str | None
    chapter: bool


@dataclass(frozen=True)
class Rendered:
    style: str
    text: str
    fields: Fields


# --- variations -----------------------------------------------------------


def initials(given: str) -> str:
    """``Alvin D.`` -> ``A. D.``"""
    return " ".join(f"{part[0]}." for part in re.split(r"[\s.]+", given) if part)


def sentence_case(title: str) -> str:
    """APA: only the first word (and the first after a colon) capitalised; keep acronyms."""
    words = title.split(" ")
    out = []
    for i, word in enumerate(words):
        keep = i == 0 or out[-1].endswith(":") or word.isupper() or word[:1].isdigit()
        out.append(word if keep else word[:1].lower() + word[1:])
    return " ".join(out)


def drop_subtitle(title: str) -> str:
    return title.split(": ", 1)[0] if ": " in title else title


def abbreviate_last(first: str, last: str) -> str:
    """``405``, ``420`` -> ``20`` (Chicago/MLA elision)."""
    if first.isdigit() and last.isdigit() and len(first) == len(last) and len(first) > 2:
        common = 0
        while common < len(first) - 2 and first[common] == last[common]:
            common += 1
        return last[common:]
    return last


def split_pages(page: str | None) -> tuple[str | None, str | None]:
    if not page:
        return None, None
    parts = [p for p in re.split(r"\s*[-\u2013]\s*", page) if p]
    return (parts[0], parts[1] if len(parts) > 1 else None) if parts else (None, None)


def fields_for(work: RegistryWork, rng: random.Random, *, with_doi: bool,
               short_container: bool = False, subtitle: bool = True) -> Fields:
    """The fields of ``work`` with this rendering's choices applied."""
    title = work.title if not work.subtitle else f"{work.title}: {work.subtitle}"
    if not subtitle:
        title = drop_subtitle(title)
    container = work.container_titles[0] if work.container_titles else ""
    if short_container and work.short_container_titles:
        container = work.short_container_titles[0]
    first, last = split_pages(work.page)
    return Fields(authors=work.authors[:6], title=title, container=container, year=work.year,
                  volume=work.volume, issue=work.issue, first_page=first, last_page=last,
                  pages_raw="", doi=work.doi if with_doi else None,
                  chapter=work.type in ("book-chapter", "reference-entry"))


def _pages(fields: Fields, dash: str, elide: bool) -> tuple[str, Fields]:
    if not fields.first_page:
        return "", fields
    if not fields.last_page:
        return fields.first_page, replace(fields, pages_raw=fields.first_page)
    last = abbreviate_last(fields.first_page, fields.last_page) if elide else fields.last_page
    raw = f"{fields.first_page}{dash}{last}"
    return raw, replace(fields, pages_raw=raw)


def _names(authors: tuple[Person, ...], short: bool, sep: str = ", ", final: str = ", and ") -> str:
    """Inverted first author, then the others; given names as initials when ``short``."""
    shown = []
    for i, person in enumerate(authors):
        given = initials(person.given) if short and person.given else person.given
        if i == 0 or short:
            shown.append(f"{person.family}, {given}" if given else person.family)
        else:
            shown.append(f"{given} {person.family}".strip())
    if len(shown) <= 1:
        return "".join(shown)
    return sep.join(shown[:-1]) + final + shown[-1]


# --- styles ---------------------------------------------------------------


def cs1(work: RegistryWork, rng: random.Random, with_doi: bool) -> Rendered:
    """Wikipedia's Cite journal: Coox, Alvin D. (January 1968). "T". J. 19 (3): 405–420. doi:..."""
    f = fields_for(work, rng, with_doi=with_doi)
    pages, f = _pages(f, "\u2013", elide=False)
    names = "; ".join(p.display() for p in f.authors)
    month = f"{MONTHS[work.month - 1]} " if work.month and rng.random() < 0.5 else ""
    vol = f" {f.volume}" if f.volume else ""
    issue = f" ({f.issue})" if f.issue else ""
    where = f"{vol}{issue}: {pages}" if vol or issue else f" pp. {pages}" if pages else ""
    lead = f"{names} ({month}{f.year}). " if names else ""
    head = f'"{f.title}". ' if f.authors else f'"{f.title}" ({month}{f.year}). '
    container = f"{'In ' if f.chapter else ''}{f.container}.{where}." if f.container else ""
    doi = f" doi:{f.doi}." if f.doi else ""
    return Rendered("cs1", f"{lead}{head}{container}{doi}".strip(), f)


def chicago(work: RegistryWork, rng: random.Random, with_doi: bool) -> Rendered:
    """Coox, Alvin D. "T." Soviet Studies 19, no. 3 (1968): 405–20. https://doi.org/..."""
    f = fields_for(work, rng, with_doi=with_doi, subtitle=rng.random() > 0.2)
    pages, f = _pages(f, "\u2013", elide=True)
    names = _names(f.authors, short=False)
    vol = f" {f.volume}" if f.volume else ""
    no = f", no. {f.issue}" if f.issue else ""
    tail = f": {pages}." if pages else "."
    container = f"{'In ' if f.chapter else ''}{f.container}{vol}{no} ({f.year}){tail}"
    doi = f" https://doi.org/{f.doi}." if f.doi else ""
    lead = f"{names}. " if names else ""
    return Rendered("chicago", f'{lead}"{f.title}." {container}{doi}', f)


def apa(work: RegistryWork, rng: random.Random, with_doi: bool) -> Rendered:
    """Coox, A. D. (1968). Sentence-case title. Soviet Studies, 19(3), 405–420. https://doi.org/..."""
    f = fields_for(work, rng, with_doi=with_doi)
    f = replace(f, title=sentence_case(f.title))
    pages, f = _pages(f, "\u2013", elide=False)
    names = _names(f.authors, short=True, final=", & ")
    f = replace(f, authors=tuple(Person(p.family, initials(p.given)) for p in f.authors))
    vol = f", {f.volume}" if f.volume else ""
    issue = f"({f.issue})" if f.issue and f.volume else ""
    tail = f", {pages}." if pages else "."
    doi = f" https://doi.org/{f.doi}" if f.doi else ""
    lead = f"{names} ({f.year}). {f.title}." if names else f"{f.title}. ({f.year})."
    return Rendered("apa", f"{lead} {f.container}{vol}{issue}{tail}{doi}", f)


def mla(work: RegistryWork, rng: random.Random, with_doi: bool) -> Rendered:
    """Coox, Alvin D. "T." Soviet Studies, vol. 19, no. 3, 1968, pp. 405-20. doi:..."""
    f = fields_for(work, rng, with_doi=with_doi)
    pages, f = _pages(f, "-", elide=True)
    people = f.authors
    names = f"{people[0].display()}, et al" if len(people) > 2 else _names(people, False)
    parts = [f.container] + ([f"vol. {f.volume}"] if f.volume else [])
    parts += [f"no. {f.issue}"] if f.issue else []
    parts += [str(f.year)] + ([f"pp. {pages}"] if pages else [])
    doi = f" doi:{f.doi}." if f.doi else ""
    lead = f"{names}. " if names else ""
    return Rendered("mla", f'{lead}"{f.title}." {", ".join(p for p in parts if p)}.{doi}', f)


def harvard(work: RegistryWork, rng: random.Random, with_doi: bool) -> Rendered:
    """Coox, A.D. (1968) 'T', Soviet Studies, 19(3), pp. 405–420. doi: ..."""
    f = fields_for(work, rng, with_doi=with_doi, subtitle=rng.random() > 0.3)
    pages, f = _pages(f, "\u2013", elide=False)
    f = replace(f, authors=tuple(Person(p.family, initials(p.given).replace(" ", ""))
                                 for p in f.authors))
    shown = [f"{p.family}, {p.given}" if p.given else p.family for p in f.authors]
    names = ", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else "".join(shown)
    vol = f", {f.volume}" if f.volume else ""
    issue = f"({f.issue})" if f.issue and f.volume else ""
    tail = f", pp. {pages}." if pages else "."
    doi = f" doi: {f.doi}." if f.doi else ""
    lead = f"{names} ({f.year}) " if names else f"({f.year}) "
    return Rendered("harvard", f"{lead}'{f.title}', {f.container}{vol}{issue}{tail}{doi}", f)


def vancouver(work: RegistryWork, rng: random.Random, with_doi: bool) -> Rendered:
    """Coox AD. T. Sov Stud. 1968;19(3):405-20. doi:... (abbreviated journal)"""
    f = fields_for(work, rng, with_doi=with_doi, short_container=True)
    pages, f = _pages(f, "-", elide=True)
    names = ", ".join(f"{p.family} {initials(p.given).replace('.', '').replace(' ', '')}".strip()
                      for p in f.authors)
    vol = f";{f.volume}" if f.volume else ""
    issue = f"({f.issue})" if f.issue else ""
    tail = f":{pages}." if pages else "."
    doi = f" doi:{f.doi}" if f.doi else ""
    lead = f"{names}. " if names else ""
    container = f.container if f.container.endswith(".") else f"{f.container}."
    return Rendered("vancouver", f"{lead}{f.title}. {container} {f.year}{vol}{issue}{tail}{doi}", f)


STYLES: dict[str, Callable[[RegistryWork, random.Random, bool], Rendered]] = {
    "cs1": cs1, "chicago": chicago, "apa": apa, "mla": mla, "harvard": harvard,
    "vancouver": vancouver,
}


def render(work: RegistryWork, style: str, rng: random.Random, *, with_doi: bool = False) -> Rendered:
    """``work`` as a reference string in ``style`` (one of ``STYLES``)."""
    return STYLES[style](work, rng, with_doi)
