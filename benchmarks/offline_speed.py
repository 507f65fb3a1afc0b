"""How fast is the offline half? Generate a corpus of N references (default 10,000) with
notes, markers and short cites in mixed styles, then time parse + link + offline checks.

    python benchmarks/offline_speed.py [--references 10000] [--documents 100] [--repeat 3]

Prints references per second on one core (the best of --repeat runs).
"""

from __future__ import annotations

import argparse
import random
import sys
import time

from verify_refs.checks.linkage import link_corpus
from verify_refs.extract.source import SourceText
from verify_refs.pipeline import collector_paused, collector_released, fewer_collections, offline_findings, parse

SURNAMES = ["Coox", "Smith", "Kuksin", "Medvedev", "Furr", "Getty", "Conquest", "Fitzpatrick",
            "Khlevniuk", "Haslam", "Hiroaki", "Kotkin", "Naumov", "Jansen", "Petrov", "Ивáнов"]
WORDS = ["anatomy", "defector", "soviet", "purge", "border", "manchuria", "intelligence",
         "trials", "stalin", "archive", "frontier", "army", "secret", "police", "emigre"]
JOURNALS = ["Soviet Studies", "Europe-Asia Studies", "Slavic Review", "Kritika",
            "Journal of Modern History", "Russian Review", "Cahiers du monde russe"]


def title(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 7))).capitalize()


def isbn13(rng: random.Random) -> str:
    digits = [9, 7, 8] + [rng.randint(0, 9) for _ in range(9)]
    check = (10 - sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10) % 10
    return "".join(map(str, digits + [check]))


def reference(rng: random.Random, style: int, surname: str, year: int) -> str:
    """One full reference in one of five styles; pages 100-130."""
    given, tit, journal = rng.choice(["Alvin D.", "J.", "Roy"]), title(rng), rng.choice(JOURNALS)
    vol, issue = rng.randint(1, 60), rng.randint(1, 4)
    doi = f"10.{rng.randint(1000, 9999)}/{rng.randint(10**5, 10**8)}"
    if style == 0:  # Wikipedia CS1
        return (f'{surname}, {given} ({year}). "{tit}". {journal}. {vol} ({issue}): 100–30. '
                f"doi:{doi}. ISSN 0038-5859.")
    if style == 1:  # Chicago bibliography
        return f'{surname}, {given} "{tit}." {journal} {vol}, no. {issue} ({year}): 100–130.'
    if style == 2:  # APA
        return f"{surname}, {given[0]}. ({year}). {tit}. {journal}, {vol}({issue}), 100–130. https://doi.org/{doi}"
    if style == 3:  # book, CS1
        return (f"{surname}, {given} ({year}). {tit}. London: Pluto Press. "
                f"ISBN {isbn13(rng)}.")
    return f'{surname}, {given}. "{tit}." {journal}, vol. {vol}, no. {issue}, {year}, pp. 100-30.'  # MLA


def document(rng: random.Random, references: int) -> str:
    """Running text with [n] markers, then a Notes section mixing full and short cites."""
    lines, notes = [], []
    label = 0
    for _ in range(references):
        surname, year = rng.choice(SURNAMES), rng.randint(1900, 2020)
        label += 1
        notes.append(f"{label}. {reference(rng, rng.randrange(5), surname, year)}")
        lines.append(f"The {rng.choice(WORDS)} was studied in {year}.[{label}]")
        if rng.random() < 0.5:
            label += 1
            notes.append(f"{label}. {surname} {year}, p. {rng.randint(100, 130)}.")
            lines.append(f"It said more ({surname} {year}, p. {rng.randint(100, 130)}).[{label}]")
    paragraphs = [" ".join(lines[i:i + 5]) for i in range(0, len(lines), 5)]
    return "\n\n".join(paragraphs) + "\n\nNotes\n\n" + "\n".join(notes) + "\n"


def forget_memos() -> None:
    """Empty the tool's memo caches (``functools.lru_cache``) so that every repeat is timed as
    a real run is, from cold: otherwise the best of several repeats would hide what the
    first one spends filling them."""
    for name, module in list(sys.modules.items()):
        if name.startswith("verify_refs"):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def run_once(texts: list[SourceText]) -> tuple[float, int, int]:
    """One timed pass from cold memo caches, with the collector settings ``pipeline.run`` uses
    (the parse stage with the collector paused, the rest with fewer collections)."""
    forget_memos()
    with collector_released(), fewer_collections():
        start = time.perf_counter()
        with collector_paused():
            documents = [parse(source) for source in texts]
            links = link_corpus(documents)
        findings = offline_findings(documents, links)
        elapsed = time.perf_counter() - start
    return elapsed, sum(len(d.references) for d in documents), len(findings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--references", type=int, default=10_000)
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1938)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    per_doc = args.references // args.documents
    texts = [SourceText(f"doc{i:04}.txt", document(rng, per_doc)) for i in range(args.documents)]
    size = sum(len(t.text) for t in texts)
    best = None
    for _ in range(args.repeat):
        # fresh documents each time, as a run reads each file once: a SourceText keeps the
        # spans it has worked out, and a repeat over the same objects would find them made
        fresh = [SourceText(t.path, t.original) for t in texts]
        elapsed, references, findings = run_once(fresh)
        best = elapsed if best is None else min(best, elapsed)
    notes = sum(t.text.count("\n") for t in texts)
    print(f"documents: {args.documents}  characters: {size:,}  lines: {notes:,}")
    print(f"full references parsed: {references:,}  findings: {findings:,}")
    print(f"parse + link + offline checks: {best:.3f} s (best of {args.repeat})")
    print(f"throughput: {references / best:,.0f} references/s on one core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
