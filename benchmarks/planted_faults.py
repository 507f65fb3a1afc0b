"""Are planted faults caught with the right code, and are sound references left alone?

    python benchmarks/planted_faults.py /work/shared/crossref-samples/records.jsonl.gz
        [--documents 28] [--seed 7] [--cites-as-registry] [--verbose] [--keep DIR] [--report F]

Loads real Crossref records at run time, picks journal articles with a title, authors,
year, container, volume and a page range, and writes documents in seven styles
(``benchmarks/documents.py``: Wikipedia notes + CS1 sources, Chicago notes + bibliography,
APA, Harvard, MLA, Markdown footnotes, glued footnote digits), some references with DOIs,
some without. Into them it plants faults: wrong year (+-1, +-5), volume, issue, page range,
first author, a title word, another work's DOI, a DOI that does not exist, a malformed DOI,
ISBN / ISSN check digits, a retraction added to the served record, a JSTOR id of another
work, a work absent from the index, a pinpoint outside the page range, a dangling marker, an
unused note and a short cite with no full reference. The records are served by
``CrossrefTestServer``; the real CLI checks the documents (``--format json``).

Per code: planted, caught (right code at the planted line, or within the reference's
lines), reported under another code, missed. False alarms: warnings and errors on anything
with no planted fault (info-level ones counted apart), per 100 sound references. Findings on
faulty references under other codes ("extra") and on the cites of faulty references
("collateral": a pinpoint inside a wrong page range, say) are counted apart too.

By default a fault is planted before the document is written, so short cites repeat it
("Coox 1969" beside a reference wrongly dated 1969); with ``--cites-as-registry`` it is
planted in the reference string only and the cites name the work as the registry has it.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import io
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.documents import (GENERATORS, REFERENCE_FAULTS, Cited, Document, Plan,  # noqa: E402
                                  page_range, plan_faults, prepare)
from arguments import existing_file
from verify_refs.cli import main as cli_main  # noqa: E402
from verify_refs.models import RegistryWork  # noqa: E402
from verify_refs.resolve.records import work_from_json  # noqa: E402
from verify_refs.testing.crossref_server import CrossrefTestServer, load_records  # noqa: E402
from verify_refs.testing.crossref_server import PoolLimits  # noqa: E402

_SURNAME = re.compile(r"[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?")
_GIVEN = re.compile(r"[A-Z][A-Za-z.\- ]*")
_PAGES = re.compile(r"(\d{1,5})-(\d{1,5})")
FAST = {"public": PoolLimits(1000, "1s", 8), "polite": PoolLimits(1000, "1s", 8)}


def eligible(record: dict) -> RegistryWork | None:
    """A journal article with everything a full reference shows, plainly written."""
    if record.get("type") != "journal-article":
        return None
    work = work_from_json(record)
    title = work.title
    if (not title or "<" in str(record.get("title")) or len(title.split()) < 4 or len(title) > 160
            or not any(len(w) > 4 and w.isalpha() for w in title.split())):
        return None
    if not (1950 <= (work.year or 0) <= 2024) or not work.container_titles:
        return None
    if not work.volume or not work.volume.isdigit() or (work.issue and not work.issue.isdigit()):
        return None
    pages = _PAGES.fullmatch(work.page or "")
    if not pages or not 0 < int(pages.group(2)) - int(pages.group(1)) <= 300:
        return None
    people = work.authors
    if not 1 <= len(people) <= 5 or record.get("editor"):
        return None
    if not all(_SURNAME.fullmatch(p.family) and _GIVEN.fullmatch(p.given) for p in people):
        return None
    return work


# --- building the corpus -------------------------------------------------------------


class Corpus:
    def __init__(self, records: list[dict], rng: random.Random) -> None:
        self.rng = rng
        self.records = records
        by_surname: dict[str, list[tuple[dict, RegistryWork]]] = defaultdict(list)
        for record in records:
            work = eligible(record)
            if work is not None:
                by_surname[work.authors[0].family.lower()].append((record, work))
        # one work per first-author surname, so no two cites are ambiguous by design
        pool = [items[0] for items in by_surname.values()]
        rng.shuffle(pool)
        self.pool = pool
        self.surnames = {w.authors[0].family.lower() for _, w in pool}
        self.every_surname = {p.family.lower() for r in records for p in work_from_json(r).authors}
        self.served = {r["DOI"].lower(): r for r in records if r.get("DOI")}
        self.extra: list[dict] = []
        self.faults = list(REFERENCE_FAULTS)
        self.next_fault = 0
        self.cites_as_registry = False

    def take(self) -> tuple[dict, RegistryWork]:
        return self.pool.pop()

    def fault_for(self, work: RegistryWork) -> str:
        """The next reference fault this work can carry (round robin for balance)."""
        for _ in range(len(self.faults)):
            fault = self.faults[self.next_fault % len(self.faults)]
            self.next_fault += 1
            if fault == "issue" and not work.issue:
                continue
            if fault.startswith("year+") and work.other_years:
                continue  # printed in another year than issued: either year is rightly cited
            return fault
        return "volume"

    def cited(self, record: dict, work: RegistryWork, fault: str | None) -> Cited:
        rng = self.rng
        cited = Cited(work, with_doi=rng.random() < 0.5, fault=fault,
                      cites_as_registry=self.cites_as_registry)
        if fault in ("doi-mismatch", "doi-not-found", "invalid-doi", "jstor-mismatch"):
            cited.with_doi = True
        if fault == "unresolved":
            cited.with_doi = False
            self.served.pop(work.doi, None)
        elif fault == "doi-mismatch":
            cited.other = self.take()[1]
        elif fault == "doi-not-found":
            prefix, suffix = work.doi.split("/", 1)
            while True:
                fake = f"{prefix}/{suffix[:-3]}{rng.randrange(100, 1000)}"
                if fake not in self.served:
                    break
            cited.other_doi = fake
        elif fault == "jstor-mismatch":
            other_record, other = self.take()
            number = str(rng.randrange(1_000_000, 9_999_999))
            clone = copy.deepcopy(other_record)
            clone["DOI"] = f"10.2307/{number}"
            self.served[clone["DOI"].lower()] = clone
            cited.other, cited.other_doi = other, clone["DOI"]
        elif fault == "retracted":
            served = copy.deepcopy(record)
            served["updated-by"] = [{"type": "retraction", "DOI": f"{work.doi}.retraction",
                                     "label": "Retraction", "source": "retraction-watch",
                                     "updated": {"date-parts": [[2021, 5, 4]],
                                                 "date-time": "2021-05-04T00:00:00Z"}}]
            self.served[work.doi] = served
        elif fault == "author":
            first = work.authors[0].family.lower()
            cited.surname = rng.choice(sorted(s for s in self.surnames
                                              if s[:2] != first[:2])).capitalize()
        return prepare(cited, rng)

    def orphan(self) -> RegistryWork:
        """A work cited by a short cite but listed nowhere (its surname is unique)."""
        return self.take()[1]


def build(corpus: Corpus, documents: int) -> list[Document]:
    rng = corpus.rng
    styles = list(GENERATORS)
    built = []
    for number in range(documents):
        style = styles[number % len(styles)]
        count = rng.randint(5, 8)
        picked = [corpus.take() for _ in range(count)]
        faulty = set(rng.sample(range(count), k=rng.choice((2, 3))))
        cited = [corpus.cited(record, work, corpus.fault_for(work) if i in faulty else None)
                 for i, (record, work) in enumerate(picked)]
        faults = plan_faults(style, rng)
        plan = Plan(cited, faults, corpus.orphan() if "orphan-short-cite" in faults else None)
        built.append(GENERATORS[style](f"{number:02d}-{style}", plan, rng))
    return built


# --- running and scoring -------------------------------------------------------------


def run_cli(folder: Path, url: str, lock: Path) -> dict:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cli_main([str(folder), "--crossref-url", url, "--format", "json", "--lock", str(lock),
                  "--no-progress", "--fail-on", "error"])
    return json.loads(out.getvalue())


def score(documents: list[Document], report: dict, verbose: bool) -> dict:
    by_name = {d.name: d for d in documents}
    findings = defaultdict(list)
    for item in report["findings"]:
        findings[Path(item["path"]).name].append(item)
    planted = Counter()
    caught = Counter()
    wrong = Counter()  # planted code -> reported under another code
    wrong_codes = defaultdict(Counter)
    misses = []
    false_alarms = Counter()
    false_infos = Counter()
    extra = Counter()
    collateral = Counter()
    examples = defaultdict(list)
    by_style = defaultdict(Counter)  # style -> planted, caught, sound, false
    sound = sum(d.sound_references for d in documents)
    for name, doc in by_name.items():
        items = findings.get(name, [])
        used: set[int] = set()
        by_style[doc.style]["planted"] += len(doc.planted)
        by_style[doc.style]["sound"] += doc.sound_references
        for fault in doc.planted:
            planted[fault.code] += 1
            hit = next((i for i, f in enumerate(items) if i not in used and f["code"] == fault.code
                        and fault.line <= f["line"] <= fault.last_line), None)
            if hit is not None:
                used.add(hit)
                caught[fault.code] += 1
                by_style[doc.style]["caught"] += 1
                continue
            others = [f for f in items if fault.line <= f["line"] <= fault.last_line
                      and f["severity"] != "info" or f["line"] == fault.line]
            if others:
                wrong[fault.code] += 1
                wrong_codes[fault.code].update(f["code"] for f in others)
            misses.append((doc, fault, others))
        faulty_lines = {line for p in doc.planted for line in range(p.line, p.last_line + 1)}
        collateral_lines = {line for a, b in doc.collateral for line in range(a, b + 1)}
        for i, f in enumerate(items):
            if i in used:
                continue
            if f["line"] in faulty_lines:
                extra[f["code"]] += 1
            elif f["line"] in collateral_lines:
                collateral[f["code"]] += 1
            elif f["severity"] == "info":
                false_infos[f["code"]] += 1
            else:
                false_alarms[f["code"]] += 1
                by_style[doc.style]["false"] += 1
                examples[f["code"]].append((doc, f))
    if verbose:
        for doc, fault, others in misses:
            line = doc.lines[fault.line - 1]
            got = "; ".join(f"{f['code']}@{f['line']}: {f['message'][:140]}" for f in others) or "nothing"
            print(f"MISS {fault.what:<18} {doc.name}:{fault.line}: {line[:160]}\n     got {got}")
        for code, items in examples.items():
            for doc, f in items:
                line = doc.lines[f["line"] - 1]
                print(f"FALSE {code:<18} {doc.name}:{f['line']}: {line[:160]}\n     {f['message'][:200]}")
    return dict(planted=planted, caught=caught, wrong=wrong, wrong_codes=wrong_codes,
                false_alarms=false_alarms, false_infos=false_infos, extra=extra,
                collateral=collateral, sound=sound, by_style=by_style)


def print_table(result: dict) -> None:
    planted, caught, wrong = result["planted"], result["caught"], result["wrong"]
    print(f"{'code':<20} {'planted':>7} {'caught':>7} {'other':>6} {'missed':>7} {'recall':>7}")
    for code in sorted(planted):
        n, c, w = planted[code], caught[code], wrong[code]
        other = ", ".join(f"{k}x{v}" for k, v in result["wrong_codes"][code].most_common(3))
        print(f"{code:<20} {n:>7} {c:>7} {w:>6} {n - c:>7} {c / n:>7.0%}  {other}")
    total, got = sum(planted.values()), sum(caught.values())
    print(f"{'total':<20} {total:>7} {got:>7} {sum(wrong.values()):>6} {total - got:>7} "
          f"{got / total:>7.1%}")
    sound = result["sound"]
    alarms = sum(result["false_alarms"].values())
    print(f"\nsound references: {sound}; false alarms (warning/error): {alarms} "
          f"= {100 * alarms / max(sound, 1):.1f} per 100 sound references")
    print("  by style: " + "; ".join(
        f"{style} {c['caught']}/{c['planted']} caught, {c['false']} false on {c['sound']} sound"
        for style, c in result["by_style"].items()))
    for label in ("false_alarms", "false_infos", "extra", "collateral"):
        counts = result[label]
        if counts:
            listed = ", ".join(f"{k} {v}" for k, v in counts.most_common())
            print(f"  {label.replace('_', ' ')}: {listed}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("records", type=existing_file)
    parser.add_argument("--documents", type=int, default=28)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--keep", help="write the documents here (and keep them)")
    parser.add_argument("--report", help="write the CLI's JSON report here")
    parser.add_argument("--cites-as-registry", action="store_true",
                        help="short cites name the work as the registry has it: the faults "
                             "are planted in the reference strings only")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    corpus = Corpus(load_records(args.records), rng)
    corpus.cites_as_registry = args.cites_as_registry
    documents = build(corpus, args.documents)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep) if args.keep else Path(tmp) / "docs"
        folder.mkdir(parents=True, exist_ok=True)
        for doc in documents:
            (folder / doc.name).write_text(doc.text, encoding="utf-8")
        served = list(corpus.served.values())
        started = time.perf_counter()
        with CrossrefTestServer(served, limits=FAST) as server:
            report = run_cli(folder, server.url, Path(tmp) / "lock.json")
        elapsed = time.perf_counter() - started
    if args.report:
        Path(args.report).write_text(json.dumps(report, indent=1), encoding="utf-8")
    result = score(documents, report, args.verbose)
    styles = Counter(d.style for d in documents)
    print(f"{len(documents)} documents ({', '.join(f'{k} {v}' for k, v in styles.items())}), "
          f"{report['summary']['references']} references parsed, {len(served)} records served, "
          f"{elapsed:.1f}s\n")
    print_table(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
