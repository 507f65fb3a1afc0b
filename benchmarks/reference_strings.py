"""Measure the reference parser on real hand-labelled reference strings.

Usage: python benchmarks/reference_strings.py PATH/TO/anystyle-gold.xml

The gold set (AnyStyle's ``gold.xml``) splits each string into labelled parts; joining the
parts with spaces gives the string as printed. For each string we parse it and compare with
the labels: kind, year, first author's surname, title, and DOI/ISBN/URL identifiers (exact
match of normalised values). We also count crashes, strings ``looks_like_reference`` refuses,
and identifier errors ``check_identifiers`` raises (every gold identifier is real, so each is
a false alarm unless the gold string itself is wrong). The file is read at run time only.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import traceback
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field

from arguments import existing_file
from verify_refs.checks.identifiers import check_identifiers
from verify_refs.extract.references import looks_like_reference, parse_reference
from verify_refs.extract.source import SourceText
from verify_refs.models import IdScheme, Reference, ReferenceKind

_YEAR = re.compile(r"(1[5-9]\d\d|20[0-4]\d)")


def gold_file_arguments(doc: str) -> argparse.ArgumentParser:
    """The command line of a benchmark that reads AnyStyle's gold file: its path, checked."""
    parser = argparse.ArgumentParser(description=doc.strip().splitlines()[0],
                                     epilog="The gold file is read at run time only; it is not part of this repository.")
    parser.add_argument("gold", type=existing_file, help="AnyStyle's gold.xml (e.g. anystyle-gold.xml)")
    return parser
_DOI_IN = re.compile(r"10\.\d{4,9}/\S+")
_GENRE_OTHER = re.compile(r"thesis|dissertation|report|paper", re.I)


@dataclass
class Gold:
    text: str
    parts: list[tuple[str, str]]
    tags: set[str] = field(default_factory=set)

    def first(self, tag: str) -> str | None:
        return next((v for t, v in self.parts if t == tag), None)

    def all(self, tag: str) -> list[str]:
        return [v for t, v in self.parts if t == tag]


def load(path: str) -> list[Gold]:
    out = []
    for seq in ET.parse(path).getroot().iter("sequence"):
        parts = [(child.tag, " ".join((child.text or "").split())) for child in seq]
        parts = [(t, v) for t, v in parts if v]
        out.append(Gold(" ".join(v for _, v in parts), parts, {t for t, _ in parts}))
    return out


def _norm_text(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def gold_kind(g: Gold) -> str:
    genre = g.first("genre") or ""
    if "journal" in g.tags:
        return "article"
    if "container-title" in g.tags:
        return "chapter"
    if _GENRE_OTHER.search(genre):
        return "other"
    if "url" in g.tags and not ({"location", "isbn"} & g.tags):
        return "web"
    if {"publisher", "location", "isbn", "edition"} & g.tags:
        return "book"
    return "other"


_COMPARABLE = {ReferenceKind.NEWS: "article"}  # gold labels newspapers and magazines "journal"


def our_kind(r: Reference) -> str:
    return _COMPARABLE.get(r.kind, r.kind.value)


def gold_surname(g: Gold) -> str | None:
    author = g.first("author")
    if not author:
        return None
    chunk = re.split(r",|;|\band\b|&|:", author)[0].strip(" .")
    words = chunk.split()
    if not words:
        return None
    if len(words) == 1:
        return words[0]
    last = words[-1].replace(".", "").replace("-", "")
    if last.isupper() and len(last) <= 3:
        return " ".join(words[:-1]) if len(words) == 2 else words[0]
    return words[-1]


def surname_match(ours: str | None, gold: str) -> bool:
    if not ours:
        return False
    a, b = _norm_text(ours), _norm_text(gold)
    return bool(a) and (a == b or a.endswith(b) or b.endswith(a))


def gold_title(g: Gold) -> str | None:
    title = g.first("title")
    return _norm_text(title) if title else None


def _source_norm(text: str) -> str:
    return SourceText("gold", text).text


def gold_ids(g: Gold) -> dict[IdScheme, set[str]]:
    ids: dict[IdScheme, set[str]] = {IdScheme.DOI: set(), IdScheme.ISBN: set(), IdScheme.URL: set()}
    for value in g.all("doi"):
        value = _source_norm(value).replace(" ", "")
        match = _DOI_IN.search(value)
        if match:
            ids[IdScheme.DOI].add(match.group().rstrip(".,;)").lower())
    for value in g.all("url"):
        compact = _source_norm(value).replace(" ", "")
        match = _DOI_IN.search(compact) if "doi.org" in compact else None
        if match:
            ids[IdScheme.DOI].add(match.group().rstrip(".,;)").lower())
        else:
            ids[IdScheme.URL].add(compact.rstrip(".,;"))  # a line break's space is no part of it
    for value in g.all("isbn"):
        ids[IdScheme.ISBN].add("".join(ch for ch in value if ch.isdigit() or ch in "Xx").upper())
    return ids


def main(path: str) -> int:
    golds = load(path)
    count, crashes, recognised = len(golds), 0, 0
    kind_ok = year_ok = year_n = author_ok = author_n = title_ok = title_n = 0
    tp: Counter = Counter()
    predicted: Counter = Counter()
    expected: Counter = Counter()
    kinds: Counter = Counter()
    references = []
    misses: dict[str, list[str]] = {"kind": [], "year": [], "author": [], "title": [], "ids": []}
    for g in golds:
        source = SourceText("gold.txt", g.text)
        try:
            r = parse_reference(source, 0, len(g.text))
            recognised += looks_like_reference(g.text)
        except Exception:  # the benchmark counts crashes rather than stopping at the first
            crashes += 1
            traceback.print_exc(limit=3)
            continue
        references.append(r)
        gk = gold_kind(g)
        kinds[(gk, our_kind(r))] += 1
        if gk == our_kind(r):
            kind_ok += 1
        else:
            misses["kind"].append(f"{gk} vs {our_kind(r)}: {g.text[:150]}")
        if g.first("date") and _YEAR.search(g.first("date")):
            year_n += 1
            if r.year == int(_YEAR.search(g.first("date")).group()):
                year_ok += 1
            else:
                misses["year"].append(f"{r.year}: {g.text[:150]}")
        surname = gold_surname(g)
        if surname:
            author_n += 1
            if surname_match(r.first_author, surname):
                author_ok += 1
            else:
                misses["author"].append(f"{r.first_author!r} vs {surname!r}: {g.text[:120]}")
        title = gold_title(g)
        if title:
            title_n += 1
            if r.title and _norm_text(r.title) == title:
                title_ok += 1
            else:
                misses["title"].append(f"{r.title!r} vs {g.first('title')!r}")
        gids = gold_ids(g)
        for scheme, values in gids.items():
            ours = {i.value for i in r.ids(scheme)}
            expected[scheme] += len(values)
            predicted[scheme] += len(ours)
            tp[scheme] += len(ours & values)
            if ours != values:
                misses["ids"].append(f"{scheme.value}: ours {sorted(ours)} gold {sorted(values)}")
    findings = list(check_identifiers(references))
    texts = [g.text for g in golds]
    sources = [SourceText("gold.txt", t) for t in texts]
    started = time.process_time()  # CPU time: other processes do not count
    rounds = 3
    for _ in range(rounds):
        for s in sources:
            parse_reference(s, 0, len(s.text))
    rate = rounds * len(sources) / (time.process_time() - started)
    if "-v" in sys.argv:
        for name, items in misses.items():
            print(f"--- {name} misses ({len(items)})")
            for item in items[:int(sys.argv[sys.argv.index('-v') + 1]) if len(sys.argv) > sys.argv.index('-v') + 1 else 40]:
                print("   ", item)
        for finding in findings:
            print("   FINDING", finding.message)
        print(sorted(kinds.items(), key=lambda kv: -kv[1]))
    pct = lambda a, b: f"{a}/{b} = {100 * a / b:.1f}%" if b else "n/a"  # noqa: E731
    print(f"strings:                {count}")
    print(f"crashes:                {crashes}")
    print(f"recognised as refs:     {pct(recognised, count)}")
    print(f"kind accuracy:          {pct(kind_ok, count)}")
    print(f"year accuracy:          {pct(year_ok, year_n)}")
    print(f"first-author surname:   {pct(author_ok, author_n)}")
    print(f"title (normalised):     {pct(title_ok, title_n)}")
    for scheme in (IdScheme.DOI, IdScheme.ISBN, IdScheme.URL):
        print(f"{scheme.value.upper():4} precision/recall: {pct(tp[scheme], predicted[scheme])}  /  "
              f"{pct(tp[scheme], expected[scheme])}")
    print(f"false identifier errors: {len(findings)}")
    print(f"references parsed/s (CPU): {rate:,.0f}")
    return 0


if __name__ == "__main__":
    options = gold_file_arguments(__doc__).parse_args()
    sys.exit(main(options.gold))
