"""Generate documents in the citation styles people write, with faults planted in them.

Each generator takes the works a document cites (``Cited``: a registry work, how it is to
be rendered and which fault, if any, to plant) and returns a ``Document``: its text, the
faults planted (code and line) and the lines of the sound references, markers and cites,
so a benchmark can tell caught faults from false alarms.

Styles (``GENERATORS``):

- ``wikipedia``: ``[1]`` markers, a "Notes" list of ``^ Coox 1968, p. 407.`` short-cite notes
  (``^ Jump up to: a b`` when cited twice), and a "Sources" list in CS1.
- ``chicago``: superscript markers, a first full note per work, later ``Coox, "Short," 411.``
  and ``Ibid., 412.``, and a Chicago bibliography.
- ``apa`` / ``harvard``: parenthetical ``(Coox, 1968, p. 411)`` / ``(Coox 1968, p. 411)`` and a
  reference list.
- ``mla``: ``(Coox 411)`` and Works Cited.
- ``markdown``: ``[^1]`` footnotes, a full reference on first use, ``Coox 1968, p. 4.`` later.
- ``glued``: footnote digits that lost their superscript (``in 1938.1``), and a numbered
  notes list of full (Vancouver) references and short cites.

Faults on a reference (``REFERENCE_FAULTS``) are planted by ``plant``: the work is altered
before rendering (year, volume, ...), or the rendered string is (DOI, ISSN, JSTOR id). The
others (``page-out-of-range``, ``dangling-marker``, ``unused-note``, ``orphan-short-cite``)
are planted by the generators themselves.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from benchmarks.render import MONTHS, abbreviate_last, initials, render, split_pages  # noqa: F401
from verify_refs.models import Person, RegistryWork

# fault name -> the code that must report it
REFERENCE_FAULTS = {
    "year+1": "year-mismatch",
    "year+5": "year-mismatch",
    "volume": "volume-mismatch",
    "issue": "issue-mismatch",
    "pages": "pages-mismatch",
    "author": "author-mismatch",
    "title-word": "title-mismatch",
    "doi-mismatch": "doi-mismatch",
    "doi-not-found": "doi-not-found",
    "invalid-doi": "invalid-doi",
    "invalid-isbn": "invalid-isbn",
    "invalid-issn": "invalid-issn",
    "retracted": "retracted",
    "jstor-mismatch": "jstor-mismatch",
    "unresolved": "unresolved",
}
DOCUMENT_FAULTS = ("page-out-of-range", "dangling-marker", "unused-note", "orphan-short-cite")
NEEDS_DOI = frozenset({"doi-mismatch", "doi-not-found", "invalid-doi", "retracted-doi",
                       "jstor-mismatch"})
WORDS = ("archive", "harbour", "council", "frontier", "railway", "ministry", "treaty", "garrison",
         "province", "harvest", "tribunal", "merchant", "observatory", "canal", "monastery",
         "printing", "census", "estuary", "foundry", "caravan", "glacier", "orchard", "lighthouse")


@dataclass
class Cited:
    """One work a document cites, and the fault (if any) planted in its reference."""

    work: RegistryWork  # as the registry serves it
    with_doi: bool
    fault: str | None = None  # a key of REFERENCE_FAULTS
    other: RegistryWork | None = None  # doi-mismatch / jstor-mismatch: the other work
    other_doi: str = ""  # doi-not-found / jstor-mismatch: the DOI or JSTOR id to cite
    surname: str = ""  # author-mismatch: the wrong surname
    shown: RegistryWork | None = None  # the work as the document describes it (``prepare``)
    # short cites name the work as the reference shows it (faults planted before writing the
    # document), or with ``cites_as_registry`` as the registry has it (faults planted into
    # the reference string only)
    cites_as_registry: bool = False

    @property
    def cite_as(self) -> RegistryWork:
        return self.work if self.cites_as_registry else self.shown


@dataclass(frozen=True)
class Planted:
    code: str
    line: int
    last_line: int  # the reference's last line (== line for one-line things)
    what: str  # the fault's name, for the report


@dataclass
class Document:
    name: str  # file name, with the extension the style needs
    style: str
    lines: list[str] = field(default_factory=list)
    planted: list[Planted] = field(default_factory=list)
    sound: list[tuple[int, int]] = field(default_factory=list)  # line extents of sound items
    sound_references: int = 0
    collateral: list[tuple[int, int]] = field(default_factory=list)  # cites of faulty references

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"

    def add(self, line: str = "") -> int:
        """Append a line; its 1-based number."""
        self.lines.append(line)
        return len(self.lines)

    def plant(self, code: str, line: int, what: str, last: int | None = None) -> None:
        self.planted.append(Planted(code, line, last or line, what))

    def reference(self, text: str, cited: Cited, prefix: str = "", code: str | None = None) -> int:
        line = self.add(prefix + text)
        if cited.fault and code == "":  # a fault that does not show in this form
            self.collateral.append((line, line))
        elif cited.fault:
            self.plant(code or REFERENCE_FAULTS[cited.fault], line, cited.fault)
        else:
            self.sound.append((line, line))
            self.sound_references += 1
        return line

    def cite(self, line: int, cited: Cited | None) -> None:
        """A sound cite line: sound if its reference is, else collateral."""
        if cited is not None and cited.fault:
            self.collateral.append((line, line))
        else:
            self.sound.append((line, line))


# --- the fields a rendering shows ------------------------------------------------------


def prepare(cited: Cited, rng: random.Random) -> Cited:
    """Decide once how the document (wrongly) describes the work: ``cited.shown``."""
    cited.shown = _faulty_work(cited, rng)
    return cited


def faulty_work(cited: Cited, rng: random.Random) -> RegistryWork:
    return cited.shown if cited.shown is not None else _faulty_work(cited, rng)


def _faulty_work(cited: Cited, rng: random.Random) -> RegistryWork:
    """The work as the reference (wrongly) describes it."""
    work, fault = cited.work, cited.fault
    if fault == "year+1":
        return replace(work, year=work.year + rng.choice((-1, 1)))
    if fault == "year+5":
        return replace(work, year=work.year + rng.choice((-5, 5)))
    if fault == "volume":
        return replace(work, volume=str(int(work.volume) + rng.choice((3, 7, 11))))
    if fault == "issue":
        return replace(work, issue=str(int(work.issue) % 12 + rng.choice((1, 3))))
    if fault == "pages":
        first, last = split_pages(work.page)
        shift = rng.choice((30, 110, 250))
        return replace(work, page=f"{int(first) + shift}-{int(last) + shift}")
    if fault == "author":
        first = work.authors[0]
        return replace(work, authors=(Person(cited.surname, first.given),) + work.authors[1:])
    if fault == "title-word":
        words = work.title.split(" ")
        candidates = [i for i, w in enumerate(words) if len(w) > 4 and w.isalpha()]
        i = rng.choice(candidates)
        new = rng.choice([w for w in WORDS if w != words[i].lower()])
        words[i] = new.capitalize() if words[i][0].isupper() else new
        return replace(work, title=" ".join(words))
    return work


def reference_text(cited: Cited, style: str, rng: random.Random) -> str:
    """The full reference in ``style`` with the planted fault."""
    work = faulty_work(cited, rng)
    text = render(work, style, rng, with_doi=cited.with_doi).text
    return plant_in_text(text, cited, rng)


def plant_in_text(text: str, cited: Cited, rng: random.Random) -> str:
    fault, doi = cited.fault, cited.work.doi
    if fault == "doi-mismatch":
        text = text.replace(doi, cited.other.doi)
    elif fault == "doi-not-found":
        text = text.replace(doi, cited.other_doi)
    elif fault == "invalid-doi":
        prefix, suffix = doi.split("/", 1)
        bad = prefix[:6]  # "10." and a 3-digit registrant code
        text = text.replace(doi, f"{bad}/{suffix}")
        if "doi.org/" in text:  # a resolver link: make the label explicit so it is taken
            text = text.replace(f"https://doi.org/{bad}/", f"doi:{bad}/")
    elif fault == "invalid-isbn":
        text = f"{text.rstrip()} ISBN {bad_isbn(rng)}."
    elif fault == "invalid-issn":
        text = f"{text.rstrip()} ISSN {bad_issn(cited.work, rng)}."
    elif fault == "jstor-mismatch":
        text = f"{text.rstrip()} JSTOR {cited.other_doi.split('/', 1)[1]}."
    return text


def bad_isbn(rng: random.Random) -> str:
    digits = [9, 7, 8] + [rng.randrange(10) for _ in range(9)]
    check = (10 - sum(d * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits)) % 10) % 10
    wrong = (check + rng.randrange(1, 10)) % 10
    s = "".join(map(str, digits))
    return f"{s[:3]}-{s[3]}-{s[4:8]}-{s[8:12]}-{wrong}"


def bad_issn(work: RegistryWork, rng: random.Random) -> str:
    digits = [int(c) for c in (work.issn[0].replace("-", "")[:7] if work.issn else "")
              if c.isdigit()]
    if len(digits) != 7:
        digits = [rng.randrange(10) for _ in range(7)]
    check = (11 - sum(d * (8 - i) for i, d in enumerate(digits)) % 11) % 11
    wrong = rng.choice([c for c in range(10) if c != check])
    s = "".join(map(str, digits))
    return f"{s[:4]}-{s[4:]}{wrong}"


def cite_name(work: RegistryWork, sep: str = " & ") -> str:
    """How an author-date cite names the authors: "Coox", "Smith & Jones", "Smith et al."."""
    people = work.authors
    if len(people) == 1:
        return people[0].family
    if len(people) == 2:
        return f"{people[0].family}{sep}{people[1].family}"
    return f"{people[0].family} et al."


def page_range(work: RegistryWork) -> tuple[int, int]:
    first, last = split_pages(work.page)
    return int(first), int(last)


def pinpoint(work: RegistryWork, rng: random.Random, outside: bool = False) -> int:
    first, last = page_range(work)
    if outside:
        return last + rng.choice((3, 12, 40))
    return rng.randint(first, last)


def sentence(work: RegistryWork, rng: random.Random) -> str:
    """A sentence of prose about ``work``: built from its title words, so no two documents
    share a passage (a repeated passage that differs in a number is claim drift), and with
    no numbers in it."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]{5,}", work.title)]
    rng.shuffle(words)
    topic = " and ".join(words[:2]) or "these sources"
    verbs = ("discussed", "examined", "questioned", "reconsidered", "described", "measured")
    lead = rng.choice(("Earlier work", "One study", "A later survey", "This account",
                       "The literature", "A comparison"))
    return f"{lead} {rng.choice(verbs)} {topic} with {rng.choice(WORDS)} {rng.choice(WORDS)}s"


# --- Chicago notes and Vancouver references ---------------------------------------------


def chicago_note(cited: Cited, rng: random.Random, page: int) -> str:
    """First full note: Alvin D. Coox, "Title," Soviet Studies 19, no. 3 (1968): 407."""
    work = faulty_work(cited, rng)
    people = work.authors
    names = [f"{p.given} {p.family}".strip() for p in people]
    who = names[0] if len(names) == 1 else (
        f"{names[0]} and {names[1]}" if len(names) == 2 else f"{names[0]} et al.")
    title = work.title if not work.subtitle else f"{work.title}: {work.subtitle}"
    no = f", no. {work.issue}" if work.issue else ""
    doi = f", https://doi.org/{work.doi}" if cited.with_doi else ""
    text = (f'{who}, "{title}," {work.container_titles[0]} {work.volume}{no} '
            f"({work.year}): {page}{doi}.")
    return plant_in_text(text, cited, rng)


def full_note(cited: Cited, rng: random.Random) -> tuple[str, str | None]:
    """A first full note, and the code its fault must get there: a note shows a pinpoint,
    not the page range, so a wrong range shows as a pinpoint outside the real one."""
    page = pinpoint(cited.shown, rng)
    code = None
    if cited.fault == "pages":
        first, last = page_range(cited.work)
        code = "page-out-of-range" if not first <= page <= last else ""
    return chicago_note(cited, rng, page), code


def short_title(work: RegistryWork) -> str:
    words = work.title.split(":")[0].split()
    return " ".join(words[:4]).rstrip(",.;")


# --- the generators ----------------------------------------------------------------------


@dataclass
class Plan:
    """What a generator is asked to write: the works, and the document faults to plant."""

    cited: list[Cited]
    faults: list[str]  # of DOCUMENT_FAULTS
    orphan: RegistryWork | None = None  # orphan-short-cite: a work cited but not listed


def _short_note(work: RegistryWork, page: int) -> str:
    return f"{cite_name(work)} {work.year}, p. {page}."



def cite_or_plant(doc: Document, line: int, cited, outside: bool) -> None:
    """Record what a short cite on ``line`` is: an orphan, a page outside, or a sound cite."""
    if cited is None:
        doc.plant("orphan-short-cite", line, "orphan-short-cite")
    elif outside:
        doc.plant("page-out-of-range", line, "page-out-of-range")
    else:
        doc.cite(line, cited)


def planned_cites(plan: Plan, rng: random.Random) -> list[tuple]:
    """(work as cited, pinpoint outside its pages?, the cited entry or None for the orphan):
    each work cited once or twice in random order, with the plan's cite faults planted."""
    cites = [(c.cite_as, False, c) for c in plan.cited for _ in range(rng.choice((1, 2)))]
    rng.shuffle(cites)
    if "page-out-of-range" in plan.faults:
        i = rng.randrange(len(cites))
        cites[i] = (cites[i][0], True, cites[i][2])
    if "orphan-short-cite" in plan.faults:
        cites.insert(rng.randrange(len(cites) + 1), (plan.orphan, False, None))
    return cites


def reference_list(doc: Document, plan: Plan, style: str, rng: random.Random) -> None:
    """The full references of every cited work, by first author, in ``style``."""
    for cited in sorted(plan.cited, key=lambda c: c.work.authors[0].family):
        doc.reference(reference_text(cited, style, rng), cited)

def wikipedia(name: str, plan: Plan, rng: random.Random) -> Document:
    doc = Document(f"{name}.txt", "wikipedia")
    doc.add(f"{plan.cited[0].work.title.split(':')[0]} (history)")
    doc.add()
    # one note per cite; a work may be cited twice by one note ("Jump up to: a b")
    notes: list[tuple[str, Cited | None, bool, int]] = []  # (text, cited, outside?, uses)
    for cited in plan.cited:
        uses = rng.choice((1, 1, 2))
        notes.append(("", cited, False, uses))
    if "page-out-of-range" in plan.faults:
        i = rng.randrange(len(notes))
        notes[i] = ("", notes[i][1], True, notes[i][3])
    if "orphan-short-cite" in plan.faults:
        notes.insert(rng.randrange(len(notes) + 1), ("orphan", None, False, 1))
    unused = rng.randrange(len(notes)) if "unused-note" in plan.faults else None
    dangling = "dangling-marker" in plan.faults
    # prose: markers in order of first use
    prose_lines: list[tuple[str, list[int]]] = []
    for number, (_, cited, _, uses) in enumerate(notes, 1):
        work = cited.cite_as if cited else plan.orphan
        if number - 1 == unused:
            prose_lines.append((sentence(work, rng) + ".", []))
            continue
        prose_lines.append((sentence(work, rng) + f".[{number}]", [number]))
        if uses == 2:
            prose_lines.append((sentence(work, rng) + f" again.[{number}]", [number]))
    marker_lines = {}
    for text, numbers in prose_lines:
        line = doc.add(text)
        for n in numbers:
            marker_lines.setdefault(n, []).append(line)
        doc.add()
    if dangling:
        line = doc.add(f"Some claims remain disputed.[{len(notes) + 1}]")
        doc.plant("dangling-marker", line, "dangling-marker")
        doc.add()
    doc.add("Notes")
    doc.add()
    for number, (_, cited, outside, uses) in enumerate(notes, 1):
        work = cited.cite_as if cited else plan.orphan
        page = pinpoint(work, rng, outside)
        back = "^ Jump up to: a b " if uses == 2 and number - 1 != unused else "^ "
        line = doc.add(f"{number}. {back}{_short_note(work, page)}")
        if number - 1 == unused:
            doc.plant("unused-note", line, "unused-note")
        else:
            cite_or_plant(doc, line, cited, outside)
    doc.add()
    doc.add("Sources")
    doc.add()
    reference_list(doc, plan, "cs1", rng)
    return doc


def chicago(name: str, plan: Plan, rng: random.Random) -> Document:
    doc = Document(f"{name}.txt", "chicago")
    sup = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
    doc.add(plan.cited[0].work.title.split(":")[0])
    doc.add()
    # notes: first full note for each work; some works cited again (short note or Ibid.)
    notes: list[tuple[str, Cited | None, str]] = []  # (kind, cited, text)
    outside_at = rng.randrange(len(plan.cited)) if "page-out-of-range" in plan.faults else None
    for i, cited in enumerate(plan.cited):
        text, code = full_note(cited, rng)
        notes.append(("full", cited, text, code))
        if rng.random() < 0.5 or i == outside_at:
            out = i == outside_at
            page = pinpoint(cited.cite_as, rng, out)
            notes.append(("ibid-out" if out else "ibid", cited, f"Ibid., {page}.", None))
    for i, cited in enumerate(plan.cited):
        if rng.random() < 0.6:
            page = pinpoint(cited.cite_as, rng)
            w = cited.cite_as
            notes.append(("short", cited, f'{w.authors[0].family}, "{short_title(w)}," {page}.', None))
    if "orphan-short-cite" in plan.faults:
        w = plan.orphan
        notes.append(("orphan", None, f'{w.authors[0].family}, "{short_title(w)}," '
                                       f"{pinpoint(w, rng)}.", None))
    unused = rng.randrange(len(notes)) if "unused-note" in plan.faults else None
    for start in range(0, len(notes), 2):
        parts = []
        for number in range(start + 1, min(start + 3, len(notes) + 1)):
            work = notes[number - 1][1].cite_as if notes[number - 1][1] else plan.orphan
            mark = "" if number - 1 == unused else str(number).translate(sup)
            parts.append(f"{sentence(work, rng)}.{mark}")
        doc.add(" ".join(parts))
        doc.add()
    if "dangling-marker" in plan.faults:
        line = doc.add(f"The matter was never settled.{str(len(notes) + 1).translate(sup)}")
        doc.plant("dangling-marker", line, "dangling-marker")
        doc.add()
    doc.add("Notes")
    doc.add()
    for number, (kind, cited, text, code) in enumerate(notes, 1):
        if kind == "full":
            line = doc.reference(text, cited, f"{number}. ", code)
        else:
            line = doc.add(f"{number}. {text}")
            if kind == "orphan":
                doc.plant("orphan-short-cite", line, "orphan-short-cite")
            elif kind == "ibid-out":
                doc.plant("page-out-of-range", line, "page-out-of-range")
            elif number - 1 != unused:
                doc.cite(line, cited)
        if number - 1 == unused:
            doc.plant("unused-note", line, "unused-note")
    doc.add()
    doc.add("Bibliography")
    doc.add()
    reference_list(doc, plan, "chicago", rng)
    return doc


def _author_date(style: str, name: str, plan: Plan, rng: random.Random) -> Document:
    doc = Document(f"{name}.md" if style == "apa" else f"{name}.txt", style)
    sep = " & " if style == "apa" else " and "
    comma = "," if style == "apa" else ""
    doc.add(("# " if style == "apa" else "") + plan.cited[0].work.title.split(":")[0])
    doc.add()
    cites = planned_cites(plan, rng)
    for work, outside, cited in cites:
        who = cite_name(work, sep)
        form = rng.random()
        if form < 0.3 and not outside and cited is not None:
            cite = f"({who}{comma} {work.year})"
        else:
            cite = f"({who}{comma} {work.year}, p. {pinpoint(work, rng, outside)})"
        line = doc.add(f"{sentence(work, rng)} {cite}.")
        cite_or_plant(doc, line, cited, outside)
        doc.add()
    doc.add("## References" if style == "apa" else "Reference list")
    doc.add()
    reference_list(doc, plan, style, rng)
    return doc


def apa(name: str, plan: Plan, rng: random.Random) -> Document:
    return _author_date("apa", name, plan, rng)


def harvard(name: str, plan: Plan, rng: random.Random) -> Document:
    return _author_date("harvard", name, plan, rng)


def mla(name: str, plan: Plan, rng: random.Random) -> Document:
    doc = Document(f"{name}.txt", "mla")
    doc.add(plan.cited[0].work.title.split(":")[0])
    doc.add()
    cites = planned_cites(plan, rng)
    for work, outside, cited in cites:
        people = work.authors
        who = people[0].family if len(people) == 1 else (
            f"{people[0].family} and {people[1].family}" if len(people) == 2
            else f"{people[0].family} et al.")
        line = doc.add(f"{sentence(work, rng)} ({who} {pinpoint(work, rng, outside)}).")
        cite_or_plant(doc, line, cited, outside)
        doc.add()
    doc.add("Works Cited")
    doc.add()
    reference_list(doc, plan, "mla", rng)
    return doc


def _notes_document(doc: Document, plan: Plan, rng: random.Random, full_style: str,
                    marker: Callable[[str], str], label: Callable[[str], str],
                    numbered_labels: bool) -> Document:
    """Footnoted prose: a full reference in the first note of each work, short cites later."""
    doc.add(plan.cited[0].work.title.split(":")[0])
    doc.add()
    notes: list[tuple[str, Cited | None, str]] = []
    outside_at = rng.randrange(len(plan.cited)) if "page-out-of-range" in plan.faults else None
    for cited in plan.cited:
        if full_style == "chicago-note":
            text, code = full_note(cited, rng)
        else:
            text, code = reference_text(cited, full_style, rng), None
        notes.append(("full", cited, text, code))
    for i, cited in enumerate(plan.cited):
        if rng.random() < 0.6 or i == outside_at:
            out = i == outside_at
            kind = "short-out" if out else "short"
            notes.append((kind, cited, _short_note(cited.cite_as, pinpoint(cited.cite_as, rng, out)), None))
    if "orphan-short-cite" in plan.faults:
        notes.append(("orphan", None, _short_note(plan.orphan, pinpoint(plan.orphan, rng)), None))
    unused = rng.randrange(len(notes)) if "unused-note" in plan.faults else None
    ids = [str(n) for n in range(1, len(notes) + 1)]
    for number, (kind, cited, _, _) in enumerate(notes):
        work = cited.cite_as if cited else plan.orphan
        mark = "" if number == unused else marker(ids[number])
        doc.add(f"{sentence(work, rng)}.{mark} {rng.choice(WORDS).capitalize()}s were counted.")
        doc.add()
    if "dangling-marker" in plan.faults:
        line = doc.add(f"The question stayed open.{marker(str(len(notes) + 1))}")
        doc.plant("dangling-marker", line, "dangling-marker")
        doc.add()
    if numbered_labels:
        doc.add("Notes")
        doc.add()
    for number, (kind, cited, text, code) in enumerate(notes):
        if kind == "full":
            line = doc.reference(text, cited, label(ids[number]), code)
        else:
            line = doc.add(label(ids[number]) + text)
            if kind == "orphan":
                doc.plant("orphan-short-cite", line, "orphan-short-cite")
            elif kind == "short-out":
                doc.plant("page-out-of-range", line, "page-out-of-range")
            elif number != unused:
                doc.cite(line, cited)
        if number == unused:
            doc.plant("unused-note", line, "unused-note")
    return doc


def markdown(name: str, plan: Plan, rng: random.Random) -> Document:
    doc = Document(f"{name}.md", "markdown")
    full = rng.choice(("chicago-note", "cs1", "chicago"))
    return _notes_document(doc, plan, rng, full, lambda i: f"[^{i}]", lambda i: f"[^{i}]: ",
                           numbered_labels=False)


def glued(name: str, plan: Plan, rng: random.Random) -> Document:
    doc = Document(f"{name}.txt", "glued")
    plan = replace(plan, faults=[f for f in plan.faults if f != "dangling-marker"])
    return _notes_document(doc, plan, rng, "vancouver", lambda i: i, lambda i: f"{i} ",
                           numbered_labels=True)


GENERATORS: dict[str, Callable[[str, Plan, random.Random], Document]] = {
    "wikipedia": wikipedia, "chicago": chicago, "apa": apa, "harvard": harvard, "mla": mla,
    "markdown": markdown, "glued": glued,
}
# glued digits cannot dangle: a glued digit is only taken as a marker when a note has its label
STYLE_FAULTS = {style: DOCUMENT_FAULTS for style in GENERATORS}
STYLE_FAULTS["glued"] = ("page-out-of-range", "unused-note", "orphan-short-cite")
STYLE_FAULTS["apa"] = STYLE_FAULTS["harvard"] = STYLE_FAULTS["mla"] = (
    "page-out-of-range", "orphan-short-cite")


def plan_faults(style: str, rng: random.Random) -> list[str]:
    """One or two document faults for a document in ``style``."""
    choices = list(STYLE_FAULTS[style])
    return rng.sample(choices, k=min(len(choices), rng.choice((1, 2))))


__all__ = ["Cited", "Document", "GENERATORS", "NEEDS_DOI", "Plan", "Planted",
           "REFERENCE_FAULTS", "DOCUMENT_FAULTS", "plan_faults", "Sequence"]
