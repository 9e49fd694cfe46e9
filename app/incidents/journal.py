"""Writing the files of one incident folder, as plain functions; `Book` calls them under
its lock.

`Current` appends to the journal (one fdatasynced line per entry); `rotate` sets it
aside to be folded, `clean_up` deletes what notes.json now holds, `persist` writes a
repair as a new journal. Folding (`FoldJob`) writes notes.json from entries already in
memory, in a background thread. Reading these files back, every entry checked, is
`journal_read.py`.
"""

from __future__ import annotations

import os
import re
import secrets
import threading
import time
from pathlib import Path

from app.fsutil import atomic_write, fsync_dir, remove_temps, unlink_quietly
from app.incidents.locks import TryLock
from app.incidents.records import to_doc
from app.incidents.storage import BINARY, encode_line, sync, write_all, write_sealed
from app.said import Said

NOTES, JOURNAL, FOLD_LOCK = "notes.json", "journal.jsonl", "fold.lock"
_SET_ASIDE = re.compile(r"journal-(\d{12})-[0-9a-f]{8}\.jsonl")


class Current:
    """The journal being appended to: its open file, and its inode and size as this
    process last saw them (to notice what other processes did)."""

    def __init__(self, folder: Path):
        self.path = folder / JOURNAL
        self.fd: int | None = None  # O_APPEND
        self.ino: int | None = None
        self.offset = 0

    def append(self, line: bytes) -> None:
        """One line, fdatasynced. On a disk error nothing half-written is left behind."""
        if self.fd is None:
            self.fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | BINARY, 0o600)
            st = os.fstat(self.fd)
            if st.st_ino != self.ino:  # a new journal (the last one was set aside)
                self.ino, self.offset = st.st_ino, st.st_size
                fsync_dir(self.path.parent)
        try:
            write_all(self.fd, line)
            sync(self.fd)
        except OSError:
            try:
                os.ftruncate(self.fd, self.offset)
            except OSError:
                pass
            raise
        self.offset += len(line)

    def close(self) -> None:
        if self.fd is not None:
            try:
                os.close(self.fd)
            except OSError:
                pass
            self.fd = None

    def forget(self) -> None:
        """The journal was set aside: the next append starts a new one."""
        self.close()
        self.ino, self.offset = None, 0


def set_aside(folder: Path) -> list[tuple[int, Path]]:
    """Journals renamed aside to be folded: (last seq, path), oldest first."""
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return []
    found = [(m, name) for name in names if (m := _SET_ASIDE.fullmatch(name))]
    return sorted((int(m.group(1)), folder / name) for m, name in found)


def journals(folder: Path) -> list[Path]:
    """Every journal to read, in the order they were written."""
    return [p for _, p in set_aside(folder)] + [folder / JOURNAL]


def _aside_name(folder: Path, last_seq: int) -> Path:
    return folder / f"journal-{max(last_seq, 0):012d}-{secrets.token_hex(4)}.jsonl"


def rotate(folder: Path, last_seq: int) -> bool:
    """Rename the current journal aside (instant); the next append starts a new one.
    False when there was none."""
    path = folder / JOURNAL
    try:
        os.rename(path, _aside_name(folder, last_seq))
    except FileNotFoundError:
        return False
    # not synced here: until the next journal is created (and its folder synced, which
    # makes this rename durable too) a lost rename only leaves the entries where they were
    return True


def persist(folder: Path, recs: list[dict], hashes: list) -> None:
    """Write every entry in memory to a new journal file (a repair, before damaged
    files are set aside), atomically."""
    if recs:
        lines = b"".join(encode_line(r, h) for r, h in zip(recs, hashes, strict=True))
        atomic_write(_aside_name(folder, recs[-1]["seq"]), lines)


def clean_up(folder: Path, upto: int) -> None:
    """Delete set-aside journals whose every entry notes.json now holds. Not synced:
    a deletion lost in a crash only brings back entries that are skipped as known."""
    for last, path in set_aside(folder):
        if last <= upto:
            unlink_quietly(path)


TEMP_AGE = 60.0  # seconds: a temp file younger may be a write in flight


class FoldJob(threading.Thread):
    """Writes notes.json from a snapshot of the entries, holding the fold lock, which
    it releases at the end (taken by the caller under the main lock, so snapshots
    reach the disk in the order they were taken and notes.json never goes back)."""

    def __init__(self, folder: Path, recs: list[dict], hashes: list, lock: TryLock):
        super().__init__(name=f"fold {folder.name}", daemon=True)
        self.path = folder / NOTES
        self.recs, self.hashes, self.lock = recs, hashes, lock
        self.upto = recs[-1]["seq"] if recs else -1
        self.count = len(recs)
        self.error: Exception | None = None
        self.done = False

    def run(self) -> None:
        try:
            docs = {}
            for i, (rec, h) in enumerate(zip(self.recs, self.hashes, strict=True)):
                docs[str(rec["seq"])] = to_doc(rec, h)
                if i % 200 == 199:
                    time.sleep(0)  # let an append waiting for the interpreter run now
            write_sealed(self.path, docs)
            self.done = True
        except Exception as err:  # noqa: BLE001 - the entries are safe in the journals;
            self.error = err  # the book tells the officer at its next step
        finally:
            self.recs = self.hashes = []
            self.lock.release()


class Folder:
    """The folds of one incident folder: the running job, and how far notes.json is
    known to hold every entry (so set-aside journals up to there can go)."""

    def __init__(self, folder: Path):
        self.dir = folder
        self.job: FoldJob | None = None
        self.stored = 0  # entries in notes.json
        self.covered = -1  # notes.json holds every entry up to this seq (our folds)
        self.cleaned = -1

    def busy(self) -> bool:
        return self.job is not None and self.job.is_alive()

    def collect(self) -> str | None:
        """Take the result of a finished fold; a sentence when it failed."""
        job = self.job
        if job is None or job.is_alive():
            return None
        self.job = None
        if job.done:
            self.stored, self.covered = job.count, max(self.covered, job.upto)
            return None
        why = getattr(job.error, "strerror", None) or repr(job.error)
        return Said("said_not_tidied", problem=why)

    def take(self, wait: bool) -> TryLock | None:
        """The fold lock, or None when another fold holds it (and not `wait`)."""
        lock = TryLock(self.dir / FOLD_LOCK)
        try:
            return lock if lock.acquire(wait=wait) else None
        except OSError:
            return None

    def start(self, lock: TryLock, recs: list[dict], hashes: list) -> FoldJob:
        self.job = FoldJob(self.dir, recs, hashes, lock)
        self.job.start()
        return self.job

    def clean_up(self) -> str | None:
        problem = self.collect()
        if self.covered > self.cleaned:
            clean_up(self.dir, self.covered)
            self.cleaned = self.covered
        return problem

    def remove_temps(self) -> None:
        """Clear temp files a killed write left, unless a fold is writing one now. One
        younger than a minute is left: incident.json is written outside the lock, so it
        may be another process's write in flight."""
        if self.busy():
            return
        lock = self.take(wait=False)
        if lock is not None:
            remove_temps(self.dir, older_than=TEMP_AGE)
            lock.release()

    def wait(self) -> None:
        job = self.job
        if job is not None:
            job.join()
