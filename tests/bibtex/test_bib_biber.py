"""The written bibliography against biber's own parser and biblatex's data model."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from bibhelpers import COOX_RECORD, corpus, ref, resolved

from verify_refs.bibtex.writer import write_bibliography
from verify_refs.models import PageRange, Person, ReferenceKind

pytestmark = pytest.mark.skipif(
    shutil.which("biber") is None,
    reason="biber is not installed (apt-get install biber) - cannot validate against biblatex's data model",
)

# We write both ``journaltitle`` (biblatex) and ``journal`` (classic BibTeX styles); biber
# maps ``journal`` onto ``journaltitle`` and, finding that taken, notes the alias and ignores it.
_EXPECTED_WARNING = re.compile(r"Field 'journal' invalid in data model - ignoring")


def _biber(tmp_path, bib):
    result = subprocess.run(
        ["biber", "--tool", "--validate-datamodel", "--output-file", "biber-out.bib", bib.name],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )
    output = result.stdout + result.stderr
    problems = [line for line in output.splitlines()
                if re.match(r"(WARN|ERROR)\b", line) and not _EXPECTED_WARNING.search(line)]
    return result.returncode, problems, output


def _extra_works():
    hostile = ref(60, kind=ReferenceKind.ARTICLE, authors=(Person("O'Brien", "Dan"), Person("Smith and Sons")),
                  year=2001, title=r"\input{/etc/passwd} \write18{rm -rf /} 100% {unbalanced #1 $x^2$ a_b ~",
                  container="Journal of <i>Hostile</i> & Strange {Input}", volume="3", issue="1-2",
                  pages=PageRange("e33", "e40"))
    chapter = ref(61, kind=ReferenceKind.CHAPTER, authors=(Person("Nakamura", "Kei"),),
                  editors=(Person("Lee", "Ann"),), year=2010, title="Nomonhan revisited",
                  container="Soviet-Japanese Relations", publisher="Routledge", place="London",
                  edition="2nd ed.")
    web = ref(62, kind=ReferenceKind.WEB, title="Kuksin archive page", container="Memorial",
              url="https://memo.ru/a_b?c=1&d={x}", accessed="February 12, 2012", year=2012)
    bare = ref(63, text="Vsesoiuznoe soveshchanie, stenogramma, 1938")
    return [hostile, chapter, web, bare]


def test_written_bibliography_validates(tmp_path):
    references, resolutions = corpus()
    path = tmp_path / "corpus.bib"
    write_bibliography(references, resolutions, str(path))
    code, problems, output = _biber(tmp_path, path)
    assert code == 0, output
    assert problems == [], output


def test_hostile_and_varied_entries_parse_in_biber(tmp_path):
    references, resolutions = corpus()
    extra = _extra_works()
    path = tmp_path / "varied.bib"
    write_bibliography([*references, *extra], resolutions, str(path))
    code, problems, output = _biber(tmp_path, path)
    assert code == 0, output
    # the bare reference has no date: that is the data's gap, and the only one allowed
    assert all("vsesoiuznoe" in p and "'date, year'" in p for p in problems), problems
    tool_output = (tmp_path / "biber-out.bib").read_text(encoding="utf-8")
    assert tool_output.count("@") >= len(references) + len(extra)
    assert "/etc/passwd" in tool_output and "\\input{" not in tool_output


def test_resolved_chapter_validates(tmp_path):
    chapter = ref(70, kind=ReferenceKind.CHAPTER, title="Anatomy", year=1968)
    record = dict(COOX_RECORD, type="book-chapter", DOI="10.1000/ch", **{"container-title": ["Defectors"]},
                  editor=[{"family": "Lee", "given": "Ann"}])
    path = tmp_path / "chapter.bib"
    write_bibliography([chapter], {chapter.id: resolved(chapter, record)}, str(path))
    text = path.read_text(encoding="utf-8")
    assert "@incollection{" in text and "booktitle = {Defectors}" in text
    code, problems, output = _biber(tmp_path, path)
    assert code == 0 and problems == [], output
