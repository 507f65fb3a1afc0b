"""Atomic file writes: a reader never sees half a file, and a crash never loses the old one.

Every file the tool writes (the report, the bibliography, the lock file) goes through here,
so all of them behave alike: the new file keeps the mode of the file it replaces, or gets
the mode ``open()`` would give it (``0o666`` minus the umask) rather than ``mkstemp``'s
private ``0o600``; no folder is created (a typo in a path must not leave a tree behind); and
an error names the path the user gave, never the temporary file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from typing import TextIO


@contextlib.contextmanager
def atomic_writer(path: str, encoding: str = "utf-8") -> Iterator[TextIO]:
    """Write to a temporary file beside ``path``, then ``os.replace`` it into place."""
    folder = os.path.dirname(os.path.abspath(path))
    mode = _mode_for(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise OSError(error.errno, error.strerror, path) from None
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline="\n") as stream:
            yield stream
            stream.flush()
            os.fchmod(stream.fileno(), mode)
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError) and error.filename in (None, temporary):
            raise OSError(error.errno, error.strerror, path) from error
        raise


def write_text_atomic(path: str, text: str) -> None:
    with atomic_writer(path) as stream:
        stream.write(text)


def _mode_for(path: str) -> int:
    """The permission bits the written file should have."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask. Linux reports it in /proc; elsewhere ``os.umask`` must set it to
    read it, which is briefly wrong for other threads, so that is only the fallback."""
    with contextlib.suppress(OSError, ValueError):
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    umask = os.umask(0o022)
    os.umask(umask)
    return umask
