"""What the benchmarks share on their command lines."""

from __future__ import annotations

import argparse
import os


def existing_file(path: str) -> str:
    """An argparse ``type`` for a data file read at run time (records, gold strings, schema):
    a missing one is a one-line usage error, not a traceback."""
    if not os.path.isfile(path):
        raise argparse.ArgumentTypeError(f"{path}: no such file")
    return path
