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

import math
import os
import re
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
from app.said import Said

DRILLS = ("name-skill", "scenario", "own-words")  # the drills that write history
# ids are the guide's slugs: lower case letters of any language (a Spanish phrase's id keeps
# its accents: "2-say-parece-que-ya-se-cansó"), digits, and : / . _ -
ID_RE = re.compile(r"^[^\W_][\w:/.-]{0,199}$")
TABLE = "attempts"
DAMAGE = (ValueError, UnicodeDecodeError, KeyError, TypeError, AttributeError, RecursionError,
          OverflowError)  # OverflowError: a date such as 9999-12-31T23:59-23:59


class PracticeError(Exception):
    """Base of the errors history raises; str(err) is one sentence fit to show."""


class HistoryUnavailable(PracticeError):
    """The disk refused the write. The attempt is kept in memory and retried next time."""


@dataclass(frozen=True)
class Attempt:
    """One answer in one drill: was it right, and how long it took."""

    drill: str  # one of DRILLS
    skill: str | None  # the skill the question was about (None: a question with no skill)
    right: bool
    seconds: float  # time to answer
    at: datetime  # aware UTC
    item: str = ""  # what was asked: a phrase id, or "scenario-id/turn-number"
    timed: bool = False  # answered in timed mode

    def to_record(self) -> dict:
        return {
            "drill": self.drill,
            "skill": self.skill,
            "right": self.right,
            "seconds": round(self.seconds, 3),
            "at": self.at.astimezone(UTC).isoformat(),
            "item": self.item,
            "timed": self.timed,
        }

    @classmethod
    def from_record(cls, r: dict) -> Attempt:
        """The attempt a record holds, each field of the type a write gives it (TypeError
        otherwise: bool("false") is True, str(7) an id); `check_attempt` checks the values."""
        at = datetime.fromisoformat(r["at"])
        if at.tzinfo is None:
            raise ValueError("attempt time has no zone")
        drill, skill, right, seconds = r["drill"], r["skill"], r["right"], r["seconds"]
        item, timed = r.get("item", ""), r.get("timed", False)
        if not (isinstance(drill, str) and isinstance(item, str)
                and (skill is None or isinstance(skill, str))
                and type(right) is bool and type(timed) is bool
                and type(seconds) in (int, float)):
            raise TypeError("an attempt's field is not of its type")
        return cls(drill, skill, right, float(seconds), at.astimezone(UTC), item, timed)


@dataclass(frozen=True)
class Score:
    """Right answers out of all answers for one skill in a time window."""

    skill: str
    right: int
    total: int

    @property
    def ratio(self) -> float:
        return self.right / self.total if self.total else 0.0


def check_attempt(a: Attempt) -> None:
    """Refuse an attempt that would store nonsense; the message names the value."""
    if a.drill not in DRILLS:
        raise PracticeError(f"unknown drill {a.drill!r}: use one of {', '.join(DRILLS)}")
    for name, value in (("skill", a.skill), ("item", a.item)):
        if value and not (ID_RE.match(value) and value == value.lower()):
            raise PracticeError(
                f"{name} {value[:40]!r} is not an id: use lower case letters, digits and dashes"
            )
    if not (math.isfinite(a.seconds) and 0 <= a.seconds <= 24 * 3600):
        raise PracticeError(f"time to answer {a.seconds!r} s is not a number of seconds")
    if a.at.tzinfo is None:
        raise PracticeError("the attempt's time has no zone: give an aware datetime")


def checked(a: Attempt) -> Attempt:
    check_attempt(a)
    return a


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

    def _recover(self, again: bool = False) -> None:
        """The file could not be read: app.practice.salvage keeps it aside, starts again
        with every record still whole in it, and says so, once. A file that could not be
        moved aside is not tried again at every read (`again`: a write wants it gone)."""
        from app.practice.salvage import recover

        assert self.path is not None
        found = _identity(self.path)
        if found is not None and found == self._stuck and not again:
            return
        said, shown = recover(self.path, self._db.storage)
        self._stuck = _identity(self.path) if shown is not None else None
        self._shown.storage.write(shown or {})
        if said not in self.warnings:
            self.warnings.append(said)


def _identity(path: Path) -> tuple | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


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
