"""The files of one incident folder, as plain functions; `Book` calls them under its lock.

Reading gives entries as (record, hash, Note): the record is what the chain hashes, the
hash is None for an entry written before the chain. Every entry read is checked: a
journal line by its own SHA-256 (or CRC32 before the chain), a notes.json document by
recomputing the hash of its record. Folding (`FoldJob`) writes notes.json from entries
already in memory, in a background thread.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import secrets
import threading
import time
from pathlib import Path

from app.fsutil import atomic_write, fsync_dir, remove_temps, unlink_quietly
from app.incidents.chain import canonical, digest
from app.incidents.locks import TryLock
from app.incidents.records import from_doc, record_to_note, salvage_docs, to_doc
from app.incidents.storage import (
    BINARY,
    decode_line,
    encode_line,
    sealed,
    sync,
    write_all,
    write_sealed,
)

NOTES, JOURNAL, FOLD_LOCK = "notes.json", "journal.jsonl", "fold.lock"
_SET_ASIDE = re.compile(r"journal-(\d{12})-[0-9a-f]{8}\.jsonl")
DAMAGE = (ValueError, UnicodeDecodeError, KeyError, TypeError, AttributeError)


def checked(doc: object) -> tuple[dict, str | None] | None:
    """(record, hash) of a notes.json document whose content matches its hash or CRC."""
    got = from_doc(doc)
    if got is not None and got[1] is not None and digest(canonical(got[0])) != got[1]:
        return None
    return got


def valid(found: list[tuple[dict, str | None]], incident_id: str) -> list:
    """(record, hash, Note) for each record that is a well-formed note, first per seq."""
    good, seqs = [], set()
    for rec, h in found:
        try:
            note = record_to_note(rec, incident_id)
        except DAMAGE:
            continue
        if note.seq not in seqs:
            seqs.add(note.seq)
            good.append((rec, h, note))
    return good


def _trusted(docs: list) -> list:
    """Entries of a sealed notes.json: exactly as a fold wrote them from checked
    entries, so only split (their Notes are built when first used)."""
    out = []
    for doc in docs:
        entry_hash = doc.pop("hash", None)
        doc.pop("crc", None)
        out.append((doc, entry_hash, None))
    return out


def read_store(folder: Path, incident_id: str) -> tuple[list, str | None]:
    """The entries of notes.json and, when it is damaged, a sentence saying so."""
    path = folder / NOTES
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return [], None
    try:
        if not raw.strip():  # we never write an empty file: it was truncated
            raise ValueError("empty")
        docs = list(json.loads(raw.decode("utf-8"))["notes"].values())
    except (*DAMAGE, RecursionError):
        good = valid(salvage_docs(raw.decode("utf-8", "replace")), incident_id)
        return good, (
            f"The notes file {path} was damaged; it will be kept aside and {len(good)} "
            "readable entries were recovered from it."
        )
    if sealed(raw):
        return _trusted(docs), None
    got = [checked(doc) for doc in docs]
    good = valid([g for g in got if g is not None], incident_id)
    if len(good) != len(docs):
        return good, (
            f"{len(docs) - len(good)} damaged entries in {path} were skipped; it will be kept "
            f"aside and {len(good)} entries were recovered."
        )
    return good, None


# A crash or a kill in the middle of a save can cut the journal's last line short (a
# write stops at a page boundary). That entry was never shown as saved; the file is still
# kept aside exactly as found, and the officer is told in these words.
UNFINISHED = (
    "Stairway was stopped while saving to {path}: its last entry was never shown as saved. "
    "The file is kept aside and every saved entry ({n} in it) was recovered."
)


def read_journal(path: Path, incident_id: str, start: int = 0):
    """(entries, damage sentence or None, bytes read, inode or None) from `start`."""
    try:
        with open(path, "rb") as f:
            ino = os.fstat(f.fileno()).st_ino
            f.seek(start)
            data = f.read()
    except FileNotFoundError:
        return [], None, 0, None
    lines = data.split(b"\n")
    torn = lines.pop()  # b"" when the file ends with a newline
    decoded = [decode_line(line) for line in lines]
    found = valid([d for d in decoded if d is not None], incident_id)
    problem = None
    if len(found) != len(lines):
        problem = (
            f"The journal {path} had a damaged or unfinished entry; it will be kept aside "
            f"and every readable entry ({len(found)} in it) was recovered."
        )
    elif torn:  # only the last line is cut short: a save stopped by a crash or a kill
        problem = UNFINISHED.format(path=path, n=len(found))
    return found, problem, len(data), ino


def read_all(folder: Path, incident_id: str):
    """Every entry of an incident folder: notes.json, then each journal in order.

    Returns (entries, stored count, problems as (sentence, path), current journal's
    inode and size). An entry found again in a journal is skipped (a crash between a
    fold and its clean-up); another entry with a number already taken gets the next
    free number (never drop evidence; the chain will then say it was changed).
    """
    entries, problem = read_store(folder, incident_id)
    problems = [(problem, folder / NOTES)] if problem else []
    stored = 0 if problem else len(entries)
    seen = {rec["seq"]: rec["id"] for rec, _, _ in entries}
    top = max(seen, default=-1)
    ino, size = None, 0
    for path in journals(folder):
        found, problem, size_read, inode = read_journal(path, incident_id)
        if path.name == JOURNAL:
            ino, size = inode, size_read
        if problem:
            problems.append((problem, path))
        for rec, h, n in found:
            if seen.get(n.seq) == n.id:
                continue
            if n.seq in seen:
                top += 1
                n, rec = dataclasses.replace(n, seq=top), {**rec, "seq": top}
            seen[n.seq] = n.id
            top = max(top, n.seq)
            entries.append((rec, h, n))
    entries.sort(key=lambda e: e[0]["seq"])
    return entries, stored, problems, ino, size


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
        return f"Could not tidy the notes file ({why}); the notes are safe in the journal."

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
        """Clear temp files a killed write left, unless a fold is writing one now."""
        if self.busy():
            return
        lock = self.take(wait=False)
        if lock is not None:
            remove_temps(self.dir)
            lock.release()

    def wait(self) -> None:
        job = self.job
        if job is not None:
            job.join()
