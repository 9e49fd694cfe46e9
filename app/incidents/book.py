"""One incident's entries: a chained, checksummed append journal folded into TinyDB.

Directory per incident (`DATA/incidents/ID/`):
  incident.json          TinyDB (SafeJSONStorage): the incident record, a copy of what
                         the record entries say (rebuilt from them when damaged)
  tail                   the number and hash of the last closing entry or amendment:
                         how far the log reached (ends.py; the lock file keeps the
                         same for the last entry of any kind)
  notes.json             TinyDB (SafeJSONStorage): the entries folded so far, by seq
  journal.jsonl          one line per entry, appended and fsynced before a note is
                         acknowledged (`storage.encode_line`)
  journal-N-X.jsonl      a journal set aside to be folded (N: its last seq); deleted
                         once notes.json holds it
  lock, fold.lock        flock (`locks.py`): one writer at a time; one fold at a time

An append costs one line + fdatasync whatever the incident's size and never waits for
a fold: when the journal holds as many entries as notes.json (and at least fold_min),
it is renamed aside under the lock (instant) and a background thread
(`journal.FoldJob`) rewrites notes.json from memory while appends go to a new journal.
Every entry is checked when read (`journal_read.py`), and the chain (`chain.py`) when
opened. A damaged file is set aside (`NAME.corrupt-TIME`) after its readable entries
are written to a new journal file, and the officer is told. No fold ever runs while an
incident opens. The entries in memory and their indexes are `ledger.Ledger`.
Every operation that touches the files runs under the lock after `refresh()`.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Document

from app.incidents import chain, ends, journal, migrate
from app.incidents.journal_read import read_all, read_journal
from app.incidents.kinds import NoteKind
from app.incidents.ledger import Ledger
from app.incidents.locks import FileLock
from app.incidents.meta import IncidentFile
from app.incidents.model import Incident, Note
from app.incidents.records import note_to_record, record_to_note, to_doc
from app.incidents.storage import encode_line, move_aside, reason
from app.said import Said

LOCK = "lock"
NOTES, JOURNAL = journal.NOTES, journal.JOURNAL
TAIL_KINDS = (NoteKind.INCIDENT_CLOSED, NoteKind.AMENDMENT)  # what the tail follows
TAIL_VALUES = frozenset(k.value for k in TAIL_KINDS)


class Book(Ledger):
    """The entries of one incident, in memory (`Ledger`), mirrored on disk (or
    memory-only)."""

    def __init__(self, incident_id: str, directory: Path | None, fold_min: int = 2000):
        super().__init__(incident_id)
        self.dir = directory
        self.fold_min = fold_min
        self.warnings: list[str] = []
        self._damaged: list[Path] = []  # to set aside once the repair is written
        self._gen = 0  # the lock file's counter when we last read the journals
        self.lost_all = False  # the record is there but not one entry (said_no_entries)
        self.meta = IncidentFile(directory)
        if directory is None:
            self._notes_db = TinyDB(storage=MemoryStorage)
            self.lock = contextlib.nullcontext()
            self.tail = ends.Tail(None)
        else:
            self._notes_db = None
            self.lock = FileLock(directory / LOCK)
            self.tail = ends.Tail(directory, self.lock)
            self.folder = journal.Folder(directory)
            self.current = journal.Current(directory)

    @property
    def last_seq(self) -> int:
        """After every entry was lost, the next one is #1, never a new #0: the chain then
        keeps saying that #0 is missing on every open, instead of passing as whole."""
        return 0 if self.lost_all and not self.recs else super().last_seq

    # --- incident record ---

    def read_incident(self) -> Incident | None:
        """The incident record; a damaged file is moved aside and None returned."""
        inc, problem = self.meta.read()
        self._tell(problem)
        return inc

    def write_incident(self, inc: Incident) -> None:
        self.meta.write(inc)

    # --- loading ---

    def load(self) -> None:
        """Read notes.json and the journals; recover what is readable; say what is wrong."""
        with self.lock:
            if self.dir is None:
                return
            self.current.close()
            self.folder.remove_temps()
            self._gen = self.lock.counter()
            self._damaged = []
            entries, self.folder.stored, problems, ino, size = read_all(self.dir, self.id)
            self.current.ino, self.current.offset = ino, size
            for sentence, path in problems:
                self._problem(sentence, path)
            self.lost_all = not entries and bool(self.meta.path and self.meta.path.exists())
            if self.lost_all:
                self.warnings.append(Said("said_no_entries", id=self.id, folder=self.dir))
            self._set(entries)
            status = self.verifier.status()
            if not status.intact:
                self.warnings.append(Said("said_incident", id=self.id, problem=status.problem))
            try:
                self.repair()
            except OSError as err:  # read-only: recovered in memory; repaired on write
                self.warnings.append(Said("said_repair_not_saved", reason=reason(err)))
            self.migrate()
            self.check_ends()
            self.maybe_fold()

    def check_ends(self) -> None:
        """Say when entries were cut from the end (`ends.py`): the closing entry, or what
        the tail says was written. Only for a chained log: an old one is given its closing
        entry by `migrate`."""
        self.cut_short = None
        if not self.notes or not self.hashes or self.hashes[-1] is None:
            return
        records = [self.notes[i] for i in self.record_at]
        found = ends.cut_short(self.read_incident(), records, self.last_seq, self.tail.both(),
                               self.hash_at)
        if found is not None:
            self.cut_short, warning = found
            self.warnings.append(warning)

    def export_tail(self) -> tuple[int, str] | None:
        """The tail a JSON export carries (`ends.carried`); read in one hold of the lock with
        its entries (`IncidentLog.export`), or another process's entry looks like a cut."""
        with self.lock:
            return ends.carried(self.tail.both(), self.last_seq, self.hash_at)

    def _problem(self, sentence: str | None, path: Path) -> None:
        if sentence:
            self.warnings.append(sentence)
            self._damaged.append(path)

    def refresh(self) -> None:
        """Take in what other processes wrote since we last looked (call under the lock)."""
        if self.dir is None:
            return
        self._tell(self.folder.clean_up())
        try:
            st = os.stat(self.dir / JOURNAL)
        except FileNotFoundError:
            st = None
        ino = st.st_ino if st else None
        cur = self.current
        if self.lock.counter() != self._gen or ino != cur.ino or (st and st.st_size < cur.offset):
            self.load()  # set aside, folded or repaired by another process
            return
        if st and st.st_size > cur.offset:
            new, problem, size, _ = read_journal(cur.path, self.id, cur.offset)
            cur.offset += size
            last = self.last_seq
            if all(n.seq == last + i + 1 for i, (_, _, n) in enumerate(new)):
                for rec, h, n in new:
                    self._add(rec, h, n)
            else:
                known = list(zip(self.recs, self.hashes, self.notes.built, strict=True))
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
            self.lock.check()
            self.current.append(encode_line(rec, entry_hash))
        self._add(rec, entry_hash, note)
        if not self.cut_short:  # a cut, once found, stays told
            self.tail.raise_to(note.seq, entry_hash, closing=note.kind in TAIL_KINDS)
        self.maybe_fold()

    def bulk_load(self, entries: list[tuple[dict, str | None]],
                  tail: tuple[int, str] | None = None) -> None:
        """Fill a new, empty incident at once (imports): one atomic write; watched for
        cuts like one written here, from the export's `tail` if it has one (ends.py)."""
        with self.lock:
            self._set([(rec, h, record_to_note(rec, self.id)) for rec, h in entries])
            ends_at = [(r["seq"], h) for r, h in entries if r.get("kind") in TAIL_VALUES]
            last = (self.recs[-1]["seq"], self.hashes[-1]) if self.recs else None
            cut = tail is not None and ends.tells(tail, self.last_seq, self.hash_at)
            self.tail.start(tail, max(ends_at, default=None), last, cut)
            if self.dir is None:
                docs = [Document(to_doc(r, h), doc_id=r["seq"] + 1) for r, h in entries]
                self._notes_db.table("notes").insert_multiple(docs)
            else:
                self.fold_now()

    def migrate(self) -> None:
        """Start the chain of an incident written before it existed (`migrate.py`)."""
        migrate.start_chain(self)

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
                self.current.forget()
                self._gen = self.lock.bump()
            elif path.name == NOTES:
                self.folder.stored = 0
        self._damaged = []

    # --- folding (journal.Folder and FoldJob do the writing) ---

    def _tell(self, sentence: str | None) -> None:
        if sentence:
            self.warnings.append(sentence)

    def _due(self) -> bool:
        pending = len(self.recs) - self.folder.stored
        return pending > 0 and pending >= max(self.fold_min, self.folder.stored)

    def maybe_fold(self, force: bool = False, wait: bool = False) -> journal.FoldJob | None:
        """Under the lock, after `refresh()`: when due (or `force`), set the journal aside
        and start a background fold. Unless `wait`, never waits: if another process is
        folding, the fold happens at a later append."""
        if self.dir is None or self.folder.busy():
            return None
        self._tell(self.folder.collect())
        if not self.recs or not (force or self._due()):
            return None
        lock = self.folder.take(wait)
        if lock is None:
            return None
        try:
            self.current.close()
            if journal.rotate(self.dir, self.last_seq):
                self._gen = self.lock.bump()
        except OSError:
            lock.release()
            return None
        self.current.forget()
        return self.folder.start(lock, list(self.recs), list(self.hashes))

    def wait(self) -> None:
        """Wait for a background fold of this book to finish."""
        if self.dir is not None:
            self.folder.wait()

    def fold_now(self) -> None:
        """Fold everything now and wait for it (closing, importing)."""
        if self.dir is None:
            return
        self.wait()
        with self.lock:
            self.refresh()
            pending = len(self.recs) != self.folder.stored or journal.set_aside(self.dir)
            if pending or (self.dir / JOURNAL).exists():
                job = self.maybe_fold(force=True, wait=True)
                if job is not None:
                    job.join()
                    self._tell(self.folder.clean_up())
                    if job.error is not None:
                        err = job.error
                        raise err if isinstance(err, OSError) else OSError(str(err))

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.fold_now()
        self.wait()
        if self.dir is not None:
            self.current.close()
        self.meta.close()
        if self._notes_db is not None:
            self._notes_db.close()
