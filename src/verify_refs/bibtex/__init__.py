"""BibTeX output and input: the corpus bibliography (``write_bibliography``), ``.bib`` files
as documents (``parse_bibtex``) and ``--fix`` for them (``fix_bibtex_file``).

Modules: ``escape`` (making any text safe in a field), ``keys`` (stable citation keys),
``entries`` (one entry per distinct work), ``writer``, ``reader``, ``fix`` (with ``fields``:
where an entry's fields stand in the file and how it lays them out), and ``bibfile``
(raw parsing and atomic writes shared by the others).
"""

from __future__ import annotations

from .fix import FixResult, fix_bibtex_file
from .reader import parse_bibtex
from .writer import BibFileError, BibWriteResult, write_bibliography

__all__ = ["BibFileError", "BibWriteResult", "FixResult", "fix_bibtex_file", "parse_bibtex",
           "write_bibliography"]
