"""One incident's storage: a checksummed append journal folded into TinyDB.

Directory per incident (`DATA/incidents/ID/`):
  incident.json   TinyDB (SafeJSONStorage): the incident record, rewritten atomically
  notes.json      TinyDB (SafeJSONStorage): the notes folded so far, one doc per seq
  journal.jsonl   `CRC JSON` lines appended and fsynced before a note is acknowledged
  lock            flock: one writer at a time across processes

An append costs one write + fdatasync whatever the incident's size. The journal is
folded into notes.json (atomic rewrite) when it holds as many notes as the store, so
the fold's cost per note stays constant. Every operation that touches the files runs
under the lock after `refresh()` has read what other processes appended.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Document

from app.incidents.model import Incident, Note
from app.incidents.records import (
    incident_to_record,
    note_to_record,
    record_to_incident,
    record_to_note,
    salvage_docs,
    strip_crc,
    with_crc,
)
from app.incidents.storage import (
    FileLock,
    SafeJSONStorage,
    atomic_write,
    decode_line,
    encode_line,
    fsync_dir,
    move_aside,
    reason,
    sync,
    write_all,
)

BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation

META, NOTES, JOURNAL, LOCK = "incident.json", "notes.json", "journal.jsonl", "lock"
DAMAGE = (ValueError, UnicodeDecodeError, KeyError, TypeError, AttributeError)


class Book:
    """The notes of one incident, in memory, mirrored on disk (or memory-only)."""

    def __init__(self, incident_id: str, directory: Path | None, fold_min: int = 2000):
        self.id = incident_id
        self.dir = directory
        self.fold_min = fold_min
        self.notes: list[Note] = []  # by seq
        self.by_id: dict[str, Note] = {}
        self.warnings: list[str] = []
        self._stored = 0  # notes already in notes.json
        self._fd: int | None = None  # journal, O_APPEND
        self._ino: int | None = None
        self._offset = 0
        self._repair = False  # the journal has a damaged tail: fix before appending
        if directory is None:
            self._meta_db = TinyDB(storage=MemoryStorage)
            self._notes_db = TinyDB(storage=MemoryStorage)
            self.lock = contextlib.nullcontext()
        else:
            self._meta_db = TinyDB(directory / META, storage=SafeJSONStorage)
            self._notes_db = TinyDB(directory / NOTES, storage=SafeJSONStorage)
            self.lock = FileLock(directory / LOCK)

    # --- incident record ---

    def read_incident(self) -> Incident | None:
        """The incident record; a damaged file is moved aside and None returned."""
        try:
            doc = self._meta_db.table("incident").get(doc_id=1)
            return record_to_incident(doc) if doc else None
        except DAMAGE:
            if self.dir is not None and (self.dir / META).exists():
                kept = self._aside(self.dir / META)
                self.warnings.append(
                    f"The incident record {self.dir / META} was damaged; {kept} and it "
                    "was rebuilt from the notes."
                )
            return None

    def _aside(self, path: Path) -> str:
        """Move a damaged file aside; say where it is (or why it could not move)."""
        try:
            return f"it was kept as {move_aside(path).name}"
        except OSError as err:
            return f"it could not be moved aside ({reason(err)})"

    def write_incident(self, inc: Incident) -> None:
        self._meta_db.table("incident").upsert(Document(incident_to_record(inc), doc_id=1))

    # --- loading ---

    def load(self) -> None:
        """Read notes.json and the journal; recover what is readable; fold if needed."""
        with self.lock:
            self._close_fd()
            notes, store_bad = self._read_store()
            self._stored = len(notes)
            journal, journal_bad = self._read_journal()
            seen = {n.seq: n.id for n in notes}
            top = max(seen, default=0)
            for n in journal:
                if seen.get(n.seq) == n.id:
                    continue  # already folded (a crash between the two renames)
                if n.seq in seen:  # never drop evidence: give it the next free seq
                    n = dataclasses.replace(n, seq=top + 1)
                seen[n.seq] = n.id
                top = max(top, n.seq)
                notes.append(n)
            self._set_notes(notes)
            if store_bad:  # notes.json was moved aside: write it anew
                self._stored = 0
            self._repair = journal_bad
            if store_bad or journal_bad or self._due():
                try:
                    self.fold(move_journal=journal_bad)
                except OSError as err:  # read-only: recovered in memory; repair on write
                    self.warnings.append(f"The repair could not be saved yet ({reason(err)}).")

    def _set_notes(self, notes: list[Note]) -> None:
        self.notes = sorted(notes, key=lambda n: n.seq)
        self.by_id = {n.id: n for n in self.notes}

    def _read_store(self) -> tuple[list[Note], bool]:
        try:
            # TinyDB's own storage read (all() would build 10,000 Document objects)
            docs = list(((self._notes_db.storage.read() or {}).get("notes") or {}).values())
        except DAMAGE:
            path = self.dir / NOTES
            raw = path.read_bytes()
            good = self._valid(salvage_docs(raw.decode("utf-8", "replace")))
            kept = self._aside(path)
            self.warnings.append(
                f"The notes file {path} was damaged; {kept} and {len(good)} readable "
                "notes were recovered from it."
            )
            return good, True
        good = self._valid([r for r in map(strip_crc, docs) if r is not None])
        if len(good) != len(docs):
            path = self.dir / NOTES
            kept = self._aside(path)
            self.warnings.append(
                f"{len(docs) - len(good)} damaged notes in {path} were skipped; {kept} "
                f"and {len(good)} notes were recovered."
            )
            return good, True
        return good, False

    def _valid(self, recs: list[dict]) -> list[Note]:
        good, seqs = [], set()
        for rec in recs:
            try:
                note = record_to_note(rec, self.id)
            except DAMAGE:
                continue
            if note.seq not in seqs:
                seqs.add(note.seq)
                good.append(note)
        return good

    def _read_journal(self, start: int = 0) -> tuple[list[dict], bool]:
        """Complete, valid lines from `start`; sets the offset. True if any were bad."""
        if self.dir is None:
            return [], False
        path = self.dir / JOURNAL
        try:
            with open(path, "rb") as f:
                self._ino = os.fstat(f.fileno()).st_ino
                f.seek(start)
                data = f.read()
        except FileNotFoundError:
            self._ino, self._offset = None, 0
            return [], False
        lines = data.split(b"\n")
        torn = lines.pop()  # b"" when the file ends with a newline
        notes, bad = [], bool(torn)
        for line in lines:
            rec = decode_line(line)
            found = self._valid([rec]) if rec is not None else []
            if found:
                notes.append(found[0])
            else:
                bad = True
        self._offset = start + len(data)
        if bad:
            self.warnings.append(
                f"The journal {path} had a damaged or unfinished entry; it will be kept "
                f"aside and every readable note ({len(notes)} in it) was recovered."
            )
        return notes, bad

    def refresh(self) -> None:
        """Take in what other processes wrote since we last looked (call under the lock)."""
        if self.dir is None:
            return
        try:
            st = os.stat(self.dir / JOURNAL)
        except FileNotFoundError:
            st = None
        ino = st.st_ino if st else None
        if ino != self._ino or (st and st.st_size < self._offset):
            self.load()  # folded or repaired by another process
            return
        if st and st.st_size > self._offset:
            new, bad = self._read_journal(self._offset)
            last = self.notes[-1].seq if self.notes else 0
            if all(n.seq == last + i + 1 for i, n in enumerate(new)):
                for n in new:
                    self.notes.append(n)
                    self.by_id[n.id] = n
            else:
                self._set_notes(self.notes + [n for n in new if n.id not in self.by_id])
            if bad:
                self._repair = True
                self.fold(move_journal=True)

    # --- writing ---

    def bulk_load(self, notes: list[Note]) -> None:
        """Fill a new, empty incident at once (imports): one atomic write."""
        with self.lock:
            self.notes = sorted(notes, key=lambda n: n.seq)
            self.by_id = {n.id: n for n in self.notes}
            if self.dir is None:
                docs = (Document(with_crc(note_to_record(n)), doc_id=n.seq) for n in self.notes)
                self._notes_db.table("notes").insert_multiple(docs)
            else:
                self._stored = 0
                self.fold()

    def append(self, note: Note) -> None:
        """Make `note` durable (journal write + fdatasync), then add it in memory.

        Call under the lock after `refresh()`; `note.seq` must be the next seq.
        Raises OSError (nothing is added in memory) when the disk refuses.
        """
        rec = note_to_record(note)
        if self._repair:  # never append after a damaged tail
            self.fold(move_journal=True)
        if self.dir is None:
            self._notes_db.table("notes").insert(Document(with_crc(rec), doc_id=note.seq))
        else:
            self._write_line(encode_line(rec))
        self.notes.append(note)
        self.by_id[note.id] = note
        if self._due():
            try:
                self.fold()
            except OSError as err:  # the note is safe in the journal; fold later
                self.warnings.append(f"Could not tidy the notes file ({err.strerror}).")

    def _write_line(self, line: bytes) -> None:
        self.lock.check()
        path = self.dir / JOURNAL
        if self._fd is None:
            created = not path.exists()
            self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | BINARY, 0o600)
            self._ino = os.fstat(self._fd).st_ino
            if created:
                fsync_dir(self.dir)
        try:
            write_all(self._fd, line)
            sync(self._fd)
        except OSError:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, self._offset)  # no half line left behind
            raise
        self._offset += len(line)

    def _due(self) -> bool:
        pending = len(self.notes) - self._stored
        return self.dir is not None and pending > 0 and pending >= max(self.fold_min, self._stored)

    def fold(self, move_journal: bool = False) -> None:
        """Move journal notes into notes.json (atomic), then start an empty journal."""
        if self.dir is None:
            return
        self.lock.check()
        if self._stored == 0 and (self.dir / NOTES).exists():
            move_aside(self.dir / NOTES)  # damaged and not moved yet (it was read-only)
        new = self.notes[self._stored :]
        if new:
            self._notes_db.table("notes").insert_multiple(
                Document(with_crc(note_to_record(n)), doc_id=n.seq) for n in new
            )
        self._stored = len(self.notes)
        self._close_fd()
        path = self.dir / JOURNAL
        if move_journal and path.exists():
            move_aside(path)
        atomic_write(path, b"")
        self._repair = False
        self._ino, self._offset = os.stat(path).st_ino, 0

    def _close_fd(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None

    def close(self) -> None:
        with contextlib.suppress(OSError):
            with self.lock:
                self.refresh()
                if len(self.notes) > self._stored:
                    self.fold()
        self._close_fd()
        self._meta_db.close()
        self._notes_db.close()
