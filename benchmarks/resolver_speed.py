"""How fast the Crossref resolver goes within Crossref's limits, against a local server.

The server adds 50 ms to every answer and advertises (and measures) Crossref's 2026
limits: public pool 5 requests/s, one at a time; polite pool (mailto) 10/s, three at a
time. References are built from real Crossref records: half cite a DOI (fetched in
batches), half must be searched. Printed: requests per reference, wall time, and the
lower bound the limits set for that many requests (max of requests / rate and
requests x latency / concurrency). Violations of the limits must be 0.

    python benchmarks/resolver_speed.py /work/shared/crossref-samples/records.jsonl.gz
    python benchmarks/resolver_speed.py RECORDS --references 100 --pool polite
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from typing import Any

from arguments import existing_file
from verify_refs.models import Identifier, IdScheme, Outcome, PageRange, Person, Reference, ReferenceKind, Span
from verify_refs.resolve.client import CrossrefClient
from verify_refs.resolve.crossref import CrossrefResolver
from verify_refs.resolve.pacing import PUBLIC_LIMITS, Pacer
from verify_refs.resolve.records import work_from_json
from verify_refs.testing import CrossrefTestServer, load_records
from verify_refs.testing.crossref_server import DEFAULT_LIMITS

LATENCY = 0.05


def as_reference(number: int, record: dict[str, Any], with_doi: bool) -> Reference:
    """A reference as a bibliography would print the record (APA-like)."""
    work = work_from_json(record)
    span = Span("bench.md", number + 1, 1)
    authors = "; ".join(p.display() for p in work.authors[:3])
    pages = f": {work.page}" if work.page else ""
    text = (f"{authors} ({work.year}). \"{work.title}\". {work.container_titles[0] if work.container_titles else ''}"
            f" {work.volume or ''} ({work.issue or ''}){pages}.")
    identifiers = (Identifier(IdScheme.DOI, work.doi, work.doi, span),) if with_doi else ()
    first, _, last = (work.page or "").partition("-")
    return Reference(
        id=f"bench.md:{number + 1}:1", span=span, text=" ".join(text.split()), kind=ReferenceKind.ARTICLE,
        authors=tuple(Person(p.family, p.given) for p in work.authors), year=work.year, title=work.title,
        container=work.container_titles[0] if work.container_titles else None, volume=work.volume,
        issue=work.issue, pages=PageRange(first, last or None) if first else None, identifiers=identifiers,
    )


def sample(records: list[dict[str, Any]], count: int, seed: int) -> list[Reference]:
    usable = [r for r in records if r.get("title") and r.get("author") and r.get("type") == "journal-article"]
    chosen = random.Random(seed).sample(usable, count)
    return [as_reference(i, record, with_doi=i % 2 == 0) for i, record in enumerate(chosen)]


def run(records: list[dict[str, Any]], references: list[Reference], pool: str) -> None:
    mailto = "bench@example.org" if pool == "polite" else None
    limits = DEFAULT_LIMITS[pool]
    with CrossrefTestServer(records, latency=LATENCY) as server:
        client = CrossrefClient(server.url, mailto, timeout=10, deadline=None, pacer=Pacer(PUBLIC_LIMITS))
        started = time.monotonic()
        results = CrossrefResolver(client).resolve_all(references)
        wall = time.monotonic() - started
        sent, violations = server.count, server.violations
        paths = Counter("batch" if e.path == "/works" and "filter" in e.query else
                        "search" if e.path == "/works" else "lookup" for e in server.log)
    bound = max(sent / limits.rate * limits.seconds, sent * LATENCY / limits.concurrency)
    outcomes = Counter(r.outcome.value for r in results.values())
    with_doi = sum(1 for r in references if r.doi)
    print(f"\n{pool} pool ({limits.rate}/{limits.interval}, {limits.concurrency} at a time), "
          f"{len(references)} references ({with_doi} with a DOI, {len(references) - with_doi} searched)")
    print(f"  requests sent        {sent} ({dict(paths)}); {sent / len(references):.2f} per reference "
          f"(one by one: {len(references)})")
    print(f"  wall time            {wall:.1f} s; bound set by the limits {bound:.1f} s "
          f"({wall / bound:.2f}x the bound)")
    print(f"  outcomes             {dict(outcomes)}")
    print(f"  limit violations     {len(violations)}")
    wrong = [r for r in results.values() if r.outcome is Outcome.RESOLVED and r.work is not None
             and r.work.doi != next(x for x in references if x.id == r.reference_id).doi and r.via == "doi"]
    print(f"  DOI resolved to another work: {len(wrong)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", type=existing_file, help="JSONL(.gz) of Crossref work records to serve")
    parser.add_argument("--references", type=int, default=500)
    parser.add_argument("--pool", choices=("public", "polite", "both"), default="both")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    started = time.monotonic()
    records = load_records(args.records)
    references = sample(records, args.references, args.seed)
    print(f"{len(records)} records loaded in {time.monotonic() - started:.1f} s; "
          f"server latency {LATENCY * 1000:.0f} ms per answer")
    for pool in ("public", "polite") if args.pool == "both" else (args.pool,):
        run(records, references, pool)


if __name__ == "__main__":
    main()
