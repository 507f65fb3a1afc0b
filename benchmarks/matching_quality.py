"""How precisely and completely do references resolve to the right registry work?

    python benchmarks/matching_quality.py /work/shared/crossref-samples/records.jsonl.gz
        [--seed 7] [--positives 480] [--oracle] [--verbose]

Renders real Crossref records as reference strings in six styles (CS1, Chicago, APA, MLA,
Harvard, Vancouver), a third of them with DOIs, plus negatives: works held out of the
index, and near-duplicates of held-out works put in their place (same title another
year, same author another paper, a "Reply to"/"Erratum" notice, same title and journal
by other authors). Positives also meet
near-duplicates of themselves in the index. Every string goes through the real parser
(``parse_reference``; with ``--oracle``, or while the parser is a stub, the fields as
rendered) and then through the resolver: the real ``CrossrefResolver`` against a local
``CrossrefTestServer`` serving the index when both exist, else ``best_match`` over the
top candidates of a token-overlap search (a stand-in for Crossref's query.bibliographic).

Precision = correct resolutions / all resolutions; recall = correct / positives. A
negative is right when it does not resolve. Also reported: wrong-DOI detection
(``describes_same_work`` false for a DOI of another work) and false alarms on right DOIs.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import gzip
import json
import math
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.render import STYLES, Rendered, render  # noqa: E402
from arguments import existing_file
from verify_refs.extract.references import parse_reference  # noqa: E402
from verify_refs.extract.source import SourceText  # noqa: E402
from verify_refs.models import (IdScheme, Identifier, Outcome, PageRange, Person,  # noqa: E402
                                Reference, ReferenceKind, RegistryWork, Span)
from verify_refs.resolve.matching import best_match, describes_same_work, normalise_text  # noqa: E402
from verify_refs.resolve.records import work_from_json  # noqa: E402

KINDS = {"journal-article": ReferenceKind.ARTICLE, "book-chapter": ReferenceKind.CHAPTER,
         "proceedings-article": ReferenceKind.CHAPTER, "posted-content": ReferenceKind.OTHER,
         "report": ReferenceKind.OTHER}
NOTICES = ("Reply to: ", "Erratum: ", "Correction to: ", "Comment on ", "Response to ")


@dataclass(frozen=True)
class Case:
    category: str  # positive, absent, reprint, same-author, notice, wrong-doi
    rendered: Rendered
    truth: str | None  # the DOI it must resolve to; None for negatives
    kind: ReferenceKind


# --- records and cases -------------------------------------------------------


def load_records(path: str) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    for record in records:
        record.pop("_source", None)
    return records


def eligible(record: dict) -> bool:
    """Works people cite with enough to render: a title of 3+ words, a year, a container."""
    work = work_from_json(record)
    return (work.type in KINDS and len(normalise_text(work.title).split()) >= 3
            and work.year is not None and bool(work.container_titles))


def near_duplicate(record: dict, how: str, rng: random.Random, others: Sequence[dict],
                   serial: int) -> dict:
    """A synthetic record next to ``record``: a reprint, another paper of the author, a notice."""
    twin = copy.deepcopy(record)
    twin["DOI"] = f"10.99999/synthetic.{how}.{serial}"
    if how == "reprint":
        year = work_from_json(record).year or 2000
        reissued = {"date-parts": [[year + rng.choice([-9, -4, 3, 6, 12])]]}
        # every publication date is the reprint's own (a print or online date left at the
        # original's would make the reprint carry the original year)
        for key in ("issued", "published", "published-print", "published-online"):
            if key == "issued" or key in twin:
                twin[key] = reissued
        twin["volume"] = str(int(record["volume"]) + 7) if str(record.get("volume", "")).isdigit() else "99"
        twin["page"] = "1-17"
    elif how == "namesake":  # same title, year and journal; other authors, other pages
        twin["author"] = rng.choice([o for o in others if o.get("author")])["author"]
        twin["page"] = "777-779"
    elif how == "same-author":
        twin["title"] = rng.choice(others).get("title") or ["Another paper"]
        twin.pop("subtitle", None)
        twin["page"] = "900-911"
    else:
        twin["title"] = [rng.choice(NOTICES) + (record.get("title") or [""])[0]]
        twin["page"] = "1001"
    return twin


def reference_of(case_id: int, rendered: Rendered, kind: ReferenceKind) -> Reference:
    """The Reference a perfect parser would make of ``rendered`` (the oracle)."""
    f = rendered.fields
    span = Span("bench.txt", case_id + 1, 1)
    pages = PageRange(f.first_page, f.last_page, f.pages_raw) if f.first_page else None
    ids = (Identifier(IdScheme.DOI, f.doi, f.doi, span),) if f.doi else ()
    return Reference(id=f"bench.txt:{case_id + 1}:1", span=span, text=rendered.text, kind=kind,
                     authors=f.authors, year=f.year, title=f.title, container=f.container or None,
                     volume=f.volume, issue=f.issue, pages=pages, identifiers=ids)


def degrade(reference: Reference, rng: random.Random) -> Reference:
    """Parser slips, each in a few per cent of references: fields lost, a year off by one,
    names swapped, a typo in the title. Used with ``--noisy`` on oracle fields."""
    changes: dict = {}
    if reference.authors and rng.random() < 0.1:
        first = reference.authors[0]
        changes["authors"] = (Person(first.given or first.family, first.family),) + reference.authors[1:]
    if rng.random() < 0.12:
        changes["authors"] = ()
    for name, chance in (("container", 0.15), ("volume", 0.1), ("issue", 0.15), ("pages", 0.15),
                         ("year", 0.04)):
        if rng.random() < chance:
            changes[name] = None
    if reference.year and rng.random() < 0.08:
        changes["year"] = reference.year + rng.choice([-1, 1])
    if reference.title and rng.random() < 0.1:
        at = rng.randrange(len(reference.title))
        changes["title"] = reference.title[:at] + "x" + reference.title[at + 1:]
    return dataclasses.replace(reference, **changes)


def parse(case_id: int, case: Case, oracle: bool) -> tuple[Reference, bool]:
    """The real parser's Reference, or the oracle when asked or the parser is a stub."""
    if not oracle:
        text = case.rendered.text
        parsed = parse_reference(SourceText(f"bench{case_id}.txt", text), 0, len(text))
        if parsed.title or parsed.authors:
            return parsed, True
    return reference_of(case_id, case.rendered, case.kind), False


def build(records: list[dict], rng: random.Random, positives: int) -> tuple[list[Case], list[dict]]:
    """Cases and the index (records minus held-out targets, plus near-duplicates)."""
    pool = [r for r in records if eligible(r)]
    rng.shuffle(pool)
    cases: list[Case] = []
    index = {r["DOI"].lower(): r for r in records}
    styles = sorted(STYLES)
    take = iter(pool)
    for i in range(positives):
        record, style = next(take), styles[i % len(styles)]
        work = work_from_json(record)
        cases.append(Case("positive", render(work, style, rng, with_doi=i % 3 == 0), work.doi,
                          KINDS[work.type]))
        if i % 8 == 0:  # a near-duplicate of the positive sits in the index beside it
            twin = near_duplicate(record, rng.choice(["reprint", "notice", "namesake"]), rng, pool, i)
            index[twin["DOI"]] = twin
    for j, category in enumerate(["absent"] * 60 + ["reprint"] * 50 + ["same-author"] * 40
                                 + ["notice"] * 40 + ["namesake"] * 40 + ["wrong-doi"] * 40):
        record, style = next(take), styles[j % len(styles)]
        work = work_from_json(record)
        if category == "wrong-doi":
            other = work_from_json(rng.choice(pool))
            rendered = render(work, style, rng, with_doi=True)
            rendered = Rendered(rendered.style, rendered.text.replace(work.doi, other.doi),
                                _with_doi(rendered, other.doi))
            cases.append(Case(category, rendered, work.doi, KINDS[work.type]))
            continue
        index.pop(work.doi, None)
        if category != "absent":
            twin = near_duplicate(record, category, rng, pool, 10_000 + j)
            index[twin["DOI"]] = twin
        cases.append(Case(category, render(work, style, rng, with_doi=j % 4 == 0), None,
                          KINDS[work.type]))
    return cases, list(index.values())


def _with_doi(rendered: Rendered, doi: str):
    return dataclasses.replace(rendered.fields, doi=doi)


# --- the stand-in resolver ------------------------------------------------------


class TokenSearch:
    """Top candidates by summed IDF of shared words (title, authors, container)."""

    def __init__(self, works: Sequence[RegistryWork]) -> None:
        self.works = list(works)
        self.by_doi = {w.doi: w for w in self.works}
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, work in enumerate(self.works):
            for token in set(self._tokens(work)):
                self.postings[token].append(i)
        self.idf = {t: math.log(len(self.works) / len(p)) for t, p in self.postings.items()}

    @staticmethod
    def _tokens(work: RegistryWork) -> list[str]:
        text = " ".join([work.title, work.subtitle, *(p.family for p in work.authors),
                         *work.container_titles, str(work.year or "")])
        return normalise_text(text).split()

    def search(self, text: str, rows: int = 20) -> list[RegistryWork]:
        scores: Counter[int] = Counter()
        for token in set(normalise_text(text).split()):
            for i in self.postings.get(token, ()):
                scores[i] += self.idf[token]
        return [self.works[i] for i, _ in scores.most_common(rows)]

    def resolve(self, reference: Reference) -> tuple[Outcome, str | None]:
        """DOI first (a DOI of another work counts as unresolved), else search + best_match."""
        if reference.doi:
            work = self.by_doi.get(reference.doi)
            if work is None:
                return Outcome.NOT_FOUND, None
            if describes_same_work(reference, work):
                return Outcome.RESOLVED, work.doi
        decision = best_match(reference, self.search(reference.text))
        return decision.outcome, decision.work.doi if decision.work else None


def real_resolver(index: list[dict]) -> Callable[[Reference], tuple[Outcome, str | None]] | None:
    """The project's CrossrefResolver against a local CrossrefTestServer, when both exist.

    The server's advertised limits are raised (a benchmark, not a politeness test). A
    resolution whose cited DOI names another work (``describes_same_work`` false, what
    check_reference reports as doi-mismatch) counts as not resolved to that DOI.
    """
    try:
        from verify_refs.resolve.client import CrossrefClient
        from verify_refs.resolve.crossref import CrossrefResolver
        from verify_refs.resolve.pacing import Limits, Pacer
        from verify_refs.testing.crossref_server import CrossrefTestServer, PoolLimits
    except ImportError:
        return None
    fast = PoolLimits(10_000, "1s", 8)
    server = CrossrefTestServer(index, limits={"public": fast, "polite": fast})
    server.__enter__()  # left running until the process exits
    client = CrossrefClient(server.url, deadline=None, pacer=Pacer(Limits(10_000, 1.0, 8)))
    resolver = CrossrefResolver(client)

    def resolve(reference: Reference) -> tuple[Outcome, str | None]:
        resolution = resolver.resolve(reference)
        work = resolution.work
        if work is not None and reference.doi and not describes_same_work(reference, work):
            return Outcome.NO_MATCH, None
        return resolution.outcome, work.doi if work else None

    return resolve


# --- measuring ----------------------------------------------------------------


def run(cases: list[Case], resolve: Callable, oracle: bool, noisy: bool, verbose: bool) -> None:
    tally: dict[str, Counter] = defaultdict(Counter)
    parsed_real, noise = 0, random.Random(99)
    for case_id, case in enumerate(cases):
        reference, real = parse(case_id, case, oracle)
        parsed_real += real
        if noisy and not real:
            reference = degrade(reference, noise)
        outcome, doi = resolve(reference)
        verdict = judge(case, outcome, doi)
        tally[case.category][verdict] += 1
        tally["style:" + case.rendered.style][verdict] += 1
        if verbose and verdict not in ("correct", "rejected", "detected"):
            print(f"  [{case.category}/{verdict}] {outcome.value} {doi} truth={case.truth}\n"
                  f"      {case.rendered.text[:220]}")
    report(tally, parsed_real, len(cases))


def judge(case: Case, outcome: Outcome, doi: str | None) -> str:
    if case.category == "wrong-doi":
        return "detected" if doi != case.rendered.fields.doi else "missed-mismatch"
    resolved = outcome is Outcome.RESOLVED and doi is not None
    if case.truth is None:
        return "false-match" if resolved else "rejected"
    if not resolved:
        return "ambiguous" if outcome is Outcome.AMBIGUOUS else "missed"
    return "correct" if doi == case.truth else "wrong"


def report(tally: dict[str, Counter], parsed_real: int, total: int) -> None:
    pos, neg = tally["positive"], Counter()
    for category in ("absent", "reprint", "same-author", "notice", "namesake"):
        neg.update(tally[category])
    resolutions = pos["correct"] + pos["wrong"] + neg["false-match"]
    precision = pos["correct"] / resolutions if resolutions else 1.0
    recall = pos["correct"] / sum(pos.values()) if pos else 0.0
    print(f"references: {total} ({parsed_real} parsed by the real parser, rest oracle fields)")
    for name in sorted(tally):
        print(f"  {name:<16} {dict(tally[name])}")
    wrong = tally["wrong-doi"]
    print(f"wrong-DOI detected: {wrong['detected']}/{sum(wrong.values())}")
    print(f"precision {precision:.4f}  ({pos['correct']}/{resolutions} resolutions correct)")
    print(f"recall    {recall:.4f}  ({pos['correct']}/{sum(pos.values())} positives)")
    print(f"negatives rejected: {neg['rejected']}/{sum(neg.values())}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("records", type=existing_file, help="records.jsonl.gz of Crossref work records")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--positives", type=int, default=480)
    parser.add_argument("--oracle", action="store_true", help="skip the parser: rendered fields")
    parser.add_argument("--stand-in", action="store_true", help="token search, not the resolver")
    parser.add_argument("--noisy", action="store_true", help="oracle fields with parser slips")
    parser.add_argument("--verbose", action="store_true", help="print every failure")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    cases, index = build(load_records(args.records), rng, args.positives)
    resolve = None if args.stand_in else real_resolver(index)
    print("resolver:", "CrossrefResolver + CrossrefTestServer" if resolve else "token search + best_match")
    resolve = resolve or TokenSearch([work_from_json(r) for r in index]).resolve
    run(cases, resolve, args.oracle, args.noisy, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
