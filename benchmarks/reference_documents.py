"""Measure reference *lists*: real reference strings pasted into documents the ways users do.

Usage: python benchmarks/reference_documents.py PATH/TO/anystyle-gold.xml [-v [N]] [--no-cli]

``reference_strings.py`` parses one string at a time; here the gold strings (AnyStyle's
``gold.xml``, read at run time only) are laid out as whole documents and run through
``parse_document`` and the offline pipeline:

  lines      a "References" heading, one string per line (citation numbers removed)
  printed    the strings printed with a citation number, in their form ("[N] ", "N. ",
             "(N) ", "N "), one form per document, numbered 1..n
  numbered   a short text with [n] markers above a numbered list, alternately "1. ..." and
             "[1] ..." (the gold citation number where there is one, else the next unused
             number; the big document is numbered 1..n)
  blank      a "Bibliography" section, entries separated by blank lines, every third one
             wrapped over two lines with a hanging indent
  footnotes  Markdown: a short text with [^n] markers and "[^n]: ..." definitions
  margin     a plain-text file: a "References" heading, every entry hard-wrapped at 80
             columns at the margin, no blank lines between entries

Each layout is built in chunks of 30 strings and once as one big document of all of them
(for printed: one per form).
Each gold string is matched to the references whose extent overlaps it: exactly one
reference covering it is "ok"; one reference over two strings is "merged"; two references
over one string "split"; none "missed"; one that covers under 80% of it "short". DOIs,
ISBNs and URLs are matched by where the identifier sits (precision/recall against the
gold labels). The offline pipeline's findings are counted per 100 references: gold
identifiers are real, so identifier errors are false alarms (listed with -v), and so are
dangling markers, orphan short cites and stray numbers made from text inside references.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import textwrap
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from reference_strings import Gold, gold_file_arguments, gold_ids, load  # noqa: E402

from verify_refs.config import Config  # noqa: E402
from verify_refs.extract.document import parse_document  # noqa: E402
from verify_refs.extract.source import SourceText  # noqa: E402
from verify_refs.models import IdScheme, ParsedDocument  # noqa: E402

CHUNK = 30
SCHEMES = (IdScheme.DOI, IdScheme.ISBN, IdScheme.URL)
ID_CODES = ("invalid-doi", "invalid-isbn", "invalid-issn")
INTRO = [
    "This question has been studied from several angles{m}.",
    "Earlier work reported similar results{m}, although the samples were small.",
    "Later studies refined the method{m} and extended it to new data.",
    "The debate is summarised elsewhere{m}.",
]


@dataclass
class Placed:
    gold: Gold
    start: int  # the gold string's extent in the document
    end: int
    core_start: int  # without a printed citation number


@dataclass
class Doc:
    layout: str
    name: str
    text: str
    placed: list[Placed] = field(default_factory=list)


def _unnumbered(g: Gold) -> str:
    return " ".join(v for t, v in g.parts if t != "citation-number")


def _number(g: Gold) -> str | None:
    value = g.first("citation-number")
    digits = re.sub(r"\D", "", value or "")
    return digits or None


class _Builder:
    def __init__(self, layout: str, name: str) -> None:
        self.doc = Doc(layout, name, "")
        self.parts: list[str] = []
        self.length = 0

    def add(self, text: str) -> int:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start

    def place(self, g: Gold, text: str, core_offset: int = 0) -> None:
        start = self.add(text)
        self.doc.placed.append(Placed(g, start, start + len(text), start + core_offset))

    def done(self) -> Doc:
        self.doc.text = "".join(self.parts)
        return self.doc


def _labels(golds: list[Gold], keep: bool = True) -> list[str]:
    """The gold citation numbers where there are some (unique within the document), else
    the next unused number; ``keep=False`` numbers 1..n."""
    used: set[str] = set()
    labels = []
    following = 1
    for g in golds:
        label = _number(g) if keep else None
        if label is None or label in used:
            while str(following) in used:
                following += 1
            label = str(following)
        used.add(label)
        labels.append(label)
    return labels


def _intro(b: _Builder, labels: list[str], marker: str) -> None:
    """A short paragraph citing every label, one to three markers per sentence."""
    sentences = []
    for i in range(0, len(labels), 3):
        group = labels[i:i + 3]
        footnote = "^" in marker
        marks = ("" if footnote else ", ").join(marker.format(n=n) for n in group)
        sep = "" if footnote else " "
        sentences.append(INTRO[(i // 3) % len(INTRO)].format(m=sep + marks))
    b.add("Introduction\n\n")
    for i in range(0, len(sentences), 4):
        b.add(" ".join(sentences[i:i + 4]) + "\n\n")


def build_lines(golds: list[Gold], name: str, heading: bool = True) -> Doc:
    """One string a line under a References heading (or, ``heading=False``, the bare list
    as a file of references alone)."""
    b = _Builder("lines" if heading else "bare", name)
    if heading:
        b.add("References\n\n")
    for g in golds:
        b.place(g, _unnumbered(g))
        b.add("\n")
    return b.done()


_FORMATS = {"[N]": "[{n}] ", "N.": "{n}. ", "(N)": "({n}) ", "N": "{n} "}


def _format(g: Gold) -> str:
    return re.sub(r"\d+", "N", g.first("citation-number") or "")


def build_printed(golds: list[Gold], name: str) -> Doc:
    """Strings that were printed with a number, in that form ("[N]", "N.", "(N)", "N"),
    numbered 1..n as a real list is: one form per document."""
    b = _Builder("printed", name)
    b.add("References\n\n")
    for n, g in enumerate(golds, 1):
        label = _FORMATS.get(_format(g), "{n}. ").format(n=n)
        b.place(g, label + _unnumbered(g), len(label))
        b.add("\n")
    return b.done()


def build_numbered(golds: list[Gold], name: str, index: int) -> Doc:
    b = _Builder("numbered", name)
    labels = _labels(golds, keep=len(golds) <= CHUNK)
    _intro(b, labels, "[{n}]")
    b.add("References\n\n")
    bracketed = index % 2 == 1
    for g, label in zip(golds, labels):
        b.add(f"[{label}] " if bracketed else f"{label}. ")
        b.place(g, _unnumbered(g))
        b.add("\n")
    return b.done()


def _wrap(text: str) -> tuple[str, str] | None:
    if len(text) < 60:
        return None
    cut = text.find(" ", len(text) // 2)
    if cut < 0:
        return None
    return text[:cut], text[cut + 1:]


def build_blank(golds: list[Gold], name: str) -> Doc:
    b = _Builder("blank", name)
    b.add("Bibliography\n\n")
    for i, g in enumerate(golds):
        text = _unnumbered(g)
        halves = _wrap(text) if i % 3 == 2 else None
        if halves:
            start = b.add(halves[0] + "\n    ")
            b.add(halves[1])
            b.doc.placed.append(Placed(g, start, b.length, start))
        else:
            b.place(g, text)
        b.add("\n\n")
    return b.done()


def build_footnotes(golds: list[Gold], name: str) -> Doc:
    b = _Builder("footnotes", name)
    labels = [str(i) for i in range(1, len(golds) + 1)]
    b.add("# A short paper\n\n")
    _intro(b, labels, "[^{n}]")
    for g, label in zip(golds, labels):
        b.add(f"[^{label}]: ")
        b.place(g, _unnumbered(g))
        b.add("\n")
    return b.done()


def build_margin(golds: list[Gold], name: str) -> Doc:
    """A plain-text file: entries hard-wrapped at 80 columns at the margin, no blank lines."""
    b = _Builder("margin", name)
    b.add("References\n\n")
    for g in golds:
        lines = textwrap.wrap(_unnumbered(g), 80, break_long_words=False, break_on_hyphens=False)
        start = b.add("\n".join(lines))
        b.doc.placed.append(Placed(g, start, b.length, start))
        b.add("\n")
    return b.done()


def build_all(golds: list[Gold]) -> dict[str, list[Doc]]:
    layouts: dict[str, list[Doc]] = {}
    printed = sorted((g for g in golds if g.first("citation-number")), key=_format)
    printed_chunks = []
    for form in dict.fromkeys(map(_format, printed)):
        same = [g for g in printed if _format(g) == form]
        printed_chunks.extend(same[i:i + CHUNK] for i in range(0, len(same), CHUNK))
    builders = {
        "lines": lambda c, n, i: build_lines(c, n),
        "bare": lambda c, n, i: build_lines(c, n, heading=False),
        "printed": lambda c, n, i: build_printed(c, n),
        "numbered": build_numbered,
        "blank": lambda c, n, i: build_blank(c, n),
        "footnotes": lambda c, n, i: build_footnotes(c, n),
        "margin": lambda c, n, i: build_margin(c, n),
    }
    for layout, build in builders.items():
        ext = "md" if layout == "footnotes" else "txt"
        items = printed if layout == "printed" else golds
        chunks = printed_chunks if layout == "printed" else [
            items[i:i + CHUNK] for i in range(0, len(items), CHUNK)]
        layouts[layout] = [build(chunk, f"{layout}-{i:03d}.{ext}", i) for i, chunk in enumerate(chunks)]
        if layout == "printed":  # one form per document here too
            forms = dict.fromkeys(map(_format, printed))
            layouts[layout + "-big"] = [build([g for g in printed if _format(g) == form],
                                              f"{layout}-all-{i}.{ext}", 1) for i, form in enumerate(forms)]
        else:
            layouts[layout + "-big"] = [build(items, f"{layout}-all.{ext}", 1)]
    return layouts


# --- scoring ---------------------------------------------------------------------------


def _offset(source: SourceText, span) -> int:
    return source.line_offset(span.line) + span.column - 1


def _extent(source: SourceText, start: int, text: str) -> int:
    """Where a reference whose whitespace-normalised text is ``text`` ends in the source."""
    need = sum(1 for ch in text if not ch.isspace())
    position, doc = start, source.text
    while need > 0 and position < len(doc):
        if not doc[position].isspace():
            need -= 1
        position += 1
    return position


def _solid(text: str, start: int, end: int) -> int:
    return sum(1 for ch in text[start:end] if not ch.isspace())


@dataclass
class Score:
    docs: int = 0
    expected: int = 0
    references: int = 0
    ok: int = 0
    merged: int = 0
    split: int = 0
    missed: int = 0
    short: int = 0
    spurious: int = 0
    crashes: int = 0
    seconds: float = 0.0
    tp: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    gold: Counter = field(default_factory=Counter)
    findings: Counter = field(default_factory=Counter)
    problems: dict[str, list[str]] = field(default_factory=dict)

    def note(self, kind: str, item: str) -> None:
        self.problems.setdefault(kind, []).append(item)


def score_doc(doc: Doc, score: Score) -> ParsedDocument | None:
    source = SourceText(doc.name, doc.text)
    score.docs += 1
    score.expected += len(doc.placed)
    started = time.perf_counter()
    try:
        parsed = parse_document(source)
    except Exception:  # the benchmark counts crashes rather than stopping at the first
        score.crashes += 1
        score.missed += len(doc.placed)
        traceback.print_exc(limit=4)
        return None
    score.seconds += time.perf_counter() - started
    score.references += len(parsed.references)
    extents = []
    for r in parsed.references:
        start = _offset(source, r.span)
        extents.append((start, _extent(source, start, r.text), r))
    hits: list[list[int]] = [[] for _ in doc.placed]
    owners: list[list[int]] = [[] for _ in extents]
    for gi, p in enumerate(doc.placed):
        for ri, (a, b, _) in enumerate(extents):
            if a < p.end and b > p.core_start:
                hits[gi].append(ri)
                owners[ri].append(gi)
    for ri, owned in enumerate(owners):
        if not owned:
            score.spurious += 1
            score.note("spurious", f"{doc.name}: {extents[ri][2].text[:140]!r}")
    for gi, p in enumerate(doc.placed):
        refs = hits[gi]
        where = f"{doc.name}:{source.span(p.start).line}"
        if not refs:
            score.missed += 1
            score.note("missed", f"{where}: {p.gold.text[:160]}")
        elif len(refs) > 1:
            score.split += 1
            score.note("split", f"{where}: {' || '.join(extents[r][2].text[:80] for r in refs)}")
        elif len(owners[refs[0]]) > 1:
            score.merged += 1
            if owners[refs[0]][0] == gi:
                score.note("merged", f"{where}: {extents[refs[0]][2].text[:200]}")
        else:
            a, b, _ = extents[refs[0]]
            covered = _solid(doc.text, max(a, p.core_start), min(b, p.end))
            if covered < 0.8 * _solid(doc.text, p.core_start, p.end):
                score.short += 1
                score.note("short", f"{where}: ours {doc.text[a:b][:100]!r} gold {p.gold.text[:100]!r}")
            else:
                score.ok += 1
    # identifiers, placed by where they sit
    ours: list[dict[IdScheme, set[str]]] = [{s: set() for s in SCHEMES} for _ in doc.placed]
    for r in parsed.references:
        for ident in r.identifiers:
            if ident.scheme not in SCHEMES:
                continue
            at = _offset(source, ident.span)
            owner = next((gi for gi, p in enumerate(doc.placed) if p.start <= at < p.end), None)
            if owner is None:
                score.predicted[ident.scheme] += 1
                score.note("ids", f"{doc.name}: {ident.scheme.value} {ident.value!r} outside any gold string")
            else:
                ours[owner][ident.scheme].add(ident.value)
    for gi, p in enumerate(doc.placed):
        gids = gold_ids(p.gold)
        for scheme in SCHEMES:
            mine, theirs = ours[gi][scheme], gids[scheme]
            score.predicted[scheme] += len(mine)
            score.gold[scheme] += len(theirs)
            score.tp[scheme] += len(mine & theirs)
            if mine != theirs:
                score.note("ids", f"{doc.name}: {scheme.value} ours {sorted(mine)} gold {sorted(theirs)}")
    return parsed


def offline_findings(folder: str, docs: list[Doc], score: Score) -> None:
    """The offline pipeline over the layout's documents, in-process; findings by code."""
    from verify_refs import pipeline

    report = pipeline.run(Config(paths=(folder,), offline=True, progress=False))
    placed = {d.name: d for d in docs}
    for f in report.findings:
        score.findings[f.code] += 1
        if f.code in ID_CODES or f.code in ("dangling-marker", "orphan-short-cite", "stray-number",
                                            "duplicate-note", "unused-note"):
            doc = placed.get(os.path.basename(f.span.path))
            context = ""
            if doc is not None:
                source = SourceText(doc.name, doc.text)
                at = source.line_offset(f.span.line) + f.span.column - 1
                inside = next((p for p in doc.placed if p.start <= at < p.end), None)
                context = f" | in gold: {inside.gold.text[:140]}" if inside else " | in prose"
            score.note(f.code, f"{os.path.basename(f.span.path)}:{f.span.line}: {f.message[:120]}{context}")


def cli_check(folder: str, names: list[str]) -> str:
    """The real CLI on a few documents: it must run and print valid JSON."""
    paths = [os.path.join(folder, n) for n in names]
    done = subprocess.run([sys.executable, "-m", "verify_refs", *paths, "--offline", "--format", "json",
                           "--no-progress"], capture_output=True, text=True, cwd=folder, timeout=600)
    try:
        summary = json.loads(done.stdout)["summary"]
    except (ValueError, KeyError):
        return f"CLI FAILED (exit {done.returncode}): {done.stderr.strip()[-300:]}"
    return (f"exit {done.returncode}, {summary['documents']} docs, {summary['references']} refs, "
            f"by code {summary['by_code']}")


def main(argv: list[str]) -> int:
    parser = gold_file_arguments(__doc__)
    parser.add_argument("-v", "--verbose", nargs="?", type=int, const=40, default=None, metavar="N",
                        help="list up to N problems of each kind per layout (default 40)")
    parser.add_argument("--no-cli", action="store_true", help="skip running the CLI on each layout")
    options = parser.parse_args(argv)
    golds = load(options.gold)
    verbose = options.verbose is not None
    limit = options.verbose or 40
    layouts = build_all(golds)
    scores: dict[str, Score] = {}
    cli: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="vr-refdocs-") as root:
        for layout, docs in layouts.items():
            score = scores[layout] = Score()
            folder = os.path.join(root, layout)
            os.makedirs(folder)
            for doc in docs:
                with open(os.path.join(folder, doc.name), "w", encoding="utf-8") as handle:
                    handle.write(doc.text)
                score_doc(doc, score)
            offline_findings(folder, docs, score)
            if not options.no_cli and not layout.endswith("-big"):
                cli[layout] = cli_check(folder, [d.name for d in docs[:3]])
    pct = lambda a, b: f"{100 * a / b:5.1f}%" if b else "  n/a"  # noqa: E731
    header = (f"{'layout':14} {'docs':>4} {'gold':>5} {'refs':>5} {'ok':>5} {'merg':>4} {'split':>5} "
              f"{'miss':>4} {'short':>5} {'spur':>4} {'crash':>5}  "
              + "  ".join(f"{s.value.upper()} P/R (n)".ljust(20) for s in SCHEMES) + "  idErr  ms/ref")
    print(header)
    for layout, s in scores.items():
        ids = "  ".join(f"{pct(s.tp[x], s.predicted[x])}/{pct(s.tp[x], s.gold[x])} ({s.gold[x]})".ljust(20)
                        for x in SCHEMES)
        id_errors = sum(s.findings[c] for c in ID_CODES)
        print(f"{layout:14} {s.docs:4} {s.expected:5} {s.references:5} {s.ok:5} {s.merged:4} {s.split:5} "
              f"{s.missed:4} {s.short:5} {s.spurious:4} {s.crashes:5}  {ids}  {id_errors:5}  "
              f"{1000 * s.seconds / max(1, s.expected):6.2f}")
    print("\nfindings of the offline run per 100 gold references:")
    for layout, s in scores.items():
        rates = ", ".join(f"{code} {100 * n / s.expected:.1f}" for code, n in s.findings.most_common())
        print(f"  {layout:14} {rates or '-'}")
    if cli:
        print("\nCLI --offline --format json on the first 3 documents of each layout:")
        for layout, line in cli.items():
            print(f"  {layout:14} {line}")
    if verbose:
        for layout, s in scores.items():
            for kind, items in s.problems.items():
                print(f"\n--- {layout}: {kind} ({len(items)})")
                for item in items[:limit]:
                    print("   ", item)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
