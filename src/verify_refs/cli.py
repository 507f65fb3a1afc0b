"""``verify-refs``: argv → Config → pipeline.run() → formatter → exit code. Nothing else."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

from . import __version__
from .config import FORMATS, Config, ConfigError, resolve
from .extract.source import InputError
from .models import Report, Severity, Status

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="verify-refs",
        description="Check the notes and references of documents against Crossref "
                    "and write a clean BibTeX file.",
        epilog="Settings may also live in [tool.verify-refs] of pyproject.toml or in "
               ".verify-refs.toml. Exit status: 0 clean, 1 findings at or above --fail-on, "
               "2 usage or input errors.")
    add = parser.add_argument
    add("paths", nargs="*", help="documents (.txt, .md, .bib) or folders of them")
    add("--format", choices=FORMATS, help="report format (default: text)")
    add("-o", "--output", help="write the report to this file instead of stdout")
    add("--fail-on", choices=[s.label for s in Severity],
        help="lowest severity that fails the run (default: warning)")
    add("--select", help="only these finding codes (comma-separated; prefixes allowed)")
    add("--ignore", help="never report these finding codes (comma-separated)")
    add("--crossref-url", help="Crossref API base URL, or a compatible mirror "
                               "(env VERIFY_REFS_CROSSREF_URL)")
    add("--mailto", help="your e-mail, for Crossref's faster polite pool (env VERIFY_REFS_MAILTO)")
    add("--offline", action="store_true", default=None,
        help="never touch the network; what the lock file lacks is 'unchecked'")
    add("--strict", action="store_true", default=None,
        help="with --offline: unchecked references fail the run")
    add("--refresh", action="store_true", default=None, help="re-check every reference")
    add("--lock", help="lock file of registry results (default from config)")
    add("--timeout", type=float, help="total seconds to spend waiting on the network")
    add("--bib", help="write a clean, deduplicated BibTeX file of everything cited")
    add("--bib-check", action="store_true", default=None,
        help="with --bib: exit 1 only when the BibTeX file had to change, like a "
             "formatter (for pre-commit)")
    add("--fix", action="store_true", default=None,
        help="rewrite .bib inputs with fields corrected from the registry")
    add("--no-progress", dest="progress", action="store_false", default=None,
        help="no progress bar")
    add("--color", dest="color", action="store_true", default=None, help="force colour")
    add("--no-color", dest="color", action="store_false", help="no colour")
    add("--config", dest="config_file", help="config file (default: .verify-refs.toml or "
                                             "pyproject.toml, looked up from here)")
    add("--explain", metavar="CODE", help="explain a finding code and exit")
    add("--list-codes", action="store_true", help="list the finding codes and exit")
    add("--version", action="version", version=f"verify-refs {__version__}")
    return parser


def _flags(args: argparse.Namespace) -> dict:
    flags = {k: v for k, v in vars(args).items() if k not in ("explain", "list_codes")}
    flags["paths"] = tuple(args.paths) or None
    return flags


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:  # `verify-refs ... | head`: the reader left, which is fine
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.explain or args.list_codes:
        return _explain(args.explain)
    try:
        config = resolve(_flags(args))
    except ConfigError as error:
        return _fail(str(error))
    if not config.paths:
        parser.print_usage(sys.stderr)
        return _fail("give at least one document or folder (or 'paths' in the config file)")
    try:
        _check_outputs(config)
    except (ConfigError, InputError) as error:
        return _fail(str(error))
    try:
        return _check(config)
    except KeyboardInterrupt:
        return _fail("interrupted", code=130)
    except InputError as error:  # e.g. an existing .bib that does not parse
        return _fail(str(error))
    except OSError as error:  # e.g. the report or the .bib cannot be written
        return _fail(f"{getattr(error, 'filename', '') or ''}: {error.strerror or error}")


def _check_outputs(config: Config) -> None:
    """Refuse unsafe output paths before the run spends any time (see ``outputs``)."""
    from .outputs import check_outputs
    from .pipeline import collect_files

    check_outputs(config, collect_files(config.paths)[0])
    if config.bib:
        from .bibtex.writer import check_target

        check_target(config.bib)


def _check(config: Config) -> int:
    from . import pipeline
    from .report import progress as bar

    with (bar.ProgressBar() if bar.wanted(config.progress) else contextlib.nullcontext()) as p:
        report = pipeline.run(config, progress=p)
    for message in report.input_errors:
        _say(f"error: {message}")
    bib_changed = _write_bibliography(config, report)
    report = _fix_bibtex_inputs(config, report)
    _emit(config, report)
    sys.stdout.flush()  # the notices below come after the report on a terminal
    for message in report.notices:
        _say(message)
    if report.input_errors:
        return EXIT_USAGE
    return _exit_status(config, report, bib_changed)


def _exit_status(config: Config, report: Report, bib_changed: bool) -> int:
    if config.bib_check:  # a formatter hook: it fails when it had to change the file
        return EXIT_FINDINGS if bib_changed else EXIT_OK
    if any(f.severity >= config.fail_on for f in report.findings):
        return EXIT_FINDINGS
    if config.strict and any(s is Status.UNCHECKED for s in report.statuses.values()):
        return EXIT_FINDINGS
    return EXIT_OK


def _emit(config: Config, report: Report) -> None:
    with _open_output(config.output) as stream:
        if config.format == "json":
            from .report.json import format_json

            stream.write(format_json(report))
        elif config.format == "sarif":
            from .report.sarif import format_sarif

            stream.write(format_sarif(report, root=_repository_root()))
        elif config.format == "github":
            from .report.github import format_github

            stream.write(format_github(report))
        else:
            from .report.terminal import write_terminal

            write_terminal(report, stream, config.color)


@contextlib.contextmanager
def _open_output(path: str | None):
    if path is None:
        yield sys.stdout
        return
    from .atomic import atomic_writer

    with atomic_writer(path) as stream:
        yield stream


def _write_bibliography(config: Config, report: Report) -> bool:
    if not config.bib:
        return False
    from .bibtex.writer import write_bibliography

    references = [r for d in report.documents for r in d.references]
    # a document that could not be read still cites its works: keep their entries
    result = write_bibliography(references, report.resolutions, config.bib,
                                prune=not report.input_errors)
    if result.changed:
        _say(f"wrote {config.bib} ({_count(result.entries, 'entry', 'entries')})")
    if result.removed:
        _say(f"removed {_count(len(result.removed), 'entry', 'entries')} no longer cited: "
             f"{', '.join(result.removed)}")
    if result.spared:
        _say(f"kept {_count(len(result.spared), 'entry', 'entries')} no longer cited "
             f"({', '.join(result.spared)}) in {config.bib}: some documents could not be read")
    return result.changed


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _fix_bibtex_inputs(config: Config, report: Report) -> Report:
    """``--fix``: correct the .bib inputs, say what changed, and return the report of the
    files as they are now (``pipeline.after_fixes``)."""
    if not config.fix:
        return report
    from .bibtex.fix import fix_bibtex_file
    from .pipeline import after_fixes

    results = []
    for document in report.documents:
        if document.path.lower().endswith(".bib"):
            result = fix_bibtex_file(document.path, document.references, report.resolutions)
            for change in result.changes:
                _say(f"fixed {document.path}: {change}")
            if result.backup:
                _say(f"{document.path}: the file as it was before the fixes is kept in {result.backup}")
            results.append(result)
    return after_fixes(report, results)


def _repository_root() -> str:
    here = os.path.abspath(os.getcwd())
    for folder in [here, *_parents(here)]:
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
    return here


def _parents(path: str):
    while (parent := os.path.dirname(path)) != path:
        yield parent
        path = parent


def _explain(code: str | None) -> int:
    from .codes import CODES

    if code is None:
        width = max(map(len, CODES))
        # (two severities, "warning/error": --explain CODE says when each applies)
        label_width = max(len(entry.label) for entry in CODES.values())
        for entry in CODES.values():
            print(f"{entry.id:<{width}}  {entry.label:<{label_width}}  {entry.summary}")
        return EXIT_OK
    from .report.explain import explain

    try:
        print(explain(code))
    except KeyError as error:  # its message suggests the nearest codes
        return _fail(str(error.args[0]) if error.args else f"unknown finding code {code!r}")
    return EXIT_OK


def _say(message: str) -> None:
    print(f"verify-refs: {message}", file=sys.stderr)


def _fail(message: str, code: int = EXIT_USAGE) -> int:
    _say(f"error: {message}")
    return code
