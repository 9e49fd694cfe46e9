"""One incident's entries: a chained, checksummed append journal folded into TinyDB.

Directory per incident (`DATA/incidents/ID/`):
  incident.json          TinyDB (SafeJSONStorage): the incident record, a copy of what
                         the record entries say (rebuilt from them when damaged)
  notes.json             TinyDB (SafeJSONStorage): the entries folded so far, by seq
  journal.jsonl          one line per entry, appended and fsynced before a note is
                         acknowledged (`storage.encode_line`)
  journal-N-X.jsonl      a journal set aside to be folded (N: its last seq); deleted
                         once notes.json holds it
  lock, fold.lock        flock: one writer at a time; one fold at a time

An append costs one line + fdatasync whatever the incident's size and never waits for
a fold: when the journal holds as many entries as notes.json (and at least fold_min),
it is renamed aside under the lock (instant) and a background thread
(`journal.FoldJob`) rewrites notes.json from memory while appends go to a new journal.
Every entry is checked when read, and the chain (`chain.py`) when opened. A damaged
file is set aside (`NAME.corrupt-TIME`) after its readable entries are written to a new
journal file, and the officer is told. No fold ever runs while an incident opens.
Every operation that touches the files runs under the lock after `refresh()`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import secrets
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Document

from app import fsutil
from app.incidents import chain, journal
from app.incidents.board import incident_of
from app.incidents.clock import utcnow
from app.incidents.kinds import RECORD_KINDS, NoteKind
from app.incidents.model import Incident, Note
from app.incidents.records import (
    incident_to_record,
    note_to_record,
    record_to_incident,
    record_to_note,
    to_doc,
)
from app.incidents.storage import (
    BINARY,
    FileLock,
    SafeJSONStorage,
    TryLock,
    encode_line,
    fsync_dir,
    move_aside,
    reason,
    sync,
    write_all,
)

META, LOCK, FOLD_LOCK = "incident.json", "lock", "fold.lock"
NOTES, JOURNAL = journal.NOTES, journal.JOURNAL
DAMAGE = journal.DAMAGE


class Book:
    """The entries of one incident, in memory, mirrored on disk (or memory-only)."""

    def __init__(self, incident_id: str, directory: Path | None, fold_min: int = 2000):
        self.id = incident_id
        self.dir = directory
        self.fold_min = fold_min
        self.notes: list[Note] = []  # every entry, by seq
        self.recs: list[dict] = []  # the stored records (prev included), same order
        self.hashes: list[str | None] = []  # each entry's hash (None: before the chain)
        self.by_id: dict[str, Note] = {}
        self.records = 0  # entries of the incident-record kinds (not officer notes)
        self.verifier = chain.Verifier(incident_id)
        self.warnings: list[str] = []
        self._stored = 0  # entries in notes.json
        self._fd: int | None = None  # journal, O_APPEND
        self._ino: int | None = None
        self._offset = 0
        self._damaged: list[Path] = []  # to set aside once the repair is written
        self._job: journal.FoldJob | None = None
        self._covered = -1  # notes.json holds every entry up to this seq (our folds)
        self._cleaned = -1
        self._gen = 0  # the lock file's counter when we last read the journals
        if directory is None:
            self._meta_db = TinyDB(storage=MemoryStorage)
            self._notes_db = TinyDB(storage=MemoryStorage)
            self.lock = contextlib.nullcontext()
        else:
            self._meta_db = TinyDB(directory / META, storage=SafeJSONStorage)
            self._notes_db = None
            self.lock = FileLock(directory / LOCK)

    # --- incident record ---

    def read_incident(self) -> Incident | None:
        """The incident record; a damaged file is moved aside and None returned."""
        try:
            doc = self._meta_db.table("incident").get(doc_id=1)
            return record_to_incident(doc) if doc else None
        except DAMAGE:
            if self.dir is not None and (self.dir / META).exists():
                kept = self.aside(self.dir / META)
                self.warnings.append(
                    f"The incident record {self.dir / META} was damaged; {kept} and it "
                    "was rebuilt from the entries."
                )
            return None

    def write_incident(self, inc: Incident) -> None:
        self._meta_db.table("incident").upsert(Document(incident_to_record(inc), doc_id=1))

    def replay(self, base: Incident | None = None) -> Incident | None:
        """The incident as its record entries tell it (starting from `base`, if any)."""
        return incident_of(self.id, self.notes, base) if self.records else base

    def aside(self, path: Path) -> str:
        """Move a damaged file aside; say where it is (or why it could not move)."""
        try:
            return f"it was kept as {move_aside(path).name}"
        except OSError as err:
            return f"it could not be moved aside ({reason(err)})"

    # --- the entries in memory ---

    @property
    def chained(self) -> bool:
        """Can the next entry be chained (empty, or the chain has started)?"""
        return not self.hashes or self.hashes[-1] is not None

    def _add(self, rec: dict, entry_hash: str | None, note: Note) -> None:
        self.recs.append(rec)
        self.hashes.append(entry_hash)
        self.notes.append(note)
        self.by_id[note.id] = note
        self.records += note.kind in RECORD_KINDS
        self.verifier.feed(rec, entry_hash, trusted=True)  # each was checked when read

    def _set(self, entries: list[tuple[dict, str | None, Note]]) -> None:
        entries.sort(key=lambda e: e[2].seq)
        self.recs, self.hashes, self.notes, self.by_id, self.records = [], [], [], {}, 0
        self.verifier = chain.Verifier(self.id)
        for rec, h, note in entries:
            self._add(rec, h, note)

    # --- loading ---

    def load(self) -> None:
        """Read notes.json and the journals; recover what is readable; say what is wrong."""
        with self.lock:
            self._close_fd()
            if self.dir is None:
                return
            self._remove_temps()
            self._gen = self.lock.counter()
            self._damaged = []
            entries, problem = journal.read_store(self.dir, self.id)
            self._stored = 0 if problem else len(entries)
            self._problem(problem, self.dir / NOTES)
            seen = {n.seq: n.id for _, _, n in entries}
            top = max(seen, default=-1)
            for path in journal.journals(self.dir):
                found, problem, size, ino = journal.read_journal(path, self.id)
                if path.name == JOURNAL:
                    self._ino, self._offset = ino, size
                self._problem(problem, path)
                for rec, h, n in found:
                    if seen.get(n.seq) == n.id:
                        continue  # already folded (a crash between fold and clean-up)
                    if n.seq in seen:  # never drop evidence: give it the next free seq
                        top += 1
                        n, rec = dataclasses.replace(n, seq=top), {**rec, "seq": top}
                    seen[n.seq] = n.id
                    top = max(top, n.seq)
                    entries.append((rec, h, n))
            self._set(entries)
            status = self.verifier.status()
            if not status.intact:
                self.warnings.append(f"Incident {self.id}: {status.problem}")
            try:
                self.repair()
            except OSError as err:  # read-only: recovered in memory; repaired on write
                self.warnings.append(f"The repair could not be saved yet ({reason(err)}).")
            self.migrate()
            self.maybe_fold()

    def _problem(self, sentence: str | None, path: Path) -> None:
        if sentence:
            self.warnings.append(sentence)
            self._damaged.append(path)

    def refresh(self) -> None:
        """Take in what other processes wrote since we last looked (call under the lock)."""
        if self.dir is None:
            return
        self._clean_up()
        try:
            st = os.stat(self.dir / JOURNAL)
        except FileNotFoundError:
            st = None
        ino = st.st_ino if st else None
        if (self.lock.counter() != self._gen or ino != self._ino
                or (st and st.st_size < self._offset)):
            self.load()  # set aside, folded or repaired by another process
            return
        if st and st.st_size > self._offset:
            new, problem, size, _ = journal.read_journal(self.dir / JOURNAL, self.id, self._offset)
            self._offset += size
            last = self.notes[-1].seq if self.notes else -1
            if all(n.seq == last + i + 1 for i, (_, _, n) in enumerate(new)):
                for rec, h, n in new:
                    self._add(rec, h, n)
            else:
                known = list(zip(self.recs, self.hashes, self.notes, strict=True))
                self._set(known + [e for e in new if e[2].id not in self.by_id])
            self._problem(problem, self.dir / JOURNAL)
            self.repair()

    # --- writing ---

    def append(self, note: Note) -> None:
        """Chain `note` to the last entry, make it durable (journal line + fdatasync),
        then add it in memory. Call under the lock after `refresh()`; `note.seq` must be
        the next seq. Raises OSError (nothing is added in memory) when the disk refuses.
        """
        self.repair()  # never append after a damaged file: set it aside first
        if not self.chained and note.kind != NoteKind.CHAIN_STARTED:
            raise ValueError("the chain has not started yet")
        prev = self.hashes[-1] if self.hashes and self.hashes[-1] else chain.genesis(self.id)
        rec, entry_hash = chain.link(note_to_record(note), prev)
        if self.dir is None:
            doc = Document(to_doc(rec, entry_hash), doc_id=note.seq + 1)
            self._notes_db.table("notes").insert(doc)
        else:
            self._write_line(encode_line(rec, entry_hash))
        self._add(rec, entry_hash, note)
        self.maybe_fold()

    def _write_line(self, line: bytes) -> None:
        self.lock.check()
        path = self.dir / JOURNAL
        if self._fd is None:
            self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | BINARY, 0o600)
            st = os.fstat(self._fd)
            if st.st_ino != self._ino:  # a new journal (the last one was set aside)
                self._ino, self._offset = st.st_ino, st.st_size
                fsync_dir(self.dir)
        try:
            write_all(self._fd, line)
            sync(self._fd)
        except OSError:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, self._offset)  # no half line left behind
            raise
        self._offset += len(line)

    def bulk_load(self, entries: list[tuple[dict, str | None]]) -> None:
        """Fill a new, empty incident at once (imports): one atomic write."""
        with self.lock:
            self._set([(rec, h, record_to_note(rec, self.id)) for rec, h in entries])
            if self.dir is None:
                docs = [Document(to_doc(r, h), doc_id=r["seq"] + 1) for r, h in entries]
                self._notes_db.table("notes").insert_multiple(docs)
            else:
                self.fold_now()

    def migrate(self) -> None:
        """Start the chain of an incident written before it existed (see chain.py): a
        chain_started entry sealing the earlier ones and carrying the situation and
        location, then incident_closed if it is closed. Old entries are never
        rewritten. Skipped quietly when the disk refuses (tried again later)."""
        if self.chained or not self.notes:
            return
        inc = self.read_incident()
        if inc is None:
            return
        seq = self.notes[-1].seq + 1
        try:
            self.append(Note(secrets.token_hex(6), self.id, seq, utcnow(),
                             NoteKind.CHAIN_STARTED, inc.situation, location=inc.location,
                             seal=chain.seal(self.recs)))
            if not inc.is_open:
                self.append(Note(secrets.token_hex(6), self.id, seq + 1,
                                 inc.closed_at or utcnow(), NoteKind.INCIDENT_CLOSED, ""))
        except OSError:
            return

    def repair(self) -> None:
        """Write every entry in memory to a new journal file, then set the damaged
        files aside (kept, never deleted). Raises OSError when the disk refuses."""
        if not self._damaged or self.dir is None:
            return
        self.lock.check()
        journal.persist(self.dir, self.recs, self.hashes)
        for path in self._damaged:
            if path.exists():
                move_aside(path)
            if path.name == JOURNAL:
                self._close_fd()
                self._ino, self._offset = None, 0
                self._gen = self.lock.bump()
            elif path.name == NOTES:
                self._stored = 0
        self._damaged = []

    # --- folding (journal.FoldJob does the writing) ---

    def _due(self) -> bool:
        pending = len(self.recs) - self._stored
        return pending > 0 and pending >= max(self.fold_min, self._stored)

    def maybe_fold(self, force: bool = False, wait: bool = False) -> journal.FoldJob | None:
        """Under the lock: when due (or `force`), set the journal aside and start a
        background fold. Unless `wait`, never waits: if another process is folding, the
        fold happens at a later append."""
        if self.dir is None or (self._job is not None and self._job.is_alive()):
            return None
        self._collect()
        if not (force or self._due()) or not self.recs:
            return None
        lock = TryLock(self.dir / FOLD_LOCK)
        try:
            if not lock.acquire(wait=wait):
                return None
            self._close_fd()
            if journal.rotate(self.dir, self.notes[-1].seq):
                self._gen = self.lock.bump()
        except OSError:
            lock.release()
            return None
        self._ino, self._offset = None, 0
        self._job = journal.FoldJob(self.dir, list(self.recs), list(self.hashes), lock)
        self._job.start()
        return self._job

    def _collect(self) -> None:
        """Take the result of a finished fold."""
        job = self._job
        if job is None or job.is_alive():
            return
        self._job = None
        if job.done:
            self._stored, self._covered = job.count, max(self._covered, job.upto)
        else:
            why = reason(job.error) if isinstance(job.error, OSError) else repr(job.error)
            self.warnings.append(f"Could not tidy the notes file ({why}); the notes are safe.")

    def _clean_up(self) -> None:
        self._collect()
        if self._covered > self._cleaned:
            journal.clean_up(self.dir, self._covered)
            self._cleaned = self._covered

    def _remove_temps(self) -> None:
        """Clear temp files a killed write left, unless a fold is writing one now."""
        if self._job is not None and self._job.is_alive():
            return
        lock = TryLock(self.dir / FOLD_LOCK)
        try:
            if lock.acquire():
                fsutil.remove_temps(self.dir)
                lock.release()
        except OSError:
            return

    def wait(self) -> None:
        """Wait for a background fold of this book to finish."""
        job = self._job
        if job is not None:
            job.join()

    def fold_now(self) -> None:
        """Fold everything now and wait for it (closing, importing)."""
        if self.dir is None:
            return
        self.wait()
        with self.lock:
            self.refresh()
            pending = len(self.recs) != self._stored or journal.set_aside(self.dir)
            if pending or (self.dir / JOURNAL).exists():
                job = self.maybe_fold(force=True, wait=True)
                if job is not None:
                    job.join()
                    self._clean_up()
                    if job.error is not None:
                        raise job.error

    def _close_fd(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.fold_now()
        self.wait()
        self._close_fd()
        self._meta_db.close()
        if self._notes_db is not None:
            self._notes_db.close()
