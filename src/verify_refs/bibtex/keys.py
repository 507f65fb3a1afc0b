"""Stable citation keys: ``coox1968affaire``.

A key is the first author's surname, the year and the first significant word of the
title, transliterated to lower-case ASCII (``Куксин 1999 Побег`` -> ``kuksin1999pobeg``).
Authors cite these keys in their documents, so a key once written must not change while
its work stays in the bibliography: ``assign_keys`` first gives every work the key of the
entry that already describes it in the existing ``.bib`` (matched by DOI, else by
author + year + title), and only then makes new keys. Works whose keys collide get the
suffixes ``a``, ``b``, ... in a deterministic order; a newcomer colliding with a key already
in the file takes the next free suffix and never renames the older entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from anyascii import anyascii

__all__ = ["Identity", "ExistingKey", "base_key", "assign_keys", "normalise_words", "STOP_WORDS"]

# Words skipped when looking for the first significant title word: articles, prepositions
# and conjunctions of the languages the corpus cites (Russian ones transliterated).
STOP_WORDS = frozenset(
    """a an the of on in at to for from and or with by about as into
    l le la les un une des de du d et en au aux sur
    der die das ein eine einer dem den des und im am zu zum zur von vom
    il lo gli i uno una di del della e el los las y
    k ko v vo o ob s so na po i iz ot do za pro pri ne
    chapter ch part""".split()
)

_WORD_RE = re.compile(r"[a-z0-9]+")


def normalise_words(text: str | None) -> list[str]:
    """Lower-case ASCII words of ``text``: transliterated, elisions (``l'``) split off."""
    if not text:
        return []
    ascii_text = anyascii(text).lower().replace("'", " ")
    return _WORD_RE.findall(ascii_text)


def _letters(text: str | None) -> str:
    return re.sub(r"[^a-z]", "", anyascii(text or "").lower())


@dataclass(frozen=True, slots=True)
class Identity:
    """What makes two descriptions the same work: DOI, else surname + year + title."""

    doi: str | None
    surname: str  # ascii letters only
    year: int | None
    title: str  # normalised words joined by spaces

    @classmethod
    def of(cls, doi: str | None, surname: str | None, year: int | None, title: str | None) -> Identity:
        return cls(
            doi=doi.strip().lower() if doi else None,
            surname=_letters(surname),
            year=year,
            title=" ".join(normalise_words(title)),
        )

    @property
    def descriptive(self) -> tuple[str, int | None, str] | None:
        """The author + year + title triple; None when there is no title to compare."""
        return (self.surname, self.year, self.title) if self.title else None


def base_key(surname: str | None, year: int | None, title: str | None, fallback: str | None = None) -> str:
    """The key before any collision suffix: surname + year + first significant title word.

    With no author the title's first significant word leads (``anon`` if there is none);
    without a year the key uses ``nd`` (no date), as styles print it.
    """
    words = _significant(title) or _significant(fallback)
    name = _letters(surname)
    first = words[0] if words else ""
    if not name:
        name, first = (first or "anon"), (words[1] if len(words) > 1 else "")
    return f"{name}{year if year is not None else 'nd'}{first}"


def _significant(text: str | None) -> list[str]:
    """Title words worth a key: no stop-words, no single letters, numbers only if alone."""
    words = [w for w in normalise_words(text) if w not in STOP_WORDS and len(w) > 1]
    return [w for w in words if not w.isdigit()] or words


@dataclass(frozen=True, slots=True)
class ExistingKey:
    """A key already in the ``.bib`` file, with the identity of the entry it names."""

    key: str
    identity: Identity


def _suffixes() -> Iterable[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    yield from letters
    for first in letters:
        for second in letters:
            yield first + second


def assign_keys(
    works: Sequence[tuple[Sequence[Identity], str]],
    existing: Sequence[ExistingKey] = (),
) -> list[str]:
    """A key for each ``(identities, base key)`` in ``works``, in the same order.

    ``identities`` describe one work: first the metadata written for it, then each way a
    document cited it (so a work whose title changed when the registry resolved it still
    finds its old entry). A work matching an existing entry (same DOI, or same surname,
    year and title) keeps that entry's key; each existing key goes to at most one work.
    The other works get their base key, with suffixes when it is taken or shared; works
    sharing a base key are lettered in the order of their identities, so the result does
    not depend on the order of ``works``.
    """
    keys: list[str | None] = [None] * len(works)
    by_doi: dict[str, ExistingKey] = {}
    by_desc: dict[tuple, ExistingKey] = {}
    for entry in existing:
        if entry.identity.doi:
            by_doi.setdefault(entry.identity.doi, entry)
        if entry.identity.descriptive is not None:
            by_desc.setdefault(entry.identity.descriptive, entry)
    used: set[str] = set()

    def claim(index: int, match: ExistingKey | None) -> None:
        if match is not None and keys[index] is None and match.key not in used:
            keys[index] = match.key
            used.add(match.key)

    # DOI matches first (they are certain), then descriptive ones.
    for index, (identities, _) in enumerate(works):
        for identity in identities:
            claim(index, by_doi.get(identity.doi) if identity.doi else None)
    for index, (identities, _) in enumerate(works):
        dois = {i.doi for i in identities if i.doi}
        for identity in identities:
            match = by_desc.get(identity.descriptive) if identity.descriptive else None
            if match is not None and match.identity.doi and dois and match.identity.doi not in dois:
                continue  # two different DOIs are two works, however alike they look
            claim(index, match)
    reserved = used | {e.key for e in existing}
    groups: dict[str, list[int]] = {}
    for index, (_, base) in enumerate(works):
        if keys[index] is None:
            groups.setdefault(base, []).append(index)
    for base in sorted(groups):
        members = sorted(groups[base], key=lambda i: _order(works[i][0]))
        if len(members) == 1 and base not in reserved:
            keys[members[0]] = base
            reserved.add(base)
            continue
        suffixes = (base + s for s in _suffixes())
        for index in members:
            key = next(k for k in suffixes if k not in reserved)
            keys[index] = key
            reserved.add(key)
    return [k for k in keys if k is not None]


def _order(identities: Sequence[Identity]) -> tuple:
    return tuple((i.year or 0, i.title, i.doi or "", i.surname) for i in identities)
