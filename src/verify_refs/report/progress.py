"""A progress bar on stderr for long runs, drawn only on a terminal."""

from __future__ import annotations

import os
import sys
import threading
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

DELAY = 1.0  # seconds before the bar appears


def wanted(enabled: bool) -> bool:
    """Only on an interactive terminal, and never under pre-commit (it captures output)."""
    return enabled and sys.stderr.isatty() and not os.environ.get("PRE_COMMIT")


class ProgressBar:
    """Adapts rich's Progress to the pipeline's ``Progress`` protocol.

    The bar appears only once the run has lasted ``delay`` seconds: a run that is over
    before then (one document, or a corpus served from the lock) shows none, and a flash
    of a bar on a quick run is noise. A timer starts it, since the network stage reports
    no steps while it waits.
    """

    def __init__(self, delay: float = DELAY, file: TextIO | None = None) -> None:
        self._bar = Progress(TextColumn("{task.description:>10}"), BarColumn(),
                             MofNCompleteColumn(), TimeElapsedColumn(),
                             console=Console(file=file or sys.stderr), transient=True)
        self._task = None
        self._lock = threading.Lock()
        self._closed = False
        self.shown = False
        self._timer = threading.Timer(delay, self._show)
        self._timer.daemon = True

    def __enter__(self) -> ProgressBar:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()
        with self._lock:
            self._closed = True
            if self.shown:
                self._bar.stop()

    def _show(self) -> None:
        with self._lock:
            if not self._closed:
                self._bar.start()
                self.shown = True

    def stage(self, name: str, total: int) -> None:
        if self._task is not None:
            self._bar.remove_task(self._task)
        self._task = self._bar.add_task(name, total=total)

    def advance(self, count: int = 1) -> None:
        if self._task is not None:
            self._bar.advance(self._task, count)
