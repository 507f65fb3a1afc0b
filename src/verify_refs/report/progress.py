"""A progress bar on stderr for long runs, drawn only on a terminal."""

from __future__ import annotations

import os
import sys

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


def wanted(enabled: bool) -> bool:
    """Only on an interactive terminal, and never under pre-commit (it captures output)."""
    return enabled and sys.stderr.isatty() and not os.environ.get("PRE_COMMIT")


class ProgressBar:
    """Adapts rich's Progress to the pipeline's ``Progress`` protocol."""

    def __init__(self) -> None:
        self._bar = Progress(TextColumn("{task.description:>10}"), BarColumn(),
                             MofNCompleteColumn(), TimeElapsedColumn(),
                             console=Console(file=sys.stderr), transient=True)
        self._task = None

    def __enter__(self) -> ProgressBar:
        self._bar.start()
        return self

    def __exit__(self, *exc) -> None:
        self._bar.stop()

    def stage(self, name: str, total: int) -> None:
        if self._task is not None:
            self._bar.remove_task(self._task)
        self._task = self._bar.add_task(name, total=total)

    def advance(self, count: int = 1) -> None:
        if self._task is not None:
            self._bar.advance(self._task, count)
