"""Practice history: one record per answered drill question, in its own TinyDB file.

`PracticeHistory(data_dir)` keeps `DATA/practice.json` (see `app.paths.practice_file`),
never the incidents' folder, so practice never shows up in an incident or its export.
Writes go through the incidents' `SafeJSONStorage` (temp file, fsync, rename), under a
`FileLock`, so a kill leaves the old file or the new one, never half. A damaged file is
moved aside as found and the history starts again with every record still whole in it
(`salvage`), with one sentence in `warnings`; one that cannot be moved aside (read-only
storage) is said once, and its whole records are shown, never written over. A record that
cannot be read, or holds a bad value, is left out (kept in the file) and said once; so is an
answer dated after the clock, in Progress. When the disk
refuses a write the attempt is kept in memory and written with the next one (it still
counts in `accuracy`); `HistoryUnavailable` says why in one sentence.
`PracticeHistory(None)` keeps everything in memory (tests).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Table

from app.incidents.locks import FileLock
from app.incidents.storage import SafeJSONStorage, reason
from app.incidents.validate import clean_tree
from app.paths import practice_file
from app.practice.attempt import (
    DAMAGE,
    Attempt,
    HistoryUnavailable,
    PracticeError,
    Score,
    check_attempt,
    checked,
)
from app.said import Said

TABLE = "attempts"


@dataclass
class PracticeHistory:
    """The practice store. Thread-safe; one writer at a time across processes."""

    data_dir: str | os.PathLike | None
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._mutex = threading.RLock()
        self._pending: list[Attempt] = []
        self._told: set[tuple[str, str]] = set()  # what `skipped` has said
        # a damaged file that could not be moved aside (read-only storage): which file (not
        # recovered again at every read) and its whole records, shown read-only
        self._stuck: tuple | None = None
        self._shown = TinyDB(storage=MemoryStorage)
        if self.data_dir is None:
            self.path = None
            self._db = TinyDB(storage=MemoryStorage)
            self._lock = None
        else:
            self.path = practice_file(Path(self.data_dir))
            # texts read back cleaned: a lone surrogate ("\ud800" is valid JSON) could never
            # be written back, and every later answer would fail to save
            self._db = TinyDB(self.path, storage=SafeJSONStorage, create_dirs=False,
                              clean=lambda data: clean_tree(data, levels=4))
            self._lock = FileLock(self.path.with_name("practice.lock"))

    # --- writing ---

    def record(self, attempt: Attempt) -> Attempt:
        """Store one attempt. Raises PracticeError (bad value) or HistoryUnavailable."""
        check_attempt(attempt)
        with self._mutex:
            self._pending.append(attempt)
            self._flush()
        return attempt

    def retry(self) -> int:
        """Write attempts the disk refused before; returns how many are still waiting."""
        with self._mutex:
            if self._pending:
                self._flush()
            return len(self._pending)

    def _flush(self) -> None:
        records = [a.to_record() for a in self._pending]
        try:
            try:
                self._insert(records)
            except DAMAGE:  # read, but not written back (damage no check foresaw): kept
                if self.path is None:  # aside, its whole records read back, then once more
                    raise
                with self._locked():
                    self._recover(again=True)
                self._insert(records)
        except OSError as err:
            raise HistoryUnavailable(Said("said_history_not_saved", reason=reason(err))) from err
        except DAMAGE as err:  # damaged and could not be moved aside
            raise HistoryUnavailable(Said("said_history_damaged_kept", path=self.path)) from err
        self._pending.clear()

    def _insert(self, records: list[dict]) -> None:
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._locked():
            self._table().insert_multiple(records)

    def erase(self) -> int:
        """Delete every attempt, every answer kept for a debrief and any damaged copy kept
        aside. Returns how many attempts."""
        with self._mutex:
            n = len(self.attempts())
            self._pending.clear()
            try:
                with self._locked():
                    self._db.drop_tables()
                    if self.path is not None:
                        for old in self.path.parent.glob(self.path.name + ".corrupt-*"):
                            old.unlink()
            except OSError as err:
                raise HistoryUnavailable(
                    Said("said_history_not_erased", reason=reason(err))) from err
            return n

    @contextmanager
    def table(self, name: str, write: bool = True) -> Iterator[Table]:
        """Another table of the same file (answers kept for a debrief), under the lock. A
        refused read or write, or a file damaged and not replaced, raises HistoryUnavailable."""
        with self._mutex:
            try:
                if write and self.path is not None:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                with self._locked(write):
                    yield self._table(name, write)
            except (OSError, *DAMAGE) as err:
                why = (reason(err) if isinstance(err, OSError)
                       else Said("said_history_is_damaged", path=self.path))
                said = "said_history_not_written" if write else "said_history_not_read"
                raise HistoryUnavailable(Said(said, reason=why)) from err

    # --- reading ---

    def attempts(self, since: datetime | None = None) -> list[Attempt]:
        """Every attempt (oldest first), or those at or after `since`."""
        with self._mutex:
            stored = []
            with self._locked(write=False):
                try:
                    records = self._table(write=False).all()
                except (OSError, *DAMAGE):  # unreadable, or damaged and not moved (warned)
                    records = []
                for r in records:
                    try:  # the check a new answer passes, on every read: a hand edit or
                        stored.append(checked(Attempt.from_record(r)))  # damage is left out
                    except (*DAMAGE, PracticeError):
                        continue  # one odd record does not hide the rest (nor is deleted)
            self.skipped(len(records) - len(stored), "said_count_answers")
            out = stored + self._pending
        out.sort(key=lambda a: a.at)
        return [a for a in out if since is None or a.at >= since]

    def accuracy(self, days: int = 7, now: datetime | None = None) -> dict[str, Score]:
        """Per skill (sorted by id): right answers out of all in the last `days` days.
        Attempts with no skill are left out."""
        clock = datetime.now(UTC)
        now = now or clock
        counts: dict[str, list[int]] = {}
        ahead = 0  # dated after the clock: set ahead when answered, put right since
        for a in self.attempts(since=now - timedelta(days=days)):
            ahead += a.at > clock
            if a.skill is None or a.at > now:
                continue
            c = counts.setdefault(a.skill, [0, 0])
            c[0] += a.right
            c[1] += 1
        self.skipped(ahead, "said_count_answers", why="said_history_future")
        return {s: Score(s, r, t) for s, (r, t) in sorted(counts.items())}

    def weakest(
        self, days: int = 30, now: datetime | None = None, min_attempts: int = 3
    ) -> Score | None:
        """The skill with the lowest accuracy (ties: more attempts, then id), counting
        only skills practised at least `min_attempts` times; None when there are none."""
        scores = [s for s in self.accuracy(days, now).values() if s.total >= min_attempts]
        if not scores:
            return None
        return min(scores, key=lambda s: (s.ratio, -s.total, s.skill))

    def skipped(self, n: int, noun: str, why: str = "said_history_skipped") -> None:
        """Say once that n records of the file are left out (the others still count, and
        none is deleted); `noun` is a counted key, e.g. "said_count_answers"; `why`: a bad
        value, or "said_history_future"."""
        if n > 0 and self.path is not None and (why, noun) not in self._told:
            self._told.add((why, noun))
            self.warnings.append(Said(why, path=self.path, what=Said(noun, n=n)))

    # --- plumbing ---

    def _table(self, name: str = TABLE, write: bool = True) -> Table:
        # a fresh Table each time: TinyDB caches the next doc id, which another process
        # writing the same file would make stale
        stuck = self._stuck is not None and not write  # read what the damaged file holds
        return Table((self._shown if stuck else self._db).storage, name)

    def _locked(self, write: bool = True):
        return _Guarded(self, write)

    def _identity(self) -> tuple | None:
        """The file's identity as its storage tells it (None: none, or not readable)."""
        try:
            return self._db.storage.identity()
        except OSError:
            return None

    def _recover(self, again: bool = False) -> None:
        """The file could not be read: app.practice.salvage keeps it aside, starts again
        with every record still whole in it, and says so, once. A file that could not be
        moved aside is not tried again at every read (`again`: a write wants it gone)."""
        from app.practice.salvage import recover

        assert self.path is not None
        found = self._identity()
        if found is not None and found == self._stuck and not again:
            return
        said, shown = recover(self.path, self._db.storage)
        self._stuck = self._identity() if shown is not None else None
        self._shown.storage.write(shown or {})
        if said not in self.warnings:
            self.warnings.append(said)


class _Guarded:
    """Hold the file lock; a damaged file found while reading is moved aside once."""

    def __init__(self, history: PracticeHistory, write: bool):
        self.h = history
        self.write = write

    def __enter__(self):
        if self.h._lock is None:
            return self
        self.h._lock.__enter__()
        if self.write:
            try:
                self.h._lock.check()
            except BaseException:
                self.h._lock.__exit__(None, None, None)
                raise
        try:
            self.h._db.storage.read()
        except DAMAGE:
            self.h._recover()
        except OSError:
            pass  # a read that fails here fails again where it matters, and says why
        else:
            self.h._stuck = None  # read: the damaged file is gone (replaced, or put right)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.h._lock is not None:
            self.h._lock.__exit__(*exc)
