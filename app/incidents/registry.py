"""IncidentLog's internals: the open books (one per incident), errors, the outbox.

Kept apart from `log.py` so that file reads as the public interface.
"""

from __future__ import annotations

import contextlib
import dataclasses
import secrets
import shutil
import threading
from pathlib import Path

from app.incidents import standing
from app.incidents.book import Book
from app.incidents.kinds import NoteKind
from app.incidents.model import (
    ImportRefused,
    Incident,
    IncidentNotFound,
    Note,
    NoteRefused,
    PendingNote,
    StorageUnavailable,
    StorageUnreadable,
)
from app.incidents.records import valid_id
from app.incidents.storage import fsync_dir, reason
from app.incidents.validate import clean_text
from app.said import Said


class Books:
    """The books of one IncidentLog: made by `IncidentLog.__init__` with its data folder
    (None: memory), fold_min and lock; the log reads its warnings and pending notes."""

    def __init__(self, root: Path | None, fold_min: int, lock: threading.RLock):
        self.root = root
        self.fold_min = fold_min
        self.lock = lock
        self.warnings: list[str] = []
        self.open: dict[str, Book] = {}
        self.loaded: set[str] = set()
        self.pending: dict[str, list[PendingNote]] = {}
        self.scans = standing.Scans()

    def book(self, incident_id: str, load: bool = False) -> Book:
        if not valid_id(incident_id):
            shown = clean_text(repr(incident_id))[:80]
            raise IncidentNotFound(Said("said_no_incident", id=shown))
        book = self.open.get(incident_id)
        if book is None:
            directory = None
            if self.root is not None:
                directory = self.root / incident_id
                if self.root.exists() and not self.root.is_dir():  # not "no incident X"
                    raise StorageUnreadable(Said("said_not_read", where=self.root,
                                                 reason=Said("said_reason_file")))
                if not directory.is_dir():
                    raise IncidentNotFound(Said("said_no_incident_in", id=incident_id,
                                                folder=self.root))
            else:
                raise IncidentNotFound(Said("said_no_incident", id=incident_id))
            book = self.open[incident_id] = Book(incident_id, directory, self.fold_min)
        if load and incident_id not in self.loaded:
            self.guard(book.load, book, reading=True)
            self.loaded.add(incident_id)
        return book

    def read(self, incident_id: str) -> Book:
        book = self.book(incident_id, load=True)
        self.refresh(book)
        return book

    def refresh(self, book: Book) -> None:
        try:
            with book.lock:
                book.refresh()
        except OSError:
            pass  # read what we have; a write will report the disk problem
        self.collect(book)

    def collect(self, book: Book) -> None:
        if book.warnings:
            self.warnings.extend(w for w in book.warnings if w not in self.warnings)
            book.warnings.clear()

    def guard(self, action, book: Book | None = None, reading: bool = False):
        try:
            return action()
        except OSError as err:
            where = book.dir if book is not None and book.dir else self.root
            if reading:
                raise StorageUnreadable(
                    Said("said_not_read", where=where, reason=reason(err, reading=True))
                ) from err
            raise StorageUnavailable(
                Said("said_not_written", where=where, reason=reason(err)), str(where)
            ) from err
        finally:
            if book is not None:
                self.collect(book)

    def exists(self, incident_id: str) -> bool:
        return incident_id in self.open or (
            self.root is not None and (self.root / incident_id).exists()
        )

    def incident(self, incident_id: str) -> Incident:
        """The incident record, open or closed as its entries say (standing.py)."""
        book = self.book(incident_id)
        inc = book.read_incident()
        self.collect(book)
        if inc is None:
            return self.rebuild(book)
        if book.id in self.loaded:  # cheap: the record entries in memory
            closed = standing.said(book)
        else:  # cheap: the log's bytes, looked at again only when a file changed
            closed = self.scans.closing(book.dir) if book.dir is not None else None
        return inc if standing.agrees(inc, closed) else self.settle(book)

    def settle(self, book: Book) -> Incident:
        """The record and the entries seemed to disagree: read the log in full, under its
        lock, and let the entries decide; a record that disagrees is set aside and said."""

        def check():
            with book.lock:
                if book.id in self.loaded:
                    with contextlib.suppress(OSError):  # decide on what is in memory
                        book.refresh()
                else:
                    book.load()
                    self.loaded.add(book.id)
                return standing.settle(book)

        inc, warning = self.guard(check, book, reading=True)
        if warning is not None and warning not in self.warnings:
            self.warnings.append(warning)
        return inc if inc is not None else self.rebuild(book)

    def create(self, inc: Incident, entries: list | None = None,
               guide: str | None = None, tail: tuple[int, str] | None = None) -> Book:
        """A new incident folder: entry #0 (naming the `guide` in use, when given) or the
        imported entries (with the export's `tail`, ends.py), then the record. Nothing is
        left behind when any step fails."""
        if not valid_id(inc.id):
            raise ImportRefused(f"{inc.id!r} is not a valid incident id; nothing was imported.")
        if self.exists(inc.id):
            raise ImportRefused(f"Incident {inc.id} already exists here; nothing was imported.")
        directory = None if self.root is None else self.root / inc.id
        book = Book(inc.id, directory, self.fold_min)
        try:
            if directory is not None:
                self.guard(lambda: _make_dir(directory))
            if entries is None:
                opened = Note(secrets.token_hex(6), inc.id, 0, inc.opened_at,
                              NoteKind.INCIDENT_OPENED, inc.situation, location=inc.location,
                              item=guide)
                self.guard(lambda: _locked(book, lambda: book.append(opened)), book)
            else:
                self.guard(lambda: book.bulk_load(entries, tail), book)
            self.guard(lambda: book.write_incident(inc), book)
            if entries is not None and not book.chained:
                self.guard(lambda: _locked(book, book.migrate), book)
            if entries is not None:  # a cut the export tells is told here at once
                _locked(book, book.check_ends)
        except BaseException:
            book.close()
            if directory is not None:
                shutil.rmtree(directory, ignore_errors=True)
            raise
        self.open[inc.id] = book
        self.loaded.add(inc.id)
        return book

    def rebuild(self, book: Book) -> Incident:
        """The incident record from the record entries, written back when possible."""
        self.book(book.id, load=True)
        inc = book.replay()
        if inc is None:
            if not book.notes:
                raise IncidentNotFound(Said("said_no_readable_incident", id=book.id))
            inc = Incident(book.id, book.notes[0].at, None,
                           "(recovered: the incident record was damaged)", "")
        try:
            book.write_incident(inc)
        except OSError:
            pass
        return inc

    def reconcile(self, book: Book, inc: Incident) -> None:
        """After a crash between an entry and the record's rewrite, the entries win."""
        told = book.replay(inc)
        if told is not None and told != inc:
            try:
                book.write_incident(told)
            except OSError:
                pass

    def append_record(self, book: Book, kind: NoteKind, text: str = "", **fields) -> Note:
        """An entry of the incident record (closed, details), written at once."""

        def write() -> Note:
            with book.lock:
                book.refresh()
                book.migrate()
                seq = book.last_seq + 1
                note = Note(secrets.token_hex(6), book.id, seq, fields.pop("at"), kind, text,
                            **fields)
                book.append(note)
                return note

        return self.guard(write, book)

    def flush(self, incident_id: str, newest: str | None = None) -> list[Note]:
        """Write the pending queue of one incident in order (under the file lock).

        A disk error (OSError) stops the queue: order is kept and everything is retried.
        Any other error is not the disk's: that note stays pending with a sentence
        saying so, and the notes after it are written (it never blocks them)."""
        queue = self.pending.get(incident_id, [])
        book = self.book(incident_id, load=True)
        written: list[Note] = []
        refused: str | None = None
        try:
            with book.lock:
                book.refresh()
                for p in list(queue):
                    if p.id not in book.by_id:
                        try:
                            book.migrate()
                            seq = book.last_seq + 1
                            book.append(Note(p.id, incident_id, seq, p.at, p.kind, p.text,
                                             **p.fields))
                        except OSError:
                            raise
                        except Exception as err:  # noqa: BLE001 - never block the queue
                            msg = Said("said_note_failed", error=type(err).__name__)
                            queue[queue.index(p)] = dataclasses.replace(p, error=msg)
                            refused = msg if p.id == newest else refused
                            continue
                    written.append(book.by_id[p.id])
                    queue.remove(p)
        except OSError as err:
            where = book.dir or self.root
            msg = Said("said_note_kept", where=where, reason=reason(err), n=len(queue))
            queue[:] = [dataclasses.replace(p, error=msg) for p in queue]
            raise StorageUnavailable(msg, str(where), len(queue)) from err
        finally:
            self.collect(book)
        if refused:
            raise NoteRefused(refused)
        return written

    def forget(self, incident_id: str) -> None:
        book = self.open.pop(incident_id, None)
        if book is not None:
            book.close()
        self.loaded.discard(incident_id)
        self.pending.pop(incident_id, None)


def _locked(book: Book, action):
    with book.lock:
        return action()


def _make_dir(directory: Path) -> None:
    """Create an incident folder so that its name survives a power cut too."""
    directory.mkdir(mode=0o700, parents=True)
    fsync_dir(directory.parent)
    fsync_dir(directory.parent.parent)
