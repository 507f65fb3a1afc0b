"""Benchmark the passage checks (claim-drift, uncited-copy) on a synthetic corpus.

Generates ``--documents`` documents with ``--sentences`` sentences in all, plants copies
of sentences in other documents (with a date or figure changed: drift; unchanged; or with
a spelling changed: not drift), times splitting + MinHash LSH + alignment on one core,
and prints sentences per second, total seconds and how many planted drifts were found.

    python benchmarks/near_duplicates.py [--documents 1000] [--sentences 100000] [--seed 7]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core, before numpy is imported

from verify_refs.checks.corpus import check_corpus  # noqa: E402
from verify_refs.extract.source import SourceText  # noqa: E402
from verify_refs.models import ParsedDocument  # noqa: E402

MONTHS = "January February March April May June July August September October November December".split()
SYLLABLES = "ka lo mi ne ru sa to vi de pa ri gu mo ze la no ti ba ko se".split()


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))))
    return sorted(words)


def _sentence(rng: random.Random, vocabulary: list[str], names: list[str]) -> list[str]:
    """A sentence as a list of words; many carry a date, a figure or a name."""
    # Common, middling and rare words, so that unrelated sentences share some bigrams.
    words = [vocabulary[int(rng.random() * rng.choice((200, 2000, len(vocabulary))))]
             for _ in range(rng.randint(10, 28))]
    if rng.random() < 0.5:
        words[rng.randrange(1, len(words))] = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(1900, 1999)}"
    if rng.random() < 0.5:
        words[rng.randrange(1, len(words))] = rng.choice(names)
    return [words[0].capitalize(), *words[1:]]


def _drift(rng: random.Random, words: list[str]) -> list[str] | None:
    """The sentence with the day of its date changed, or None when it has no date."""
    for index, word in enumerate(words):
        parts = word.split()
        if len(parts) == 3 and parts[1] in MONTHS:
            day = int(parts[0]) % 28 + 1
            return [*words[:index], f"{day} {parts[1]} {parts[2]}", *words[index + 1:]]
    return None


def _respell(rng: random.Random, words: list[str]) -> list[str]:
    """A spelling variant: one letter of one long lower-case word doubled."""
    index = max(range(1, len(words)), key=lambda i: (len(words[i]) * words[i].islower(), -i))
    word = words[index]
    return [*words[:index], word + word[-1], *words[index + 1:]]


def build_corpus(documents: int, sentences: int, seed: int, plants: int):
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng, 20_000)
    names = [w.capitalize() for w in rng.sample(vocabulary, 500)]
    docs = [[_sentence(rng, vocabulary, names) for _ in range(sentences // documents)] for _ in range(documents)]
    planted = []  # (document of the copy, sentence index of the copy)
    used = set()
    for kind in ("drift", "same", "respelt") * plants:
        a, b = rng.sample(range(documents), 2)
        i, j = rng.randrange(len(docs[a])), rng.randrange(len(docs[b]))
        if (a, i) in used or (b, j) in used:
            continue
        original = docs[a][i]
        copy = {"drift": _drift, "same": lambda r, w: list(w), "respelt": _respell}[kind](rng, original)
        if copy is None:
            continue
        used.update({(a, i), (b, j)})
        docs[b][j] = copy
        if kind == "drift":
            planted.append(((a, i), (b, j)))
    sources = [SourceText(f"doc{n:04}.txt", _text(sentence_list)) for n, sentence_list in enumerate(docs)]
    return sources, planted


def _text(sentence_list: list[list[str]]) -> str:
    paragraphs = [sentence_list[k:k + 5] for k in range(0, len(sentence_list), 5)]
    return "\n\n".join(" ".join(" ".join(words) + "." for words in p) for p in paragraphs) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--sentences", type=int, default=100_000)
    parser.add_argument("--plants", type=int, default=300, help="attempts per kind of planted copy")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    sources, planted = build_corpus(args.documents, args.sentences, args.seed, args.plants)
    documents = [ParsedDocument(s.path) for s in sources]
    started = time.perf_counter()
    findings = check_corpus(sources, documents, {})
    seconds = time.perf_counter() - started
    drift = [f for f in findings if f.code == "claim-drift"]
    found = {frozenset({f.span.path, r.path}) for f in drift for r in f.related}
    hits = sum(1 for (a, _), (b, _) in planted if frozenset({f"doc{a:04}.txt", f"doc{b:04}.txt"}) in found)
    print(f"{args.sentences} sentences in {args.documents} documents: {seconds:.2f} s, "
          f"{args.sentences / seconds:,.0f} sentences/s")
    print(f"planted drifts found: {hits}/{len(planted)}; claim-drift findings: {len(drift)} "
          f"(false: {len(drift) - hits})")
    return 0 if hits == len(planted) and len(drift) == hits else 1


if __name__ == "__main__":
    sys.exit(main())
