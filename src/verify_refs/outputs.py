"""The files a run will write (``-o``, ``--bib``, ``--lock``), checked before it starts.

A mistake in an output path must cost one line and nothing else: not a document replaced
by a report, not a folder tree created by a typo, not ten minutes of look-ups before the
write fails. So each output must sit in an existing folder that can be written, must not
be a folder, must not be one of the documents being checked, and must differ from the other
outputs.
"""

from __future__ import annotations

import os

from .config import Config, ConfigError

FLAGS = (("output", "-o"), ("bib", "--bib"), ("lock", "--lock"))


def check_outputs(config: Config, documents: list[str]) -> None:
    """Raise ``ConfigError`` (one line naming the path and its flag) for an unsafe output.

    ``documents``: the input files, folders expanded. The ``--bib`` file found inside a
    checked folder is the run's own output (the pipeline skips it), so for ``--bib`` only
    documents named on the command line count.
    """
    named = {os.path.realpath(p) for p in config.paths if not os.path.isdir(p)}
    inputs = {os.path.realpath(p) for p in documents} | named
    seen: dict[str, str] = {}
    for name, flag in FLAGS:
        path = getattr(config, name)
        if not path:
            continue
        real = os.path.realpath(path)
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            raise ConfigError(f"{path}: no such directory {folder} ({flag}); create it first")
        if not os.access(folder, os.W_OK):
            raise ConfigError(f"{path}: Permission denied (cannot write in {folder}; {flag})")
        if os.path.isdir(path):
            raise ConfigError(f"{path}: is a directory ({flag} needs a file)")
        if real in (named if name == "bib" else inputs):
            raise ConfigError(f"{path}: is one of the documents being checked; {flag} would "
                              "overwrite it")
        if real in seen:
            raise ConfigError(f"{path}: given to both {seen[real]} and {flag}")
        seen[real] = flag
