"""The lock file: what each reference resolved to, committed beside the corpus.

Like a package lock, it makes runs reproducible and cheap: an unchanged corpus is served
entirely from it (zero requests), and a reviewer sees in the diff when a registry record
changed. Entries are keyed by a fingerprint of the reference's normalised text, so an
edited reference is checked again; each holds the outcome, the DOI, the registry fields
the checks compare (title, authors, year, container, volume, issue, page, type, ISSN,
updates) and the date of the check. Failures and ``UNCHECKED`` results are never locked.

The file is JSON with sorted keys and an indent of 2, one entry per reference, so that
diffs stay small. Writes are atomic (a temporary file in the same directory, then
``os.replace``) and serialised between processes with ``filelock``, merging with whatever
another process wrote meanwhile. A lock file that cannot be read or written costs one
warning, never the run. A project's lock whose content is wrong (a merge conflict left in
it, a newer lockfile-version, another structure) is an error (``LockFileError``), never
rewritten: it may hold results worth keeping. The user's cache is only warned about and
rebuilt.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import os
import threading
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from ..atomic import write_text_atomic
from ..extract.source import InputError
from ..models import Outcome, Person, Reference, RegistryWork, Resolution, WorkUpdate
from .interface import Resolver

LOCK_NAME = "verify-refs.lock.json"
LOCK_VERSION = 1
_LOG = logging.getLogger(__name__)


def fingerprint(reference: Reference) -> str:
    """A stable key for a reference: SHA-256 of its text, Unicode- and space-normalised.

    Only the text counts, not where it sits, so moving a reference keeps its entry.
    """
    text = " ".join(unicodedata.normalize("NFC", reference.text).split())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


# --- RegistryWork <-> JSON ---------------------------------------------------------


def _person(person: Person) -> dict[str, str]:
    return {"family": person.family, "given": person.given}


def work_to_json(work: RegistryWork) -> dict[str, Any]:
    """Every field of the work; people and updates as small objects, empties dropped."""
    data: dict[str, Any] = {}
    for item in fields(RegistryWork):
        value = getattr(work, item.name)
        if item.name in ("authors", "editors"):
            value = [_person(p) for p in value]
        elif item.name in ("updated_by", "update_to"):
            value = [{"type": u.type, "doi": u.doi, "label": u.label, "date": u.date} for u in value]
        elif isinstance(value, tuple):
            value = list(value)
        if value not in (None, "", []):
            data[item.name.replace("_", "-")] = value
    return data


def work_from_lock(data: Mapping[str, Any]) -> RegistryWork:
    """Inverse of ``work_to_json``; unknown keys (a newer tool) are ignored."""
    values: dict[str, Any] = {}
    for item in fields(RegistryWork):
        value = data.get(item.name.replace("_", "-"))
        if value is None:
            continue
        if item.name in ("authors", "editors"):
            value = tuple(Person(str(p.get("family", "")), str(p.get("given", ""))) for p in value)
        elif item.name in ("updated_by", "update_to"):
            value = tuple(WorkUpdate(**{k: str(u.get(k, "")) for k in ("type", "doi", "label", "date")})
                          for u in value)
        elif item.name == "other_years":
            value = tuple(v for v in value if isinstance(v, int))
        elif isinstance(value, list):
            value = tuple(str(v) for v in value)
        values[item.name] = value
    return RegistryWork(**values)


def entry_for(reference: Reference, resolution: Resolution, checked: str) -> dict[str, Any]:
    """The lock entry of one resolved reference."""
    entry: dict[str, Any] = {
        "checked": checked,
        "outcome": resolution.outcome.value,
        "via": resolution.via,
        "reference": reference.text[:200],
    }
    if resolution.work is not None:
        entry["doi"] = resolution.work.doi
        entry["work"] = work_to_json(resolution.work)
    if resolution.confidence is not None:
        entry["confidence"] = round(resolution.confidence, 4)
    if resolution.reason:
        entry["reason"] = resolution.reason
    if resolution.candidates:
        entry["candidates"] = [work_to_json(w) for w in resolution.candidates]
    if resolution.jstor_work is not None:
        entry["jstor-work"] = work_to_json(resolution.jstor_work)
    return entry


def resolution_from_entry(reference_id: str, entry: Mapping[str, Any]) -> Resolution:
    """A ``Resolution`` served from the lock: the same verdict and route as when it was
    checked (so a warm run reports exactly what the cold run did), marked ``from_lock``."""
    work = entry.get("work")
    jstor = entry.get("jstor-work")
    if isinstance(work, Mapping) and not str(work.get("doi", "")).startswith("10."):
        # a bad record an older version locked (a mirror's "DOI": 5): look it up again
        raise ValueError("the locked work has no DOI")
    return Resolution(
        reference_id=reference_id,
        outcome=Outcome(entry["outcome"]),
        work=work_from_lock(work) if isinstance(work, Mapping) else None,
        via=str(entry.get("via", "")),
        confidence=entry.get("confidence"),
        reason=str(entry.get("reason", "")),
        candidates=tuple(work_from_lock(w) for w in entry.get("candidates", []) if isinstance(w, Mapping)),
        jstor_work=work_from_lock(jstor) if isinstance(jstor, Mapping) else None,
        from_lock=True,
    )


def dumps(entries: Mapping[str, Any]) -> str:
    """The file's text: sorted keys, indent 2, trailing newline."""
    document = {"lockfile-version": LOCK_VERSION, "references": dict(entries)}
    return json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


# --- the file ------------------------------------------------------------------


class LockFileError(InputError):
    """The lock file's content cannot be used; it is left as it is. One line, naming it."""


def read_entries(text: str, path: Path) -> tuple[dict[str, Any], str | None]:
    """A lock file's entries, parsed once; or {} and what is wrong with its text, one line
    naming the file (and the line), when it is no lock this version can read and write."""
    try:
        document = json.loads(text)
    except ValueError as error:
        conflict = next((n for n, line in enumerate(text.splitlines(), 1)
                         if line.startswith(("<<<<<<<", "=======", ">>>>>>>"))), None)
        if conflict is not None:
            return {}, (f"{path}:{conflict}: unresolved merge conflict; resolve it (or delete the "
                        "file to check every reference again)")
        line = getattr(error, "lineno", None)
        where = f"{path}:{line}" if line else str(path)
        return {}, f"{where}: not valid JSON ({getattr(error, 'msg', error)}); fix it or delete it"
    if not isinstance(document, dict):
        return {}, f"{path}: not a lock file (a JSON object with 'lockfile-version' and 'references')"
    version = document.get("lockfile-version")
    if isinstance(version, int) and not isinstance(version, bool) and version > LOCK_VERSION:
        return {}, (f"{path}: lockfile-version {version} was written by a newer verify-refs (this one "
                    f"reads version {LOCK_VERSION}); upgrade verify-refs, or give --lock another file")
    if version != LOCK_VERSION:
        return {}, f"{path}: unsupported lockfile-version {version!r} (expected {LOCK_VERSION})"
    entries = document.get("references")
    if not isinstance(entries, dict):
        found = "missing" if entries is None else f"a {type(entries).__name__}"
        return {}, f"{path}: 'references' must be a JSON object of entries, not {found}"
    return entries, None


class LockFile:
    """One lock file on disk. ``get`` serves entries, ``put`` stages new ones, ``save``
    merges them into the file as it is on disk now and replaces it atomically.

    ``on_warning`` receives each one-line warning (default: ``logging``); the warnings
    are also kept in ``warnings``. ``today`` gives the check date (for tests).
    """

    def __init__(
        self,
        path: str | os.PathLike[str] = LOCK_NAME,
        *,
        on_warning: Callable[[str], None] | None = None,
        today: Callable[[], datetime.date] = datetime.date.today,
        lock_timeout: float = 30.0,
        strict: bool = False,
    ) -> None:
        self.path = Path(path)
        self.strict = strict  # bad content raises LockFileError instead of a warning
        self.warnings: list[str] = []
        self._on_warning = on_warning or _LOG.warning
        self._today = today
        self._lock_timeout = lock_timeout
        self._entries: dict[str, dict[str, Any]] | None = None
        self._staged: dict[str, dict[str, Any]] = {}
        self._mutex = threading.Lock()

    def _warn(self, message: str) -> None:
        """Record every problem, but tell the user once: the run goes on regardless."""
        self.warnings.append(message)
        if len(self.warnings) == 1:
            self._on_warning(message)

    def _read(self) -> dict[str, dict[str, Any]]:
        """The entries on disk; {} (and a warning) when unreadable."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except (FileNotFoundError, NotADirectoryError):  # no lock yet (or no place for one)
            return {}
        except (OSError, UnicodeDecodeError) as error:
            self._warn(f"{self.path}: cannot read the lock file ({error}); checking every reference")
            return {}
        entries, problem = read_entries(text, self.path)
        if problem and self.strict:
            raise LockFileError(problem)
        if problem:
            self._warn(f"invalid lock file: {problem}; checking every reference and rewriting it")
            return {}
        return {k: v for k, v in entries.items() if isinstance(v, dict)}

    @property
    def entries(self) -> dict[str, dict[str, Any]]:
        with self._mutex:
            if self._entries is None:
                self._entries = self._read()
            return self._entries

    def get(self, reference: Reference) -> Resolution | None:
        """The locked resolution of ``reference``, or None (absent, or an unusable entry)."""
        entry = self._staged.get(fingerprint(reference)) or self.entries.get(fingerprint(reference))
        if entry is None:
            return None
        try:
            return resolution_from_entry(reference.id, entry)
        except (KeyError, ValueError, TypeError, AttributeError):
            return None

    def put(self, reference: Reference, resolution: Resolution) -> bool:
        """Stage ``resolution``; refused (False) for ``UNCHECKED``: failures are never locked."""
        if resolution.outcome is Outcome.UNCHECKED:
            return False
        entry = entry_for(reference, resolution, self._today().isoformat())
        key = fingerprint(reference)
        old = self.entries.get(key)
        if old is not None and _same_but_date(old, entry):
            entry["checked"] = old["checked"]  # nothing changed: keep the diff empty
        with self._mutex:
            self._staged[key] = entry
        return True

    def save(self) -> bool:
        """Merge staged entries into the file under an inter-process lock; False on failure."""
        with self._mutex:
            staged = dict(self._staged)
        if not staged:
            return True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with FileLock(str(self.path) + ".lock", timeout=self._lock_timeout):
                merged = {**self._read(), **staged}
                write_text_atomic(str(self.path), dumps(merged))
        except (OSError, Timeout) as error:
            self._warn(f"{self.path}: cannot write the lock file ({error}); results not saved")
            return False
        with self._mutex:
            self._entries = merged
            for key in staged:
                self._staged.pop(key, None)
        return True


def _same_but_date(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    return {k: v for k, v in old.items() if k != "checked"} == {k: v for k, v in new.items() if k != "checked"}


# --- the resolver ------------------------------------------------------------------

OFFLINE_REASON = "offline and not in lock file"


class LockedResolver(Resolver):
    """Serve references from the lock; ask ``inner`` for the rest and lock its verdicts.

    ``offline``: never ask ``inner`` (unlocked references are ``UNCHECKED``). ``refresh``:
    ask ``inner`` for every reference (offline, the lock is still served).
    """

    def __init__(self, inner: Resolver | None, lock: LockFile, offline: bool = False, refresh: bool = False) -> None:
        self.inner = inner
        self.lock = lock
        self.offline = offline or inner is None
        self.refresh = refresh

    def resolve(self, reference: Reference) -> Resolution:
        return self.resolve_all([reference])[reference.id]

    def resolve_all(self, references: Sequence[Reference]) -> dict[str, Resolution]:
        results: dict[str, Resolution] = {}
        todo: list[Reference] = []
        for reference in references:
            locked = None if (self.refresh and not self.offline) else self.lock.get(reference)
            if locked is not None:
                results[reference.id] = locked
            else:
                todo.append(reference)
        results.update(self._fresh(todo))
        return {reference.id: results[reference.id] for reference in references}

    def _fresh(self, references: Sequence[Reference]) -> dict[str, Resolution]:
        if not references:
            return {}
        if self.offline or self.inner is None:
            return {r.id: Resolution(r.id, Outcome.UNCHECKED, reason=OFFLINE_REASON) for r in references}
        fresh = dict(self.inner.resolve_all(references))
        for reference in references:
            resolution = fresh.setdefault(
                reference.id, Resolution(reference.id, Outcome.UNCHECKED, reason="the resolver gave no answer"))
            self.lock.put(reference, resolution)
        self.lock.save()
        return fresh
